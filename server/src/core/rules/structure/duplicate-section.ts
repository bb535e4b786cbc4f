import { headingText } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Sama osionumero on otsikkona kahdesti.', 'The same section number appears twice as a heading.'),
  check({ doc }) {
    const seen = new Map<string, number>();
    const out: RuleFinding[] = [];
    for (const s of doc.sections) {
      const first = seen.get(s.spec.number);
      if (first === undefined) {
        seen.set(s.spec.number, s.heading.line);
        continue;
      }
      const h = headingText(s.spec);
      out.push({
        range: s.heading.range,
        message: t(`Osio "${h}" on jo rivillä ${first + 1}.`, `Section "${h}" already appears on line ${first + 1}.`),
      });
    }
    return out;
  },
};
