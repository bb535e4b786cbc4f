import { headingText, sectionIndex } from '../../schema';
import type { SectionNode } from '../../model';
import { type Rule, type RuleFinding, t } from '../types';

export const sectionOrder: Rule = {
  id: 'section-order',
  category: 'structure',
  defaultSeverity: 'warning',
  description: t('Osio tulee suuremman numeron osion jälkeen.', 'A section comes after a higher-numbered one.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    const seen = new Set<string>();
    let highest: SectionNode | undefined;
    for (const s of doc.sections) {
      if (seen.has(s.spec.number)) continue; // duplicates are duplicate-section's
      seen.add(s.spec.number);
      const idx = sectionIndex(s.spec.number);
      if (highest && sectionIndex(highest.spec.number) > idx) {
        const h = headingText(s.spec);
        const after = headingText(highest.spec);
        out.push({
          range: s.heading.range,
          message: t(`Osio "${h}" on osion "${after}" jälkeen; oikea järjestys on numerojärjestys.`, `Section "${h}" comes after "${after}"; sections go in numeric order.`),
        });
      } else {
        highest = s;
      }
    }
    return out;
  },
};
