// Where something missing belongs: the line a missing section or field is reported
// on, and where its fix inserts it. Derived from the schema's order.
import type { FieldSpec, SectionSpec } from './schema';
import { SECTIONS, sectionIndex } from './schema';
import type { HankeDocument, Position, Range, SectionNode } from './model';
import { range } from './model';
import type { TextEdit } from './rules/types';
import { memoOn } from './util/memo';
import { foldForCompare } from './util/similarity';

export interface InsertionPoint {
  /** What the finding points at: the item that comes right after the missing one, or the end. */
  anchor: Range;
  /** Where the fix inserts. */
  at: Position;
  /** The fix inserts before a following item (text + blank line) rather than after the last one. */
  before: boolean;
  /** A missing section: its content (subsections, or fields read as the section before's) is there; the heading goes in. */
  headingOnly?: boolean;
  /** The content is the section's own fields, left without their heading. */
  orphan?: boolean;
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
  return presentReading(doc).map;
}

/** The first occurrences of presentSections as a list, in document order (the rules walk them so). Do not modify the list. */
export function presentSectionList(doc: HankeDocument): readonly SectionNode[] {
  return presentReading(doc).list;
}

interface PresentReading {
  sections: readonly SectionNode[];
  length: number;
  map: Map<string, SectionNode>;
  list: readonly SectionNode[];
}

function presentReading(doc: HankeDocument): PresentReading {
  // Keyed by the sections array and its length too: a caller that rebuilt or extended it gets a fresh reading.
  const hit = memoOn(doc, presentReading, readPresent);
  if (hit.sections === doc.sections && hit.length === doc.sections.length) return hit;
  return readPresent(doc);
}

function readPresent(doc: HankeDocument): PresentReading {
  const map = firstOccurrences(doc.sections);
  return { sections: doc.sections, length: doc.sections.length, map, list: [...map.values()] };
}

function firstOccurrences(sections: readonly SectionNode[]): Map<string, SectionNode> {
  const m = new Map<string, SectionNode>();
  for (const s of sections) if (!m.has(s.spec.number)) m.set(s.spec.number, s);
  return m;
}

/**
 * A missing section belongs before the first present section that follows it in the
 * official order. A missing parent whose subsections are there belongs before the first
 * of them; a section whose heading alone was lost (its fields, questions or scored items
 * are still there, read as part of the section before) belongs before that content.
 */
export function sectionInsertionPoint(doc: HankeDocument, spec: SectionSpec): InsertionPoint {
  const present = presentSections(doc);
  let child: SectionNode | undefined;
  for (const s of present.values()) if (s.spec.parent === spec.number && (!child || s.heading.line < child.heading.line)) child = s;
  const p = nextSectionPoint(doc, spec, present);
  if (child) {
    // Before its first subsection, or before a later section that comes first (sections out of order).
    if (p.before && p.at.line < child.heading.line) return { ...p, headingOnly: true };
    return { anchor: child.heading.range, at: { line: child.heading.line, character: 0 }, before: true, headingOnly: true };
  }
  const orphan = orphanedContent(doc, spec, p, present);
  return orphan === undefined ? p : { anchor: p.anchor, at: { line: orphan, character: 0 }, before: true, headingOnly: true, orphan: true };
}

/**
 * Where the content of `section` itself ends when the section after it lost its heading
 * and that section's content was read as part of this one: the first orphaned line.
 */
function orphanInside(doc: HankeDocument, section: SectionNode): number | undefined {
  const next = SECTIONS[sectionIndex(section.spec.number) + 1];
  const present = presentSections(doc);
  if (!next || present.has(next.number) || present.get(section.spec.number) !== section) return undefined;
  return orphanedContent(doc, next, nextSectionPoint(doc, next, present), present);
}

function nextSectionPoint(doc: HankeDocument, spec: SectionSpec, present: Map<string, SectionNode>): InsertionPoint {
  const idx = sectionIndex(spec.number);
  // The earliest in the document of the sections that follow it in the official order
  // (in a document whose sections are out of order, the next one by number may come
  // after a higher-numbered one). Its own subsections are absent (they go in with it).
  let next: SectionNode | undefined;
  for (const s of present.values()) {
    if (sectionIndex(s.spec.number) > idx && s.spec.parent !== spec.number && (!next || s.heading.line < next.heading.line)) next = s;
  }
  if (next) return { anchor: next.heading.range, at: { line: next.heading.line, character: 0 }, before: true };
  return { anchor: lastNonBlankLine(doc), at: endOfDocument(doc), before: false };
}

