import { formatDate } from '../../values';
import { type Rule, type RuleFinding, t } from '../types';
import { valuedFields } from './common';

/**
 * The period ends before it starts. Only when both dates are real dates (a bad date is
 * invalid-date's). A one-day period (same start and end) is fine.
 */
export const dateOrder: Rule = {
  id: 'date-order',
  category: 'values',
  defaultSeverity: 'error',
  fixable: 'unsafe',
  needs: { values: ['period'] },
  description: t('Hanke päättyy ennen kuin se alkaa.', 'The project ends before it starts.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'period')) {
      const typed = f.typed;
      if (typed?.kind !== 'period') continue;
      const start = typed.start?.date;
      const end = typed.end?.date;
      if (!start || !end || end.iso >= start.iso) continue;
      const s = formatDate(start);
      const e = formatDate(end);
      out.push({
        range: f.valueRange,
        message: t(`Toteutusaika päättyy (${e}) ennen kuin se alkaa (${s}).`, `The period ends (${e}) before it starts (${s}).`),
        // Perhaps the dates were swapped, perhaps one of them is mistyped: not safe.
        fixes: [
          {
            title: t('Vaihda päivämäärät keskenään', 'Swap the dates'),
            edits: [
              { range: typed.start!.range, newText: typed.end!.raw },
              { range: typed.end!.range, newText: typed.start!.raw },
            ],
            safe: false,
          },
        ],
      });
    }
    return out;
  },
};
