import { type DateToken, formatDate, parseDate } from '../../values';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';

const DATE_SHAPE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ANY_DATE = /\d{1,2}\.\d{1,2}\.\d{4}/g;

/** The D.M.YYYY form of a token that is a real date written another common way, if any. */
function rewritten(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (iso) {
    const d = parseDate(`${iso[3]}.${iso[2]}.${iso[1]}`);
    return d && formatDate(d);
  }
  // A sentence's full stop after the date, or another separator (1/8/2018, 1-8-2018).
  const other = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$/.exec(raw);
  if (other) {
    const d = parseDate(`${other[1]}.${other[2]}.${other[3]}`);
    return d && formatDate(d);
  }
  return undefined;
}

function tokenFinding(tok: DateToken, which: { fi: string; en: string }): RuleFinding {
  if (DATE_SHAPE.test(tok.raw)) {
    return {
      range: tok.range,
      message: t(`${which.fi} ${tok.raw} ei ole olemassa oleva päivämäärä.`, `${which.en} ${tok.raw} is not a real calendar date.`),
    };
  }
  const fixed = rewritten(tok.raw);
  return {
    range: tok.range,
    message: t(`${which.fi} "${tok.raw}" ei ole muotoa P.K.VVVV (esim. 1.8.2018).`, `${which.en} "${tok.raw}" is not written D.M.YYYY (e.g. 1.8.2018).`),
    fixes: fixed ? [replaceFix(tok.range, fixed, true)] : [],
  };
}

/**
 * The period's dates: each must be a real calendar date written D.M.YYYY, and the value
 * must read `Alkaa D.M.YYYY ja päättyy D.M.YYYY`. A bad date is reported on its own
 * token; a value of another shape on the whole value.
 */
export const invalidDate: Rule = {
  id: 'invalid-date',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { values: ['period'] },
  description: t('Päivämäärä ei ole olemassa oleva päivämäärä muodossa P.K.VVVV.', 'A date that is not a real calendar date in D.M.YYYY form.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'period')) {
      const typed = f.typed;
      if (typed?.kind !== 'period') continue;
      if (typed.start && typed.end) {
        if (!typed.start.date) out.push(tokenFinding(typed.start, t('Alkamispäivä', 'The start date')));
        if (!typed.end.date) out.push(tokenFinding(typed.end, t('Päättymispäivä', 'The end date')));
        continue;
      }
      // Another shape, e.g. `1.8.2018 - 31.7.2021`: when the value holds two real dates and
      // nothing else but dashes, the fix writes the official shape around them.
      const dates = f.value.match(ANY_DATE) ?? [];
      const fixes: Fix[] = [];
      if (dates.length === 2 && dates.every((d) => parseDate(d))) {
        const rest = f.value.replace(ANY_DATE, '').replace(/alkaa|ja|päättyy|[\s\-\u2010-\u2015]/gi, '');
        fixes.push(replaceFix(f.valueRange, `Alkaa ${dates[0]} ja päättyy ${dates[1]}`, rest === ''));
      }
      out.push({
        range: f.valueRange,
        message: t(`Toteutusajan muoto on "Alkaa P.K.VVVV ja päättyy P.K.VVVV"; nyt "${f.value}".`, `The period is written "Alkaa D.M.YYYY ja päättyy D.M.YYYY"; found "${f.value}".`),
        fixes,
      });
    }
    return out;
  },
};
