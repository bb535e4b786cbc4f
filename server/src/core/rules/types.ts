// What a rule is and what it returns. Rules are pure: a parsed document (and the facts
// derived from it once) in, findings out. They never build editor or protocol objects.
import type { HankeDocument, Range } from '../model';
import type { Texts } from '../schema';
import type { Facts } from '../facts';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleCategory = 'structure' | 'values' | 'programme' | 'financing' | 'geography' | 'principles';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: Texts;
  edits: TextEdit[];
  /** Safe to apply without looking (used by fix-all): the result is certainly what was meant. */
  safe: boolean;
}

export interface RuleFinding {
  range: Range;
  message: Texts;
  fixes?: Fix[];
}

export interface RuleContext {
  doc: HankeDocument;
  facts: Facts;
}

export interface Rule {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line: what the rule finds (docs, SARIF short description, settings). */
  description: Texts;
  check(ctx: RuleContext): RuleFinding[];
}

export const t = (fi: string, en: string): Texts => ({ fi, en });
