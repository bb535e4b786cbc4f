import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { documentFund, replaceFix, subRange, valuedFields } from './common';

/**
 * Hankekoodi: a letter and five digits (the EURA code, e.g. S21368); an ESR description
 * (the title names the social fund, or there is no title) has an S code. A lower-case
 * letter is reported too, with the upper-case code as a safe fix: the code is an
 * identifier, written in capitals everywhere it is published.
 */
export const invalidProjectCode: Rule = {
  id: 'invalid-project-code',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['projectCode'] },
  description: t('Hankekoodi ei ole kirjain ja viisi numeroa (ESR-hankkeella S ja viisi numeroa).', 'Hankekoodi is not a letter and five digits (S and five digits for an ESR project).'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    const esr = documentFund(doc) === 'ESR';
    for (const f of valuedFields(doc, 'projectCode')) {
      const value = f.value;
      if (f.typed?.kind === 'projectCode' && f.typed.valid) {
        const letter = value[0];
        if (esr && letter.toUpperCase() !== 'S') {
          out.push({
            range: subRange(f.valueRange, 0, 1),
            message: t(`ESR-hankkeen koodi alkaa S-kirjaimella; "${value}" alkaa ${letter}-kirjaimella.`, `An ESR project's code begins with S; "${value}" begins with ${letter}.`),
          });
        } else if (letter !== letter.toUpperCase()) {
          const upper = value.toUpperCase();
          out.push({
            range: subRange(f.valueRange, 0, 1),
            message: t(`Hankekoodin kirjaimen pitää olla iso: ${upper}.`, `The code's letter should be a capital: ${upper}.`),
            fixes: [replaceFix(f.valueRange, upper, true)],
          });
        }
        continue;
      }
      // Wrong shape. A code written with spaces or a dash inside (`S 21368`, `S-21368`) is
      // the same code: the fix closes it up.
      const fixes: Fix[] = [];
      const compact = value.replace(/[\s\u00a0\u202f\-\u2010-\u2015]/g, '').toUpperCase();
      if (/^[A-Z]\d{5}$/.test(compact) && (!esr || compact[0] === 'S')) fixes.push(replaceFix(f.valueRange, compact, true));
      const shape = esr ? t('S ja viisi numeroa, esim. S21368', 'S and five digits, e.g. S21368') : t('kirjain ja viisi numeroa, esim. S21368', 'a letter and five digits, e.g. S21368');
      out.push({
        range: f.valueRange,
        message: t(`"${value}" ei ole hankekoodi; muoto on ${shape.fi}.`, `"${value}" is not a project code; it is ${shape.en}.`),
        fixes,
      });
    }
    return out;
  },
};
