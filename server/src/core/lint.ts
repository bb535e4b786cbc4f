// The linter: parse once, derive facts once, run every enabled rule, apply the
// configured severities, sort by position. Editor and CLI both call this.
import { deriveFacts } from './facts';
import { comparePositions, type HankeDocument, type Range } from './model';
import { parse } from './parser';
import { RULES } from './rules';
import type { FileFacts, Fix, RuleContext, Severity } from './rules/types';
import type { Texts } from './schema';
import { ruleDocsUrl } from './docs';
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

/** Every enabled rule over the document; `file`: what the reader of its file knows (for the file rules). */
export function lintDocument(doc: HankeDocument, options: LintOptions = {}, file?: FileFacts): Finding[] {
  return run({ doc, facts: deriveFacts(doc), file }, options, false);
}

/** The file rules alone, for a file that holds no description (unreadable, binary, not a description). */
export function lintFileFacts(file: FileFacts, options: LintOptions = {}): Finding[] {
  if (!empty) {
    const doc = parse('');
    empty = { doc, facts: deriveFacts(doc) };
  }
  return run({ ...empty, file }, options, true);
}

let empty: RuleContext | undefined;

function run(ctx: RuleContext, options: LintOptions, fileRulesOnly: boolean): Finding[] {
  const settings = settingsFor(options.rules);
  const findings: Finding[] = [];
  for (let r = 0; r < RULES.length; r++) {
    const setting = settings[r];
    if (setting === 'off') continue;
    const rule = RULES[r];
    if (fileRulesOnly && rule.input !== 'file') continue;
    if (rule.input === 'file' && !ctx.file) continue;
    const found = rule.check(ctx);
    for (let k = 0; k < found.length; k++) {
      const f = found[k];
      findings.push({ rule: rule.id, severity: setting, range: f.range, message: f.message, fixes: f.fixes ?? [], docsUrl: ruleDocsUrl(rule.id) });
    }
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return findings;
}

/** Each rule's setting (in RULES order) under the given overrides; worked out once per (long-lived) settings object. */
function settingsFor(rules: LintOptions['rules']): readonly RuleSetting[] {
  return rules ? overridden(rules) : DEFAULT_SETTINGS;
}

const DEFAULT_SETTINGS: readonly RuleSetting[] = RULES.map((r) => r.defaultSeverity);
const overridden = onceFor((rules: Readonly<Record<string, RuleSetting>>): readonly RuleSetting[] => RULES.map((r) => rules[r.id] ?? r.defaultSeverity));

export function lint(text: string, options: LintOptions = {}): LintResult {
  const doc = parse(text);
  return { doc, findings: lintDocument(doc, options) };
}
