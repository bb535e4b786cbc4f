// What a document holds that the structure and principles rules could report, read in
// one walk over its sections per document. Each of those rules names its flag
// (Rule.needs), and the rule loop calls its check only when the flag is set (each rule's
// own check stays in its own file, complete, and decides what it reports). Most
// descriptions give most rules nothing to report, so their checks seldom run: in a fresh
// process the optimising compiler then compiles this one walk instead of a walk per rule
// (issue 17: the rules' first pass is mostly the compiler's work, and each function that
// runs on every document is compiled on its own). The value rules' field lists
// (values/common.ts valuedFields) come from the same walk.
//
// Every flag is a necessary condition of its rule's findings: false means that rule
// finds nothing in the document (test/unit/rules-survey.test.ts holds each rule to it).
import type { FieldNode, HankeDocument, ScoreItemNode, SectionNode } from '../model';
import { presentSectionList, presentSections } from '../places';
import { type FieldSpec, type ScoreItemSpec, SECTIONS, type SectionSpec, sectionIndex, type ValueKind } from '../schema';
import { memoOn, onceFor } from '../util/memo';
import { placesSurvey } from './geography/common';
import { hasText } from './principles/common';
import type { Rule, RuleContext } from './types';

export interface Survey {
  /** Some heading is another section's number as well (duplicate-section). */
  duplicateSection: boolean;
  /** The first headings of the sections are not in the official order (section-order). */
  outOfOrder: boolean;
  /** Some heading's title is not written as the official one (section-title). */
  inexactTitle: boolean;
  /** Some heading's written number is not its section's (section-number). */
  renumbered: boolean;
  /** Some section of the schema is absent (missing-section). */
  sectionMissing: boolean;
  /** A present section lacks a required field or an 8.2 item (missing-field). */
  fieldMissing: boolean;
  /** A field whose value is required has none (empty-field). */
  emptyValue: boolean;
  /** A key appears twice in one section (duplicate-field). */
  repeatedKey: boolean;
  /** A label that is unknown or a typo, or an 8.2 item name not written exactly (unknown-field). */
  unknownLabel: boolean;
  /** A section that must have text has none but `-` (empty-section). */
  emptyText: boolean;
  /** An 8.2 item without exactly two valid scores (invalid-score). */
  badScore: boolean;
  /** An answered 8.1 question, or an 8.2 item scored above 0, without justification text (missing-justification). */
  unjustified: boolean;
  /** The fields that carry a value, in document order (values/common.ts valuedFields). */
  valued: readonly FieldNode[];
  /** `valued` by kind, each in document order. */
  valuedByKind: ReadonlyMap<ValueKind, readonly FieldNode[]>;
}

/** The flags of a Survey (what a rule can name in Rule.needs). */
export type SurveyFlag = { [K in keyof Survey]: Survey[K] extends boolean ? K : never }[keyof Survey];

/** Whether the document holds what `rule` needs (Rule.needs) to have anything to report. */
export function worthChecking(rule: Rule, ctx: RuleContext): boolean {
  const needs = rule.needs;
  if (needs === undefined) return true;
  return 'survey' in needs ? survey(ctx.doc)[needs.survey] : placesSurvey(ctx.facts)[needs.places];
}

/** The survey of a document, made once per document (and again for a document whose sections were replaced or extended). */
export function survey(doc: HankeDocument): Survey {
  const hit = memoOn(doc, survey, readSurvey);
  if (hit.sections === doc.sections && hit.length === doc.sections.length) return hit;
  return readSurvey(doc);
}

interface Made extends Survey {
  sections: readonly SectionNode[];
  length: number;
}

/** What a section of the schema asks for: its required fields and its 8.2 items. */
interface Wanted {
  fields: ReadonlySet<FieldSpec>;
  items: ReadonlySet<ScoreItemSpec>;
}

const wanted = onceFor((spec: SectionSpec): Wanted => ({
  fields: new Set((spec.fields ?? []).filter((f) => f.required)),
  items: new Set((spec.groups ?? []).flatMap((g) => g.items)),
}));

/** Scores an 8.2 item line carries: direct and indirect. */
const SCORES = 2;

