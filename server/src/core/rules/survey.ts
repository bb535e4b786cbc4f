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
import type { FieldNode, HankeDocument, SectionNode } from '../model';
import { presentSectionList, presentSections } from '../places';
import { type FieldSpec, type ScoreItemSpec, SECTIONS, type SectionSpec, sectionIndex, type ValueKind } from '../schema';
import { memoOn, onceFor } from '../util/memo';
import { hasText } from './principles/common';

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
  let inexactTitle = false;
  let renumbered = false;
  for (let i = 0; i < all.length; i++) {
    const h = all[i].heading;
    if (!h.titleExact) inexactTitle = true;
    if (h.number !== all[i].spec.number) renumbered = true;
  }
  const present = presentSectionList(doc);
  // The keys seen in a section (a section holds a few: a list searched from the start is quicker than a set).
  const keys: string[] = [];
  let last = -1;
  let outOfOrder = false;
  for (let p = 0; p < present.length; p++) {
    const at = sectionIndex(present[p].spec.number);
    if (at < last) outOfOrder = true;
    last = at;
    surveySection(s, present[p], keys, valued, byKind);
  }
  s.inexactTitle = inexactTitle;
  s.renumbered = renumbered;
  s.outOfOrder = outOfOrder;
  s.duplicateSection = all.length > present.length;
  s.sectionMissing = presentSections(doc).size < SECTION_COUNT;
  return s;
}

/**
 * One present section's part of the survey (its valued fields go on `valued` and
 * `byKind`). The flags are kept in local variables and stored once at the end: a store
 * that runs on every call is one the optimising compiler has seen when it compiles this
 * (a store only made on a rare document would throw the compiled code away).
 */
function surveySection(s: Survey, section: SectionNode, keys: string[], valued: FieldNode[], byKind: Map<ValueKind, FieldNode[]>): void {
  const spec = section.spec;
  const want = wanted(spec);
  let unknownLabel = false;
  let repeatedKey = false;
  let emptyValue = false;
  let unjustified = false;
  let badScore = false;
  /** How many of `keys` are this section's (the first `n`). */
  let n = 0;
  let required = 0;
  const fields = section.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const fs = f.spec;
    if (f.labelMatch === 'unknown' || (f.labelMatch === 'typo' && fs)) unknownLabel = true;
    if (!fs) continue;
    if (seenBefore(keys, n, fs.key)) repeatedKey = true;
    else {
      n++;
      if (want.fields.has(fs)) required++;
    }
    if (f.value === '') {
      if (fs.valueRequired) emptyValue = true;
      continue;
    }
    if (fs.justified && !hasText(f.justification)) unjustified = true;
    if (f.labelMatch === 'unknown') continue;
    valued.push(f);
    const list = byKind.get(fs.kind);
    if (list) list.push(f);
    else byKind.set(fs.kind, [f]);
  }
  let items = 0;
  for (let i = 0; i < section.items.length; i++) {
    const it = section.items[i];
    if (!it.nameExact) unknownLabel = true;
    if (seenBefore(keys, n, it.spec.key)) repeatedKey = true;
    else {
      n++;
      if (want.items.has(it.spec)) items++;
    }
    // Exactly the direct and the indirect score, both valid (invalid-score); one above 0 needs a justification.
    const scores = it.scores;
    const direct = scores.length > 0 ? scores[0].value : undefined;
    const indirect = scores.length > 1 ? scores[1].value : undefined;
    if (scores.length !== SCORES || direct === undefined || indirect === undefined) badScore = true;
    if (((direct ?? 0) > 0 || (indirect ?? 0) > 0) && !hasText(it.justification)) unjustified = true;
  }
  s.emptyText ||= spec.textRequired === true && !someText(section);
  s.fieldMissing ||= required < want.fields.size || items < want.items.size;
  s.unknownLabel ||= unknownLabel;
  s.repeatedKey ||= repeatedKey;
  s.emptyValue ||= emptyValue;
  s.unjustified ||= unjustified;
  s.badScore ||= badScore;
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
