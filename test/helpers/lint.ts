// Shorthands for rule tests: lint a text and compare findings as `rule@line` strings.
import { expect } from 'vitest';
import type { Fix } from '../../server/src/core/rules/types';
import { analyze, type LintOptions } from '../../server/src/core/lint';

export function findings(text: string, options?: LintOptions): string[] {
  return analyze(text, options).findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

/** Findings of one rule only, with the text each range covers. */
export function findingsOf(rule: string, text: string, options?: LintOptions): { line: number; text: string; message: string }[] {
  const lines = text.split(/\r\n|\r|\n/);
  return analyze(text, options)
    .findings.filter((f) => f.rule === rule)
    .map((f) => ({
      line: f.range.start.line + 1,
      text: f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) : '',
      message: f.message.en,
    }));
}

/** The findings of `edited` are those of `original` plus `added`, nothing else. */
export function expectAdded(original: string, edited: string, ...added: string[]): void {
  expect([...findings(edited)].sort()).toEqual([...findings(original), ...added].sort());
}

/** The fixes offered by one rule's findings. */
export function fixesOf(rule: string, text: string): Fix[] {
  return analyze(text)
    .findings.filter((f) => f.rule === rule)
    .flatMap((f) => f.fixes);
}

/** One rule's fixes as [the first edit's new text, safe]. */
export function fixTexts(rule: string, text: string): [string, boolean][] {
  return fixesOf(rule, text).map((x): [string, boolean] => [x.edits[0].newText, x.safe]);
}

export const sorted = (xs: string[]): string[] => [...xs].sort();
