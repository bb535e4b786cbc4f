// The linter: parse once, derive facts once, run every enabled rule, apply the
// configured severities, sort by position. Editor and CLI both call this.
import { deriveFacts } from './facts';
import { comparePositions, type HankeDocument, type Range } from './model';
import { parse } from './parser';
import { RULES } from './rules';
import type { Fix, Rule, RuleContext, Severity } from './rules/types';
import type { Texts } from './schema';
import { ruleDocsUrl } from './docs';
import { FILE_CHECKS } from './file-checks';
import { onceFor } from './util/memo';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** rule id → severity or 'off'; rules not named keep their default. */
  rules?: Readonly<Record<string, RuleSetting>>;
}

export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: Texts;
  fixes: Fix[];
  docsUrl: string;
}

export interface LintResult {
  doc: HankeDocument;
  findings: Finding[];
}

/** Called with the rule and what it threw when a rule fails on a document (for a log). */
export type RuleErrorHandler = (rule: string, error: unknown) => void;

/** Rules made to throw, to test fault isolation: set by the server and CLI from HANKE_TEST_THROW_IN_RULE. */
const injectedFaults = new Set<string>();

/** Makes the named rules throw on every document (testing only); an empty list undoes it. */
export function injectRuleFaults(ruleIds: Iterable<string>): void {
  injectedFaults.clear();
  for (const id of ruleIds) injectedFaults.add(id);
}

const INTERNAL_ERROR = FILE_CHECKS.internalError;

function internalErrorFinding(rule: string, error: unknown, severity: Severity): Finding {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const short = what.length > 200 ? `${what.slice(0, 199)}…` : what;
  return {
    rule: INTERNAL_ERROR.id,
    severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: {
      fi: `Sisäinen virhe: sääntö "${rule}" kaatui tätä kuvausta tarkistaessaan (${short}). Muut säännöt tarkistettiin. Ilmoita tästä virheestä.`,
      en: `Internal error: rule "${rule}" failed on this description (${short}). The other rules ran. Please report this.`,
    },
    fixes: [],
    docsUrl: ruleDocsUrl(INTERNAL_ERROR.id),
  };
}

/**
 * Runs every enabled rule on a parsed document. A rule that throws (a bug) does not take
 * the document down: its findings are dropped, the others' kept, and the document gets
 * one `internal-error` finding naming it; `onRuleError` sees what was thrown.
 */
export function lintDocument(doc: HankeDocument, options: LintOptions = {}, onRuleError?: RuleErrorHandler): Finding[] {
  const ctx = { doc, facts: deriveFacts(doc) };
  const settings = settingsFor(options.rules);
  const findings: Finding[] = [];
  for (let r = 0; r < RULES.length; r++) {
    const setting = settings[r];
    if (setting !== 'off') runRule(RULES[r], setting, ctx, options, onRuleError, findings);
  }
  return sortFindings(findings);
}

/**
 * lintDocument in slices: between rules, once `sliceMs` have passed since the last
 * pause, awaits `pause()` (the server yields to the event loop there, so that requests
 * for other documents are answered while a huge one is linted). Same findings.
 */
export async function lintDocumentSliced(doc: HankeDocument, options: LintOptions, onRuleError: RuleErrorHandler | undefined, pause: () => Promise<void>, sliceMs: number): Promise<Finding[]> {
  const ctx = { doc, facts: deriveFacts(doc) };
  const settings = settingsFor(options.rules);
  const findings: Finding[] = [];
  let since = performance.now();
  for (let r = 0; r < RULES.length; r++) {
    const setting = settings[r];
    if (setting === 'off') continue;
    runRule(RULES[r], setting, ctx, options, onRuleError, findings);
    if (performance.now() - since >= sliceMs) {
      await pause();
      since = performance.now();
    }
  }
  return sortFindings(findings);
}

/** Runs one rule, guarded: what it finds, or an internal-error finding when it throws. */
function runRule(rule: Rule, setting: Severity, ctx: RuleContext, options: LintOptions, onRuleError: RuleErrorHandler | undefined, findings: Finding[]): void {
  let found;
  try {
    if (injectedFaults.size > 0 && injectedFaults.has(rule.id)) throw new Error(`fault injected into ${rule.id} (HANKE_TEST_THROW_IN_RULE)`);
    found = rule.check(ctx);
  } catch (e) {
    onRuleError?.(rule.id, e);
    const severity = options.rules?.[INTERNAL_ERROR.id] ?? INTERNAL_ERROR.defaultSeverity;
    if (severity !== 'off') findings.push(internalErrorFinding(rule.id, e, severity));
    return;
  }
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    findings.push({ rule: rule.id, severity: setting, range: f.range, message: f.message, fixes: f.fixes ?? [], docsUrl: ruleDocsUrl(rule.id) });
  }
}

function sortFindings(findings: Finding[]): Finding[] {
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return findings;
}

/** Each rule's setting (in RULES order) under the given overrides; worked out once per (long-lived) settings object. */
function settingsFor(rules: LintOptions['rules']): readonly RuleSetting[] {
  return rules ? overridden(rules) : DEFAULT_SETTINGS;
}

const DEFAULT_SETTINGS: readonly RuleSetting[] = RULES.map((r) => r.defaultSeverity);
const overridden = onceFor((rules: Readonly<Record<string, RuleSetting>>): readonly RuleSetting[] => RULES.map((r) => rules[r.id] ?? r.defaultSeverity));

export function lint(text: string, options: LintOptions = {}, onRuleError?: RuleErrorHandler): LintResult {
  const doc = parse(text);
  return { doc, findings: lintDocument(doc, options, onRuleError) };
}
