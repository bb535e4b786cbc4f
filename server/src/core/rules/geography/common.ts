// Shared by the geography rules: the section 6 lists as read by the parser, the day
// memberships are judged on, and the edits their fixes make.
import type { Facts } from '../../facts';
import type { FieldNode } from '../../model';
import { findRegion, findSubregion, isRegionOutsideProgramme, type MunicipalityPeriod, municipalityReading, type Region, type Subregion } from '../../reference';
import { memoOn, onceFor } from '../../util/memo';
import { foldAccents, foldForCompare } from '../../util/similarity';
import { type ListItem, listItemsOf } from '../../values';
import { type Fix, type RuleFinding, type TextEdit, t } from '../types';

/** The items of a list field (`Maakunnat`, `Seutukunnat`, `Kunnat`); none when absent or empty. */
export function listItems(field: FieldNode | undefined): ListItem[] {
  return listItemsOf(field);
}

/**
 * The day memberships are judged on: the project's start date as ISO 'YYYY-MM-DD', or
 * undefined when it is not a real date, or when the period ends before it starts (those
 * are `invalid-date`'s and `date-order`'s findings: which date is the start is then in
 * doubt, and the geography rules judge "at any time in the data" instead of cascading).
 */
export function judgeDate(facts: Facts): string | undefined {
  if (facts.start && facts.end && facts.end.iso < facts.start.iso) return undefined;
  return facts.start?.iso;
}

/**
 * How many unknown names of one list get a "did you mean" search: a pathological list
 * (100 000 near-miss names on one line) is reported name by name, but only the first
 * ones are compared with the reference names, so a line costs linear time.
 */
export const SUGGESTIONS_PER_LIST = 100;

/** `suggest` for the first SUGGESTIONS_PER_LIST calls, then undefined (one budget per list). */
export function cappedSuggestions<A extends unknown[]>(suggest: (...args: A) => string | undefined): (...args: A) => string | undefined {
  let left = SUGGESTIONS_PER_LIST;
  return (...args) => (left-- > 0 ? suggest(...args) : undefined);
}

/**
 * How many names of one list are reported one by one: beyond that, one finding covers
 * the rest of the list and counts them (a line of 100 000 wrong names is not 100 000
 * diagnostics).
 */
export const FINDINGS_PER_LIST = 500;

/** The finding that stands for the unknown names of `rest` (none when it is empty). */
export function theRest(rest: readonly ListItem[], what: { fi: string; en: string }): RuleFinding[] {
  if (rest.length === 0) return [];
  return [
    {
      range: { start: rest[0].range.start, end: rest[rest.length - 1].range.end },
      message: t(`Vielä ${rest.length} tuntematonta nimeä (${what.fi}) tällä rivillä; niitä ei eritellä.`, `${rest.length} more unknown names (${what.en}) on this line, not reported one by one.`),
    },
  ];
}

/** A suggestion differing only in case, dashes, spacing or ä/ö/å is certainly what was meant. */
export function sameApartFromAccents(written: string, name: string): boolean {
  return foldAccents(written) === foldAccents(name);
}

export function sameName(a: string, b: string): boolean {
  return foldForCompare(a) === foldForCompare(b);
}

/** Replace a list item by `name`. */
export function replaceFix(item: ListItem, name: string, safe: boolean): Fix {
  return {
    title: t(`Korjaa muotoon "${name}"`, `Change to "${name}"`),
    edits: [{ range: item.range, newText: name }],
    safe,
  };
}

/** Remove item `i` of `items` together with one neighbouring comma. */
export function removeItemEdit(items: readonly ListItem[], i: number): TextEdit {
  const item = items[i];
  if (i + 1 < items.length) return { range: { start: item.range.start, end: items[i + 1].range.start }, newText: '' };
  if (i > 0) return { range: { start: items[i - 1].range.end, end: item.range.end }, newText: '' };
  return { range: item.range, newText: '' };
}

/** A listed kunta as the rules judge it: its periods, the one valid on the judging day, whether it is Åland's. */
export interface KuntaReading {
  item: ListItem;
  /** Every period of the kunta, oldest first (empty for an unknown name). */
  history: readonly MunicipalityPeriod[];
  /** The period valid on judgeDate (its latest period when there is no date; undefined when it did not exist then). */
  period?: MunicipalityPeriod;
  /** Some period lies in a maakunta the programme does not cover (Ahvenanmaa). */
  outside: boolean;
}

/** Some period of a kunta's history lies outside the programme (worked out once per kunta of the data). */
const someOutside = onceFor((history: readonly MunicipalityPeriod[]) => history.some((h) => isRegionOutsideProgramme(h.regionCode)));

/** The `Kunnat` items read once per document (by geography-mismatch and region-outside-programme). */
export function kuntaReadings(facts: Facts): readonly KuntaReading[] {
  return memoOn(facts, kuntaReadings, (f) => {
    const date = judgeDate(f);
    return listItems(f.field('municipalities')).map((item) => {
      const { history, period } = municipalityReading(item.text, date);
      return { item, history, period, outside: history.length > 0 && someOutside(history) };
    });
  });
}

/** A listed maakunta as read once per document: the item and the maakunta it names (undefined: no maakunta). */
export interface RegionReading {
  item: ListItem;
  region: Region | undefined;
}

/** The `Maakunnat` items read once per document (by unknown-region, geography-mismatch and region-outside-programme). */
export function regionReadings(facts: Facts): readonly RegionReading[] {
  return memoOn(facts, regionReadings, (f) => listItems(f.field('regions')).map((item) => ({ item, region: findRegion(item.text) })));
}

/** A listed seutukunta as read once per document: the item and the seutukunta it names on judgeDate (undefined: none then). */
export interface SubregionReading {
  item: ListItem;
  subregion: Subregion | undefined;
}

/** The `Seutukunnat` items read once per document (by unknown-subregion, geography-mismatch and region-outside-programme). */
export function subregionReadings(facts: Facts): readonly SubregionReading[] {
  return memoOn(facts, subregionReadings, (f) => {
    const date = judgeDate(f);
    return listItems(f.field('subregions')).map((item) => ({ item, subregion: findSubregion(item.text, date) }));
  });
}
