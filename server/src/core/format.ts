// Formatting: amounts grouped the Finnish way, trailing white space removed, one blank
// line between items (none inside the 8.1 answers and the 8.2 table, none added inside
// a paragraph of free text), headings and labels in their official spelling. The words
// of free text are never touched. Returns small edits, one per changed span, so the
// editor keeps cursors and folding where they were. Idempotent in one pass, whatever the
// mix of line endings and with or without a byte order mark: the BOM is never part of a
// line's content, edits are produced in document order (a blank line inserted before a
// line comes before an insertion at that line's start), and an inserted line break is
// the preceding line's own, so it never joins a lone CR with a following LF.
import type { FieldNode, HankeDocument, Position, SectionNode } from './model';
import { comparePositions } from './model';
import { parse } from './parser';
import { applyEdits } from './fixes';
import { groupedAmount } from './refactors';
import type { TextEdit } from './rules/types';
import { headingText, PREAMBLE } from './schema';
import { foldForCompare } from './util/similarity';

/**
 * How a line joins its neighbours:
 * - `item`: a structural line (heading, field, marker…): one blank line on each side;
 * - `tight`: a line of the 8.1 answers or the 8.2 table: no blank line next to another
 *   tight line of the same section;
 * - `text`: free text: a paragraph's lines stay together, paragraphs stay apart (at
 *   most one blank line between them).
 */
type Join = 'item' | 'tight' | 'text';

interface Planned {
  /** The line's content as it should be (without line ending). */
  target: string;
  join: Join;
  /** Lines join tightly / as one paragraph only within the same owner. */
  owner: SectionNode | 'preamble';
}

const TRAILING = /[ \t\u00a0\u202f\u200b\uFEFF]+$/;
const BOM = '\uFEFF';
/** A line the parser skips (the same white space it trims). */
const BLANK = /^[ \t\u00a0\u202f\u200b\uFEFF]*$/;

function trimEndSpace(s: string): string {
  return s.replace(TRAILING, '');
}

function fieldTarget(f: FieldNode): string | undefined {
  if (!f.spec || f.labelMatch === 'unknown') return undefined;
  const label = f.labelMatch === 'typo' ? f.spec.label : f.label;
  const value = (f.spec.kind === 'amount' ? groupedAmount(f.value) : undefined) ?? f.value;
  return value === '' ? `${label}:` : `${label}: ${value}`;
}

function plan(doc: HankeDocument): Map<number, Planned> {
  const out = new Map<number, Planned>();
  // The BOM is not content: it stays where it is (formatEdits leaves it out of every edit).
  const lines = doc.lines.length > 0 && doc.lines[0].startsWith(BOM) ? [doc.lines[0].slice(1), ...doc.lines.slice(1)] : doc.lines;
  const set = (line: number, target: string, join: Join, owner: Planned['owner']) => out.set(line, { target, join, owner });

  const p = doc.preamble;
  if (p.banner) set(p.banner.line, foldForCompare(p.banner.text) === foldForCompare(PREAMBLE.banner) ? PREAMBLE.banner : p.banner.text, 'item', 'preamble');
  if (p.title) set(p.title.line, foldForCompare(p.title.text) === foldForCompare(PREAMBLE.title) ? PREAMBLE.title : p.title.text, 'item', 'preamble');
  for (const t of p.other) set(t.line, trimEndSpace(lines[t.line]), 'text', 'preamble');

  for (const s of doc.sections) {
    set(s.heading.line, headingText(s.spec), 'item', s);
    const body = s.spec.body;
    const tight = body === 'questions' || body === 'scores';
    const bodyJoin: Join = tight ? 'tight' : 'text';
    for (const t of s.texts) set(t.line, trimEndSpace(lines[t.line]), bodyJoin, s);
    for (const t of s.strays) set(t.line, trimEndSpace(lines[t.line]), 'text', s);
    for (const f of s.fields) {
      const target = fieldTarget(f);
      if (target === undefined) set(f.line, trimEndSpace(lines[f.line]), tight ? 'tight' : 'text', s);
      else set(f.line, target, tight ? 'tight' : 'item', s);
      for (const j of f.justification) set(j.line, trimEndSpace(lines[j.line]), bodyJoin, s);
    }
    if (s.placeMarker && s.spec.placeMarker) set(s.placeMarker.line, s.spec.placeMarker, 'item', s);
    if (s.partners && s.spec.partners) {
      set(s.partners.label.line, s.spec.partners.label, 'item', s);
      for (const e of s.partners.entries) set(e.line, trimEndSpace(lines[e.line]), 'text', s);
    }
    if (s.scoreHeader && s.spec.scoreHeader) set(s.scoreHeader.line, s.spec.scoreHeader, 'tight', s);
    for (const g of s.groups) set(g.line.line, g.spec.name, 'tight', s);
    for (const it of s.items) {
      const name = it.nameExact ? it.name : it.spec.name;
      set(it.line, [name, ...it.scores.map((x) => x.raw)].join(' '), 'tight', s);
      for (const j of it.justification) set(j.line, trimEndSpace(lines[j.line]), 'tight', s);
    }
  }
  return out;
}

/** Blank lines wanted between two consecutive non-blank lines. */
function gapBetween(a: Planned, b: Planned, oldGap: number): number {
  if (a.owner !== b.owner) return 1;
  if (a.join === 'tight' && b.join === 'tight') return 0;
  if (a.join === 'text' && b.join === 'text') return oldGap === 0 ? 0 : 1;
  return 1;
}

