// The checks across documents (core/cross-document.ts) for the CLI and the editor's
// workspace lint: each file's keys travel with its result (from a worker thread or the
// cache), and once every file is in, the findings are added to the files involved.
// With fewer than two files nothing is held back and nothing is added.
import type { HankeConfig, Locale } from '../core/config';
import { pick } from '../core/config';
import { checkAcrossDocuments, type CrossFinding, type CrossInput } from '../core/cross-document';
import type { RuleSetting } from '../core/lint';
import { countBySeverity } from '../core/tally';
import { type FileResult, type Outcome, toCli } from './lint-files';
import type { PlannedTask } from './pool';
import type { ReportGroups } from './report-html';

export interface CrossEntry {
  result: FileResult;
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Export and report: counted findings to keep in step. */
  summary?: { errors: number; warnings: number; notes: number };
}

/**
 * Adds the findings of the checks across documents to the results, in place and in
 * position order, and returns the groups (file names) for the report.
 */
export function addCrossDocumentFindings(entries: readonly CrossEntry[], locale: Locale): ReportGroups {
  const inputs: CrossInput[] = entries.map((e) => ({ file: e.result.file, keys: e.result.meta.keys, rules: e.rules }));
  const { findings, groups } = checkAcrossDocuments(inputs);
  const added = new Map<number, CrossFinding[]>();
  for (const f of findings) {
    const e = entries[f.index];
    const d = toCli(f.rule, f.severity, f.range, pick(f.message, locale));
    const ds = e.result.diagnostics;
    let at = ds.length;
    while (at > 0 && (ds[at - 1].line > d.line || (ds[at - 1].line === d.line && ds[at - 1].column > d.column))) at--;
    ds.splice(at, 0, d);
    const mine = added.get(f.index);
    if (mine) mine.push(f);
    else added.set(f.index, [f]);
  }
  for (const [index, fs] of added) {
    const summary = entries[index].summary;
    if (!summary) continue;
    const c = countBySeverity(fs);
    summary.errors += c.errors;
    summary.warnings += c.warnings;
    summary.notes += c.other;
  }
  const name = (i: number) => entries[i].result.file;
  return {
    codes: groups.codes.map((g) => ({ value: g.value, files: g.files.map(name) })),
    applicants: groups.applicants.map((g) => ({ value: g.value, names: g.names.map((n) => ({ name: n.name, files: n.files.map(name) })) })),
  };
}

/**
 * The outcomes of a run (one per task, in task order) with the checks across documents
 * added, in batches: with two or more tasks the outcomes are held until the last one is
 * in, then handed over as one batch (no promise per file); a single task's as it comes.
 */
export async function* acrossFiles(
  source: AsyncIterable<Outcome> | Iterable<Outcome> | Promise<Outcome[]>,
  tasks: readonly PlannedTask[],
  configs: readonly HankeConfig[],
  locale: Locale,
  groups?: (g: ReportGroups) => void,
  /** Called as each outcome comes in (a progress bar). */
  seen?: () => void,
): AsyncGenerator<readonly Outcome[]> {
  const outcomes = source instanceof Promise ? await source : source;
  if (tasks.length < 2) {
    for await (const o of outcomes) {
      seen?.();
      yield [o];
    }
    return;
  }
  const held: Outcome[] = [];
  const entries: CrossEntry[] = [];
  let k = 0;
  const add = (o: Outcome) => {
    held.push(o);
    seen?.();
    if (o.kind === 'result') entries.push({ result: o.result, rules: configs[tasks[k]?.config ?? 0]?.rules, summary: o.summary });
    k++;
  };
  // Outcomes that need no waiting (linted in this thread, or every file from the cache) are taken without a promise per file.
  if (Symbol.iterator in outcomes) for (const o of outcomes) add(o);
  else for await (const o of outcomes) add(o);
  const g = addCrossDocumentFindings(entries, locale);
  groups?.(g);
  yield held;
}
