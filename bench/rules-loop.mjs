#!/usr/bin/env node
// The rule loop's time per description (issue 17), in a fresh process: bundles
// bench/harness/rules-loop.ts with esbuild (from this checkout, or --root <checkout> to
// measure another one the same way) and runs it over a corpus folder.
//   node bench/rules-loop.mjs [--root DIR] [--count N] [--passes N] [--json] CORPUS
// Prints µs per description of the lint (analyzeDocument minus parse) and of the parse,
// pass 1 (cold) and the passes after it (warm). For a profile:
//   node --cpu-prof --cpu-prof-dir /tmp/prof bench/rules-loop.mjs CORPUS
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string' }, count: { type: 'string' }, passes: { type: 'string', default: '3' }, json: { type: 'boolean' } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/rules-loop.mjs [--root DIR] [--count N] [--passes N] [--json] CORPUS');
  process.exit(2);
}
const root = resolve(opts.root ?? join(here, '..'));
// The harness is bundled from inside the measured checkout (its relative imports resolve there).
const entry = join(root, 'bench', 'harness', 'rules-loop.ts');
if (opts.root) {
  mkdirSync(dirname(entry), { recursive: true });
  copyFileSync(join(here, 'harness', 'rules-loop.ts'), entry);
}
const outdir = join(tmpdir(), `hanke-rules-loop-${process.pid}`);
const outfile = join(outdir, 'rules-loop.cjs');
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning' });
const h = createRequire(import.meta.url)(outfile);
rmSync(outdir, { recursive: true, force: true });
const texts = h.readCorpus(resolve(positionals[0]), opts.count ? Number(opts.count) : Infinity);
const r = h.rulePasses(texts, Number(opts.passes));
const round = (x) => Math.round(x * 10) / 10;
if (opts.json) console.log(JSON.stringify({ n: texts.length, ...r }));
else
  console.log(`${texts.length} descriptions, ${r.findings} findings. µs per description — lint: ${r.rules.map(round).join(' / ')}; parse: ${r.parse.map(round).join(' / ')} (pass 1 cold, then warm)`);