/** One edit turning `from` into `to` on a line: the span between their common prefix and suffix. */
function lineEdit(line: number, offset: number, from: string, to: string): TextEdit | undefined {
  if (from === to) return undefined;
  let a = 0;
  while (a < from.length && a < to.length && from[a] === to[a]) a++;
  let b = 0;
  while (b < from.length - a && b < to.length - a && from[from.length - 1 - b] === to[to.length - 1 - b]) b++;
  return {
    range: { start: { line, character: offset + a }, end: { line, character: offset + from.length - b } },
    newText: to.slice(a, to.length - b),
  };
}

/**
 * Merges edits that touch (one ends where the next starts) into one. The edits come in
 * document order (a zero-width insertion before a line's content edit at the same
 * position stays first), so they are not re-sorted.
 */
function mergeTouching(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && comparePositions(last.range.end, e.range.start) === 0) {
      out[out.length - 1] = { range: { start: last.range.start, end: e.range.end }, newText: last.newText + e.newText };
    } else out.push(e);
  }
  return out;
}

/** The line break after each line ('' after the last). */
export function lineEndings(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        out.push('\r\n');
        i++;
      } else out.push('\r');
    } else if (c === 10) out.push('\n');
  }
  out.push('');
  return out;
}

/**
 * The edits that format a parsed description (empty when it is formatted already), in
 * document order, never overlapping. `text` is the text that was parsed: with it, the
 * line breaks inserted are those of the neighbouring lines (a document whose line
 * endings are mixed stays as it is); without it, the line endings are taken to be
 * `doc.eol` throughout.
 */
export function formatEdits(doc: HankeDocument, text?: string): TextEdit[] {
  const lines = doc.lines;
  const endings = text === undefined ? undefined : lineEndings(text);
  /** The line break of line `i` (for a line that has one). */
  const eolOf = (i: number) => (endings && endings.length === lines.length && endings[i] ? endings[i] : doc.eol);
  const planned = plan(doc);
  const bom = lines.length > 0 && lines[0].startsWith(BOM) ? 1 : 0;
  const offset = (line: number) => (line === 0 ? bom : 0);
  const isBlank = (line: number) => BLANK.test(lines[line]) && !planned.has(line);
  const edits: TextEdit[] = [];

  const nonBlank: number[] = [];
  for (let i = 0; i < lines.length; i++) if (!isBlank(i)) nonBlank.push(i);
  if (nonBlank.length === 0) {
    // Only white space: keep the BOM, drop the rest.
    const last = lines.length - 1;
    const end: Position = { line: last, character: lines[last].length };
    const start: Position = { line: 0, character: bom };
    return comparePositions(start, end) === 0 ? [] : [{ range: { start, end }, newText: '' }];
  }

  // Line contents and the gaps before them, in document order.
  const content = (i: number) => {
    const p = planned.get(i);
    const from = lines[i].slice(offset(i));
    const to = p ? p.target : trimEndSpace(from);
    const e = lineEdit(i, offset(i), from, to);
    if (e) edits.push(e);
  };

  // Blank lines before the first item: none.
  const first = nonBlank[0];
  if (first > 0) edits.push({ range: { start: { line: 0, character: bom }, end: { line: first, character: 0 } }, newText: '' });
  content(first);

  // Between items.
  const fallback: Planned = { target: '', join: 'text', owner: 'preamble' };
  for (let k = 1; k < nonBlank.length; k++) {
    const i = nonBlank[k - 1];
    const j = nonBlank[k];
    const oldGap = j - i - 1;
    const want = gapBetween(planned.get(i) ?? fallback, planned.get(j) ?? fallback, oldGap);
    let clean = oldGap === want;
    for (let l = i + 1; clean && l < j; l++) if (lines[l] !== '') clean = false;
    if (!clean) {
      let empty = true;
      for (let l = i + 1; empty && l < j; l++) if (lines[l] !== '') empty = false;
      // Inserted breaks repeat line i's own: after a lone CR, an LF would join it into one break.
      const eol = eolOf(i);
      if (empty && oldGap > want) edits.push({ range: { start: { line: i + 1 + want, character: 0 }, end: { line: j, character: 0 } }, newText: '' });
      else if (empty) edits.push({ range: { start: { line: i + 1, character: 0 }, end: { line: i + 1, character: 0 } }, newText: eol.repeat(want - oldGap) });
      else edits.push({ range: { start: { line: i + 1, character: 0 }, end: { line: j, character: 0 } }, newText: eol.repeat(want) });
    }
    content(j);
  }

  // After the last item: at most one line ending.
  const lastItem = nonBlank[nonBlank.length - 1];
  const lastLine = lines.length - 1;
  if (lastLine > lastItem && !(lastLine === lastItem + 1 && lines[lastLine] === '')) {
    edits.push({ range: { start: { line: lastItem + 1, character: 0 }, end: { line: lastLine, character: lines[lastLine].length } }, newText: '' });
  }
  return mergeTouching(edits);
}

/** Formats a text (parse + edits applied); for the CLI and tests. */
export function formatText(text: string): string {
  return applyEdits(text, formatEdits(parse(text), text));
}
