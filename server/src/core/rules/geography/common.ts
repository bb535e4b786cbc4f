// Shared by the geography rules: the section 6 lists as read by the parser, the day
// memberships are judged on, and the edits their fixes make.
import type { Facts } from '../../facts';
import type { FieldNode } from '../../model';
import { findRegion, findSubregion, isRegionOutsideProgramme, type MunicipalityPeriod, municipalityReading, type Region, type Subregion } from '../../reference';
import { memoOn, onceFor } from '../../util/memo';
import { noObjects } from '../../util/no-objects';
import { foldAccents, foldForCompare } from '../../util/similarity';
import { type ListItem, listItemsOf } from '../../values';
import { type Fix, type RuleFinding, type TextEdit, t } from '../types';

/** The items of a list field (`Maakunnat`, `Seutukunnat`, `Kunnat`); none when absent or empty. */
export function listItems(field: FieldNode | undefined): readonly ListItem[] {
  const items = listItemsOf(field);
  return items.length > 0 ? items : noObjects<ListItem>();
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

/**
 * A suggestion differing only in case, dashes, spacing, ä/ö/å or whether the parts of the
 * name are joined by a hyphen or a space (`Keski Suomi`) is certainly what was meant.
 */
export function sameApartFromAccents(written: string, name: string): boolean {
  const a = foldAccents(written);
  const b = foldAccents(name);
  return a === b || a.replace(/ ?- ?| /g, '-') === b.replace(/ ?- ?| /g, '-');
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

/** The `Kunnat` items read once per document (by unknown-municipality, geography-mismatch and region-outside-programme). */
export function kuntaReadings(facts: Facts): readonly KuntaReading[] {
  return places(facts).kunnat;
}

/** A listed maakunta as read once per document: the item and the maakunta it names (undefined: no maakunta). */
export interface RegionReading {
  item: ListItem;
  region: Region | undefined;
}

/** The `Maakunnat` items read once per document (by unknown-region, geography-mismatch and region-outside-programme). */
export function regionReadings(facts: Facts): readonly RegionReading[] {
  // Apart from the others: it does not depend on the start date (a rule that reads only
  // this list still runs when the period's facts cannot be derived).
  return memoOn(facts, regionReadings, readRegions);
}

function readRegions(facts: Facts): readonly RegionReading[] {
  const items = listItems(facts.field('regions'));
  const out: RegionReading[] = [];
  for (let i = 0; i < items.length; i++) out.push({ item: items[i], region: findRegion(items[i].text) });
  return out;
}

/** A listed seutukunta as read once per document: the item and the seutukunta it names on judgeDate (undefined: none then). */
export interface SubregionReading {
  item: ListItem;
  subregion: Subregion | undefined;
}

/** The `Seutukunnat` items read once per document (by unknown-subregion, geography-mismatch and region-outside-programme). */
export function subregionReadings(facts: Facts): readonly SubregionReading[] {
  return places(facts).subregions;
}

/**
 * What the section 6 lists hold that a geography rule could report, read once per
 * document with the three readings: each geography rule names its flag (Rule.needs), and
 * the rule loop calls its check only when the flag is set (as rules/survey.ts for the
 * structure rules). Each flag is a necessary condition of its rule's findings.
 */
export interface PlacesSurvey {
  /** A listed seutukunta unknown on the day (unknown-subregion). */
  unknownSubregion: boolean;
  /** A listed kunta that did not exist on the day (unknown-municipality). */
  unknownKunta: boolean;
  /** A listed maakunta, seutukunta or kunta of Ahvenanmaa (region-outside-programme). */
  outside: boolean;
  /**
   * A listed seutukunta outside the listed maakunnat, or a kunta (its period on the start
   * date; every period without one) outside the listed maakunnat, or outside the listed
   * seutukunnat of its maakunta (geography-mismatch).
   */
  inconsistent: boolean;
}

/** The flags of a PlacesSurvey (what a rule can name in Rule.needs). */
export type PlacesFlag = keyof PlacesSurvey;

export function placesSurvey(facts: Facts): PlacesSurvey {
  return places(facts);
}

/** The readings that depend on the start date and the flags, made in one go once per document. */
interface Places extends PlacesSurvey {
  subregions: readonly SubregionReading[];
  kunnat: readonly KuntaReading[];
}

function places(facts: Facts): Places {
  return memoOn(facts, places, readPlaces);
}

function readPlaces(facts: Facts): Places {
  const date = judgeDate(facts);
  let unknownSubregion = false;
  let unknownKunta = false;
  let outside = false;
  let inconsistent = false;

  const regions = regionReadings(facts);
  const regionCodes = new Set<string>();
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i].region;
    if (!region) continue;
    regionCodes.add(region.code);
    if (isRegionOutsideProgramme(region.code)) outside = true;
  }

  const subregionItems = listItems(facts.field('subregions'));
  const subregions: SubregionReading[] = [];
  const subregionCodes = new Set<string>();
  /** The maakunnat some of whose seutukunnat are listed. */
  const subregionRegions = new Set<string>();
  for (let i = 0; i < subregionItems.length; i++) {
    const sub = findSubregion(subregionItems[i].text, date);
    subregions.push({ item: subregionItems[i], subregion: sub });
    if (!sub) unknownSubregion = true;
    else {
      subregionCodes.add(sub.code);
      subregionRegions.add(sub.regionCode);
      if (!regionCodes.has(sub.regionCode)) inconsistent = true;
      if (isRegionOutsideProgramme(sub.regionCode)) outside = true;
    }
  }

  // A kunta is judged by its period on the start date, or by every period without one (as geography-mismatch does).
  const kuntaItems = listItems(facts.field('municipalities'));
  const kunnat: KuntaReading[] = [];
  for (let i = 0; i < kuntaItems.length; i++) {
    const item = kuntaItems[i];
    const { history, period } = municipalityReading(item.text, date);
    const k: KuntaReading = { item, history, period, outside: history.length > 0 && someOutside(history) };
    kunnat.push(k);
    if (k.outside) outside = true;
    if (!period) unknownKunta = true;
    else if (date) {
      if (outsideListed(period, regionCodes, subregionCodes, subregionRegions)) inconsistent = true;
    } else {
      for (let j = 0; j < history.length; j++) if (outsideListed(history[j], regionCodes, subregionCodes, subregionRegions)) inconsistent = true;
    }
  }
  return { unknownSubregion, unknownKunta, outside, inconsistent, subregions, kunnat };
}

/** A kunta's period lies outside the listed maakunnat, or outside the listed seutukunnat of its maakunta. */
function outsideListed(p: MunicipalityPeriod, regionCodes: ReadonlySet<string>, subregionCodes: ReadonlySet<string>, subregionRegions: ReadonlySet<string>): boolean {
  return !regionCodes.has(p.regionCode) || (subregionRegions.has(p.regionCode) && !subregionCodes.has(p.subregionCode));
}
