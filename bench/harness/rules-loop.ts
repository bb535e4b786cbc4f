// The rule loop's time per description, in process (issue 17): each description is parsed
// and then linted (analyzeDocument, the facts and every rule), as the CLI does, and only the
// lint is timed. Pass 1 runs in a fresh process (cold: what every CLI run and worker pays
// while the JIT warms up), the passes after it warm. Bundled and run by
// bench/rules-loop.mjs; run that under `node --cpu-prof` for a profile of the same work.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';

/** The texts of the first `count` descriptions (*.txt) of a folder, in name order. */
export function readCorpus(dir: string, count = Infinity): string[] {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .slice(0, count);
  return names.map((n) => readFileSync(join(dir, n), 'utf8'));
}

/** CPU time of this process in µs (other processes on the machine do not count). */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * µs per description, one figure per pass, of the lint alone (analyzeDocument: the facts
 * and every rule) and of the parse: CPU time of this process, read around each step (a
 * reading costs about 1 µs), summed. `findings` counts them (the same in every pass).
 */
export function rulePasses(texts: readonly string[], passes: number): { rules: number[]; parse: number[]; findings: number } {
  const rules: number[] = [];
  const parsed: number[] = [];
  let findings = 0;
  for (let p = 0; p < passes; p++) {
    let tr = 0;
    let tp = 0;
    findings = 0;
    for (let i = 0; i < texts.length; i++) {
      const t0 = cpuMicros();
      const doc = parse(texts[i]);
      const t1 = cpuMicros();
      findings += analyzeDocument(doc).findings.length;
      tr += cpuMicros() - t1;
      tp += t1 - t0;
    }
    rules.push(tr / texts.length);
    parsed.push(tp / texts.length);
  }
  return { rules, parse: parsed, findings };
}

/**
 * CPU µs per description of one pass over `texts` that parses each and, with `lint`,
 * lints it: the whole process's CPU time (the compiler and collector threads included)
 * with no reading per step. Run in a fresh process, the lint's share of a first pass is
 * this with `lint` minus this without (each in its own process).
 */
export function passCpu(texts: readonly string[], lint: boolean): number {
  const t0 = cpuMicros();
  let findings = 0;
  for (let i = 0; i < texts.length; i++) {
    const doc = parse(texts[i]);
    if (lint) findings += analyzeDocument(doc).findings.length;
  }
  const t = cpuMicros() - t0;
  if (findings < 0) throw new Error('unreachable');
  return t / texts.length;
}
