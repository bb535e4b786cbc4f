import type { Texts } from '../../schema';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';

const SEPARATORS = /[\s\u00a0\u202f-]/g;
const MIN_DIGITS = 6;
const MAX_DIGITS = 12;

/**
 * The common spellings of a number: `+358` and a digit other than 0 (one space between
 * them at most), or a digit and no `00358`; then digits, spaces and hyphens, ending in a
 * digit. Such a number is fine when it has the right number of digits (as phoneProblem
 * reads it), in one quick test.
 */
const PLAIN_INTERNATIONAL = /^\+358 ?[1-9][\d -]*\d$/;
const PLAIN_NATIONAL = /^(?!00358)\d[\d -]*\d$/;

/** The digits of `value` (0–9). */
function digitCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** What is wrong with a phone number, and the fixed spelling when it is certain; undefined when fine. */
export function phoneProblem(value: string): { why: Texts; fixed?: string } | undefined {
  // The national number: the digits, or after +358 a 0 and the digits after 358.
  const national = PLAIN_INTERNATIONAL.test(value) ? digitCount(value) - 2 : PLAIN_NATIONAL.test(value) ? digitCount(value) : 0;
  return national >= MIN_DIGITS && national <= MAX_DIGITS ? undefined : phoneProblemInFull(value);
}

/** phoneProblem without the quick test (a test holds the two to the same answers). */
export function phoneProblemInFull(value: string): { why: Texts; fixed?: string } | undefined {
  const intl = /^\+358(?=[\s\u00a0\u202f\d-])/.test(value);
  const rest = intl ? value.slice(4) : value;
  const body = rest.replace(/^[\s\u00a0\u202f-]+/, '');
  if (/^[\d\s\u00a0\u202f-]+$/.test(body) && /^\d/.test(body) && /\d$/.test(body)) {
    const digits = rest.replace(SEPARATORS, '');
    if (intl && digits.startsWith('0')) {
      // +358 replaces the leading 0 of the area code: +358 40…, not +358 040….
      const at = rest.indexOf('0');
      const fixed = `+358${rest.slice(0, at)}${rest.slice(at + 1)}`;
      if (phoneProblem(fixed) === undefined) {
        return { why: t('Suuntanumeron alkunolla jätetään pois +358:n jälkeen.', 'After +358 the leading 0 of the area code is dropped.'), fixed };
      }
    }
    if (!intl && value.startsWith('00358')) {
      const fixed = value.replace(/^00358[\s\u00a0\u202f-]*/, '+358 ');
      if (phoneProblem(fixed) === undefined) return { why: t('Maatunnus kirjoitetaan +358.', 'The country code is written +358.'), fixed };
    }
    const national = intl ? `0${digits}` : digits;
    if (national.length >= MIN_DIGITS && national.length <= MAX_DIGITS) return undefined;
    return {
      why: t(`Numeroita on ${national.length}; suomalaisessa numerossa on ${MIN_DIGITS}–${MAX_DIGITS} numeroa.`, `It has ${national.length} digits; a Finnish number has ${MIN_DIGITS}–${MAX_DIGITS}.`),
    };
  }
  // Common ways of writing a valid number that the format does not use.
  const dashed = value.replace(/[\u2010-\u2015\u2212]/g, '-');
  if (dashed !== value && phoneProblem(dashed) === undefined) {
    return { why: t('Numeron osat erotetaan yhdysmerkillä (-), ei ajatusviivalla.', 'Parts of a number are separated by a hyphen (-), not a dash.'), fixed: dashed };
  }
  const candidates: { from: RegExp; to: string; why: Texts }[] = [
    { from: /^\+358\s*\(0\)\s*/, to: '+358 ', why: t('"(0)" jätetään pois +358:n jälkeen.', 'The "(0)" after +358 is left out.') },
    { from: /^\((\d{2,4})\)\s*/, to: '$1 ', why: t('Suuntanumeroa ei kirjoiteta sulkuihin.', 'The area code is not written in parentheses.') },
  ];
  for (const c of candidates) {
    if (!c.from.test(value)) continue;
    const fixed = value.replace(c.from, c.to);
    if (phoneProblem(fixed) === undefined) return { why: c.why, fixed };
  }
  return {
    why: t(
      `Numerossa saa olla vain numeroita (${MIN_DIGITS}–${MAX_DIGITS}), välilyöntejä ja yhdysmerkkejä sekä alussa +358.`,
      `Only digits (${MIN_DIGITS}–${MAX_DIGITS}), spaces, hyphens and a leading +358 are allowed.`,
    ),
  };
}

export const invalidPhone: Rule = {
  id: 'invalid-phone',
  category: 'values',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { values: ['phone'] },
  description: t('Puhelinnumero ei ole suomalainen puhelinnumero.', 'A phone number that is not a Finnish phone number.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'phone')) {
      const p = phoneProblem(f.value);
      if (!p) continue;
      const fixes: Fix[] = p.fixed && phoneProblem(p.fixed) === undefined ? [replaceFix(f.valueRange, p.fixed, true)] : [];
      out.push({
        range: f.valueRange,
        message: t(`"${f.value}" ei ole suomalainen puhelinnumero. ${p.why.fi}`, `"${f.value}" is not a Finnish phone number. ${p.why.en}`),
        fixes,
      });
    }
    return out;
  },
};
