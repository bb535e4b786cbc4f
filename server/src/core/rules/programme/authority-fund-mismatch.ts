import { titleFund } from '../../facts';
import { AUTHORITY_INFO, findAuthority, fundIncludes } from '../../reference';
import { type Fix, type Rule, t } from '../types';

/**
 * `Vastuuviranomainen` that does not grant the document's fund: a maakunnan liitto on an
 * ESR description (the liitot granted EAKR only), or the social-affairs ministry (ESR
 * only) on an EAKR description. Only a value that names a known authority (full name,
 * or an ELY-keskus's short name) is judged; a near miss is unusual-value's. Fix (not
 * automatic): the ELY-keskus that made the regional ESR decisions for the liitto's
 * maakunta.
 */
export const authorityFundMismatch: Rule = {
  id: 'authority-fund-mismatch',
  category: 'programme',
  defaultSeverity: 'warning',
  fixable: 'unsafe',
  description: t(
    'Vastuuviranomainen ei myönnä kuvauksen rahaston rahoitusta (esim. maakunnan liitto ESR-hankkeessa).',
    'The Vastuuviranomainen does not grant this fund (e.g. a regional council on an ESR description).',
  ),
  check({ doc, facts }) {
    const fund = titleFund(doc);
    const f = facts.field('authority');
    if (!fund || !f || f.value === '') return [];
    const a = findAuthority(f.value);
    if (!a || fundIncludes(a.fund, fund)) return [];
    const fixes: Fix[] = [];
    if (a.region !== undefined) {
      for (const other of AUTHORITY_INFO) {
        if (other !== a && fundIncludes(other.fund, fund) && other.regions.includes(a.region) && other.kind !== a.kind) {
          fixes.push({ title: t(`Korjaa muotoon "${other.name}"`, `Change to "${other.name}"`), edits: [{ range: f.valueRange, newText: other.name }], safe: false });
        }
      }
    }
    const who =
      fund === 'ESR'
        ? t('ESR-hankkeiden vastuuviranomainen on ELY-keskus tai sosiaali- ja terveysministeriö', 'ESR projects were granted by an ELY-keskus or the social-affairs ministry')
        : t('EAKR-hankkeiden vastuuviranomainen on maakunnan liitto tai ELY-keskus', 'EAKR projects were granted by a regional council (maakunnan liitto) or an ELY-keskus');
    return [
      {
        range: f.valueRange,
        message: t(
          `${a.name} myönsi vain ${a.fund}-rahoitusta, mutta kuvaus on ${fund}-hankkeen; ${who.fi}.`,
          `${a.name} granted ${a.fund} funding only, but this is the description of an ${fund} project; ${who.en}.`,
        ),
        fixes,
      },
    ];
  },
};
