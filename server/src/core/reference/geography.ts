// Maakunnat, seutukunnat and kunnat as they were on a given day (2013–2024), looked up
// by name as written in section 6 of a description. Pure: data in from the generated
// module, typed results out; indexes are built once, on first use.
//
// Dates are ISO 'YYYY-MM-DD' and compare as strings. Where a function takes an optional
// `date`, leaving it out means "at any time covered by the data": lookups then return
// the latest state, and lists hold everything that ever existed (in its latest state).
import { ALIAS_ROWS, MUNICIPALITY_ROWS, REGION_ROWS, SUBREGION_ROWS } from '../data/geography.gen';
import { foldForCompare, NameIndex } from '../util/similarity';

export interface Region {
  code: string;
  name: string;
  nameSv: string;
}

export interface Subregion {
  code: string;
  /** Nominative, e.g. 'Saarijärvi-Viitasaari'. */
  name: string;
  /** The form EURA lists, e.g. 'Saarijärven-Viitasaaren', 'Pielisen Karjalan'. */
  genitive: string;
  /** Region name. */
  region: string;
  regionCode: string;
  /** Last day it existed (inclusive); absent while it still exists. */
  validUntil?: string;
}

/** One period of a kunta during which its sub-region and region did not change. */
export interface MunicipalityPeriod {
  code: string;
  name: string;
  nameSv: string;
  /** Sub-region, nominative. */
  subregion: string;
  subregionGenitive: string;
  subregionCode: string;
  /** Region name. */
  region: string;
  regionCode: string;
  /** First day (inclusive); absent when the period began before the data (2013-01-01). */
  validFrom?: string;
  /** Last day (inclusive); absent while still valid. */
  validUntil?: string;
  /** On the last period of an abolished kunta: the kunta it was merged into the next day. */
  mergedInto?: string;
}

/** True when `date` lies within [validFrom, validUntil] (open ends allowed); any date when undefined. */
export function isValidOn(item: { validFrom?: string; validUntil?: string }, date?: string): boolean {
  if (date === undefined) return true;
  return (item.validFrom === undefined || item.validFrom <= date) && (item.validUntil === undefined || date <= item.validUntil);
}

// ---------------------------------------------------------------------------------
// Indexes

interface Index {
  regions: readonly Region[];
  regionByName: Map<string, Region>;
  regionByCode: Map<string, Region>;
  subregions: readonly Subregion[];
  subregionByGenitive: Map<string, Subregion>;
  subregionByName: Map<string, Subregion>;
  subregionAliases: readonly (readonly [alias: string, subregion: Subregion])[];
  regionAliases: readonly (readonly [alias: string, region: Region])[];
  /** All periods of each kunta, oldest first. */
  periodsByCode: Map<string, readonly MunicipalityPeriod[]>;
  /** Folded name → codes, Finnish names first, then aliases, then Swedish names. */
  codesByName: Map<string, string[]>;
  municipalityAliases: readonly (readonly [alias: string, code: string])[];
  /** Every validFrom / validUntil in the data, sorted: the days on which some membership changes. */
  starts: readonly string[];
  ends: readonly string[];
}

let index: Index | undefined;

function addName(map: Map<string, string[]>, name: string, code: string): void {
  const key = foldForCompare(name);
  const codes = map.get(key);
  if (!codes) map.set(key, [code]);
  else if (!codes.includes(code)) codes.push(code);
}

