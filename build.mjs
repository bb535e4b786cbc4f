// One build for the three programs: the VS Code client, the language server and the CLI.
// The client runs in VS Code's extension host (vscode is external); the server and
// the CLI are plain Node programs with everything bundled in. The web extension
// (package.json "browser") is the same client and server built for the browser:
// dist/web/client.js for the web worker extension host, dist/web/server.js for the
// Web Worker the server runs in.
import { build } from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
/** `--outdir=<dir>`: write the bundles there instead of dist/ (the bench builds the shipped client aside). */
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  // Production bundles drop white space and simplify syntax but keep their names: stack
  // traces in bug reports stay readable, and mangled names made the client load slower,
  // not faster (activation 7–10 ms slower in three alternating runs of bench/activation.cjs).
  minifyWhitespace: production,
  minifySyntax: production,
  legalComments: 'none',
  logLevel: 'warning',
};

/** The browser client: vscode-languageclient's browser build, and a Worker instead of a Node process. */
const browserClient = {
  name: 'browser-client',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageclient\/node$/ }, (args) => b.resolve('vscode-languageclient/browser', { kind: args.kind, resolveDir: args.resolveDir }));
    b.onResolve({ filter: /^\.\/language-client$/ }, (args) => ({ path: `${args.resolveDir}/language-client.browser.ts` }));
  },
};
// The web bundles are always minified: they are downloaded by the browser (budget: 1 MB
// for both, test/unit/web-bundle.test.ts).
const web = { platform: 'browser', target: 'es2022', minify: true, sourcemap: false };

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  // The command: a small entry (dist/cli.js) that starts the CLI bundle (dist/cli-main.js) with a V8 code cache.
  { entryPoints: ['server/src/cli-start.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli-main.js` },
  { ...web, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/web/client.js`, format: 'cjs', external: ['vscode'], plugins: [browserClient] },
  { ...web, entryPoints: ['server/src/lsp/browser.ts'], outfile: `${outdir}/web/server.js`, format: 'iife' },
];

if (watch) {
  const { context } = await import('esbuild');
  for (const e of entries) (await context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => build({ ...common, ...e })));
  chmodSync(`${outdir}/cli.js`, 0o755);
  if (outdir === 'dist') await writeSchemas();
}

/** schemas/hankerc.schema.json, generated from the rule registry. */
async function writeSchemas() {
  const out = await build({ ...common, entryPoints: ['server/src/core/config-schema.ts'], write: false, format: 'esm', sourcemap: false, minify: false });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  mkdirSync('schemas', { recursive: true });
  writeFileSync('schemas/hankerc.schema.json', JSON.stringify(mod.hankercSchema(), null, 2) + '\n');
}
