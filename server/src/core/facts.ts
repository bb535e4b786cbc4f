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

/** The facts derived from field values (each can fail alone): the period's dates, the status. */
export type DerivedFact = 'period' | 'status';

/**
 * What a rule meets when it asks for a fact that could not be derived (deriveFacts): the
 * rule is then not checked (core/lint.ts reports it in one internal-error finding).
 */
export class FactUnavailable extends Error {
  constructor(
    readonly fact: DerivedFact,
    readonly reason: unknown,
  ) {
    super(`the ${fact} facts of the document could not be derived: ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
    this.name = 'FactUnavailable';
  }
}

/**
 * The document's facts. Deriving a fact from a value never throws here: a fact that fails
 * (a bug) throws FactUnavailable when it is read, so that only the rules that need it
 * fail, and the others run. `fault` (testing only) makes the named facts fail.
 */
export function deriveFacts(doc: HankeDocument, fault?: (fact: DerivedFact) => void): Facts {
  const facts = new DocumentFacts(doc);
  try {
    fault?.('period');
    const period = facts.field('period')?.typed;
    facts.start = period?.kind === 'period' ? period.start?.date : undefined;
    facts.end = period?.kind === 'period' ? period.end?.date : undefined;
  } catch (e) {
    unavailable(facts, 'period', e, ['start', 'end']);
  }
  try {
    fault?.('status');
    const status = facts.field('status')?.value ?? '';
    facts.ended = status !== '' && meantStatus(status) === STATUS_ENDED;
  } catch (e) {
    unavailable(facts, 'status', e, ['ended']);
  }
  return facts;
}

/**
 * The facts as one class: the derivation above is one function, not a function per fact
 * made for every document. `section` and `field` are own functions (callers may take
 * them off the object); the fields found by key are remembered.
 */
class DocumentFacts implements Facts {
  readonly #doc: HankeDocument;
  readonly #fields = new Map<string, FieldNode | undefined>();
  readonly section = (number: string): SectionNode | undefined => findSection(this.#doc, number);
  readonly field = (key: string): FieldNode | undefined => {
    const hit = this.#fields.get(key);
    if (hit !== undefined || this.#fields.has(key)) return hit;
    const found = findField(this.#doc, key);
    this.#fields.set(key, found);
    return found;
  };
  start?: CalendarDate;
  end?: CalendarDate;
  ended = false;

  constructor(doc: HankeDocument) {
    this.#doc = doc;
  }
}

/** Makes reading `keys` of `facts` throw FactUnavailable (the fact could not be derived: `reason`). */
function unavailable(facts: Facts, fact: DerivedFact, reason: unknown, keys: readonly (keyof Facts)[]): void {
  const fail = (): never => {
    throw new FactUnavailable(fact, reason);
  };
  for (const k of keys) Object.defineProperty(facts, k, { get: fail, enumerable: true, configurable: true });
}

/**
 * The fund the document's title names. A description without a (recognised) title is
 * taken to be an ESR one, as is a title naming the social fund; a title naming another
 * fund makes it that fund's.
 */
export function documentFund(doc: HankeDocument): 'ESR' | 'other' {
  // Read once per document: invalid-project-code, titleFund, hovers and exports ask.
  return memoOn(doc, documentFund, fundOfTitle);
}

function fundOfTitle(doc: HankeDocument): 'ESR' | 'other' {
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
