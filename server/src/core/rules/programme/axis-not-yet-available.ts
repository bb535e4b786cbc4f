import { judgeDate } from '../geography/common';
import { titleFund } from '../../facts';
import { fundIncludes } from '../../reference';
import { formatIsoDate } from '../../values';
import { type Rule, t } from '../types';
import { readAxis, settledAxis } from '../../programme-reading';

/**
 * An axis that could not yet pay for the project's costs on its start date: the
 * REACT-EU axes 8 and 9 with a start before 1.2.2020 (`eligibleFrom` in the programme
 * data). Reported on the axis number. Silent without a valid start date (invalid-date,
 * date-order), when the axis is in doubt, and when the axis is of the other fund
 * (axis-fund-mismatch reports the axis then).
 */
export const axisNotYetAvailable: Rule = {
  id: 'axis-not-yet-available',
  category: 'programme',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('REACT-EU-toimintalinja (8 tai 9), vaikka hanke alkaa ennen 1.2.2020.', 'A REACT-EU axis (8 or 9) with a start date before 1.2.2020.'),
  check({ doc, facts }) {
    const axis = settledAxis(facts);
    const date = judgeDate(facts);
    if (!axis?.eligibleFrom || !date || date >= axis.eligibleFrom) return [];
    const fund = titleFund(doc);
    if (fund && !fundIncludes(axis.fund, fund)) return [];
    const a = readAxis(facts)!;
    const from = formatIsoDate(axis.eligibleFrom);
    const start = formatIsoDate(date);
    return [
      {
        range: a.codeRange ?? a.field.valueRange,
        message: t(
          `Toimintalinjalta ${axis.number} (REACT-EU) rahoitettiin kustannuksia vasta ${from} alkaen, mutta hanke alkaa ${start}.`,
          `Priority axis ${axis.number} (REACT-EU) paid for costs only from ${from}, but the project starts on ${start}.`,
        ),
      },
    ];
  },
};
