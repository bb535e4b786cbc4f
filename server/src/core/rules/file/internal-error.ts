import { type Rule, t } from '../types';

/**
 * A rule that threw while checking the document (a bug in hanke). It finds nothing itself:
 * the linter reports it (core/lint.ts) in place of the failed rule's findings, so that one
 * faulty rule never takes the document's other findings, hovers and fixes with it.
 */
export const internalError: Rule = {
  id: 'internal-error',
  category: 'file',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Sääntö kaatui tätä kuvausta tarkistaessaan (ohjelmavirhe); muut säännöt tarkistettiin.', 'A rule failed while checking this description (a bug); the other rules ran.'),
  check() {
    return [];
  },
};
