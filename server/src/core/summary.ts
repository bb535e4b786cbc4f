// One description as a typed record: the key values parsed once (codes, dates, euro
// amounts, counts, lists, 8.2 scores) and the number of findings. Pure: document,
// facts and findings in, a plain object out. Used by `hanke export`, `hanke report`
// and anything else that wants "the project at a glance" (hovers, for instance).
import { type Facts, titleFund } from './facts';
import type { FieldNode, HankeDocument } from './model';
import { allScoreItems } from './schema';
import type { Severity } from './rules/types';
import { countBySeverity } from './tally';
import { amountOf, listItemsOf, type TypedValue } from './values';
import { foldForCompare } from './util/similarity';
import { isValidYTunnus } from './ytunnus';

/** A numbered programme value (`5. Sosiaalinen osallisuus…`, `10.1. Työelämän…`). */
export interface NumberedValue {
  /** The number as written without a trailing dot (`5`, `10.1`); null when there is none. */
  code: string | null;
  name: string;
}

export interface PartnerSummary {
  name: string;
  yTunnus: string;
  yTunnusValid: boolean;
}

export interface ScoreSummary {
  /** The schema key of the 8.2 item (`naturalResources`, …). */
  key: string;
  group: string;
  name: string;
  /** Whole numbers 0–10; null when absent or not a valid score. */
  direct: number | null;
  indirect: number | null;
}

/** Amounts are euros (cents as decimals); null when the field is absent, empty or not a number. */
export interface AmountSummary {
  grantedEuState: number | null;
  realisedEuState: number | null;
  plannedPublic: number | null;
  realisedPublic: number | null;
}

export interface ProjectSummary {
  code: string | null;
  name: string | null;
  /** `ESR`, `EAKR`, … from the project code's letter, else from the preamble title. */
  fund: string | null;
  axis: NumberedValue | null;
  objective: NumberedValue | null;
  /** ISO dates (`2018-08-01`); null when absent or not a real date. */
  start: string | null;
  end: string | null;
  status: string | null;
  /** `Toiminnan tila` says the project has ended. */
  ended: boolean;
  authority: string | null;
  applicant: string | null;
  yTunnus: string | null;
  /** Null when there is no Y-tunnus. */
  yTunnusValid: boolean | null;
  organisationType: string | null;
  applicantCount: string | null;
  partners: PartnerSummary[];
  amounts: AmountSummary;
  /** Granted EU+state funding / planned public funding (0.863 = 86.3 %). */
  euStateShare: number | null;
  /** Realised / granted EU+state funding. */
  realisationEuState: number | null;
  /** Realised / planned public funding. */
  realisationPublic: number | null;
  regions: string[];
  subregions: string[];
  municipalities: string[];
  companiesPlanned: number | null;
  companiesRealised: number | null;
  personsPlanned: number | null;
  /** 8.1 answers: true for `Kyllä`, false for `Ei`, null otherwise. */
  gender: { analysis: boolean | null; mainstreaming: boolean | null; mainGoal: boolean | null };
  /** The fifteen 8.2 items in the schema's order. */
  scores: ScoreSummary[];
  errors: number;
  warnings: number;
  /** Findings of other severities (info, hint). */
  notes: number;
}

/** What a summary needs to know about a finding (core findings and CLI diagnostics both fit). */
export interface FindingLike {
  rule: string;
  severity: Severity;
}

function text(f: FieldNode | undefined): string | null {
  const v = f?.value.trim();
  return v ? v : null;
}

function typed(f: FieldNode | undefined): TypedValue | undefined {
  return f?.typed;
}

function euros(f: FieldNode | undefined): number | null {
  const { cents } = amountOf(f);
  return cents !== undefined ? cents / 100 : null;
}

function count(f: FieldNode | undefined): number | null {
  const t = typed(f);
  return t?.kind === 'count' && t.valid && t.count !== undefined ? t.count : null;
}

function list(f: FieldNode | undefined): string[] {
  return listItemsOf(f).map((i) => i.text);
}

function numbered(f: FieldNode | undefined): NumberedValue | null {
  const t = typed(f);
  if (t?.kind !== 'numbered') return text(f) === null ? null : { code: null, name: f!.value.trim() };
  return { code: t.code ?? null, name: t.name.trim() };
}

function yesNo(f: FieldNode | undefined): boolean | null {
  const v = foldForCompare(f?.value ?? '');
  return v === 'kyllä' ? true : v === 'ei' ? false : null;
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

/** The fund: the project code's letter, else what the title names (as the rules read it, facts.ts titleFund). */
function fundOf(doc: HankeDocument, code: TypedValue | undefined): string | null {
  if (code?.kind === 'projectCode' && code.fund) return code.fund;
  return titleFund(doc) ?? null;
}

export function summarize(doc: HankeDocument, facts: Facts, findings: readonly FindingLike[] = []): ProjectSummary {
  const f = facts.field;
  const codeField = f('projectCode');
  const yTunnus = text(f('yTunnus'));
  const amounts: AmountSummary = {
    grantedEuState: euros(f('grantedEuState')),
    realisedEuState: euros(f('realisedEuState')),
    plannedPublic: euros(f('plannedPublic')),
    realisedPublic: euros(f('realisedPublic')),
  };
  const itemNodes = new Map(facts.section('8.2')?.items.map((i) => [i.spec.key, i]) ?? []);
  const scores = allScoreItems().map((spec): ScoreSummary => {
    const node = itemNodes.get(spec.key);
    return { key: spec.key, group: spec.group, name: spec.name, direct: node?.scores[0]?.value ?? null, indirect: node?.scores[1]?.value ?? null };
  });
  const partners = (facts.section('2')?.partners?.entries ?? []).map((e) => ({ name: e.name, yTunnus: e.yTunnus, yTunnusValid: isValidYTunnus(e.yTunnus.trim()) }));
  const { errors, warnings, other: notes } = countBySeverity(findings);
  return {
    code: text(codeField),
    name: text(f('projectName')),
    fund: fundOf(doc, typed(codeField)),
    axis: numbered(f('axis')),
    objective: numbered(f('objective')),
    start: facts.start?.iso ?? null,
    end: facts.end?.iso ?? null,
    status: text(f('status')),
    ended: facts.ended,
    authority: text(f('authority')),
    applicant: text(f('applicantName')),
    yTunnus,
    yTunnusValid: yTunnus === null ? null : isValidYTunnus(yTunnus),
    organisationType: text(f('organisationType')),
    applicantCount: text(f('applicantCount')),
    partners,
    amounts,
    euStateShare: ratio(amounts.grantedEuState, amounts.plannedPublic),
    realisationEuState: ratio(amounts.realisedEuState, amounts.grantedEuState),
    realisationPublic: ratio(amounts.realisedPublic, amounts.plannedPublic),
    regions: list(f('regions')),
    subregions: list(f('subregions')),
    municipalities: list(f('municipalities')),
    companiesPlanned: count(f('companiesPlanned')),
    companiesRealised: count(f('companiesRealised')),
    personsPlanned: count(f('personsPlanned')),
    gender: { analysis: yesNo(f('genderAnalysis')), mainstreaming: yesNo(f('genderMainstreaming')), mainGoal: yesNo(f('genderMainGoal')) },
    scores,
    errors,
    warnings,
    notes,
  };
}
