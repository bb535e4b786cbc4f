import type { Range } from '../../model';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';
import { isValidYTunnus, yTunnusCheckDigit, yTunnusStatus } from '../../ytunnus';

export { isValidYTunnus, yTunnusCheckDigit };

/** `NNNNNNN-C` from eight digits when they make a valid ID, else undefined. */
function validFromDigits(eight: string): string | undefined {
  const id = `${eight.slice(0, 7)}-${eight[7]}`;
  return isValidYTunnus(id) ? id : undefined;
}

/** What is wrong with a Y-tunnus, or undefined when it is valid. */
export function checkYTunnus(value: string, range: Range): RuleFinding | undefined {
  const st = yTunnusStatus(value);
  if (st.kind === 'valid') return undefined;
  if (st.kind !== 'format') {
    const digits = value.slice(0, 7);
    if (st.kind === 'noValidId') {
      return {
        range,
        message: t(
          `Y-tunnus "${value}" ei voi olla oikein: numeroilla ${digits} ei ole kelvollista tarkistusnumeroa, joten jokin numeroista on väärin.`,
          `Y-tunnus "${value}" cannot be right: no check digit makes ${digits} a valid ID, so one of the digits is wrong.`,
        ),
      };
    }
    // Either the check digit or one of the seven is mistyped; no fix, since writing the
    // computed digit would make a mistyped ID look valid.
    return {
      range,
      message: t(
        `Y-tunnuksen "${value}" tarkistusnumero on väärä: numeroilla ${digits} sen pitäisi olla ${st.expected}.`,
        `Wrong check digit in Y-tunnus "${value}": for ${digits} it should be ${st.expected}.`,
      ),
    };
  }
  const fixes: Fix[] = [];
  let why = t('Y-tunnuksen muoto on NNNNNNN-T (seitsemän numeroa, yhdysmerkki ja tarkistusnumero).', 'A Y-tunnus is written NNNNNNN-C (seven digits, a hyphen and the check digit).');
  const compact = value.replace(/[\s\u00a0\u202f]/g, '');
  const old = /^(\d{6})[-\u2010-\u2015\u2212](\d)$/.exec(compact);
  const vat = /^FI(\d{8})$/i.exec(compact);
  const loose = /^(\d{7})[-\u2010-\u2015\u2212]?(\d)$/.exec(compact);
  if (old) {
    // An ID given before 1991 had six digits; today it is written with a leading zero
    // (the zero does not change the check digit). Written without it, it is not a
    // Y-tunnus the registers know, so it is reported with the zero as the fix.
    const padded = validFromDigits(`0${old[1]}${old[2]}`);
    why = padded
      ? t(`Vanha kuusinumeroinen tunnus kirjoitetaan etunollalla: ${padded}.`, `An old six-digit ID is written with a leading zero: ${padded}.`)
      : t('Y-tunnuksessa on seitsemän numeroa ennen tarkistusnumeroa.', 'A Y-tunnus has seven digits before the check digit.');
    if (padded) fixes.push(replaceFix(range, padded, true));
  } else if (vat) {
    const id = validFromDigits(vat[1]);
    why = t('Tämä on ALV-tunnus; Y-tunnus kirjoitetaan ilman FI-etuliitettä muodossa NNNNNNN-T.', 'This is the VAT number; the Y-tunnus is written without FI, as NNNNNNN-C.');
    if (id) fixes.push(replaceFix(range, id, true));
  } else if (loose) {
    const id = validFromDigits(loose[1] + loose[2]);
    if (id) fixes.push(replaceFix(range, id, true));
  }
  return {
    range,
    message: t(`"${value}" ei ole Y-tunnus. ${why.fi}`, `"${value}" is not a Y-tunnus. ${why.en}`),
    fixes,
  };
}

export const invalidYTunnus: Rule = {
  id: 'invalid-y-tunnus',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['yTunnus'] },
  description: t('Y-tunnus ei ole muotoa NNNNNNN-T tai sen tarkistusnumero on väärä.', 'A Y-tunnus is not NNNNNNN-C or its check digit is wrong.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'yTunnus')) {
      const finding = checkYTunnus(f.value, f.valueRange);
      if (finding) out.push(finding);
    }
    // Joint projects: every Osatoteuttajat line `<name>, <Y-tunnus>` (section 2's first occurrence).
    const section = doc.sections.find((s) => s.spec.partners);
    for (const e of section?.partners?.entries ?? []) {
      if (e.yTunnus === '') {
        out.push({
          range: e.nameRange,
          message: t(`Osatoteuttajan "${e.name}" Y-tunnus puuttuu; rivin muoto on "<nimi>, <Y-tunnus>".`, `Partner "${e.name}" has no Y-tunnus; the line is "<name>, <Y-tunnus>".`),
        });
        continue;
      }
      const finding = checkYTunnus(e.yTunnus, e.yTunnusRange);
      if (finding) out.push(finding);
    }
    return out;
  },
};
