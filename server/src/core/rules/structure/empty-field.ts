import { presentSectionList } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';

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
          message: t(`Kentällä "${f.spec.label}" ei ole arvoa.`, `Field "${f.spec.label}" has no value.`),
        });
      }
    }
    return out;
  },
};
