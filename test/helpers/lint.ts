// Shorthands for rule tests: lint a text and compare findings as `rule@line` strings.
import { lint, type LintOptions } from '../../server/src/core/lint';

export function findings(text: string, options?: LintOptions): string[] {
  return lint(text, options).findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

/** Findings of one rule only, with the text each range covers. */
export function findingsOf(rule: string, text: string, options?: LintOptions): { line: number; text: string; message: string }[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lint(text, options)
    .findings.filter((f) => f.rule === rule)
    .map((f) => ({
      line: f.range.start.line + 1,
      text: f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) : '',
      message: f.message.en,
    }));
}
