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
    // The keys seen in a section and the line each was first seen on. A section holds at
    // most the schema's few keys, so a list searched from the start is quicker than a map.
    const keys: string[] = [];
    const lines: number[] = [];
    for (const section of presentSections(doc).values()) {
      // Field keys and 8.2 item keys are distinct; the first line of each key is remembered.
      keys.length = 0;
      lines.length = 0;
      for (const f of section.fields) {
        if (!f.spec) continue;
        const k = keys.indexOf(f.spec.key);
        if (k < 0) {
          keys.push(f.spec.key);
          lines.push(f.line);
        } else report(f.spec.label, lines[k], f.labelRange);
      }
      for (const it of section.items) {
        const k = keys.indexOf(it.spec.key);
        if (k < 0) {
          keys.push(it.spec.key);
          lines.push(it.line);
        } else report(it.spec.name, lines[k], it.nameRange);
      }
    }
    return out;
  },
};
