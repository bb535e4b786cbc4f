import { type Rule, t } from '../types';
import { exceeds } from './amounts';

/** Granted EU and state funding is part of the planned public funding: it cannot be larger. */
export const financingGrantedExceedsPlanned: Rule = {
  id: 'financing-granted-exceeds-planned',
  category: 'financing',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Myönnetty EU- ja valtion rahoitus on suurempi kuin suunniteltu julkinen rahoitus yhteensä.', 'Granted EU and state funding exceeds the planned public funding in total.'),
  check({ facts }) {
    return exceeds(facts, 'grantedEuState', 'plannedPublic', {
      larger: t('Myönnetty EU- ja valtion rahoitus', 'Granted EU and state funding'),
      limit: t('suunniteltu julkinen rahoitus yhteensä', 'the planned public funding in total'),
    });
  },
};
