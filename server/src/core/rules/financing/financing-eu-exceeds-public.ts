import { type Rule, t } from '../types';
import { exceeds } from './amounts';

/** Realised EU and state funding is part of the realised public funding: it cannot be larger. */
export const financingEuExceedsPublic: Rule = {
  id: 'financing-eu-exceeds-public',
  category: 'financing',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Toteutunut EU- ja valtion rahoitus on suurempi kuin toteutunut julkinen rahoitus yhteensä.', 'Realised EU and state funding exceeds the realised public funding in total.'),
  check({ facts }) {
    return exceeds(facts, 'realisedEuState', 'realisedPublic', {
      larger: t('Toteutunut EU- ja valtion rahoitus', 'Realised EU and state funding'),
      limit: t('toteutunut julkinen rahoitus yhteensä', 'the realised public funding in total'),
    });
  },
};
