// The one way from text to results: `analyze` parses once, derives the facts once, runs
// every enabled rule, applies the configured severities and sorts by position. The
// editor's document cache, the CLI, the browser host and the tests all call it (or
// `analyzeSliced`, the same in slices). Each rule runs guarded: a rule that throws (a bug)
// gives one `internal-error` finding naming it, and the other rules' findings stay.
import { type DerivedFact, deriveFacts, type Facts, FactUnavailable } from './facts';
import { comparePositions, type HankeDocument, type Range } from './model';
import { parse } from './parser';
import { RULES } from './rules';
import { internalError as INTERNAL_ERROR } from './rules/file/internal-error';
import type { FileFacts, Fix, Rule, RuleContext, Severity } from './rules/types';
import type { Texts } from './schema';
import { ruleDocsUrl } from './docs';
import { onceFor } from './util/memo';
import { worthChecking } from './rules/needs';
import { short } from './util/short';

export type RuleSetting = Severity | 'off';

/**
 * Called with the rule and what it threw when a rule fails on a document (for a log); with
 * `facts` and the error when facts of the document could not be derived (the rules that
 * needed them were not checked).
 */
export type RuleErrorHandler = (rule: string, error: unknown) => void;

export interface LintOptions {
  /** rule id → severity or 'off'; rules not named keep their default. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Sees what a failing rule threw (the server logs it, the CLI prints it). */
  onRuleError?: RuleErrorHandler;
}

export interface Finding {
  rule: string;
  severity: Severity;
  range: Range;
  message: Texts;
  fixes: Fix[];
  docsUrl: string;
}

/** What `analyze` gives: the parsed model, the facts derived from it (once) and the findings. */
export interface Analysis {
  doc: HankeDocument;
  facts: Facts;
  findings: Finding[];
}

/** What `analyze` needs beyond the text and the configuration. */
export interface AnalyzeInput {
  /** What the reader of the file knows (for the file rules); absent in the editor. */
  file?: FileFacts;
  /** false: parse and derive the facts only, run no rule (a text that is not a description). */
  lint?: boolean;
}

/** Rules made to throw, to test fault isolation: set by the server and CLI from HANKE_TEST_THROW_IN_RULE. */
const injectedFaults = new Set<string>();

/** The id that makes the document's derived facts fail (the period's; `facts:status`: the status). */
export const FACTS_FAULT = 'facts';

/** The document's facts, made to fail when a test injects FACTS_FAULT. */
function factsOf(doc: HankeDocument): Facts {
  if (injectedFaults.size === 0) return deriveFacts(doc);
  return deriveFacts(doc, (fact) => {
    if (injectedFaults.has(fact === 'period' ? FACTS_FAULT : `${FACTS_FAULT}:${fact}`)) throw new Error(`fault injected into the ${fact} facts (HANKE_TEST_THROW_IN_RULE)`);
  });
}

/** Makes the named rules throw on every document (testing only; `facts`, `facts:status`: the derived facts); an empty list undoes it. */
export function injectRuleFaults(ruleIds: Iterable<string>): void {
  injectedFaults.clear();
  for (const id of ruleIds) injectedFaults.add(id);
}

/** Text → model, facts and findings: the one entry point. */
export function analyze(text: string, options: LintOptions = {}, input: AnalyzeInput = {}): Analysis {
  return analyzeDocument(parse(text), options, input);
}

/** `analyze` of a text already parsed (`doc`). */
export function analyzeDocument(doc: HankeDocument, options: LintOptions = {}, input: AnalyzeInput = {}): Analysis {
  const ctx: RuleContext = { doc, facts: factsOf(doc), file: input.file };
  const run = newRun();
  if (input.lint !== false) {
    // A plain loop (analyzeSliced steps through the same list with pauses).
    const { rules, severities } = enabledRules(options.rules, !!ctx.file);
    for (let r = 0; r < rules.length; r++) runRule(rules[r], severities[r], ctx, options, run);
  }
  return { doc, facts: ctx.facts, findings: finish(run, options) };
}

/**
 * `analyze` in slices: after parsing, and between rules once `sliceMs` have passed since
 * the last pause, awaits `pause()` (the server yields to the event loop there, so that
 * requests for other documents are answered while a huge one is linted). Same results.
 */
export async function analyzeSliced(text: string, options: LintOptions, pause: () => Promise<void>, sliceMs: number, input: AnalyzeInput = {}): Promise<Analysis> {
  const doc = parse(text);
  const ctx: RuleContext = { doc, facts: factsOf(doc), file: input.file };
  const run = newRun();
  await pause();
  if (input.lint !== false) {
    let since = performance.now();
    for (const _ of runRules(ctx, options, run)) {
      if (performance.now() - since >= sliceMs) {
        await pause();
        since = performance.now();
      }
    }
  }
  return { doc, facts: ctx.facts, findings: finish(run, options) };
}

/** The findings of `analyzeDocument` alone (the bench times parsing and linting apart). */
export function lintDocument(doc: HankeDocument, options: LintOptions = {}, file?: FileFacts): Finding[] {
  return analyzeDocument(doc, options, { file }).findings;
}

/** Runs every enabled rule of a document over `ctx` into `run`, one rule per step (analyze runs them all, analyzeSliced pauses between). */
function* runRules(ctx: RuleContext, options: LintOptions, run: Run): Generator<void> {
  const { rules, severities } = enabledRules(options.rules, !!ctx.file);
  for (let r = 0; r < rules.length; r++) {
    runRule(rules[r], severities[r], ctx, options, run);
    yield;
  }
}

/** The rules that run under a configuration (in RULES order) and their severities. */
interface Enabled {
  rules: readonly Rule[];
  severities: readonly Severity[];
}