function build(): Index {
  const regions: Region[] = REGION_ROWS.map(([code, name, nameSv]) => ({ code, name, nameSv }));
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const regionByName = new Map<string, Region>();
  for (const r of regions) regionByName.set(foldForCompare(r.name), r);

  const subregions: Subregion[] = SUBREGION_ROWS.map(([code, name, genitive, regionCode, validUntil]) => {
    const region = regionByCode.get(regionCode);
    if (!region) throw new Error(`geography: sub-region ${code} has unknown region ${regionCode}`);
    const s: Subregion = { code, name, genitive, region: region.name, regionCode };
    if (validUntil) s.validUntil = validUntil;
    return s;
  });
  const subregionByCode = new Map(subregions.map((s) => [s.code, s]));
  const subregionByGenitive = new Map<string, Subregion>();
  const subregionByName = new Map<string, Subregion>();
  for (const s of subregions) {
    subregionByGenitive.set(foldForCompare(s.genitive), s);
    subregionByName.set(foldForCompare(s.name), s);
  }

  const periodsByCode = new Map<string, MunicipalityPeriod[]>();
  for (const [code, name, nameSv, subCode, validFrom, validUntil, mergedInto] of MUNICIPALITY_ROWS) {
    const s = subregionByCode.get(subCode);
    if (!s) throw new Error(`geography: kunta ${code} has unknown sub-region ${subCode}`);
    const p: MunicipalityPeriod = {
      code,
      name,
      nameSv: nameSv || name,
      subregion: s.name,
      subregionGenitive: s.genitive,
      subregionCode: s.code,
      region: s.region,
      regionCode: s.regionCode,
    };
    if (validFrom) p.validFrom = validFrom;
    if (validUntil) p.validUntil = validUntil;
    if (mergedInto) p.mergedInto = mergedInto;
    const list = periodsByCode.get(code);
    if (list) list.push(p);
    else periodsByCode.set(code, [p]);
  }
  for (const list of periodsByCode.values()) {
    // ISO dates sort as plain strings (and localeCompare would load ICU's collation for it).
    list.sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : (a.validFrom ?? '') > (b.validFrom ?? '') ? 1 : 0));
  }

  const subregionAliases: (readonly [string, Subregion])[] = [];
  const regionAliases: (readonly [string, Region])[] = [];
  const municipalityAliases: (readonly [string, string])[] = [];
  for (const [kind, alias, code] of ALIAS_ROWS) {
    if (kind === 'region') {
      const r = regionByCode.get(code);
      if (r) {
        regionAliases.push([alias, r]);
        if (!regionByName.has(foldForCompare(alias))) regionByName.set(foldForCompare(alias), r);
      }
    } else if (kind === 'subregion') {
      const s = subregionByCode.get(code);
      if (s) {
        subregionAliases.push([alias, s]);
        if (!subregionByGenitive.has(foldForCompare(alias))) subregionByGenitive.set(foldForCompare(alias), s);
      }
    } else if (periodsByCode.has(code)) {
      municipalityAliases.push([alias, code]);
    }
  }
  // Swedish region names last, so they never shadow a Finnish name or an alias.
  for (const r of regions) {
    if (!regionByName.has(foldForCompare(r.nameSv))) regionByName.set(foldForCompare(r.nameSv), r);
  }

  const codesByName = new Map<string, string[]>();
  for (const [code, periods] of periodsByCode) addName(codesByName, periods[0].name, code);
  for (const [alias, code] of municipalityAliases) addName(codesByName, alias, code);
  for (const [code, periods] of periodsByCode) addName(codesByName, periods[0].nameSv, code);

  return {
    regions,
    regionByName,
    regionByCode,
    subregions,
    subregionByGenitive,
    subregionByName,
    subregionAliases,
    regionAliases,
    periodsByCode,
    codesByName,
    municipalityAliases,
    starts: [...new Set([...periodsByCode.values()].flat().flatMap((p) => (p.validFrom ? [p.validFrom] : [])))].sort(),
    ends: [...new Set([...subregions.flatMap((s) => (s.validUntil ? [s.validUntil] : [])), ...[...periodsByCode.values()].flat().flatMap((p) => (p.validUntil ? [p.validUntil] : []))])].sort(),
  };
}

function idx(): Index {
  return (index ??= build());
}

