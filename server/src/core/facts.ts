// Facts derived once from a parsed document and shared by rules, hovers and exports:
// the project's start date, whether it has ended, the first occurrence of each section.
import { findField, findSection } from './parser';
import type { FieldNode, HankeDocument, SectionNode } from './model';
import { meantStatus } from './reference/values';
import { PREAMBLE, STATUS_ENDED } from './schema';
import type { CalendarDate } from './values';
import { memoOn } from './util/memo';
import { foldForCompare } from './util/similarity';

export interface Facts {
  section(number: string): SectionNode | undefined;
  field(key: string): FieldNode | undefined;
  /** Start date of the period, when it is a real date. */
  start?: CalendarDate;
  end?: CalendarDate;
  /** `Toiminnan tila` says the project has ended (`Toiminta päättynyt`, or shortened: `Päättynyt`). */
  ended: boolean;
}

export function deriveFacts(doc: HankeDocument): Facts {
  const fields = new Map<string, FieldNode | undefined>();
  const section = (n: string) => findSection(doc, n);
  const field = (k: string) => {
    if (!fields.has(k)) fields.set(k, findField(doc, k));
    return fields.get(k);
  };
  const period = field('period')?.typed;
  const status = field('status')?.value ?? '';
  return {
    section,
    field,
    start: period?.kind === 'period' ? period.start?.date : undefined,
    end: period?.kind === 'period' ? period.end?.date : undefined,
    ended: status !== '' && meantStatus(status) === STATUS_ENDED,
  };
}

/**
 * The fund the document's title names. A description without a (recognised) title is
 * taken to be an ESR one, as is a title naming the social fund; a title naming another
 * fund makes it that fund's.
 */
export function documentFund(doc: HankeDocument): 'ESR' | 'other' {
  const title = doc.preamble.title?.text;
  if (title === undefined) return 'ESR';
  const folded = foldForCompare(title);
  if (/\(esr\)|\besr\b|sosiaalirahast/.test(folded) || folded === foldForCompare(PREAMBLE.title)) return 'ESR';
  return 'other';
}

/**
 * The fund the document's title names, for checking the programme values against it:
 * 'ESR' (also for a description without a recognised title, as documentFund), 'EAKR'
 * for a title naming the regional development fund, undefined for a title naming
 * neither (then nothing is checked against the fund).
 */
export function titleFund(doc: HankeDocument): 'ESR' | 'EAKR' | undefined {
  // Read once per document: three rules, hovers and completion ask.
  return memoOn(doc, titleFund, (d) => {
    if (documentFund(d) === 'ESR') return 'ESR';
    const folded = foldForCompare(d.preamble.title?.text ?? '');
    return /\(eakr\)|\beakr\b|aluekehitysrahast/.test(folded) ? 'EAKR' : undefined;
  });
}
