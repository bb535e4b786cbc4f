import { presentSectionList } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';

/**
 * A `Label: value` line of a field section whose label is not in the schema. When the
 * label is a near miss of a field of the section (a typo), the fix writes that label.
 */
export const unknownField: Rule = {
  id: 'unknown-field',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { survey: 'unknownLabel' },
  description: t('Tuntematon kenttä osiossa.', 'A label that is not a field of the section.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      const spec = section.spec;
      for (const f of section.fields) {
        if (f.labelMatch === 'typo' && f.spec) {
          const label = f.spec.label;
          out.push({
            range: f.labelRange,
            message: t(`Tuntematon kenttä "${f.label}" osiossa ${spec.number}; tarkoititko "${label}"?`, `Unknown field "${f.label}" in section ${spec.number}; did you mean "${label}"?`),
            fixes: [{ title: t(`Korjaa muotoon "${label}"`, `Change to "${label}"`), edits: [{ range: f.labelRange, newText: label }], safe: true }],
          });
        } else if (f.labelMatch === 'unknown') {
          out.push({
            range: f.labelRange,
            message: t(`Tuntematon kenttä "${f.label}" osiossa ${spec.number}.`, `Unknown field "${f.label}" in section ${spec.number}.`),
          });
        }
      }
      // 8.2 item names with a typo are the same kind of fault.
      for (const it of section.items) {
        if (it.nameExact) continue;
        const name = it.spec.name;
        out.push({
          range: it.nameRange,
          message: t(`Tuntematon kohta "${it.name}"; tarkoititko "${name}"?`, `Unknown item "${it.name}"; did you mean "${name}"?`),
          fixes: [{ title: t(`Korjaa muotoon "${name}"`, `Change to "${name}"`), edits: [{ range: it.nameRange, newText: name }], safe: true }],
        });
      }
    }
    return out;
  },
};
