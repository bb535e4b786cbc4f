import { presentSectionList } from '../../places';
import { SECTIONS } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

/** Labels that more than one section has (`Suunniteltu` in 7.1 and 7.2): their message names the section. */
const SHARED_LABELS: ReadonlySet<string> = (() => {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const s of SECTIONS) for (const f of s.fields ?? []) (seen.has(f.label) ? shared : seen).add(f.label);
  return shared;
})();

export const emptyField: Rule = {
  id: 'empty-field',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { survey: 'emptyValue' },
  description: t('Pakollisella kentällä ei ole arvoa.', 'A required field has no value.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      for (const f of section.fields) {
        if (!f.spec || f.value !== '' || !f.spec.valueRequired) continue;
        out.push({
          range: f.labelRange,
          message: SHARED_LABELS.has(f.spec.label)
            ? t(`Osion ${section.spec.number} kentällä "${f.spec.label}" ei ole arvoa.`, `Field "${f.spec.label}" of section ${section.spec.number} has no value.`)
            : t(`Kentällä "${f.spec.label}" ei ole arvoa.`, `Field "${f.spec.label}" has no value.`),
        });
      }
    }
    return out;
  },
};
