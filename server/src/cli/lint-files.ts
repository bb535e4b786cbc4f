// Lints files from disk into the CLI's contract (SPEC.md §3): one result per file,
// 1-based lines and columns, end column exclusive, sorted by position. Bad input never
// throws: a file that cannot be read, is binary, empty, too large or not a description
// becomes a diagnostic (or, for files found by walking a folder, a skip note).
import { type HankeConfig, type Locale, pick } from '../core/config';
import { type DocumentKeys, documentKeys } from '../core/cross-document';
import { analyze, lintFileFacts } from '../core/lint';
import type { Range } from '../core/model';
import { unreadable } from '../core/rules/file/unreadable';
import type { FileFacts, Severity } from '../core/rules/types';
import type { Texts } from '../core/schema';
import { type ProjectSummary, summarize } from '../core/summary';
import { countBySeverity } from '../core/tally';
import { ownCopy } from '../core/util/own-copy';
import { descriptionFacts, readDescription, type SkipReason } from '../node/read-file';
import { type FixMode, fixDescription } from './fix';

export type { SkipReason };

export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface FileResult {
  file: string;
  diagnostics: CliDiagnostic[];
  /**
   * The diagnostics already serialised (from a worker thread or the cache), as long as
   * nobody has looked at `diagnostics`: --format json prints `json` as it is and the totals
   * take the counts. A `PackedResult` drops it as soon as `diagnostics` is read or set.
   */
  readonly packed?: Packed;
  /** Internal, not printed in JSON: for stylish/SARIF and the editor's workspace lint. */
  meta: {
    unreadable: boolean;
    /** A bug met while linting (stack), reported on stderr. */
    internalError?: string;
    /** What the file contributes to the checks across documents (cli/cross-files.ts). */
    keys?: DocumentKeys;
    /** --fix: the file was rewritten; --fix-dry-run: it would be. */
    fixed?: boolean;
    /** --fix / --fix-dry-run: why the fixes were not applied. */
    notFixed?: Texts;
    /** Unreadable with the rule `unreadable` off: why, for stderr (the exit code is still 2). */
    unreadableWhy?: Texts;
    /** Named, and not a description (binary, empty, other text): a walk would have skipped it. */
    notADescription?: true;
  };
  /** --fix-dry-run: the whole fixed text, when a fix changes it (printed in JSON as `output`). */
  output?: string;
}

/** A file's diagnostics as the JSON text --format json prints (`JSON.stringify(diagnostics)`), and their counts by severity. */
export interface Packed {
  json: string;
  errors: number;
  warnings: number;
  other: number;
}

/**
 * The keys with strings of their own (see ownCopy): kept until the end of the run, they
 * must not keep the file's text alive. Their ranges are the parse's own positions (plain
 * numbers, holding on to nothing else), shared rather than copied.
 */
function ownKeys(keys: DocumentKeys | undefined): DocumentKeys | undefined {
  if (!keys) return keys;
  const own: DocumentKeys = {};
  for (const k of ['code', 'yTunnus', 'applicant'] as const) {
    const v = keys[k];
    if (v) own[k] = { value: ownCopy(v.value), range: v.range };
  }
  return own;
}

/** Packs diagnostics (made by `toCli`, so with exactly the keys of --format json, in its order). */
export function pack(diagnostics: readonly CliDiagnostic[]): Packed {
  return { json: JSON.stringify(diagnostics), ...countBySeverity(diagnostics) };
}

/**
 * A result whose diagnostics travel as JSON text (from a worker thread or the cache): they
 * are parsed only when something reads them (stylish, SARIF, --quiet, a finding across
 * documents added); until then `packed` is printed and counted as it is.
 */
export class PackedResult implements FileResult {
  private list: CliDiagnostic[] | undefined;
  private pk: Packed | undefined;
  constructor(
    readonly file: string,
    packed: Packed,
    public meta: FileResult['meta'],
    public output?: string,
  ) {
    this.pk = packed;
  }
  get packed(): Packed | undefined {
    return this.pk;
  }
  get diagnostics(): CliDiagnostic[] {
    if (this.list === undefined) {
      this.list = JSON.parse(this.pk!.json) as CliDiagnostic[];
      this.pk = undefined; // the caller may change the array
    }
    return this.list;
  }
  set diagnostics(d: CliDiagnostic[]) {
    this.list = d;
    this.pk = undefined;
  }
}

