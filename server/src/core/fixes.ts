// Choosing edits to apply together: the safe fixes of all findings, without overlaps,
// so that fix-all changes only the faulty spans.
import { comparePositions } from './model';
import type { Finding } from './lint';
import type { TextEdit } from './rules/types';

export function applicableFixes(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (!fix) continue;
    const overlaps = fix.edits.some((e) =>
      chosen.some((c) => comparePositions(e.range.start, c.range.end) < 0 && comparePositions(c.range.start, e.range.end) < 0
        || (comparePositions(e.range.start, c.range.start) === 0 && comparePositions(e.range.end, c.range.end) === 0)),
    );
    if (!overlaps) chosen.push(...fix.edits);
  }
  return chosen.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** Applies non-overlapping edits to a text (for tests, the CLI and fix-all checks). */
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
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
