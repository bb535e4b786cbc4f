// Which kinds of value hold something a value rule could report, read once per document
// from the valued fields of the one walk (rules/survey.ts): each value rule names its kinds
// (Rule.needs `{ values: [...] }`), and the rule loop calls its check only when one of
// them is here. A value is left out only when every value rule of its kind accepts it, by
// the rules' own tests (their quick paths first), so a kind missing here is one no value
// rule reports in this document (test/unit/rules-survey.test.ts).
import type { FieldNode, HankeDocument } from '../../model';
import type { ValueKind } from '../../schema';
import { yTunnusStatus } from '../../ytunnus';
import { memoOn } from '../../util/memo';
import { survey } from '../survey';
import { PROGRAMME_FIRST_DAY, PROGRAMME_LAST_DAY } from './date-out-of-programme';
import { allowedChoices } from './invalid-choice';
import { emailProblem } from './invalid-email';
import { phoneProblem } from './invalid-phone';
import { isPostalCode } from './invalid-postal-code';
import { isWebAddress } from './invalid-url';
import { isListedValue } from './unusual-value';

/** The kinds of the document's valued fields (and partner Y-tunnukset) that some value rule might report. */
export function suspectKinds(doc: HankeDocument): ReadonlySet<ValueKind> {
  return memoOn(doc, suspectKinds, readSuspects);
}

function readSuspects(doc: HankeDocument): ReadonlySet<ValueKind> {
  const out = new Set<ValueKind>();
  const valued = survey(doc).valued;
  for (let i = 0; i < valued.length; i++) {
    const f = valued[i];
    if (!accepted(f)) out.add(f.spec!.kind);
  }
  // invalid-y-tunnus also reads the partner lines of section 2 (its first occurrence).
  for (let i = 0; i < doc.sections.length; i++) {
    const s = doc.sections[i];
    if (!s.spec.partners) continue;
    if ((s.partners?.entries.length ?? 0) > 0) out.add('yTunnus');
    break;
  }
  return out;
}

/** Every value rule of the field's kind accepts its value. */
function accepted(f: FieldNode): boolean {
  const value = f.value;
  const typed = f.typed;
  switch (f.spec!.kind) {
    case 'email':
      return emailProblem(value) === undefined;
    case 'phone':
      return phoneProblem(value) === undefined;
    case 'url':
      return isWebAddress(value);
    case 'postalCode':
      return isPostalCode(value);
    case 'yTunnus':
      return yTunnusStatus(value).kind === 'valid';
    case 'projectCode':
      // A valid code with a capital S is right for any fund.
      return typed?.kind === 'projectCode' && typed.valid && value[0] === 'S';
    case 'amount':
    case 'count':
      return (typed?.kind !== 'amount' && typed?.kind !== 'count') || typed.valid;
    case 'period': {
      // invalid-date, date-order and date-out-of-programme.
      if (typed?.kind !== 'period') return true;
      const start = typed.start?.date;
      const end = typed.end?.date;
      return !!start && !!end && end.iso >= start.iso && start.iso >= PROGRAMME_FIRST_DAY.iso && end.iso <= PROGRAMME_LAST_DAY.iso;
    }
    case 'yesNo':
    case 'applicantCount':
      return allowedChoices(f.spec!.kind as 'yesNo' | 'applicantCount').includes(value);
    case 'status':
    case 'organisationType':
    case 'authority':
      return isListedValue(f.spec!.kind, value);
    default:
      return true;
  }
}
