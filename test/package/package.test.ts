// The packages as users get them, built from a copy of the repository (so that the
// production build of `npm pack` and `vsce package` never touches dist/ under the other
// tests):
// - `npm pack` builds itself (prepack), holds only what the CLI runs plus README, LICENSE,
//   CHANGELOG and the docs, ≤ 2 MB unpacked; installed into a temporary prefix, its
//   `hanke` lints the examples from any directory, and so does `npx --package <tgz>`.
// - the .vsix holds what the extension loads: the client and server bundles, the rule
//   pages, package.nls*.json and the l10n bundle — not the CLI bundle, no source maps.
// Set HANKE_SKIP_PACKAGE_TEST=1 to skip (it takes some seconds of CPU).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../server/src/core/rules';

const ROOT = resolve(__dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const skip = process.env.HANKE_SKIP_PACKAGE_TEST === '1';
const ids = CATALOGUE.map((r) => r.id);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** Leave out what a fresh clone does not have (and what is large): installed modules, builds, packages. */
const LEFT_OUT = new Set(['node_modules', 'dist', '.git', 'coverage', '.cache', 'out']);

let tmp: string;
let copy: string;
let env: NodeJS.ProcessEnv;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
}

beforeAll(() => {
  if (skip) return;
  tmp = mkdtempSync(join(tmpdir(), 'hanke-pkg-'));
  copy = join(tmp, 'repo');
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src);
      const top = rel.split(/[\\/]/)[0];
      return !LEFT_OUT.has(top) && !/\.(vsix|tgz)$/.test(rel) && !rel.startsWith(join('test', 'e2e', 'screenshots'));
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'junction');
  // npm's own cache and prefix, so the test touches nothing of the user's.
  env = { ...process.env, npm_config_cache: join(tmp, 'npm-cache'), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const k of Object.keys(env)) if (/^npm_(lifecycle|package)_/.test(k)) delete env[k];
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000); // an installed package's tree: more than the default 10 s on a busy machine

describe.skipIf(skip)('npm package', () => {
  let tgz: string;
  let files: { path: string; size: number }[];
  let unpacked: number;
  const prefix = () => join(tmp, 'prefix');
  const bin = () => join(prefix(), process.platform === 'win32' ? 'hanke.cmd' : 'bin/hanke');

  beforeAll(() => {
    const out = JSON.parse(run(NPM, ['pack', '--json', '--pack-destination', tmp], copy).replace(/^[^[]*/, ''));
    tgz = join(tmp, out[0].filename);
    files = out[0].files;
    unpacked = out[0].unpackedSize;
  }, 180_000);

  it('builds itself when packed and holds only what runs, with README, LICENSE, CHANGELOG and the docs', () => {
    expect(existsSync(tgz)).toBe(true);
    const paths = files.map((f) => f.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'docs/format.md', 'schemas/hankerc.schema.json']));
    for (const id of ids) expect(paths).toContain(`docs/rules/${id}.md`);
    for (const p of paths) {
      expect(p, p).not.toMatch(/\.map$|^test\/|^bench\/|^server\/|^client\/|^scripts\/|^\.ci\/|^examples\/|^node_modules\//);
    }
    expect(paths.filter((p) => p.startsWith('dist/'))).toEqual(['dist/cli-main.js', 'dist/cli.js']);
    expect(unpacked).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('installs into a prefix; its `hanke` lints the examples from another directory (three warnings)', () => {
    run(NPM, ['install', '--global', '--offline', '--prefix', prefix(), tgz], tmp);
    const elsewhere = mkdtempSync(join(tmp, 'cwd-'));
    const r = spawnSync(bin(), ['lint', '--format', 'json', '--no-progress', join(ROOT, 'examples')], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rules = (JSON.parse(r.stdout) as { diagnostics: { rule: string; severity: string }[] }[]).flatMap((e) => e.diagnostics.map((d) => `${d.rule}:${d.severity}`));
    expect(rules).toEqual(['final-report-missing:warning', 'final-report-missing:warning', 'empty-field:warning']);
    const stylish = spawnSync(bin(), ['lint', '--no-color', join(ROOT, 'examples')], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toMatch(/3 warnings?/);
    const version = spawnSync(bin(), ['--version'], { cwd: elsewhere, env, encoding: 'utf8' });
    expect(version.stdout).toContain(pkg.version);
  }, 120_000);

  it('runs with `npx --package <tgz> hanke lint`', () => {
    const elsewhere = mkdtempSync(join(tmp, 'npx-'));
    const r = spawnSync(NPM, ['exec', '--yes', '--offline', `--package=${tgz}`, '--', 'hanke', 'lint', '--format', 'json', join(ROOT, 'examples')], {
      cwd: elsewhere,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(5);
  }, 120_000);
});

describe.skipIf(skip)('VS Code extension (.vsix)', () => {
  let listing: string[];

  beforeAll(() => {
    run(NPM, ['run', 'package', '--silent'], copy);
    const vsix = join(copy, 'hanke.vsix');
    expect(existsSync(vsix)).toBe(true);
    const out = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    listing = out
      .split('\n')
      .filter((l) => l.startsWith('extension/'))
      .map((l) => l.slice('extension/'.length));
  }, 180_000);

  it('carries the client and server bundles (desktop and web) but not the CLI, and no source maps or sources', () => {
    expect(listing.filter((f) => f.startsWith('dist/')).sort()).toEqual(['dist/client.js', 'dist/server.js', 'dist/web/client.js', 'dist/web/server.js']);
    for (const f of listing) expect(f, f).not.toMatch(/\.map$|\.ts$|^node_modules\/|^test\/|^bench\/|^server\/|^examples\//);
  });

  it('carries package.nls.json, package.nls.fi.json, the l10n bundle and every rule page', () => {
    expect(listing).toEqual(expect.arrayContaining(['package.json', 'package.nls.json', 'package.nls.fi.json', 'l10n/bundle.l10n.fi.json']));
    for (const id of ids) expect(listing).toContain(`docs/rules/${id}.md`);
    expect(listing.filter((f) => f.startsWith('docs/rules/')).length).toBe(ids.length);
  });

  it('carries the snippets and the walkthrough pages', () => {
    expect(listing).toContain('snippets/hanke.code-snippets');
    const manifest = pkg as unknown as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } };
    for (const s of manifest.contributes.walkthroughs.flatMap((w) => w.steps)) expect(listing).toContain(s.media.markdown);
  });
});
