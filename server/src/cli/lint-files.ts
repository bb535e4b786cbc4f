// Lints files from disk into the CLI's contract (SPEC.md §3): one result per file,
// 1-based lines and columns, end column exclusive, sorted by position. Bad input never
// throws: a file that cannot be read, is binary, empty, too large or not a description
// becomes a diagnostic (or, for files found by walking a folder, a skip note).
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { type HankeConfig, type Locale, mergeConfigs, pick } from '../core/config';
import { ruleDocsUrl } from '../core/docs';
import { deriveFacts } from '../core/facts';
import { FILE_CHECKS, type FileCheck } from '../core/file-checks';
import { type Finding, lintDocument, type RuleSetting } from '../core/lint';
import type { Range } from '../core/model';
import { parse } from '../core/parser';
import type { Severity } from '../core/rules/types';
import type { Texts } from '../core/schema';
import { type ProjectSummary, summarize } from '../core/summary';
import { type ConfigLocator, decode, looksLikeDescription, MAX_FILE_BYTES, type ReadOutcome } from '../node/files';

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
  /** Internal, not printed in JSON: for stylish/SARIF and the editor's workspace lint. */
  meta: { docsUrls: string[]; unreadable: boolean; /** A bug met while linting (stack), reported on stderr. */ internalError?: string };
}

/** Why a file found by walking a folder was not linted. */
export type SkipReason = 'binary' | 'empty' | 'not-a-description';

export type Outcome =
  | { kind: 'result'; result: FileResult; summary?: ProjectSummary }
  | { kind: 'skipped'; file: string; reason: SkipReason };

export interface Task {
  /** The path as it is printed. */
  file: string;
  /** Found by walking a folder or by a glob: skip files that are not descriptions. */
  fromWalk: boolean;
  /** Set when the input is known to be unreadable without reading it (e.g. a glob matching nothing). */
  unreadable?: Texts;
}

export interface ProcessOptions {
  locale: Locale;
  /** Also build the typed summary of each description (export, report). */
  summary?: boolean;
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

function fileCheck(check: FileCheck, settings: Readonly<Record<string, RuleSetting>> | undefined, message: Texts, locale: Locale): CliDiagnostic | undefined {
  const s = settings?.[check.id] ?? check.defaultSeverity;
  if (s === 'off') return undefined;
  const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return toCli(check.id, s, r, pick(message, locale));
}

const HEAD_BYTES = 8192;

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type Read =
  | { kind: 'text'; text: string; encoding: Encoding }
  | { kind: 'binary' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'too-large'; size: number; head: ReadOutcome };

function readHead(path: string): ReadOutcome {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, n);
    if (head.includes(0)) return { kind: 'binary' };
    // A multi-byte character may be cut at the end: decode leniently.
    return { kind: 'text', text: new TextDecoder('utf-8').decode(head), encoding: 'utf-8' };
  } finally {
    closeSync(fd);
  }
}

function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err.message ?? String(e);
  }
}

const REASON_FI: Record<string, string> = {
  'no such file': 'tiedostoa ei ole',
  'permission denied': 'ei lukuoikeutta',
  'is a directory': 'on kansio',
  'too many symbolic links': 'liikaa symbolisia linkkejä',
  'not a regular file': 'ei tavallinen tiedosto',
  'broken symbolic link': 'symbolinen linkki osoittaa olemattomaan tiedostoon',
};