/** How many of the sorted `days` are before `date` (or on it, with `inclusive`). */
function countUpTo(days: readonly string[], date: string, inclusive: boolean): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < date || (inclusive && days[mid] === date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The stretch of time `date` falls in: two dates with the same era see the same
 * kunnat, seutukunnat and maakunnat (isValidOn gives the same answer for every item,
 * since as many validFrom days are on or before each and as many validUntil days before
 * each). A few dozen eras in all, so the memos below never need emptying.
 */
function era(date: string | undefined): string {
  if (date === undefined) return '';
  const { starts, ends } = idx();
  return `${countUpTo(starts, date, true)}:${countUpTo(ends, date, false)}`;
}

/** Memo of the lists below by era (a bounded set of keys). */
function memo<T>(cache: Map<string, T>, date: string | undefined, compute: () => T): T {
  const key = era(date);
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    cache.set(key, v);
  }
  return v;
}

function periodOn(periods: readonly MunicipalityPeriod[], date?: string): MunicipalityPeriod | undefined {
  if (date === undefined) return periods[periods.length - 1];
  return periods.find((p) => isValidOn(p, date));
}

// ---------------------------------------------------------------------------------
// Regions

/** A maakunta by name (case-insensitive), by a listed alias ('Ahvenanmaa - Åland') or by its Swedish name. */
export function findRegion(name: string): Region | undefined {
  return idx().regionByName.get(foldForCompare(name));
}

/**
 * The real maakunta name `name` is most likely a typo of: the same name written without
 * ä/ö/å, else the closest name within the typo budget ('Keski-Suomii' → 'Keski-Suomi').
 */
export function suggestRegion(name: string): string | undefined {
  regionIndex ??= (() => {
    const { regions, regionAliases } = idx();
    return new NameIndex<Region>([...regions.map((r) => [r.name, r] as const), ...regionAliases, ...regions.map((r) => [r.nameSv, r] as const)]);
  })();
  return regionIndex.suggest(name)?.name;
}

let regionIndex: NameIndex<Region> | undefined;
const regionsCache = new Map<string, readonly Region[]>();

/** Maakunnat that had at least one sub-region on `date` (all of them when no date). */
export function regionsOn(date?: string): readonly Region[] {
  return memo(regionsCache, date, () => {
    const codes = new Set(subregionsOn(date).map((s) => s.regionCode));
    return idx().regions.filter((r) => codes.has(r.code));
  });
}

// ---------------------------------------------------------------------------------
// Sub-regions

/**
 * A seutukunta by its genitive (the EURA form, e.g. 'Jyväskylän', 'Pielisen Karjalan')
 * or a listed alias ('Pielisen-Karjalan'). With a date, only if it existed that day.
 */
export function findSubregion(genitive: string, date?: string): Subregion | undefined {
  const s = idx().subregionByGenitive.get(foldForCompare(genitive));
  return s && isValidOn(s, date) ? s : undefined;
}

/**
 * The genitive to write for `genitive`: for a nominative ('Jyväskylä', 'Kuusiokunnat')
 * the genitive of that sub-region, otherwise the closest genitive or alias (ignoring
 * ä/ö/å, else within the typo budget), as its canonical genitive. Only sub-regions
 * valid on `date` are offered.
 */
export function suggestSubregion(genitive: string, date?: string): string | undefined {
  const byName = idx().subregionByName.get(foldForCompare(genitive));
  if (byName && isValidOn(byName, date)) return byName.genitive;
  const candidates = memo(subregionCandidates, date, () => {
    const valid = subregionsOn(date);
    return new NameIndex<Subregion>([...valid.map((s) => [s.genitive, s] as const), ...idx().subregionAliases.filter(([, s]) => isValidOn(s, date)), ...valid.map((s) => [s.name, s] as const)]);
  });
  return candidates.suggest(genitive)?.genitive;
}

const subregionsCache = new Map<string, readonly Subregion[]>();
const subregionCandidates = new Map<string, NameIndex<Subregion>>();

