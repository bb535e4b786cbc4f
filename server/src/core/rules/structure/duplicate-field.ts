import { presentSections } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  category: 'structure',
  defaultSeverity: 'warning',
  description: t('Sama kenttä on osiossa kahdesti.', 'The same field appears twice in one section.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSections(doc).values()) {
      const seen = new Map<string, number>();
      const lines = [
        ...section.fields.filter((f) => f.spec).map((f) => ({ key: f.spec!.key, name: f.spec!.label, line: f.line, range: f.labelRange })),
        ...section.items.map((it) => ({ key: it.spec.key, name: it.spec.name, line: it.line, range: it.nameRange })),
      ];
      for (const l of lines) {
        const first = seen.get(l.key);
        if (first === undefined) {
          seen.set(l.key, l.line);
          continue;
        }
        out.push({
          range: l.range,
          message: t(`"${l.name}" on jo rivillä ${first + 1}.`, `"${l.name}" already appears on line ${first + 1}.`),
        });
      }
    }
    return out;
  },
};
