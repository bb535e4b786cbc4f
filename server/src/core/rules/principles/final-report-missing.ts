import { headingText, STATUS_ENDED } from '../../schema';
import { type Rule, t } from '../types';
import { hasText } from './common';

/**
 * `Toiminnan tila: Toiminta päättynyt` (or shortened, `Päättynyt`) and section 9 (the final report summary) is empty
 * or only `-`. Reported on section 9's heading; an absent section 9 is missing-section's.
 */
export const finalReportMissing: Rule = {
  id: 'final-report-missing',
  category: 'principles',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Hanke on päättynyt, mutta loppuraportin tiivistelmä puuttuu.', 'The project has ended but the final report summary (section 9) is empty.'),
  check({ facts }) {
    if (!facts.ended) return [];
    const section = facts.section('9');
    if (!section || hasText(section.texts)) return [];
    const h = headingText(section.spec);
    // As written: a shortened status ('Päättynyt') counts as ended too.
    const status = facts.field('status')?.value ?? STATUS_ENDED;
    return [
      {
        range: section.heading.range,
        message: t(
          `Hanke on päättynyt (Toiminnan tila: ${status}), mutta osiossa "${h}" ei ole loppuraportin tiivistelmää.`,
          `The project has ended (Toiminnan tila: ${status}) but section "${h}" has no final report summary.`,
        ),
      },
    ];
  },
};
