import type { CalendarDate } from '../../values';
import { type Rule, type RuleFinding, t } from '../types';
import { valuedFields } from './common';

/**
 * The programme period "Kestävää kasvua ja työtä 2014–2020": costs were eligible from
 * 1.1.2014 to 31.12.2023 (the n+3 rule), so a project starts and ends in that span.
 */
export const PROGRAMME_FIRST_DAY: CalendarDate = { year: 2014, month: 1, day: 1, iso: '2014-01-01' };
export const PROGRAMME_LAST_DAY: CalendarDate = { year: 2023, month: 12, day: 31, iso: '2023-12-31' };

export const dateOutOfProgramme: Rule = {
  id: 'date-out-of-programme',
  category: 'values',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { values: ['period'] },
  description: t('Toteutusaika alkaa ennen 1.1.2014 tai päättyy 31.12.2023 jälkeen.', 'The period starts before 1.1.2014 or ends after 31.12.2023.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'period')) {
      const typed = f.typed;
      if (typed?.kind !== 'period') continue;
      const { start, end } = typed;
      if (start?.date && start.date.iso < PROGRAMME_FIRST_DAY.iso) {
        out.push({
          range: start.range,
          message: t(`Hanke alkaa ${start.raw}, ennen ohjelmakauden alkua (1.1.2014).`, `The project starts on ${start.raw}, before the programme period (from 1.1.2014).`),
        });
      }
      if (end?.date && end.date.iso > PROGRAMME_LAST_DAY.iso) {
        out.push({
          range: end.range,
          message: t(
            `Hanke päättyy ${end.raw}, ohjelmakauden viimeisen tukikelpoisuuspäivän (31.12.2023) jälkeen.`,
            `The project ends on ${end.raw}, after the programme's last eligible day (31.12.2023).`,
          ),
        });
      }
    }
    return out;
  },
};
