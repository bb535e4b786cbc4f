#!/usr/bin/env node
// The rule loop's time per description (issue 17), in fresh processes: bundles
// bench/harness/rules-loop.ts with esbuild (from this checkout, or from --root <checkout>
// to measure another one the same way) and runs it over a corpus folder.
//
//   node bench/rules-loop.mjs [--root DIR] [--count N] [--passes N] [--runs N] [--v8 FLAGS] CORPUS
//
// --v8 gives the measuring processes V8 flags, e.g. --v8=--max-inlined-bytecode-size-cumulative=100
// (what the batch commands set in server/src/cli-start.ts), to measure as the CLI runs.
//
// Prints, per description, medians over --runs fresh processes:
// - cold: a first pass in a fresh process (what each CLI run and worker pays while the JIT
//   warms up), as the CPU time of the process for parse + lint minus that for parse alone
//   (two processes, so the compiler threads' work counts where it belongs);
// - coldStep: the same first pass read around each analyzeDocument (what runs then, the
//   compiler threads' work included);
// - warm: the lint's CPU time read around each analyzeDocument in the passes after the first.
// For a profile of the same work: node --cpu-prof bench/rules-loop.mjs --child lint CORPUS
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: 'string' },
    count: { type: 'string' },
    passes: { type: 'string', default: '3' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
    bundle: { type: 'string' },
    v8: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/rules-loop.mjs [--root DIR] [--count N] [--passes N] [--runs N] [--v8 FLAGS] CORPUS');
  process.exit(2);
}
const corpus = resolve(positionals[0]);
const count = opts.count ? Number(opts.count) : Infinity;

if (opts.child) {
  // One measurement in this (fresh) process: `parse` or `lint` (a first pass, whole-process CPU), or `warm` (per-step readings, --passes passes).
  const h = createRequire(import.meta.url)(opts.bundle);
  const texts = h.readCorpus(corpus, count);
  const out = opts.child === 'warm' ? h.rulePasses(texts, Number(opts.passes)) : { cpu: h.passCpu(texts, opts.child === 'lint') };
  console.log(JSON.stringify({ n: texts.length, ...out }));
} else {
  const root = resolve(opts.root ?? join(here, '..'));
  // The harness is bundled from inside the measured checkout (its relative imports resolve there).
  const entry = join(root, 'bench', 'harness', 'rules-loop.ts');
  if (opts.root) {
    mkdirSync(dirname(entry), { recursive: true });
    copyFileSync(join(here, 'harness', 'rules-loop.ts'), entry);
  }
  const outdir = join(tmpdir(), `hanke-rules-loop-${process.pid}`);
  const bundle = join(outdir, 'rules-loop.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const child = (mode) => {
    const flags = opts.v8 ? opts.v8.split(/\s+/).filter(Boolean) : [];
    const r = spawnSync(
      process.execPath,
      [...flags, fileURLToPath(import.meta.url), '--child', mode, '--bundle', bundle, '--passes', opts.passes, ...(opts.count ? ['--count', opts.count] : []), corpus],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`measurement failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const cold = [];
  const coldStep = [];
  const warm = [];
  const parseCold = [];
  let n = 0;
  try {
    for (let i = 0; i < Number(opts.runs); i++) {
      const p = child('parse');
      const l = child('lint');
      const w = child('warm');
      n = w.n;
      parseCold.push(p.cpu);
      cold.push(l.cpu - p.cpu);
      coldStep.push(w.rules[0]);
      warm.push(median(w.rules.slice(1)));
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  const r1 = (x) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      root,
      ...(opts.v8 ? { v8: opts.v8 } : {}),
      n,
      cold: r1(median(cold)),
      coldStep: r1(median(coldStep)),
      warm: r1(median(warm)),
      parseCold: r1(median(parseCold)),
      runs: { cold: cold.map(r1), coldStep: coldStep.map(r1), warm: warm.map(r1) },
    }),
  );
}
