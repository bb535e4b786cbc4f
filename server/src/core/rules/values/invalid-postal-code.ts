import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';

/**
 * A postal code (section 2, and section 6's place of implementation) that is not five
 * digits. Spaces inside or an `FI-` prefix are closed up by a safe fix; three or four
 * digits get a leading-zero suggestion (a spreadsheet drops leading zeros), not safe.
 */
/** Five digits: a postal code as it should be written. */
export function isPostalCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}

export const invalidPostalCode: Rule = {
  id: 'invalid-postal-code',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['postalCode'] },
  description: t('Postinumero ei ole viisi numeroa.', 'A postal code that is not five digits.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'postalCode')) {
      if (isPostalCode(f.value)) continue;
      const compact = f.value.replace(/^FI[-\s]?/i, '').replace(/[\s\u00a0\u202f]/g, '');
      const fixes: Fix[] = [];
      if (/^\d{5}$/.test(compact)) fixes.push(replaceFix(f.valueRange, compact, true));
      else if (/^\d{3,4}$/.test(compact)) fixes.push(replaceFix(f.valueRange, compact.padStart(5, '0'), false));
      out.push({
        range: f.valueRange,
        message: t(`"${f.value}" ei ole postinumero; postinumerossa on viisi numeroa.`, `"${f.value}" is not a postal code; a postal code has five digits.`),
        fixes,
      });
    }
    return out;
  },
};
