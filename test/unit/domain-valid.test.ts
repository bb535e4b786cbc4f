// Property: random VALID combinations of fund, priority axis, specific objective,
// granting authority, period and geography, all taken from the reference data, give
// no finding at all. Memberships are taken on the start date, and the start dates
// include both sides of every change in the data (mergers, kunnat moving between
// sub-regions and regions, Kyrönmaa ceasing) and of the REACT-EU start (1.2.2020).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/lint';
import {
  AUTHORITY_INFO,
  AXES,
  type Axis,
  fundIncludes,
  isRegionOutsideProgramme,
  type MunicipalityPeriod,
  municipalitiesOn,
  municipalityHistory,
  regionsOn,
  type Subregion,
  subregionsOn,
} from '../../server/src/core/reference';
import { formatIsoDate, nextIsoDay } from '../../server/src/core/values';
import { editLine, example } from '../helpers/examples';
import { LONG, SEED } from '../fuzz/support';

const BASE = example('001'); // clean: no finding
const TITLES = {
  ESR: 'Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus',
  EAKR: 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus',
} as const;
type Fund = keyof typeof TITLES;
const PERIOD = 'Suunnitelman mukainen toteutusaika:';
const FIRST_DAY = '2014-01-01';
const LAST_START = '2023-06-30';
const LAST_DAY = '2023-12-31';

/** Every period of every kunta in the data. */
const ALL_PERIODS: readonly MunicipalityPeriod[] = municipalitiesOn().flatMap((p) => municipalityHistory(p.name));

/** The days around every change in the data, and the REACT-EU start: both sides of each. */
const EDGE_DAYS: readonly string[] = (() => {
  const days = new Set<string>(['2020-01-31', '2020-02-01']);
  for (const p of ALL_PERIODS) {
    if (p.validUntil && p.validUntil >= FIRST_DAY && p.validUntil < LAST_START) {
      days.add(p.validUntil);
      days.add(nextIsoDay(p.validUntil));
    }
  }
  return [...days].sort();
})();

