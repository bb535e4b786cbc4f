// Lints files from disk into the CLI's contract (SPEC.md §3): one result per file,
// 1-based lines and columns, end column exclusive, sorted by position.
import { dirname } from 'node:path';
import { type HankeConfig, type Locale, mergeConfigs, pick } from '../core/config';
import { FILE_CHECKS, type FileCheck } from '../core/file-checks';
import { type Finding, lint, type RuleSetting } from '../core/lint';
import type { Range } from '../core/model';
import { ruleDocsUrl } from '../core/docs';
import type { Severity } from '../core/rules/types';
import type { Texts } from '../core/schema';
import { type ConfigLocator, looksLikeDescription, readDescriptionFile } from '../node/files';

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
  /** Internal, not printed in JSON: for stylish/SARIF. */
  meta: { docsUrls: string[]; unreadable: boolean; skipped?: string };
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

export function lintText(file: string, text: string, config: HankeConfig, locale: Locale): { result: FileResult; findings: Finding[] } {
  const { findings } = lint(text, config);
  return {
    findings,
    result: {
      file,
      diagnostics: findings.map((f) => toCli(f.rule, f.severity, f.range, pick(f.message, locale))),
      meta: { docsUrls: findings.map((f) => f.docsUrl), unreadable: false },
    },
  };
}

export function lintFile(file: string, opts: LintFileOptions): FileResult | undefined {
  const config = configFor(file, opts);
  const locale = opts.locale;
  const read = readDescriptionFile(file);
  const only = (d: CliDiagnostic | undefined, unreadable = false): FileResult => ({
    file,
    diagnostics: d ? [d] : [],
    meta: { docsUrls: d ? [ruleDocsUrl(d.rule)] : [], unreadable },
  });
  if (read.kind === 'unreadable') {
    return only(fileCheck(FILE_CHECKS.unreadable, config.rules, { fi: `Tiedostoa ei voi lukea: ${read.reason}.`, en: `Cannot read the file: ${read.reason}.` }, locale), true);
  }
  if (read.kind === 'binary') {
    if (opts.fromWalk) return undefined;
    return only(fileCheck(FILE_CHECKS.notADescription, config.rules, { fi: 'Binääritiedosto, ei hankkeen kuvaus.', en: 'A binary file, not a project description.' }, locale));
  }
  if (!looksLikeDescription(read.text)) {
    if (opts.fromWalk) return undefined;
    const msg = read.text.trim() === ''
      ? { fi: 'Tiedosto on tyhjä.', en: 'The file is empty.' }
      : { fi: 'Tiedosto ei näytä hankkeen kuvaukselta (alusta puuttuvat kuvauksen otsikkorivit ja osio "1 Hanke").', en: 'The file does not look like a project description (no preamble and no section "1 Hanke" at its start).' };
    return only(fileCheck(FILE_CHECKS.notADescription, config.rules, msg, locale));
  }
  const { result } = lintText(file, read.text.replace(/^\uFEFF/, ''), config, locale);
  if (read.encoding !== 'utf-8') {
    const d = fileCheck(FILE_CHECKS.encoding, config.rules, { fi: 'Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä. Tallenna se UTF-8-muodossa.', en: 'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8.' }, locale);
    if (d) {
      result.diagnostics.unshift(d);
      result.meta.docsUrls.unshift(ruleDocsUrl(d.rule));
    }
  }
  return result;
}
