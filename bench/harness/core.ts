// In-process entry points for the benchmarks (bundled by bench/run.mjs with esbuild):
// the pure core only, so that parse + lint can be timed without process start-up or I/O.
import { readFileSync } from 'node:fs';
import { looksLikeDescription } from '../../server/src/core/detect';
import { deriveFacts } from '../../server/src/core/facts';
import { lintDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { RULES } from '../../server/src/core/rules';

export { lintDocument, parse };

/** Parses and lints a text; returns the number of findings. */
export function lintText(text: string): number {
  return lintDocument(parse(text)).length;
}

/**
 * Time per phase over the given texts, in milliseconds, taken the way the linter works:
 * each document is parsed, its facts derived and every rule run on it before the next
 * document (so each phase sees a document that is still in the caches, as it is in the
 * CLI and the server). Wall time per phase per document (performance.now around each
 * step, about 40 readings per document); each round after `collect` (a full GC, when
 * the caller has one); the figures are the medians of `rounds` rounds.
 */
export function phaseTimes(texts: readonly string[], rounds = 1, collect: () => void = () => undefined): { phase: string; millis: number }[] {
  const phases = ['parse', 'facts', ...RULES.map((r) => r.id)];
  const perRound: number[][] = [];
  for (let round = 0; round < rounds; round++) {
    collect();
    const acc = new Array<number>(phases.length).fill(0);
    for (const text of texts) {
      let t0 = performance.now();
      const doc = parse(text);
      let t1 = performance.now();
      acc[0] += t1 - t0;
      t0 = t1;
      const facts = deriveFacts(doc);
      t1 = performance.now();
      acc[1] += t1 - t0;
      t0 = t1;
      for (let r = 0; r < RULES.length; r++) {
        RULES[r].check({ doc, facts });
        t1 = performance.now();
        acc[r + 2] += t1 - t0;
        t0 = t1;
      }
    }
    perRound.push(acc);
  }
  return phases.map((phase, i) => {
    const v = perRound.map((a) => a[i]).sort((a, b) => a - b);
    return { phase, millis: v[Math.floor(v.length / 2)] };
  });
}

/** CPU time of this process in milliseconds (less disturbed by other processes than wall time). */
function cpuMillis(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * What `hanke lint --format json` does per file, in process: read, decode, recognise,
 * parse, lint, convert to the CLI's JSON. Returns CPU milliseconds of that and of the
 * floor (read + split into lines) over the same files, alternating, best of `rounds`.
 */
export function pipelineCpu(files: readonly string[], rounds = 3): { lint: number; floor: number; findings: number } {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let best = { lint: Infinity, floor: Infinity, findings: 0 };
  for (let r = 0; r < rounds; r++) {
    let t0 = cpuMillis();
    let lines = 0;
    for (const f of files) lines += readFileSync(f, 'utf8').split(/\r\n|\r|\n/).length;
    const floor = cpuMillis() - t0;
    t0 = cpuMillis();
    let findings = 0;
    const out: string[] = [];
    for (const f of files) {
      const text = utf8.decode(readFileSync(f)).replace(/^\uFEFF/, '');
      if (!looksLikeDescription(text)) continue;
      const found = lintDocument(parse(text));
      findings += found.length;
      out.push(
        JSON.stringify({
          file: f,
          diagnostics: found.map((d) => ({
            rule: d.rule,
            severity: d.severity,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            message: d.message.en,
          })),
        }),
      );
    }
    const lint = cpuMillis() - t0;
    if (lines < 0) throw new Error('unreachable');
    best = { lint: Math.min(best.lint, lint), floor: Math.min(best.floor, floor), findings };
  }
  return best;
}

/** The ids of the configurable rules (for a configuration that turns them all off). */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
