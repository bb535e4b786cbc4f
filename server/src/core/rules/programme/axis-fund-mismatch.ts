import { titleFund } from '../../facts';
import { AXES, fundIncludes } from '../../reference';
import { type Rule, t } from '../types';
import { joinList, readAxis, settledAxis } from '../../programme-reading';

/**
 * `Toimintalinja` of another fund than the document: the preamble title names the fund
 * (an ESR description with axis 1, 2 or 8, which are EAKR; or an EAKR description with
 * an ESR axis). Reported on the axis number. Silent when the title names no fund this
 * checks, and when the axis is in doubt (see settledAxis): one fault, one finding.
 */
export const axisFundMismatch: Rule = {
  id: 'axis-fund-mismatch',
  category: 'programme',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Toimintalinja kuuluu eri rahastoon kuin kuvaus.', 'The Toimintalinja belongs to another fund than the description.'),
  check({ doc, facts }) {
    const fund = titleFund(doc);
    const axis = settledAxis(facts);
    if (!fund || !axis || fundIncludes(axis.fund, fund)) return [];
    const a = readAxis(facts)!;
    const own = AXES.filter((x) => fundIncludes(x.fund, fund)).map((x) => String(x.number));
    return [
      {
        range: a.codeRange ?? a.field.valueRange,
        message: t(
          `Toimintalinja ${axis.number} on ${axis.fund}-toimintalinja, mutta kuvaus on ${fund}-hankkeen (otsikko). ${fund}-toimintalinjat ovat ${joinList(own, 'ja')}.`,
          `Priority axis ${axis.number} is an ${axis.fund} axis, but this is the description of an ${fund} project (title). The ${fund} axes are ${joinList(own, 'and')}.`,
        ),
      },
    ];
  },
};
