import { type Rule, t } from '../types';
import { exceeds } from './amounts';

/** More public funding used than planned: possible after a change decision, so a warning. */
export const financingRealizedExceedsPlanned: Rule = {
  id: 'financing-realized-exceeds-planned',
  category: 'financing',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Toteutunut julkinen rahoitus yhteensä on suurempi kuin suunniteltu.', 'Realised public funding in total exceeds the planned public funding in total.'),
  check({ facts }) {
    return exceeds(facts, 'realisedPublic', 'plannedPublic', {
      larger: t('Toteutunut julkinen rahoitus yhteensä', 'Realised public funding in total'),
      limit: t('suunniteltu julkinen rahoitus yhteensä', 'the planned public funding in total'),
    });
  },
};
