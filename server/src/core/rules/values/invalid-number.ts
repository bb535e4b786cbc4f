import type { Texts } from '../../schema';
import { readValue } from '../../values';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';

const AMOUNT_UNIT = /^(.*?)(?<![\s\u00a0\u202f])[\s\u00a0\u202f]*(?:€|e|eur|euro|euroa)\.?$/i;
const COUNT_UNIT = /^(.*?)(?<![\s\u00a0\u202f])[\s\u00a0\u202f]*(?:kpl|kappaletta|hlö|hlöä|henkilö|henkilöä|yritys|yritystä)\.?$/i;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * Section 5 amounts and 7.1/7.2 counts that are not non-negative numbers in Finnish
 * style, as the parser read them (`FieldNode.typed.valid`). A unit written after the
 * number (`289 500 €`, `60 hlö`), a `,-` after whole euros and doubled spaces are
 * removed by a safe fix; dots as thousands separators (`289.500`) get the Finnish
 * spelling as a suggestion only (a dot might be a decimal point).
 */
export const invalidNumber: Rule = {
  id: 'invalid-number',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['amount', 'count'] },
  description: t('Euromäärä tai lukumäärä ei ole ei-negatiivinen luku suomalaisessa muodossa.', 'An amount or count that is not a non-negative number in Finnish style.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'amount', 'count')) {
      const typed = f.typed;
      if ((typed?.kind !== 'amount' && typed?.kind !== 'count') || typed.valid) continue;
      const kind = typed.kind;
      const value = f.value;
      const valid = (s: string) => {
        const r = readValue(kind, s, f.valueRange.start.line, f.valueRange.start.character);
        return (r.kind === 'amount' || r.kind === 'count') && r.valid;
      };
      // Spellings of a valid number, most certain first: [rewritten value, safe, why].
      const unit = (kind === 'amount' ? AMOUNT_UNIT : COUNT_UNIT).exec(value)?.[1];
      const candidates: [string | undefined, boolean, Texts][] = [
        [unit, true, t('Yksikköä ei kirjoiteta arvoon.', 'The unit is not written in the value.')],
        [kind === 'amount' ? value.replace(/,-$/, '') : undefined, true, t('Tasaeurot kirjoitetaan ilman merkintää ",-".', 'Whole euros are written without ",-".')],
        [value.replace(/[\s\u00a0\u202f]+/g, ' '), true, t('Tuhannet erotetaan yhdellä välilyönnillä.', 'Thousands are separated by a single space.')],
        [DOT_GROUPED.test(value) ? value.replace(/\./g, ' ') : undefined, false, t('Tuhannet erotetaan välilyönnillä, ei pisteellä.', 'Thousands are separated by a space, not a dot.')],
      ];
      const hit = candidates.find(([v]) => v !== undefined && v !== '' && v !== value && valid(v));
      const fixes: Fix[] = hit ? [replaceFix(f.valueRange, hit[0]!, hit[1])] : [];
      let why;
      if (/^[-\u2212\u2013]\s*\d/.test(value)) why = t('Määrä ei voi olla negatiivinen.', 'It cannot be negative.');
      else if (hit) why = hit[2];
      else if (kind === 'amount') why = t('Euromäärä kirjoitetaan esim. 289 500 tai 289 500,50.', 'An amount in euros is written e.g. 289 500 or 289 500,50.');
      else why = t('Lukumäärä on kokonaisluku, esim. 60 tai 1 200.', 'A count is a whole number, e.g. 60 or 1 200.');
      const what = kind === 'amount' ? t('euromäärä', 'an amount') : t('lukumäärä', 'a count');
      out.push({
        range: f.valueRange,
        message: t(`"${value}" ei ole ${what.fi}. ${why.fi}`, `"${value}" is not ${what.en}. ${why.en}`),
        fixes,
      });
    }
    return out;
  },
};
