import { presentSections } from '../../places';
import { headingText } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: false,
  needs: { survey: 'duplicateSection' },
  description: t('Sama osionumero on otsikkona kahdesti.', 'The same section number appears twice as a heading.'),
  check({ doc }) {
    // The first heading of each number is the section's (presentSections); any other is a duplicate.
    const first = presentSections(doc);
    const out: RuleFinding[] = [];
    for (const s of doc.sections) {
      const f = first.get(s.spec.number);
      if (f === s || !f) continue;
      const h = headingText(s.spec);
      out.push({
        range: s.heading.range,
        message: t(`Osio "${h}" on jo rivillä ${f.heading.line + 1}.`, `Section "${h}" already appears on line ${f.heading.line + 1}.`),
      });
    }
    return out;
  },
};