/** Whether a line of the document is (the label of) a field, item or fixed line of `spec`. */
function belongsTo(spec: SectionSpec, line: string): boolean {
  const folded = foldForCompare(line);
  if (folded === '') return false;
  const colon = folded.indexOf(':');
  const label = colon < 0 ? undefined : folded.slice(0, colon).trimEnd();
  for (const f of spec.fields ?? []) if (label !== undefined && label === foldForCompare(f.label)) return true;
  const fixed = [spec.scoreHeader, spec.placeMarker, spec.partners?.label, ...(spec.groups ?? []).map((g) => g.name)];
  for (const x of fixed) if (x !== undefined && folded === foldForCompare(x)) return true;
  for (const g of spec.groups ?? []) for (const it of g.items) if (folded.startsWith(`${foldForCompare(it.name)} `)) return true;
  return false;
}

/**
 * The first line of `spec`'s content left in the section before it (in the official
 * order), when its heading alone is missing: after that section's own last line (its
 * recognised fields, items and fixed lines; free text, unknown or repeated fields are
 * not its own) and before `p` (where the whole section would go), a label, question or
 * item of `spec`. Undefined when there is none.
 */
function orphanedContent(doc: HankeDocument, spec: SectionSpec, p: InsertionPoint, present: Map<string, SectionNode>): number | undefined {
  if (!spec.fields?.length && !spec.groups?.length) return undefined;
  // Only in the section that comes right before it in the official order (several
  // sections share labels: Jakeluosoite is in 2 and 6).
  const idx = sectionIndex(spec.number);
  const host = idx > 0 ? present.get(SECTIONS[idx - 1].number) : undefined;
  if (!host) return undefined;
  // Within the host section, and before where the whole section would go.
  const end = Math.min(p.before ? p.at.line : doc.lines.length, host.range.end.line + 1);
  if (host.heading.line >= end) return undefined;
  const own = new Set<number>();
  const seen = new Set<unknown>();
  for (const f of host.fields) {
    if (f.spec && f.labelMatch !== 'unknown' && !seen.has(f.spec)) {
      seen.add(f.spec);
      own.add(f.line);
    }
  }
  for (const it of host.items) own.add(it.line);
  for (const g of host.groups) own.add(g.line.line);
  if (host.scoreHeader) own.add(host.scoreHeader.line);
  if (host.placeMarker) own.add(host.placeMarker.line);
  if (host.partners) own.add(host.partners.label.line);
  // After the host's own last line: what comes before it is the host's.
  let from = host.heading.line + 1;
  for (const l of own) if (l >= from) from = l + 1;
  for (let l = from; l < end; l++) {
    if (belongsTo(spec, doc.lines[l])) return l;
  }
  return undefined;
}

/**
 * A missing field belongs before the next present field of its section, or after the
 * section's last line (when the next section's content follows without its heading,
 * after the last line before that content, where the heading goes).
 */
export function fieldInsertionPoint(section: SectionNode, field: FieldSpec, doc?: HankeDocument): InsertionPoint {
  const fields = section.spec.fields ?? [];
  const idx = fields.indexOf(field);
  const lines: { line: number; range: Range; key?: string }[] = [
    ...section.fields.map((f) => ({ line: f.line, range: f.range, key: f.spec?.key })),
    ...section.items.map((it) => ({ line: it.line, range: it.range, key: it.spec.key })),
  ];
  const order = section.spec.body === 'scores' ? (section.spec.groups ?? []).flatMap((g) => g.items.map((it) => it.key)) : fields.map((f) => f.key);
  const myIndex = section.spec.body === 'scores' ? order.indexOf(field.key) : idx;
  let best: { line: number; range: Range } | undefined;
  for (const l of lines) {
    const k = l.key ? order.indexOf(l.key) : -1;
    if (k > myIndex && (!best || l.line < best.line)) best = l;
  }
  if (best) return { anchor: best.range, at: { line: best.line, character: 0 }, before: true };
  const orphan = doc ? orphanInside(doc, section) : undefined;
  const last = lines.reduce<{ line: number; range: Range } | undefined>((a, l) => (!a || (l.line > a.line && (orphan === undefined || l.line < orphan)) ? l : a), undefined);
  if (doc && orphan !== undefined) {
    let l = orphan - 1;
    while (l > section.heading.line && doc.lines[l].trim() === '') l--;
    return { anchor: last?.range ?? section.heading.range, at: { line: l, character: doc.lines[l].length }, before: false };
  }
  return { anchor: last?.range ?? section.heading.range, at: section.range.end, before: false };
}

/** The edit that inserts `text` as its own item at `p`, with the blank lines the format uses. */
export function insertionEdit(p: InsertionPoint, text: string, eol: string, tight = false): TextEdit {
  const gap = tight ? eol : eol + eol;
  return p.before ? { range: { start: p.at, end: p.at }, newText: text + gap } : { range: { start: p.at, end: p.at }, newText: gap + text };
}
