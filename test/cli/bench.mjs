#!/usr/bin/env node
// Measures `hanke lint` on a generated corpus: in one thread (--jobs 1) and with worker
// threads (--jobs N), several rounds each, alternating. Reports wall-clock time, CPU
// time (user + sys, all threads), peak memory (max RSS) and files per second, and checks
// that every run printed the same JSON.
//
//   node test/cli/gen-corpus.mjs /tmp/hanke-corpus 10000
//   node test/cli/bench.mjs /tmp/hanke-corpus [--rounds 3] [--jobs 2] [--cli dist/cli.js]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const corpus = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!corpus) {
  console.error('usage: bench.mjs <corpus dir> [--rounds 3] [--jobs 2] [--cli dist/cli.js] [--format json]');
  process.exit(2);
}
const rounds = Number(opt('--rounds', 3));
const jobs = Number(opt('--jobs', os.availableParallelism()));
const cli = path.resolve(opt('--cli', path.join(HERE, '../../dist/cli.js')));
const format = opt('--format', 'json');

/** Runs the CLI under /usr/bin/time -f for CPU and memory; output is hashed, not kept. */
function run(j) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, cli, 'lint', '--format', format, '--jobs', String(j), corpus], { stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (d) => {
      hash.update(d);
      bytes += d.length;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      const [user, sys, rss] = err.trim().split('\n').pop().split(' ').map(Number);
      resolve({ jobs: j, code, wall, cpu: user + sys, rssMB: rss / 1024, bytes, hash: hash.digest('hex') });
    });
  });
}

const results = [];
for (let r = 0; r < rounds; r++) {
  for (const j of [1, jobs]) {
    const res = await run(j);
    results.push(res);
    console.log(`round ${r + 1} jobs=${j}: ${res.wall.toFixed(2)} s wall, ${res.cpu.toFixed(2)} s CPU, ${res.rssMB.toFixed(0)} MB max RSS (exit ${res.code})`);
  }
}
const hashes = new Set(results.map((r) => r.hash));
const best = (j) => results.filter((r) => r.jobs === j).sort((a, b) => a.wall - b.wall)[0];
const median = (j, k) => {
  const xs = results
    .filter((r) => r.jobs === j)
    .map((r) => r[k])
    .sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
};
const [l1, l5] = os.loadavg();
console.log(`\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${l1.toFixed(1)} / ${l5.toFixed(1)}`);
for (const j of [1, jobs]) {
  const b = best(j);
  console.log(`jobs=${j}: best ${b.wall.toFixed(2)} s, median ${median(j, 'wall').toFixed(2)} s wall; median ${median(j, 'cpu').toFixed(2)} s CPU; ${median(j, 'rssMB').toFixed(0)} MB max RSS`);
}
console.log(`speed-up (best wall): ${(best(1).wall / best(jobs).wall).toFixed(2)}×`);
console.log(`same output in every run: ${hashes.size === 1 ? 'yes' : 'NO'}`);
