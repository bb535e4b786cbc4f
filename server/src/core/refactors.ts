// Code actions at the cursor that are not fixes of a finding: rewrites the user may
// want (an amount written without thousands separators → Finnish grouping).
import type { HankeDocument, Range } from './model';
import type { TextEdit } from './rules/types';
import type { Texts } from './schema';
import { formatAmount, parseAmount } from './values';

export interface Refactor {
  title: Texts;
  /** LSP code action kind. */
  kind: 'refactor.rewrite';
  edits: TextEdit[];
}

/**
 * A valid amount written without thousands separators, grouped the Finnish way
 * (`289500` → `289 500`, `1234567,5` → `1 234 567,5`; the decimals stay as written).
 * Undefined when the text is not a valid amount or is grouped already.
 */
export function groupedAmount(raw: string): string | undefined {
  const a = parseAmount(raw);
  if (!a || a.grouped) return undefined;
  const comma = raw.indexOf(',');
  const whole = comma < 0 ? raw : raw.slice(0, comma);
  const grouped = formatAmount(Number(whole) * 100);
  return comma < 0 ? grouped : `${grouped}${raw.slice(comma)}`;
}

/** The rewrites offered for the lines of `range` (a cursor is an empty range). */
export function refactorsAt(doc: HankeDocument, range: Range): Refactor[] {
  const out: Refactor[] = [];
  for (const section of doc.sections) {
    for (const f of section.fields) {
      if (f.line < range.start.line || f.line > range.end.line) continue;
      if (f.spec?.kind !== 'amount' || f.labelMatch === 'unknown') continue;
      const grouped = groupedAmount(f.value);
      if (grouped === undefined) continue;
      out.push({
        title: { fi: `Ryhmittele tuhannet: ${grouped}`, en: `Group thousands: ${grouped}` },
        kind: 'refactor.rewrite',
        edits: [{ range: f.valueRange, newText: grouped }],
      });
    }
  }
  return out;
}
