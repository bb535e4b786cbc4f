// Shared by the hover modules: the locale's translator, Markdown escaping, number and
// list formatting, the section a line belongs to, the findings inside a range.
import type { Finding } from '../lint';
import { type FieldNode, type HankeDocument, type Range, rangeContains, type SectionNode } from '../model';
import type { Severity } from '../rules/types';
import { headingText, type SectionSpec } from '../schema';
import { formatAmount } from '../values';

export type HoverLocale = 'fi' | 'en';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** What the hover describes (the editor highlights it). */
  range: Range;
}

export type Tr = (fi: string, en: string) => string;

export function translator(locale: HoverLocale): Tr {
  return (fi, en) => (locale === 'fi' ? fi : en);
}

/**
 * Escapes text taken from the document so that Markdown shows it as written, escaping
 * only what would otherwise be read as Markdown: a client that shows the Markdown
 * source (Neovim) then shows `Marke_2 [beta]` without backslashes. Escaped: a backslash
 * before punctuation, code spans and table pipes, `*` and `_` that could open or close
 * emphasis (not `_` inside a word, not a lone `*` between spaces), `]` before `(`, `[`
 * or `:` (links), `<` that could start a tag or an autolink, `~~`, character
 * references, and a block marker (`#`, `>`, `-`, `+`, `*`) at the start.
 */
export function md(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const prev = s[i - 1] ?? '';
    const next = s[i + 1] ?? '';
    let escape = false;
    switch (c) {
      case '\\':
        escape = next === '' || ASCII_PUNCTUATION.test(next);
        break;
      case '`':
      case '|':
        escape = true;
        break;
      case '*':
        escape = !((prev === '' || /\s/.test(prev)) && (next === '' || /\s/.test(next)));
        break;
      case '_':
        escape = !(WORD_CHAR.test(prev) && WORD_CHAR.test(next));
        break;
      case ']':
        escape = next === '(' || next === '[' || next === ':';
        break;
      case '<':
        escape = /[A-Za-z/!?]/.test(next);
        break;
      case '~':
        escape = next === '~' || prev === '~';
        break;
      case '&':
        escape = /^&#?[A-Za-z0-9]+;/.test(s.slice(i, i + 40));
        break;
    }
    out += escape ? `\\${c}` : c;
  }
  // A block marker at the start, in case the text begins a line (a number like "5." is
  // left: as an ordered list item it still shows as written).
  return out.replace(/^(\s*)(#|>|[-+*](?=\s|$))/, '$1\\$2');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** An integer with Finnish thousands separators (`1 096`). */
export function int(n: number): string {
  const sign = n < 0 ? '−' : '';
  return sign + formatAmount(Math.abs(Math.round(n)) * 100);
}

export function euros(cents: number): string {
  return (cents < 0 ? '−' : '') + formatAmount(Math.abs(cents));
}

export function percent(part: number, whole: number): string | undefined {
  if (!(whole > 0)) return undefined;
  return `${Math.round((part / whole) * 100)} %`;
}

export function plural(n: number, one: string, many: string): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

export function sectionOf(doc: HankeDocument, line: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  for (const s of doc.sections) {
    if (s.heading.line <= line) found = s;
    else break;
  }
  return found;
}

export function title(spec: SectionSpec): string {
  return `### ${md(headingText(spec))}`;
}

/** The value of a field as written, or a dash. */
export function shown(f: FieldNode | undefined): string {
  return f && f.value !== '' ? md(f.value) : '–';
}

/** Findings within a range, as a bullet list (empty string when none). */
export function findingList(findings: readonly Finding[], r: Range, tr: Tr, locale: HoverLocale): string {
  const inside = findings.filter((f) => rangeContains(r, f.range.start));
  if (inside.length === 0) return '';
  const icon: Record<Severity, string> = { error: '⛔', warning: '⚠️', info: 'ℹ️', hint: '💡' };
  return [`**${tr('Huomautukset', 'Problems')}:**`, '', ...inside.map((f) => `- ${icon[f.severity]} ${md(f.message[locale])} (\`${f.rule}\`)`)].join('\n');
}

export function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

export { short } from '../util/short';
