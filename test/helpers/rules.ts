// Table-driven rule tests: a rule's test reads as its specification.
//
//   accepts(RULE, [text, …])             the rule finds nothing in any of these documents
//   rejects(RULE, [{ text, at, message }]) the rule finds exactly these, at these ranges
//
// A range is given by the text it covers, found in the document (never by a line number
// of an example file): `at: '31.12.2013'` is the first occurrence in the document;
// `at: { line: 'Suunnitelman mukainen toteutusaika:', text: '31.12.2013' }` the first
// occurrence on the first line starting with `line` (the whole line when `text` is left
// out; `after: ':'`, the empty position just after the first ':' of that line); a Range
// for anything else.
import { expect } from 'vitest';
import { type Finding, type LintOptions, analyze } from '../../server/src/core/lint';
import type { Range } from '../../server/src/core/model';
import { EXAMPLES } from './examples';

/** The text a range covers (see above); `after`: the zero-width position just after that text on the line (an empty value); `nth`: the n-th line starting with `line` (1-based; default the first). */
export type Where = string | { line: string; text?: string; after?: string; nth?: number } | Range;

export interface Rejection {
  /** The document (usually an example with one line edited). */
  text: string;
  /** Where each finding of the rule is, in document order (one or several). */
  at: Where | Where[];
  /** A part of each finding's English message (one for all, or one per finding). */
  message?: string | string[];
  /** The same in Finnish. */
  fi?: string | string[];
  /** No other rule finds anything in the document. */
  alone?: boolean;
  /** The other rules find in the document just what they find in this one (the example edited). */
  besides?: string;
  /** Configuration of the run (severities, rules off). */
  options?: LintOptions;
  /** Shown when the case fails (default: the text the first range covers). */
  name?: string;
}

/** The document: a text, or [a name shown on failure, the text]. */
export type Accepted = string | [name: string, text: string];

/** The five published descriptions, as documents for `accepts`. */
export const PUBLISHED: Accepted[] = EXAMPLES.map((e) => [e.name, e.text]);

const isRange = (w: Where): w is Range => typeof w === 'object' && 'start' in w;

/** The range `where` names in `text`; throws when the text is not there (a broken test, not a finding). */
export function rangeOf(text: string, where: Where): Range {
  if (isRange(where)) return where;
  const lines = text.split(/\r\n|\r|\n/);
  const find = (line: number, s: string, from = 0): Range => {
    const character = lines[line].indexOf(s, from);
    if (character < 0) throw new Error(`"${s}" is not on line ${line + 1}: ${lines[line]}`);
    return { start: { line, character }, end: { line, character: character + s.length } };
  };
  if (typeof where === 'string') {
    const line = lines.findIndex((l) => l.includes(where));
    if (line < 0) throw new Error(`"${where}" is not in the document`);
    return find(line, where);
  }
  const line = lines.map((l, i) => (l.startsWith(where.line) ? i : -1)).filter((i) => i >= 0)[(where.nth ?? 1) - 1] ?? -1;
  if (line < 0) throw new Error(`no line ${where.nth ?? 1} starts with "${where.line}"`);
  if (where.after !== undefined) {
    const end = find(line, where.after).end;
    return { start: end, end };
  }
  return where.text === undefined ? { start: { line, character: 0 }, end: { line, character: lines[line].length } } : find(line, where.text);
}

const list = <T>(x: T | T[] | undefined, n: number): (T | undefined)[] => (Array.isArray(x) ? x : Array.from({ length: n }, () => x));

/** Asserts that `rule` finds nothing in each document. */
export function accepts(rule: string, docs: readonly Accepted[], options?: LintOptions): void {
  for (const d of docs) {
    const [name, text] = typeof d === 'string' ? [d.length > 80 ? `${d.slice(0, 77)}…` : d, d] : d;
    const found = analyze(text, options).findings.filter((f) => f.rule === rule);
    expect(
      found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`),
      `${rule} accepts ${name}`,
    ).toEqual([]);
  }
}

/** Asserts each case: `rule` finds exactly the findings listed, at those ranges, with those messages. Returns each case's findings of the rule. */
export function rejects(rule: string, cases: readonly Rejection[]): Finding[][] {
  return cases.map((c) => {
    const wheres = Array.isArray(c.at) ? c.at : [c.at];
    const expected = wheres.map((w) => rangeOf(c.text, w));
    const w = wheres[0];
    const name = c.name ?? (typeof w === 'string' ? w : isRange(w) ? `at ${w.start.line + 1}:${w.start.character + 1}` : w.text || w.line);
    const all = analyze(c.text, c.options).findings;
    const found = all.filter((f) => f.rule === rule);
    expect(
      found.map((f) => f.range),
      `${rule} rejects ${name}: the ranges`,
    ).toEqual(expected);
    const en = list(c.message, found.length);
    const fi = list(c.fi, found.length);
    found.forEach((f, i) => {
      if (en[i] !== undefined) expect(f.message.en, `${rule} rejects ${name}: message ${i + 1}`).toContain(en[i]);
      if (fi[i] !== undefined) expect(f.message.fi, `${rule} rejects ${name}: Finnish message ${i + 1}`).toContain(fi[i]);
    });
    if (c.besides !== undefined) {
      const key = (f: Finding) => `${f.rule}@${f.range.start.line + 1}:${f.range.start.character + 1}`;
      expect(all.filter((f) => f.rule !== rule).map(key), `${rule} rejects ${name}: the other findings unchanged`).toEqual(
        analyze(c.besides, c.options)
          .findings.filter((f) => f.rule !== rule)
          .map(key),
      );
    }
    if (c.alone)
      expect(
        all.filter((f) => f.rule !== rule).map((f) => `${f.rule}@${f.range.start.line + 1}`),
        `${rule} rejects ${name}: no other finding`,
      ).toEqual([]);
    return found;
  });
}

/** The first (only) finding of `rule` in one case: `rejects` for one document, returning the finding. */
export function rejectsOne(rule: string, c: Rejection): Finding {
  return rejects(rule, [c])[0][0];
}
