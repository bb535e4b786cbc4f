// Known values of the fields with open value lists (Vastuuviranomainen, Toiminnan tila,
// Organisaatiotyyppi) and the closed list of 'Hakijoiden lukumäärä tai tuen siirto
// -menettely'. Pure: data in from the generated modules, typed results out.
import { ELY_ROWS, MINISTRY_ROWS, REGIONAL_COUNCIL_ROWS } from '../data/authorities.gen';
import { APPLICANT_COUNT_FORM_OPTIONS, APPLICANT_COUNT_SEEN, ORGANISATION_TYPES_SEEN, STATUS_SEEN } from '../data/field-values.gen';
import { onceFor } from '../util/memo';
import { closest, foldAccents, foldForCompare, NameIndex } from '../util/similarity';

export interface Authority {
  /** The Vastuuviranomainen value, e.g. 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus'. */
  name: string;
  kind: 'ely' | 'ministry' | 'regional-council';
  /** ELY-keskus: short name, e.g. 'Keski-Suomen ELY-keskus'. */
  short?: string;
  /** Maakunnan liitto: its region. */
  region?: string;
  /** Fund(s) it grants: 'ESR', 'EAKR' or 'EAKR/ESR'. */
  fund: string;
  /** The exact string was seen as a Vastuuviranomainen value (EURA page or example). */
  seenInEura: boolean;
  /** ELY-keskus: one of the four that made the regional ESR decisions 2014–2020. */
  esrRegional?: boolean;
  /** The exact official string is not verified. */
  uncertain: boolean;
  /**
   * The maakunnat it decided on: for an ELY-keskus, those of its regional ESR decisions
   * (empty for the eleven that made none); for a maakunnan liitto, its own (EAKR).
   */
  regions: readonly string[];
  /** It also granted national actions (ministries; ELY-keskukset with national ESR actions). */
  national: boolean;
}

/** Every known authority: 15 ELY-keskukset, 2 ministries, 18 maakuntien liitot. */
export const AUTHORITY_INFO: readonly Authority[] = [
  ...ELY_ROWS.map(([, short, name, seenInEura, esrRegional, esrRegions, esrNational]): Authority => ({
    name,
    kind: 'ely',
    short,
    fund: 'EAKR/ESR',
    seenInEura,
    esrRegional,
    uncertain: false,
    regions: esrRegions,
    national: esrNational,
  })),
  ...MINISTRY_ROWS.map(([name, fund, seenInEura, uncertain]): Authority => ({ name, kind: 'ministry', fund, seenInEura, uncertain, regions: [], national: true })),
  ...REGIONAL_COUNCIL_ROWS.map(([region, name, seenInEura, uncertain]): Authority => ({
    name,
    kind: 'regional-council',
    region,
    fund: 'EAKR',
    seenInEura,
    uncertain,
    regions: [region],
    national: false,
  })),
];

/** Every known Vastuuviranomainen string (ELY full names, ministries, liitot). */
export const AUTHORITIES: readonly string[] = AUTHORITY_INFO.map((a) => a.name);

/** Toiminnan tila: the values seen (open list). */
export const STATUS_VALUES: readonly string[] = STATUS_SEEN;

/** Organisaatiotyyppi: the values seen (open list). */
export const ORGANISATION_TYPES: readonly string[] = ORGANISATION_TYPES_SEEN;

/**
 * The closed list for 'Hakijoiden lukumäärä tai tuen siirto -menettely': the three
 * options of the EURA application form. The first two are also the values seen on
 * published pages, word for word; no published value for the tuen siirto option was
 * found, so it is the form's wording (no short form is accepted).
 */
export const APPLICANT_COUNT_OPTIONS: readonly string[] = APPLICANT_COUNT_FORM_OPTIONS;

/** The applicant-count values actually seen on published pages (a subset of the options). */
export const APPLICANT_COUNT_PUBLISHED: readonly string[] = APPLICANT_COUNT_SEEN;

// ---------------------------------------------------------------------------------

/** Each list by folded value (the first spelling of a fold wins). */
const foldedIndex = onceFor((list: readonly string[]): ReadonlyMap<string, string> => {
  const m = new Map<string, string>();
  for (const v of list) if (!m.has(foldForCompare(v))) m.set(foldForCompare(v), v);
  return m;
});

/** The list's own spelling of `value` when it is in the list (compared with foldForCompare). */
export function knownValue(list: readonly string[], value: string): string | undefined {
  return foldedIndex(list).get(foldForCompare(value));
}

/** True when `value` is in the list (compared with foldForCompare). */
export function isKnownValue(list: readonly string[], value: string): boolean {
  return knownValue(list, value) !== undefined;
}

/**
 * For an open list: the known value `value` is a likely typo of (within the typo
 * budget, or the same apart from ä/ö/å), or undefined when it is known already or far
 * from every known value.
 */
export function nearMissOf(list: readonly string[], value: string): string | undefined {
  if (isKnownValue(list, value)) return undefined;
  return listIndex(list).suggest(value);
}

/** The near-miss index of a list of known values (built once per list). */
const listIndex = onceFor((list: readonly string[]) => new NameIndex<string>(list.map((v) => [v, v] as const)));

/** For a closed list: the allowed value closest to `value`, however far (for a quick fix). */
export function closestChoice(list: readonly string[], value: string): string | undefined {
  return closest(value, list, (v) => v, Infinity)?.item;
}

/**
 * The known Toiminnan tila a value shortens to its last word or words ('Päättynyt',
 * 'paattynyt.' for 'Toiminta päättynyt'), when exactly one known status ends so;
 * undefined for a known value itself and for anything else.
 */
export function shortenedStatus(value: string): string | undefined {
  const v = foldAccents(value).replace(/[.\s]+$/, '');
  if (v === '' || isKnownValue(STATUS_VALUES, value)) return undefined;
  const hits = STATUS_VALUES.filter((k) => {
    const words = foldAccents(k).split(' ');
    for (let i = 1; i < words.length; i++) if (words.slice(i).join(' ') === v) return true;
    return false;
  });
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The status a Toiminnan tila value stands for: a known value (compared with
 * foldForCompare) or one it shortens ('Päättynyt'); undefined otherwise (typos are
 * not guessed: unusual-value reports them).
 */
export function meantStatus(value: string): string | undefined {
  return knownValue(STATUS_VALUES, value) ?? shortenedStatus(value);
}

let authorityIndex: Map<string, Authority> | undefined;

/** An authority by its full name or (ELY-keskus) its short name, case-insensitive. */
export function findAuthority(name: string): Authority | undefined {
  if (!authorityIndex) {
    authorityIndex = new Map();
    for (const a of AUTHORITY_INFO) authorityIndex.set(foldForCompare(a.name), a);
    for (const a of AUTHORITY_INFO) {
      if (a.short && !authorityIndex.has(foldForCompare(a.short))) authorityIndex.set(foldForCompare(a.short), a);
    }
  }
  return authorityIndex.get(foldForCompare(name));
}