function isoDay(offset: number): string {
  const d = new Date(`${FIRST_DAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}
const SPAN = Math.round((Date.parse(LAST_START) - Date.parse(FIRST_DAY)) / 86_400_000);

interface Valid {
  fund: Fund;
  axis: Axis;
  objective: string;
  authority: string;
  start: string;
  end: string;
  regions: string[];
  subregions: string[];
  municipalities: string[];
}

function describeValid(v: Valid): string {
  let t = editLine(BASE, TITLES.ESR, TITLES[v.fund]);
  t = editLine(t, 'Toimintalinja:', `Toimintalinja: ${v.axis.number}. ${v.axis.name}`);
  t = editLine(t, 'Erityistavoite:', `Erityistavoite: ${v.objective}`);
  t = editLine(t, 'Vastuuviranomainen:', `Vastuuviranomainen: ${v.authority}`);
  t = editLine(t, PERIOD, `${PERIOD} Alkaa ${formatIsoDate(v.start)} ja päättyy ${formatIsoDate(v.end)}`);
  t = editLine(t, 'Maakunnat:', `Maakunnat: ${v.regions.join(', ')}`);
  t = editLine(t, 'Seutukunnat:', `Seutukunnat: ${v.subregions.join(', ')}`);
  return editLine(t, 'Kunnat:', `Kunnat: ${v.municipalities.join(', ')}`);
}

/** A valid description, drawn with fast-check's generator (shrinks to a small failing case). */
function drawValid(g: fc.GeneratorValue): Valid {
  const pick = <T>(xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })];
  const subset = <T>(xs: readonly T[], max: number): T[] => g(() => fc.uniqueArray(fc.nat({ max: xs.length - 1 }), { minLength: 1, maxLength: Math.min(max, xs.length) })).map((i) => xs[i]);
  const fund = pick(['ESR', 'EAKR'] as const);
  const axis = pick(AXES.filter((a) => fundIncludes(a.fund, fund) && a.objectives.length > 0));
  const o = pick(axis.objectives);
  const authority = pick(AUTHORITY_INFO.filter((a) => fundIncludes(a.fund, fund)));
  let start = g(fc.boolean) ? pick(EDGE_DAYS) : isoDay(g(fc.nat, { max: SPAN }));
  if (axis.eligibleFrom && start < axis.eligibleFrom) start = g(fc.boolean) ? axis.eligibleFrom : pick(EDGE_DAYS.filter((d) => d >= axis.eligibleFrom!));
  const end = g(fc.boolean) ? start : pick([LAST_DAY, isoDay(Math.min(SPAN + 184, Math.round((Date.parse(start) - Date.parse(FIRST_DAY)) / 86_400_000) + g(fc.nat, { max: 1500 })))]);

  // Geography on the start date: 1–3 maakunnat of the mainland; for each, either some of
  // its seutukunnat (then its kunnat come from those) or none (then any of its kunnat).
  const mainland = regionsOn(start).filter((r) => !isRegionOutsideProgramme(r.code));
  const regions = subset(mainland, 3);
  const subregions: Subregion[] = [];
  const municipalities: MunicipalityPeriod[] = [];
  regions.forEach((r, i) => {
    const own = subregionsOn(start).filter((s) => s.regionCode === r.code);
    const listSubregions = i === 0 || g(fc.boolean);
    const chosen = listSubregions ? subset(own, 3) : [];
    subregions.push(...chosen);
    const pool = municipalitiesOn(start).filter((p) => (listSubregions ? chosen.some((s) => s.code === p.subregionCode) : p.regionCode === r.code));
    municipalities.push(...subset(pool, 4));
  });
  const name = (p: MunicipalityPeriod) => (p.nameSv !== p.name && g(fc.nat, { max: 9 }) === 0 ? p.nameSv : p.name);
  return {
    fund,
    axis,
    objective: `${o.code}. ${o.name}`,
    authority: authority.short && g(fc.nat, { max: 4 }) === 0 ? authority.short : authority.name,
    start,
    end,
    regions: regions.map((r) => r.name),
    subregions: subregions.map((s) => s.genitive),
    municipalities: municipalities.map(name),
  };
}

describe('valid programme and geography combinations from the data are silent (property)', () => {
  it('random fund, axis, objective, authority, period and section 6 lists', () => {
    expect(analyze(BASE).findings).toEqual([]);
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const v = drawValid(g);
        const text = describeValid(v);
        const found = analyze(text).findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message.en}`);
        expect(found, JSON.stringify({ ...v, axis: v.axis.number })).toEqual([]);
      }),
      { numRuns: LONG ? 3000 : 300, seed: SEED, endOnFailure: true },
    );
  });

  it('both sides of every change in the data: the kunta as it was on its last day, and its successor the day after', () => {
    let checked = 0;
    for (const p of ALL_PERIODS) {
      if (!p.validUntil || p.validUntil < FIRST_DAY || p.validUntil >= LAST_START) continue;
      for (const day of [p.validUntil, nextIsoDay(p.validUntil)]) {
        // On the last day the period itself; the day after, what replaced it (the merged-into kunta, or the kunta's next period).
        const holder = day === p.validUntil ? p : (municipalitiesOn(day).find((q) => q.code === p.code) ?? municipalitiesOn(day).find((q) => q.name === p.mergedInto));
        expect(holder, `${p.name} ${day}`).toBeDefined();
        const v: Valid = {
          fund: 'ESR',
          axis: AXES.find((a) => a.number === 3)!,
          objective: '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen',
          authority: 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus',
          start: day,
          end: LAST_DAY,
          regions: [holder!.region],
          subregions: [holder!.subregionGenitive],
          municipalities: [holder!.name],
        };
        expect(
          analyze(describeValid(v)).findings.map((f) => `${f.rule}: ${f.message.en}`),
          `${holder!.name} on ${day}`,
        ).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2 * 11);
  });
});
