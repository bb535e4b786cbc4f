// Choosing edits to apply together: the safe fixes of all findings, without overlaps,
// so that fix-all changes only the faulty spans. The result is what an LSP client
// accepts (vscode-languageserver-textdocument's applyEdits): sorted, never overlapping,
// at most one insertion at a position; insertions the fixes make at the same place (three
// missing fields before the same line) are joined into one, in the findings' order, save
// that what starts a section goes after what continues the section it is inserted in.
import { comparePositions } from './model';
import type { Finding } from './lint';
import type { TextEdit } from './rules/types';
import { headingText, SECTIONS } from './schema';

const isInsertion = (e: TextEdit) => comparePositions(e.range.start, e.range.end) === 0;

const HEADINGS = new Set(SECTIONS.map(headingText));

/** The inserted text starts a section: its first written line is a section heading. */
function opensSection(newText: string): boolean {
  return HEADINGS.has(
    newText
      .trimStart()
      .split(/\r\n|\r|\n/, 1)[0]
      .trimEnd(),
  );
}

/**
 * Edits that cannot be applied together: spans that overlap (two replacements of one
 * span, an insertion strictly inside a replaced span). An insertion at either end of a
 * replaced span does not conflict; insertions at one place are joined.
 */
function conflicts(e: TextEdit, c: TextEdit): boolean {
  return comparePositions(e.range.start, c.range.end) < 0 && comparePositions(c.range.start, e.range.end) < 0;
}

export function applicableFixes(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  /** The texts of the insertions made at each chosen insertion's place, in the findings' order. */
  const parts = new Map<TextEdit, string[]>();
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    // A fix whose own edits clash with each other is not applied blindly.
    const own = fix.edits;
    if (own.some((e, i) => own.some((d, k) => k !== i && (conflicts(e, d) || (isInsertion(e) && isInsertion(d) && comparePositions(e.range.start, d.range.start) === 0))))) continue;
    if (own.some((e) => chosen.some((c) => conflicts(e, c)))) continue;
    for (const e of own) {
      const same = isInsertion(e) ? chosen.findIndex((c) => isInsertion(c) && comparePositions(c.range.start, e.range.start) === 0) : -1;
      if (same >= 0) parts.get(chosen[same])!.push(e.newText);
      else {
        chosen.push(e);
        if (isInsertion(e)) parts.set(e, [e.newText]);
      }
    }
  }
  // Insertions at one place joined, whatever the order of the findings: first what
  // continues the line itself (a value's missing part), then what continues the section
  // the place is in (a missing field, on lines of its own), then what starts a section (a
  // missing heading); otherwise a value's part would land after an inserted field, or a
  // field in the inserted section.
  for (const [i, e] of chosen.entries()) {
    const texts = parts.get(e);
    if (texts && texts.length > 1) {
      const rank = (t: string) => (opensSection(t) ? 2 : /^[\r\n]/.test(t) ? 1 : 0);
      chosen[i] = { range: e.range, newText: [0, 1, 2].flatMap((r) => texts.filter((t) => rank(t) === r)).join('') };
    }
  }
  // By start, an insertion before a replacement that starts at the same place.
  return chosen.sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
}

/**
 * Applies non-overlapping edits to a text (for tests, the CLI and fix-all checks), with
 * the semantics of LSP's applyEdits: edits sorted by start (stably, so an insertion
 * listed before a replacement at the same place goes first), each applied to the
 * original text.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      lineStarts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => {
    if (p.line >= lineStarts.length) return text.length;
    return Math.min(lineStarts[p.line] + p.character, text.length);
  };
  const spans = edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('applyEdits: overlapping edits');
    out += text.slice(at, s.start) + s.newText;
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}
