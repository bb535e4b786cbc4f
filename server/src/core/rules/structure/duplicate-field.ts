import { presentSectionList } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';

export const duplicateField: Rule = {
  id: 'duplicate-field',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { survey: 'repeatedKey' },
  description: t('Sama kenttä on osiossa kahdesti.', 'The same field appears twice in one section.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    const report = (name: string, first: number, range: RuleFinding['range']) =>
      out.push({
        range,
        message: t(`"${name}" on jo rivillä ${first + 1}.`, `"${name}" already appears on line ${first + 1}.`),
      });
    // The keys seen in a section and the line each was first seen on (the first `n`
    // entries). A section holds at most the schema's few keys, so a list searched from
    // the start is quicker than a map.
    const keys: string[] = [];
    const lines: number[] = [];
    const firstLine = (key: string, line: number, n: number): number => {
      for (let k = 0; k < n; k++) if (keys[k] === key) return lines[k];
      keys[n] = key;
      lines[n] = line;
      return -1;
    };
    for (const section of presentSectionList(doc)) {
      // Field keys and 8.2 item keys are distinct; the first line of each key is remembered.
      let n = 0;
      for (const f of section.fields) {
        if (!f.spec) continue;
        const first = firstLine(f.spec.key, f.line, n);
        if (first < 0) n++;
        else report(f.spec.label, first, f.labelRange);
      }
      for (const it of section.items) {
        const first = firstLine(it.spec.key, it.line, n);
        if (first < 0) n++;
        else report(it.spec.name, first, it.nameRange);
      }
    }
    return out;
  },
};
