// In-process entry points for the benchmarks (bundled by bench/run.mjs with esbuild):
// the pure core only, so that parse + lint can be timed without process start-up or I/O.
import { readFileSync } from 'node:fs';
import { looksLikeDescription } from '../../server/src/core/detect';
import { deriveFacts } from '../../server/src/core/facts';
import { lintDocument } from '../../server/src/core/lint';
import type { HankeDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { RULES } from '../../server/src/core/rules';

export { lintDocument, parse };

/** Parses and lints a text; returns the number of findings. */
export function lintText(text: string): number {
  return lintDocument(parse(text)).length;
}

/**
 * CPU time per phase over the given texts, in milliseconds: parsing, deriving facts, and
 * each rule's check (each run `rounds` times over every text or parsed document).
 * `collect` (a full GC, when the caller has one) runs between phases, so that no phase
 * pays for another's garbage.
 */
export function phaseTimes(texts: readonly string[], rounds = 1, collect: () => void = () => undefined): { phase: string; millis: number }[] {
  const out: { phase: string; millis: number }[] = [];
  // Parsing as a batch does it: each model dropped after use (keeping them all would
  // time the garbage collector's promotion of a thousand models instead).
  collect();
  let t0 = cpuMillis();
  let lines = 0;
  for (let r = 0; r < rounds; r++) for (const t of texts) lines += parse(t).lines.length;
  out.push({ phase: 'parse', millis: cpuMillis() - t0 });
  const docs: HankeDocument[] = texts.map(parse);
  collect();
  t0 = cpuMillis();
  let facts = docs.map(deriveFacts);
  for (let r = 1; r < rounds; r++) facts = docs.map(deriveFacts);
  out.push({ phase: 'facts', millis: cpuMillis() - t0 });
  for (const rule of RULES) {
    collect();
    t0 = cpuMillis();
    for (let r = 0; r < rounds; r++) for (let i = 0; i < docs.length; i++) rule.check({ doc: docs[i], facts: facts[i] });
    out.push({ phase: rule.id, millis: cpuMillis() - t0 });
  }
  if (lines < 0) throw new Error('unreachable');
  return out;
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
      out.push(JSON.stringify({ file: f, diagnostics: found.map((d) => ({ rule: d.rule, severity: d.severity, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, message: d.message.en })) }));
    }
    const lint = cpuMillis() - t0;
    if (lines < 0) throw new Error('unreachable');
    best = { lint: Math.min(best.lint, lint), floor: Math.min(best.floor, floor), findings };
  }
  return best;
}

/** The ids of the configurable rules (for a configuration that turns them all off). */
export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
