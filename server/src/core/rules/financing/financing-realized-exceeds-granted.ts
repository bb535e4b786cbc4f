import { type Rule, t } from '../types';
import { exceeds } from './amounts';

/** More EU and state funding paid out than was granted. */
export const financingRealizedExceedsGranted: Rule = {
  id: 'financing-realized-exceeds-granted',
  category: 'financing',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Toteutunut EU- ja valtion rahoitus on suurempi kuin myönnetty.', 'Realised EU and state funding exceeds the granted EU and state funding.'),
  check({ facts }) {
    return exceeds(facts, 'realisedEuState', 'grantedEuState', {
      larger: t('Toteutunut EU- ja valtion rahoitus', 'Realised EU and state funding'),
      limit: t('myönnetty EU- ja valtion rahoitus', 'the granted EU and state funding'),
    });
  },
};
