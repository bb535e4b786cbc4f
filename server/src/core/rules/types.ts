// What a rule is and what it returns. Rules are pure: a parsed document (and the facts
// derived from it once) in, findings out. They never build editor or protocol objects.
import type { HankeDocument, Range } from '../model';
import type { Texts } from '../schema';
import type { Facts } from '../facts';
import type { PlacesFlag } from './geography/common';
import type { SurveyFlag } from './survey';
import type { ValueKind } from '../schema';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleCategory = 'structure' | 'values' | 'programme' | 'financing' | 'geography' | 'principles' | 'file';

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

/** A byte of a mostly-UTF-8 file that is not UTF-8: its offset in the text (without a BOM) and its value. */
export interface InvalidByte {
  index: number;
  byte: number;
}

/**
 * What the adapter that read a file knows about it as a whole: file rules (`input: 'file'`)
 * read these facts rather than the model. Documents open in an editor have none.
 */
/**
 * An input that gave nothing to lint, and why. `input`: what it was — a file (the default),
 * a folder that cannot be listed, a folder without files to lint, a glob that matches nothing.
 */
export interface Unreadable {
  reason: Texts;
  input?: 'file' | 'folder' | 'empty-folder' | 'pattern';
}

export type FileFacts =
  | ({ kind: 'unreadable' } & Unreadable)
  | { kind: 'binary' }
  | { kind: 'not-a-description'; empty: boolean }
  | {
      kind: 'description';
      encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
      /** The text as linted (without a BOM). */
      text: string;
      /** Bytes read as Windows-1252 in a mostly-UTF-8 file (absent when the linted text is not the text read, e.g. after --fix). */
      invalid?: readonly InvalidByte[];
    };

export interface RuleContext {
  doc: HankeDocument;
  facts: Facts;
  /** Facts about the file, when the document was read from one (CLI, workspace lint). */
  file?: FileFacts;
}

/** What every rule of the catalogue declares, whether it checks one document or several (core/cross-document.ts). */
export type RuleInfo = Pick<Rule, 'id' | 'defaultSeverity' | 'description' | 'fixable'> & { category: RuleCategory | 'cross-document' };

export interface Rule {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line: what the rule finds (docs, SARIF short description, settings). */
  description: Texts;
  /**
   * The fixes the rule offers: 'safe' when some of them are safe (applied by `hanke lint --fix`
   * and fix-all), 'unsafe' when it offers suggestions only, false when it offers none. Its docs
   * page's header says so (scripts/gen-docs.mjs), and a test holds every rule to it.
   */
  fixable: 'safe' | 'unsafe' | false;
  /** 'file': a check of the file as a whole (`ctx.file`); it also runs when the file holds no description. */
  input?: 'document' | 'file';
  /**
   * What the document must hold for the rule to have anything to report: a flag of the one
   * walk of the document (rules/survey.ts) or of the section 6 lists (placesSurvey), or a
   * kind of value some value rule might report (values/suspects.ts). The
   * rule loop (core/lint.ts) does not call `check` while the flag is off; `check` itself
   * still finds everything on its own (tools and tests call it directly).
   */
  needs?: { survey: SurveyFlag } | { places: PlacesFlag } | { values: readonly ValueKind[] };
  check(ctx: RuleContext): RuleFinding[];
}

export const t = (fi: string, en: string): Texts => ({ fi, en });
