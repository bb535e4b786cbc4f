import { APPLICANT_COUNT_OPTIONS } from '../../reference';
import { YES_NO } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';
import { choiceFixes, valuedFields } from './common';

/** First words of free answers that mean yes or no; they rank the fix, never make it safe. */
const YES_WORDS = new Set(['kyllä', 'kylla', 'kyl', 'joo', 'juu', 'on', 'yes', 'k', 'x']);
const NO_WORDS = new Set(['ei', 'eikä', 'e', 'no', 'nej', 'ne', 'en']);

function meaning(kind: string, value: string): string | undefined {
  if (kind !== 'yesNo') return undefined;
  const first = value
    .trim()
    .toLowerCase()
    .split(/[\s,.;:!()-]+/)[0];
  if (YES_WORDS.has(first)) return YES_NO[0];
  if (NO_WORDS.has(first)) return YES_NO[1];
  return undefined;
}

/** The values a closed-list field allows (Kyllä/Ei, or the applicant-count options). */
export function allowedChoices(kind: 'yesNo' | 'applicantCount'): readonly string[] {
  return kind === 'yesNo' ? YES_NO : APPLICANT_COUNT_OPTIONS;
}

export const invalidChoice: Rule = {
  id: 'invalid-choice',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['yesNo', 'applicantCount'] },
  description: t('Arvo ei ole yksi sallituista (Kyllä/Ei; hakijoiden lukumäärän vaihtoehdot).', 'A value outside a closed list (Kyllä/Ei; the applicant-count options).'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'yesNo', 'applicantCount')) {
      const allowed = allowedChoices(f.spec!.kind as 'yesNo' | 'applicantCount');
      if (allowed.includes(f.value)) continue;
      const list = allowed.map((a) => `"${a}"`).join(allowed.length === 2 ? ' / ' : ', ');
      out.push({
        range: f.valueRange,
        message: t(`"${f.value}" ei ole sallittu arvo kentälle "${f.spec!.label}"; sallitut: ${list}.`, `"${f.value}" is not an allowed value of "${f.spec!.label}"; allowed: ${list}.`),
        fixes: choiceFixes(f.value, f.valueRange, allowed, meaning(f.spec!.kind, f.value)),
      });
    }
    return out;
  },
};