const SECTION_COUNT = SECTIONS.length;

function readSurvey(doc: HankeDocument): Made {
  const valued: FieldNode[] = [];
  const byKind = new Map<ValueKind, FieldNode[]>();
  const s: Made = {
    sections: doc.sections,
    length: doc.sections.length,
    duplicateSection: false,
    outOfOrder: false,
    inexactTitle: false,
    renumbered: false,
    sectionMissing: false,
    fieldMissing: false,
    emptyValue: false,
    repeatedKey: false,
    unknownLabel: false,
    emptyText: false,
    badScore: false,
    unjustified: false,
    valued,
    valuedByKind: byKind,
  };
  const all = doc.sections;
  for (let i = 0; i < all.length; i++) {
    const h = all[i].heading;
    if (!h.titleExact) s.inexactTitle = true;
    if (h.number !== all[i].spec.number) s.renumbered = true;
  }
  const present = presentSectionList(doc);
  s.duplicateSection = all.length > present.length;
  s.sectionMissing = presentSections(doc).size < SECTION_COUNT;
  // The keys seen in a section (a section holds a few: a list searched from the start is quicker than a set).
  const keys: string[] = [];
  let last = -1;
  for (let p = 0; p < present.length; p++) {
    const at = sectionIndex(present[p].spec.number);
    if (at < last) s.outOfOrder = true;
    last = at;
    surveySection(s, present[p], keys, valued, byKind);
  }
  return s;
}

/** One present section's part of the survey (its valued fields go on `valued` and `byKind`). */
function surveySection(s: Survey, section: SectionNode, keys: string[], valued: FieldNode[], byKind: Map<ValueKind, FieldNode[]>): void {
  const spec = section.spec;
  if (spec.textRequired && !someText(section)) s.emptyText = true;
  const want = wanted(spec);
  let n = 0;
  let required = 0;
  const fields = section.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const fs = f.spec;
    if (f.labelMatch === 'unknown' || (f.labelMatch === 'typo' && fs)) s.unknownLabel = true;
    if (!fs) continue;
    if (seenBefore(keys, n, fs.key)) s.repeatedKey = true;
    else {
      n++;
      if (want.fields.has(fs)) required++;
    }
    if (f.value === '') {
      if (fs.valueRequired) s.emptyValue = true;
      continue;
    }
    if (fs.justified && !hasText(f.justification)) s.unjustified = true;
    if (f.labelMatch === 'unknown') continue;
    valued.push(f);
    const list = byKind.get(fs.kind);
    if (list) list.push(f);
    else byKind.set(fs.kind, [f]);
  }
  let items = 0;
  for (let i = 0; i < section.items.length; i++) {
    const it = section.items[i];
    if (!it.nameExact) s.unknownLabel = true;
    if (seenBefore(keys, n, it.spec.key)) s.repeatedKey = true;
    else {
      n++;
      if (want.items.has(it.spec)) items++;
    }
    if (!twoValidScores(it)) s.badScore = true;
    if (scoredAboveZero(it) && !hasText(it.justification)) s.unjustified = true;
  }
  if (required < want.fields.size || items < want.items.size) s.fieldMissing = true;
}

/** Whether `key` is among the first `n` of `keys`; if not, it is put at `n`. */
function seenBefore(keys: string[], n: number, key: string): boolean {
  for (let k = 0; k < n; k++) if (keys[k] === key) return true;
  keys[n] = key;
  return false;
}

/** Some text line of the section is not a lone `-` (empty-section's reading). */
function someText(section: SectionNode): boolean {
  for (let i = 0; i < section.texts.length; i++) if (section.texts[i].text !== '-') return true;
  return false;
}

function twoValidScores(it: ScoreItemNode): boolean {
  return it.scores.length === SCORES && it.scores[0].value !== undefined && it.scores[1].value !== undefined;
}

/** The direct or the indirect score is above 0 (missing-justification's reading). */
function scoredAboveZero(it: ScoreItemNode): boolean {
  return (it.scores[0]?.value ?? 0) > 0 || (it.scores[1]?.value ?? 0) > 0;
}
