// The Toimintalinja and Erityistavoite values read against the programme, once per
// check, so that the three programme rules agree on who reports which fault.
//
// Who reports what (one fault, one finding):
//
// Toimintalinja
//   number not an axis of the programme ('11.', '3.1')       → unknown-priority-axis
//   no number, name names exactly one axis                    → programme-name-mismatch (insert the number)
//   no number, name names no axis (or two: 'Tekninen tuki')   → unknown-priority-axis
//   known number, name not the official one or a variant      → programme-name-mismatch
//   known number, no name ('5.')                              → programme-name-mismatch (append the name)
//
// Erityistavoite (checked against the stated axis: its number, or the axis its name names)
//   code not an objective of the programme ('11.1')            → objective-axis-mismatch
//     (silent when the stated axis has no objective codes in the data: 6, 7)
//   no code, name names no objective                           → objective-axis-mismatch
//   objective of another axis than the stated one              → objective-axis-mismatch
//     …unless the Toimintalinja line itself names that other axis ('3. Sosiaalinen
//     osallisuus…' with 10.1): then the axis line is at fault → programme-name-mismatch
//   objective of the stated axis (or no usable axis), name not official → programme-name-mismatch
//     (not when objective-axis-mismatch reports the objective: its identity is then in doubt)
//   no code, name names an objective                           → programme-name-mismatch (insert the code),
//     and objective-axis-mismatch as well if that objective is under another axis (two faults)
import type { Facts } from './facts';
import type { FieldNode, Range } from './model';
import { AXES, type Axis, findAxis, findObjective, namedBy, type Objective, OBJECTIVES } from './reference';
import { closest, editDistance, foldForCompare, typoBudget } from './util/similarity';
import { memoOn } from './util/memo';

export interface NumberedReading {
  field: FieldNode;
  /** The code as written ('5', '10.1'); absent when the value has no number. */
  code?: string;
  codeRange?: Range;
  name: string;
  nameRange: Range;
}

export interface AxisReading extends NumberedReading {
  /** The axis with the written number. */
  axis?: Axis;
  /** The axes whose official name or a variant is the written name. */
  named: readonly Axis[];
}

export interface ObjectiveReading extends NumberedReading {
  /** The objective with the written code. */
  objective?: Objective;
  /** The objectives whose official name or a variant is the written name. */
  named: readonly Objective[];
}

function readNumbered(facts: Facts, key: string): NumberedReading | undefined {
  const field = facts.field(key);
  const v = field?.typed;
  if (!field || v?.kind !== 'numbered') return undefined;
  return { field, code: v.code, codeRange: v.codeRange, name: v.name, nameRange: v.nameRange };
}

// The three programme rules, hovers and completion read the same two values of a
// document: each reading is made once per document (per Facts).
export function readAxis(facts: Facts): AxisReading | undefined {
  return memoOn(facts, readAxis, computeAxisReading);
}

export function readObjective(facts: Facts): ObjectiveReading | undefined {
  return memoOn(facts, readObjective, computeObjectiveReading);
}

function computeAxisReading(facts: Facts): AxisReading | undefined {
  const r = readNumbered(facts, 'axis');
  if (!r) return undefined;
  const axis = r.code !== undefined && /^\d+$/.test(r.code) ? findAxis(Number(r.code)) : undefined;
  const named = r.name === '' ? [] : namedBy(AXES, r.name);
  // Written out: an object spread here cost more than the rest of the reading.
  return { field: r.field, code: r.code, codeRange: r.codeRange, name: r.name, nameRange: r.nameRange, axis, named };
}

function computeObjectiveReading(facts: Facts): ObjectiveReading | undefined {
  const r = readNumbered(facts, 'objective');
  if (!r) return undefined;
  const objective = r.code !== undefined ? findObjective(r.code) : undefined;
  const named = r.name === '' ? [] : namedBy(OBJECTIVES, r.name);
  return { field: r.field, code: r.code, codeRange: r.codeRange, name: r.name, nameRange: r.nameRange, objective, named };
}

