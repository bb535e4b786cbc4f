// The programme "Kestävää kasvua ja työtä 2014–2020": toimintalinjat (priority axes)
// and erityistavoitteet (specific objectives). Pure: data in from the generated module,
// typed results out.
import { AXIS_ROWS, PROGRAMME_AREA, PROGRAMME_CCI, PROGRAMME_NAME, REGIONS_OUTSIDE_PROGRAMME } from '../data/programme.gen';
import { onceFor } from '../util/memo';
import { foldForCompare } from '../util/similarity';

export { PROGRAMME_AREA, PROGRAMME_CCI, PROGRAMME_NAME };

export interface Objective {
  /** 'X.Y', e.g. '10.1'. */
  code: string;
  /** Official name (the EURA form where one was found). */
  name: string;
  /** Other spellings used by official pages; accepted as the official name. */
  variants: readonly string[];
  /** Number of the axis the objective belongs to. */
  axis: number;
  /** The name (or the code) could not be verified in a source. */
  uncertain: boolean;
  /** Kind of source of the name: 'eura', 'decision', 'call', …; '' when none. */
  verified: string;
}

export interface Axis {
  number: number;
  name: string;
  /** 'ESR', 'EAKR' (or 'EAKR/ESR'). */
  fund: string;
  variants: readonly string[];
  objectives: readonly Objective[];
  uncertain: boolean;
  verified: string;
  /** First day (ISO) whose costs the axis could pay for (REACT-EU: 2020-02-01); absent: the whole programme period. */
  eligibleFrom?: string;
  /** Month (YYYY-MM) the axis was added to the programme; absent: there from the start. */
  addedToProgramme?: string;
}

/** The axes that have a number, in order. Objectives without a known code are left out. */
export const AXES: readonly Axis[] = AXIS_ROWS.flatMap((row): Axis[] => {
  const axisNumber = row.number;
  if (axisNumber === null) return [];
  const objectives = row.objectives.flatMap(([code, name, variants, verified, uncertain]): Objective[] => (code === null ? [] : [{ code, name, variants, axis: axisNumber, uncertain, verified }]));
  return [
    {
      number: axisNumber,
      name: row.name,
      fund: row.fund,
      variants: row.variants,
      objectives,
      uncertain: row.uncertain,
      verified: row.verified,
      ...(row.eligibleFrom ? { eligibleFrom: row.eligibleFrom } : {}),
      ...(row.addedToProgramme ? { addedToProgramme: row.addedToProgramme } : {}),
    },
  ];
});

/** Every objective with a code, in programme order. */
export const OBJECTIVES: readonly Objective[] = AXES.flatMap((a) => a.objectives);

/** True when the programme (mainland Finland) does not cover the maakunta with this code (Ahvenanmaa). */
export function isRegionOutsideProgramme(regionCode: string): boolean {
  return REGIONS_OUTSIDE_PROGRAMME.some(([code]) => code === regionCode);
}

/** Does an axis of fund `axisFund` ('ESR', 'EAKR', 'EAKR/ESR') pay for projects of `fund`? */
export function fundIncludes(axisFund: string, fund: string): boolean {
  return axisFund.split('/').includes(fund);
}

let axisIndex: Map<number, Axis> | undefined;
let objectiveIndex: Map<string, Objective> | undefined;

export function findAxis(n: number): Axis | undefined {
  axisIndex ??= new Map(AXES.map((a) => [a.number, a]));
  return axisIndex.get(n);
}

/** The objective with this code ('10.1'; a trailing '.' and surrounding space are ignored). */
export function findObjective(code: string): Objective | undefined {
  objectiveIndex ??= new Map(OBJECTIVES.map((o) => [o.code, o]));
  return objectiveIndex.get(code.trim().replace(/\.$/, ''));
}

/**
 * True when `given` is the official name or one of the listed variants, compared
 * with foldForCompare (case, dashes and runs of white space do not matter).
 */
export function isOfficialName(official: string, variants: readonly string[], given: string): boolean {
  const g = foldForCompare(given);
  if (g === foldedName(official)) return true;
  return variants.some((v) => foldedName(v) === g);
}

/** The items `given` names by their official name or a listed variant (compared as isOfficialName does), in list order. */
export function namedBy<T extends { name: string; variants: readonly string[] }>(items: readonly T[], given: string): readonly T[] {
  return (nameIndex(items).get(foldForCompare(given)) as readonly T[] | undefined) ?? [];
}

/** Each list by folded official name and variant. */
const nameIndex = onceFor((items: readonly { name: string; variants: readonly string[] }[]): ReadonlyMap<string, readonly object[]> => {
  const m = new Map<string, object[]>();
  for (const it of items) {
    for (const n of new Set([it.name, ...it.variants].map(foldedName))) {
      const list = m.get(n);
      if (list) list.push(it);
      else m.set(n, [it]);
    }
  }
  return m;
});

/** Folded official names and variants: a fixed, small set, folded once. */
const folded = new Map<string, string>();
function foldedName(name: string): string {
  let f = folded.get(name);
  if (f === undefined) folded.set(name, (f = foldForCompare(name)));
  return f;
}