/** The enabled rules under the given overrides, with and without the facts of a file; worked out once per (long-lived) settings object. */
function enabledRules(rules: LintOptions['rules'], withFile: boolean): Enabled {
  const both = rules ? enabledFor(rules) : DEFAULT_ENABLED;
  return withFile ? both.withFile : both.withoutFile;
}

function enabledOf(settings: readonly RuleSetting[]): { withFile: Enabled; withoutFile: Enabled } {
  const pick = (withFile: boolean): Enabled => {
    const on = RULES.map((rule, r) => ({ rule, setting: settings[r] })).filter((x) => x.setting !== 'off' && (x.rule.input !== 'file' || withFile));
    return { rules: on.map((x) => x.rule), severities: on.map((x) => x.setting as Severity) };
  };
  return { withFile: pick(true), withoutFile: pick(false) };
}

/** The file rules alone, for a file that holds no description (unreadable, binary, not a description). */
export function lintFileFacts(file: FileFacts, options: LintOptions = {}): Finding[] {
  if (!empty) {
    const doc = parse('');
    empty = { doc, facts: deriveFacts(doc) };
  }
  const ctx: RuleContext = { ...empty, file };
  const settings = settingsFor(options.rules);
  const run = newRun();
  for (let r = 0; r < RULES.length; r++) {
    if (settings[r] !== 'off' && applies(RULES[r], ctx, true)) runRule(RULES[r], settings[r] as Severity, ctx, options, run);
  }
  return finish(run, options);
}

let empty: RuleContext | undefined;

function applies(rule: Rule, ctx: RuleContext, fileRulesOnly: boolean): boolean {
  if (fileRulesOnly && rule.input !== 'file') return false;
  return rule.input !== 'file' || !!ctx.file;
}

function internalErrorFinding(rule: string, error: unknown, severity: Severity): Finding {
  const what = short(describeError(error), 200);
  return {
    rule: INTERNAL_ERROR.id,
    severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: {
      fi: `Sisäinen virhe: sääntö "${rule}" kaatui tätä kuvausta tarkistaessaan (${what}). Muut säännöt tarkistettiin. Ilmoita tästä virheestä.`,
      en: `Internal error: rule "${rule}" failed on this description (${what}). The other rules ran. Please report this.`,
    },
    fixes: [],
    docsUrl: ruleDocsUrl(INTERNAL_ERROR.id),
  };
}

/** One lint's findings, and the rules not checked because a fact they need could not be derived. */
interface Run {
  findings: Finding[];
  unavailable: Map<DerivedFact, { error: FactUnavailable; rules: string[] }>;
}

const newRun = (): Run => ({ findings: [], unavailable: new Map() });

/** The run's findings, sorted, with one internal-error finding for the facts that failed (if any). */
function finish(run: Run, options: LintOptions): Finding[] {
  if (run.unavailable.size > 0) {
    const failed = [...run.unavailable.values()];
    options.onRuleError?.(FACTS_FAULT, failed[0].error.reason);
    const severity = options.rules?.[INTERNAL_ERROR.id] ?? INTERNAL_ERROR.defaultSeverity;
    if (severity !== 'off') run.findings.push(factsErrorFinding(failed, severity));
  }
  return sortFindings(run.findings);
}

/** The finding for facts that could not be derived: what failed and which rules were therefore not checked. */
function factsErrorFinding(failed: { error: FactUnavailable; rules: string[] }[], severity: Severity): Finding {
  const names = { period: { fi: 'hankkeen aikataulu', en: 'project period' }, status: { fi: 'toiminnan tila', en: 'status' } };
  const what = short(failed.map((f) => describeError(f.error.reason)).join('; '), 200);
  const rules = [...new Set(failed.flatMap((f) => f.rules))].join(', ');
  return {
    rule: INTERNAL_ERROR.id,
    severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: {
      fi: `Sisäinen virhe: kuvauksen tietoja (${failed.map((f) => names[f.error.fact].fi).join(', ')}) ei saatu luettua (${what}). Niitä tarvitsevia sääntöjä ei tarkistettu: ${rules}. Muut säännöt tarkistettiin. Ilmoita tästä virheestä.`,
      en: `Internal error: the description's facts (${failed.map((f) => names[f.error.fact].en).join(', ')}) could not be derived (${what}). The rules that need them were not checked: ${rules}. The other rules ran. Please report this.`,
    },
    fixes: [],
    docsUrl: ruleDocsUrl(INTERNAL_ERROR.id),
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one rule, guarded: what it finds, or an internal-error finding when it throws. */
function runRule(rule: Rule, setting: Severity, ctx: RuleContext, options: LintOptions, run: Run): void {
  const findings = run.findings;
  let found;
  try {
    if (injectedFaults.size > 0 && injectedFaults.has(rule.id)) throw new Error(`fault injected into ${rule.id} (HANKE_TEST_THROW_IN_RULE)`);
    // A rule whose flag (Rule.needs) is off has nothing to report: its check is not called.
    if (!worthChecking(rule, ctx)) return;
    found = rule.check(ctx);
  } catch (e) {
    if (e instanceof FactUnavailable) {
      // Not this rule's fault: one finding for the facts names every rule they held up.
      const entry = run.unavailable.get(e.fact) ?? { error: e, rules: [] };
      entry.rules.push(rule.id);
      run.unavailable.set(e.fact, entry);
      return;
    }
    options.onRuleError?.(rule.id, e);
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
const DEFAULT_ENABLED = enabledOf(DEFAULT_SETTINGS);
const enabledFor = onceFor((rules: Readonly<Record<string, RuleSetting>>) => enabledOf(overridden(rules)));
