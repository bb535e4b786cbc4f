// Shared by the value rules: which fields to look at, and the fixes offered for a value
// that should be one of a list (closed or open).
export { documentFund } from '../../facts';
import type { FieldNode, HankeDocument, Range } from '../../model';
import type { ValueKind } from '../../schema';
import { editDistance, foldAccents, foldForCompare, typoBudget } from '../../util/similarity';
import { type Fix, t } from '../types';
import { survey } from '../survey';
import { noObjects } from '../../util/no-objects';

/**
 * The fields of these kinds that carry a value, in document order, from the first
 * occurrence of every section (a duplicate section is duplicate-section's). A field
 * whose label is a typo of a known one counts: its value is still that field's. Empty
 * values are left to empty-field. Read in the one walk of the document (survey.ts).
 */
export function valuedFields(doc: HankeDocument, ...kinds: ValueKind[]): readonly FieldNode[] {
  const s = survey(doc);
  if (kinds.length === 1) return s.valuedByKind.get(kinds[0]) ?? NONE;
  // Several kinds: those of the one ordered list, in its order.
  const all = s.valued;
  const out: FieldNode[] = [];
  for (let i = 0; i < all.length; i++) if (kinds.includes(all[i].spec!.kind)) out.push(all[i]);
  return out;
}

/** No fields: an array of objects, as the lists of fields are, so that each rule's loop meets one kind of array. */
const NONE = noObjects<FieldNode>();

/** A sub-range of a one-line range, by offsets into its text. */
export function subRange(r: Range, from: number, to: number): Range {
  return {
    start: { line: r.start.line, character: r.start.character + from },
    end: { line: r.start.line, character: r.start.character + to },
  };
}

/**
 * The known value `value` certainly means, if any: the same apart from case, spacing,
 * dashes or ä/ö/å, or a typo (within the typo budget) of one known value that is
 * clearly closer than any other.
 */
export function certainNearMiss(value: string, known: readonly string[]): string | undefined {
  const folded = foldForCompare(value);
  const byFold = known.find((k) => foldForCompare(k) === folded);
  if (byFold) return byFold;
  const plain = foldAccents(value);
  const byAccents = known.filter((k) => foldAccents(k) === plain);
  if (byAccents.length === 1) return byAccents[0];
  const [best, next] = near(value, known);
  return best && (!next || next.d - best.d >= CERTAIN_MARGIN) ? best.k : undefined;
}

/**
 * How much closer the best near miss must be than the next one to be certain. Known
 * values often share most of their text (`<region> elinkeino-, liikenne- ja
 * ympäristökeskus`), so several may lie within the typo budget of a long value.
 */
const CERTAIN_MARGIN = 3;

function near(value: string, known: readonly string[]): { k: string; d: number }[] {
  const folded = foldForCompare(value);
  return known
    .map((k, i) => {
      const fk = foldForCompare(k);
      const budget = typoBudget(fk.length);
      return { k, i, d: editDistance(folded, fk, budget), budget };
    })
    .filter((x) => x.d <= x.budget)
    .sort((a, b) => a.d - b.d || a.i - b.i);
}

/** The known values within the typo budget of `value`, closest first (ties in list order). */
export function nearValues(value: string, known: readonly string[]): string[] {
  return near(value, known).map((x) => x.k);
}

/** The fix that writes `newText` over `range`. */
export function replaceFix(range: Range, newText: string, safe: boolean): Fix {
  return { title: t(`Korjaa muotoon "${newText}"`, `Change to "${newText}"`), edits: [{ range, newText }], safe };
}

/**
 * For a value outside a closed list: one fix per allowed value, the likeliest first
 * (`meant`, when the caller knows what the value means in other words). The first is
 * safe only when the value is a certain near miss of it.
 */
export function choiceFixes(value: string, range: Range, allowed: readonly string[], meant?: string): Fix[] {
  const certain = certainNearMiss(value, allowed);
  const ranked = rankChoices(value, allowed, certain);
  // A value that means an allowed one in other words (`Joo` for `Kyllä`) ranks it first, unsafe.
  const ordered = !certain && meant && ranked.includes(meant) ? [meant, ...ranked.filter((a) => a !== meant)] : ranked;
  return ordered.map((a) => replaceFix(range, a, a === certain));
}

/** Words of a value for comparing wordings: folded, without ä/ö/å, punctuation dropped. */
function words(s: string): Set<string> {
  return new Set(
    foldAccents(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3),
  );
}

/**
 * Allowed values, most likely meant first: the certain near miss, then by the number of
 * words shared with the value ("Tuen siirto" → the tuen siirto option), then by edit
 * distance (list order breaks ties).
 */
function rankChoices(value: string, allowed: readonly string[], certain: string | undefined): string[] {
  const mine = words(value);
  const folded = foldForCompare(value);
  return allowed
    .map((a, i) => ({
      a,
      i,
      first: a === certain ? 0 : 1,
      shared: [...words(a)].filter((w) => mine.has(w)).length,
      d: editDistance(folded, foldForCompare(a)),
    }))
    .sort((x, y) => x.first - y.first || y.shared - x.shared || x.d - y.d || x.i - y.i)
    .map((x) => x.a);
}