/** The axis the document states: the one with the written number, or the one its name alone names. */
export function statedAxis(a: AxisReading | undefined): Axis | undefined {
  if (!a) return undefined;
  if (a.code !== undefined) return a.axis;
  return a.named.length === 1 ? a.named[0] : undefined;
}

/** A known axis number whose name is that of another (single) axis. */
export function otherNamedAxis(a: AxisReading): Axis | undefined {
  if (!a.axis || a.named.length !== 1 || a.named[0] === a.axis) return undefined;
  return a.named[0];
}

/** The objective the document means: the one with the written code, or the one its name alone names. */
export function meantObjective(o: ObjectiveReading): Objective | undefined {
  if (o.code !== undefined) return o.objective;
  return o.named.length === 1 ? o.named[0] : undefined;
}

export type ObjectiveFault =
  /** A code that is not in the programme. */
  | { kind: 'unknownCode'; axis?: Axis }
  /** No code, and the name names no objective. */
  | { kind: 'noCode'; axis?: Axis }
  /** The objective is not under the stated axis. */
  | { kind: 'otherAxis'; objective: Objective; axis: Axis };

/** The fault objective-axis-mismatch reports, if any. */
export function objectiveFault(a: AxisReading | undefined, o: ObjectiveReading): ObjectiveFault | undefined {
  const axis = statedAxis(a);
  const objective = meantObjective(o);
  if (!objective) {
    if (o.code === undefined) return { kind: 'noCode', axis };
    // The data has no objective codes for some axes (technical assistance): a code
    // under such an axis cannot be checked.
    if (axis && axis.objectives.length === 0) return undefined;
    return { kind: 'unknownCode', axis };
  }
  if (!axis || objective.axis === axis.number) return undefined;
  // 'Toimintalinja: 3. <name of axis 5>' with objective 10.1: the axis line is at fault.
  if (a && otherNamedAxis(a)?.number === objective.axis) return undefined;
  return { kind: 'otherAxis', objective, axis };
}

/** A written name is a near miss (a typo) of the official name or a variant. */
export function isNearMiss(official: string, variants: readonly string[], given: string): boolean {
  if (given === '') return false;
  const g = foldForCompare(given);
  return [official, ...variants].some((n) => {
    const f = foldForCompare(n);
    const budget = typoBudget(f.length);
    return editDistance(g, f, budget) <= budget;
  });
}

/** The axis whose name (official or variant) is closest to `name`, within the typo budget. */
export function closestAxisByName(name: string): Axis | undefined {
  const names = AXES.flatMap((a) => [a.name, ...a.variants].map((n) => ({ a, n })));
  return closest(name, names, (x) => x.n)?.item.a;
}

/** The objective whose name (official or variant) is closest to `name`, within the typo budget. */
export function closestObjectiveByName(name: string): Objective | undefined {
  const names = OBJECTIVES.flatMap((o) => [o.name, ...o.variants].map((n) => ({ o, n })));
  return closest(name, names, (x) => x.n)?.item.o;
}

/** `5. Sosiaalinen osallisuus ja köyhyyden torjunta`: the form EURA writes. */
export function axisText(a: Axis): string {
  return `${a.number}. ${a.name}`;
}

export function objectiveText(o: Objective): string {
  return `${o.code}. ${o.name}`;
}

/** '6.1, 7.1 ja 8.1' / '6.1, 7.1 and 8.1'. */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * The axis the document states, when its identity is not in doubt for the checks
 * against the fund and the dates: undefined when the axis line names another axis by
 * name (programme-name-mismatch reports it), or when the objective belongs to another
 * axis (objective-axis-mismatch reports that, with the fix to the axis).
 */
export function settledAxis(facts: Facts): Axis | undefined {
  const a = readAxis(facts);
  const axis = statedAxis(a);
  if (!a || !axis || otherNamedAxis(a)) return undefined;
  const o = readObjective(facts);
  if (o && objectiveFault(a, o)?.kind === 'otherAxis') return undefined;
  return axis;
}
