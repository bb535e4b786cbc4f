// Where something missing belongs: the line a missing section or field is reported
// on, and where its fix inserts it. Derived from the schema's order.
import type { FieldSpec, SectionSpec } from './schema';
import { SECTIONS, sectionIndex } from './schema';
import type { HankeDocument, Position, Range, SectionNode } from './model';
import { range } from './model';
import type { TextEdit } from './rules/types';
import { memoOn } from './util/memo';

export interface InsertionPoint {
  /** What the finding points at: the item that comes right after the missing one, or the end. */
  anchor: Range;
  /** Where the fix inserts. */
  at: Position;
  /** The fix inserts before a following item (text + blank line) rather than after the last one. */
  before: boolean;
}

function endOfDocument(doc: HankeDocument): Position {
  const last = doc.lines.length - 1;
  return { line: last, character: doc.lines[last].length };
}

function lastNonBlankLine(doc: HankeDocument): Range {
  for (let i = doc.lines.length - 1; i >= 0; i--) {
    const s = doc.lines[i];
    const t = s.trimEnd();
    if (t.trim().length > 0) return range(i, s.length - s.trimStart().length, t.length);
  }
  return range(0, 0, 0);
}

/** First occurrence of every section present, by number. Computed once per document: do not modify the map. */
export function presentSections(doc: HankeDocument): Map<string, SectionNode> {
  // Keyed by the sections array and its length too: a caller that rebuilt or extended it gets a fresh map.
  const hit = memoOn(doc, presentSections, () => ({ sections: doc.sections, length: doc.sections.length, map: firstOccurrences(doc.sections) }));
  if (hit.sections === doc.sections && hit.length === doc.sections.length) return hit.map;
  return firstOccurrences(doc.sections);
}

function firstOccurrences(sections: readonly SectionNode[]): Map<string, SectionNode> {
  const m = new Map<string, SectionNode>();
  for (const s of sections) if (!m.has(s.spec.number)) m.set(s.spec.number, s);
  return m;
}

/** A missing section belongs before the first present section that follows it in the official order. */
export function sectionInsertionPoint(doc: HankeDocument, spec: SectionSpec): InsertionPoint {
  const present = presentSections(doc);
  const idx = sectionIndex(spec.number);
  // Skip the missing section's own subsections: they go in with it.
  for (let i = idx + 1; i < SECTIONS.length; i++) {
    const next = present.get(SECTIONS[i].number);
    if (next && next.spec.parent !== spec.number) {
      return { anchor: next.heading.range, at: { line: next.heading.line, character: 0 }, before: true };
    }
  }
  return { anchor: lastNonBlankLine(doc), at: endOfDocument(doc), before: false };
}

/** A missing field belongs before the next present field of its section, or after the section's last line. */
export function fieldInsertionPoint(section: SectionNode, field: FieldSpec): InsertionPoint {
  const fields = section.spec.fields ?? [];
  const idx = fields.indexOf(field);
  const lines: { line: number; range: Range; key?: string }[] = [
    ...section.fields.map((f) => ({ line: f.line, range: f.range, key: f.spec?.key })),
    ...section.items.map((it) => ({ line: it.line, range: it.range, key: it.spec.key })),
  ];
  const order = section.spec.body === 'scores'
    ? (section.spec.groups ?? []).flatMap((g) => g.items.map((it) => it.key))
    : fields.map((f) => f.key);
  const myIndex = section.spec.body === 'scores' ? order.indexOf(field.key) : idx;
  let best: { line: number; range: Range } | undefined;
  for (const l of lines) {
    const k = l.key ? order.indexOf(l.key) : -1;
    if (k > myIndex && (!best || l.line < best.line)) best = l;
  }
  if (best) return { anchor: best.range, at: { line: best.line, character: 0 }, before: true };
  const last = lines.reduce<{ line: number; range: Range } | undefined>((a, l) => (!a || l.line > a.line ? l : a), undefined);
  return { anchor: last?.range ?? section.heading.range, at: section.range.end, before: false };
}

/** The edit that inserts `text` as its own item at `p`, with the blank lines the format uses. */
export function insertionEdit(p: InsertionPoint, text: string, eol: string, tight = false): TextEdit {
  const gap = tight ? eol : eol + eol;
  return p.before
    ? { range: { start: p.at, end: p.at }, newText: text + gap }
    : { range: { start: p.at, end: p.at }, newText: gap + text };
}