/** Seutukunnat that existed on `date` (all of them when no date), in code order. */
export function subregionsOn(date?: string): readonly Subregion[] {
  return memo(subregionsCache, date, () => idx().subregions.filter((s) => isValidOn(s, date)));
}

// ---------------------------------------------------------------------------------
// Municipalities

/**
 * The period of the kunta called `name` (Finnish name, listed alias or Swedish name;
 * case-insensitive) that was valid on `date`; undefined if no such kunta existed that
 * day. Without a date, its latest period.
 */
export function findMunicipality(name: string, date?: string): MunicipalityPeriod | undefined {
  const { codesByName, periodsByCode } = idx();
  const codes = codesByName.get(foldForCompare(name));
  if (!codes) return undefined;
  for (const code of codes) {
    const p = periodOn(periodsByCode.get(code) ?? [], date);
    if (p) return p;
  }
  return undefined;
}

/**
 * Every period of the kunta called `name`, oldest first (e.g. Kuhmoinen: Keski-Suomi
 * until 2020-12-31, then Pirkanmaa; Valtimo: merged into Nurmes after 2019-12-31).
 * Empty when the name is unknown.
 */
export function municipalityHistory(name: string): readonly MunicipalityPeriod[] {
  const { codesByName, periodsByCode } = idx();
  const code = codesByName.get(foldForCompare(name))?.[0];
  return code === undefined ? [] : (periodsByCode.get(code) ?? []);
}

/**
 * municipalityHistory(name), and findMunicipality(name, date) when the history is not
 * empty (else undefined), from one lookup of the name: the geography rules read every
 * listed kunta so.
 */
export function municipalityReading(name: string, date?: string): { history: readonly MunicipalityPeriod[]; period: MunicipalityPeriod | undefined } {
  const { codesByName, periodsByCode } = idx();
  const codes = codesByName.get(foldForCompare(name));
  const history = codes?.[0] === undefined ? [] : (periodsByCode.get(codes[0]) ?? []);
  if (history.length === 0) return { history, period: undefined };
  for (const code of codes!) {
    const p = periodOn(periodsByCode.get(code) ?? [], date);
    if (p) return { history, period: p };
  }
  return { history, period: undefined };
}

/**
 * The Finnish name of the kunta valid on `date` whose name (or alias, Swedish name) is
 * closest to `name`: the same written without ä/ö/å, else the closest within the typo
 * budget ('Jyväskyä' → 'Jyväskylä').
 */
export function suggestMunicipality(name: string, date?: string): string | undefined {
  const candidates = memo(municipalityCandidates, date, () => {
    const valid = municipalitiesOn(date);
    const nameByCode = new Map(valid.map((p) => [p.code, p.name]));
    return new NameIndex<string>([
      ...valid.map((p) => [p.name, p.name] as const),
      ...idx().municipalityAliases.flatMap(([alias, code]) => {
        const canonical = nameByCode.get(code);
        return canonical === undefined ? [] : [[alias, canonical] as const];
      }),
      ...valid.filter((p) => p.nameSv !== p.name).map((p) => [p.nameSv, p.name] as const),
    ]);
  });
  return candidates.suggest(name);
}

const municipalitiesCache = new Map<string, readonly MunicipalityPeriod[]>();
const municipalityCandidates = new Map<string, NameIndex<string>>();

/**
 * The kunnat that existed on `date`, each in its period valid that day; without a date,
 * every kunta in the data (abolished ones included) in its latest period. Code order.
 */
export function municipalitiesOn(date?: string): readonly MunicipalityPeriod[] {
  return memo(municipalitiesCache, date, () => {
    const out: MunicipalityPeriod[] = [];
    for (const periods of idx().periodsByCode.values()) {
      const p = periodOn(periods, date);
      if (p) out.push(p);
    }
    return out;
  });
}