export type Outcome = { kind: 'result'; result: FileResult; summary?: ProjectSummary } | { kind: 'skipped'; file: string; reason: SkipReason };

import type { Task } from '../node/inputs';
export type { Task };

export interface ProcessOptions {
  locale: Locale;
  /** Also build the typed summary of each description (export, report). */
  summary?: boolean;
  /** `--fix` (rewrite the file) or `--fix-dry-run` (the fixed text in `output`). */
  fix?: FixMode;
}

export function toCli(rule: string, severity: Severity, r: Range, message: string): CliDiagnostic {
  return {
    rule,
    severity,
    line: r.start.line + 1,
    column: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
    message,
  };
}

const UNREADABLE = unreadable.id;

/**
 * Lints one file with the given configuration. Never throws for bad input: the file
 * becomes a diagnostic (or a skip, for files found by walking a folder). `text`: the
 * file's text when it was read ahead (node/read-ahead.ts), else the file is read here.
 */
export function processFile(task: Task, config: HankeConfig, opts: ProcessOptions, readAhead?: string): Outcome {
  const { file } = task;
  const locale = opts.locale;
  /** A file that holds no description: the file rules alone. */
  const only = (facts: FileFacts): Outcome => {
    const findings = lintFileFacts(facts, config);
    const meta: FileResult['meta'] = { unreadable: facts.kind === 'unreadable' };
    if (facts.kind === 'binary' || facts.kind === 'not-a-description') meta.notADescription = true;
    // The finding turned off: the reason still goes to stderr, beside the exit code 2.
    if (meta.unreadable && !findings.some((f) => f.rule === UNREADABLE)) meta.unreadableWhy = lintFileFacts(facts, { rules: { [UNREADABLE]: 'error' } }).find((f) => f.rule === UNREADABLE)?.message;
    return {
      kind: 'result',
      result: { file, diagnostics: findings.map((f) => toCli(f.rule, f.severity, f.range, pick(f.message, locale))), meta },
    };
  };
  const got = readDescription({ path: task.raw ? Buffer.from(task.raw) : file, bytes: task.bytes, unreadable: task.unreadable, notAFile: task.notAFile, text: readAhead }, task.fromWalk);
  if (got.kind === 'skipped') return { kind: 'skipped', file, reason: got.reason };
  if (got.kind === 'file') return only(got.facts);
  const { read, text } = got;

  let body = text;
  let fixed: boolean | undefined;
  let notFixed: Texts | undefined;
  let output: string | undefined;
  if (opts.fix) {
    const f = fixDescription(read, text, config, opts.fix, task.raw ? Buffer.from(task.raw) : file);
    body = f.text;
    fixed = f.fixed || undefined;
    notFixed = f.notFixed;
    if (opts.fix === 'dry-run' && f.fixed) output = f.text;
  }
  // A rule that fails (a bug) leaves an internal-error finding; its stack goes to stderr and the run exits 2.
  const failures: string[] = [];
  const onRuleError = (rule: string, e: unknown) => void failures.push(`rule ${rule}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const { doc, facts, findings } = analyze(body, { ...config, onRuleError }, { file: descriptionFacts(got, body) });
  const diagnostics = findings.map((f) => toCli(f.rule, f.severity, f.range, pick(f.message, locale)));
  const meta: FileResult['meta'] = { unreadable: false, keys: ownKeys(documentKeys(doc)) };
  if (fixed) meta.fixed = fixed;
  if (notFixed) meta.notFixed = notFixed;
  if (failures.length) meta.internalError = failures.join('\n');
  const result: FileResult = { file, diagnostics, meta };
  if (output !== undefined) result.output = output;
  if (!opts.summary) return { kind: 'result', result };
  return { kind: 'result', result, summary: summarize(doc, facts, diagnostics) };
}
