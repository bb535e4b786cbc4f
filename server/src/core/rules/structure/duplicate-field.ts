import { presentSections } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Sama kenttä on osiossa kahdesti.', 'The same field appears twice in one section.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    const report = (name: string, first: number, range: RuleFinding['range']) =>
      out.push({
        range,
        message: t(`"${name}" on jo rivillä ${first + 1}.`, `"${name}" already appears on line ${first + 1}.`),
      });
    for (const section of presentSections(doc).values()) {
      // Field keys and 8.2 item keys are distinct; the first line of each key is remembered.
      const seen = new Map<string, number>();
      for (const f of section.fields) {
        if (!f.spec) continue;
        const first = seen.get(f.spec.key);
        if (first === undefined) seen.set(f.spec.key, f.line);
        else report(f.spec.label, first, f.labelRange);
      }
      for (const it of section.items) {
        const first = seen.get(it.spec.key);
        if (first === undefined) seen.set(it.spec.key, it.line);
        else report(it.spec.name, first, it.nameRange);
      }
    }
    return out;
  },
};