/** Reads a file as the CLI does: UTF-8 (BOM allowed), UTF-16 with a BOM, else Windows-1252. */
export function readInput(path: string): Read {
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a FIFO without a writer does not hang (it is then refused below).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) return { kind: 'unreadable', reason: 'is a directory' };
    if (!st.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (st.size > MAX_FILE_BYTES) return { kind: 'too-large', size: st.size, head: readHead(path) };
    // One read of the bytes; valid UTF-8 is recognised natively (SIMD) before it is decoded,
    // which costs less than decoding first and then searching the text for U+FFFD and NUL.
    return decodeBytes(readFileSync(fd));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        if (lstatSync(path).isSymbolicLink()) return { kind: 'unreadable', reason: 'broken symbolic link' };
      } catch {
        // not there at all
      }
    }
    return { kind: 'unreadable', reason: reason(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-16 with a byte-order mark, else as `decode` reads bytes (binary, UTF-8 or Windows-1252). */
function decodeBytes(buf: Buffer): Read {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    try {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
      return { kind: 'text', text, encoding: le ? 'utf-16le' : 'utf-16be' };
    } catch {
      return { kind: 'binary' };
    }
  }
  return decode(buf);
}

function localisedReason(r: string): Texts {
  return { fi: REASON_FI[r] ?? r, en: r };
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

/**
 * Lints one file with the given configuration. Never throws for bad input: the file
 * becomes a diagnostic (or a skip, for files found by walking a folder).
 */
export function processFile(task: Task, config: HankeConfig, opts: ProcessOptions): Outcome {
  const { file } = task;
  const locale = opts.locale;
  const rules = config.rules;
  const only = (d: CliDiagnostic | undefined, unreadable = false): Outcome => ({
    kind: 'result',
    result: { file, diagnostics: d ? [d] : [], meta: { docsUrls: d ? [ruleDocsUrl(d.rule)] : [], unreadable } },
  });
  const unreadable = (why: Texts) =>
    only(fileCheck(FILE_CHECKS.unreadable, rules, { fi: `Tiedostoa ei voi lukea: ${why.fi}.`, en: `Cannot read the file: ${why.en}.` }, locale), true);
  if (task.unreadable) return unreadable(task.unreadable);

  const read = readInput(file);
  if (read.kind === 'unreadable') return unreadable(localisedReason(read.reason));
  if (read.kind === 'too-large') {
    const head = read.head;
    if (task.fromWalk && (head.kind !== 'text' || !looksLikeDescription(head.text))) {
      return { kind: 'skipped', file, reason: head.kind === 'binary' ? 'binary' : 'not-a-description' };
    }
    const size = megabytes(read.size);
    const max = megabytes(MAX_FILE_BYTES);
    return unreadable({ fi: `tiedosto on liian suuri (${size} Mt, enintään ${max} Mt)`, en: `the file is too large (${size} MB, at most ${max} MB)` });
  }
  if (read.kind === 'binary') {
    if (task.fromWalk) return { kind: 'skipped', file, reason: 'binary' };
    return only(fileCheck(FILE_CHECKS.notADescription, rules, { fi: 'Binääritiedosto, ei hankkeen kuvaus.', en: 'A binary file, not a project description.' }, locale));
  }
  const text = read.text.replace(/^\uFEFF/, '');
  if (!looksLikeDescription(text)) {
    const empty = text.trim() === '';
    if (task.fromWalk) return { kind: 'skipped', file, reason: empty ? 'empty' : 'not-a-description' };
    const msg = empty
      ? { fi: 'Tiedosto on tyhjä.', en: 'The file is empty.' }
      : {
          fi: 'Tiedosto ei näytä hankkeen kuvaukselta (alusta puuttuvat kuvauksen otsikkorivit ja osio "1 Hanke").',
          en: 'The file does not look like a project description (no preamble and no section "1 Hanke" at its start).',
        };
    return only(fileCheck(FILE_CHECKS.notADescription, rules, msg, locale));
  }

  const doc = parse(text);
  // A rule that fails (a bug) leaves an internal-error finding; its stack goes to stderr and the run exits 2.
  const failures: string[] = [];
  const findings: Finding[] = lintDocument(doc, config, (rule, e) => failures.push(`rule ${rule}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const diagnostics = findings.map((f) => toCli(f.rule, f.severity, f.range, pick(f.message, locale)));
  const docsUrls = findings.map((f) => f.docsUrl);
  if (read.encoding !== 'utf-8') {
    const msg: Texts =
      read.encoding === 'windows-1252'
        ? { fi: 'Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä. Tallenna se UTF-8-muodossa.', en: 'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8.' }
        : { fi: 'Tiedosto on UTF-16-muodossa. Tallenna se UTF-8-muodossa.', en: 'The file is UTF-16. Save it as UTF-8.' };
    const d = fileCheck(FILE_CHECKS.encoding, rules, msg, locale);
    if (d) {
      diagnostics.unshift(d);
      docsUrls.unshift(ruleDocsUrl(d.rule));
    }
  }
  const result: FileResult = { file, diagnostics, meta: { docsUrls, unreadable: false, ...(failures.length ? { internalError: failures.join('\n') } : {}) } };
  if (!opts.summary) return { kind: 'result', result };
  return { kind: 'result', result, summary: summarize(doc, deriveFacts(doc), diagnostics) };
}

// ---- The single-file API used by the language server's workspace lint ----

export interface LintFileOptions {
  locale: Locale;
  /** `--config`: used instead of looking for .hankerc.json. */
  config?: HankeConfig;
  locator?: ConfigLocator;
  /** Files found by walking a directory: skip non-descriptions instead of reporting them. */
  fromWalk?: boolean;
}

export function configFor(path: string, opts: LintFileOptions): HankeConfig {
  if (opts.config) return opts.config;
  const found = opts.locator?.find(dirname(path));
  return mergeConfigs(found?.result.config);
}

/** Lints one file; undefined when it was skipped (not a description found by walking). */
export function lintFile(file: string, opts: LintFileOptions): FileResult | undefined {
  const out = processFile({ file, fromWalk: !!opts.fromWalk }, configFor(file, opts), { locale: opts.locale });
  return out.kind === 'result' ? out.result : undefined;
}
