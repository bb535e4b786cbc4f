import { presentSections } from '../../places';
import { headingText, sectionIndex } from '../../schema';
import type { SectionNode } from '../../model';
import { type Rule, type RuleFinding, t } from '../types';

/**
 * A section that comes after a higher-numbered one. A section moved together with its
 * subsections is one fault: the finding is on the moved parent heading, and the
 * subsections that follow it in their own order are not reported again.
 */
export const sectionOrder: Rule = {
  id: 'section-order',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { survey: 'outOfOrder' },
  description: t('Osio tulee suuremman numeron osion jälkeen.', 'A section comes after a higher-numbered one.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    // The first heading of each number (presentSections); duplicates are duplicate-section's.
    const first = presentSections(doc);
    let highest: SectionNode | undefined;
    /** A reported (moved) parent and the last of its subsections seen after it in order. */
    let moved: { number: string; last: number } | undefined;
    for (const s of doc.sections) {
      if (first.get(s.spec.number) !== s) continue;
      const idx = sectionIndex(s.spec.number);
      if (s.spec.level === 1) moved = undefined;
      if (highest && sectionIndex(highest.spec.number) > idx) {
        if (moved && s.spec.parent === moved.number && idx > moved.last) {
          moved.last = idx; // moved with its parent
          continue;
        }
        if (s.spec.level === 1) moved = { number: s.spec.number, last: idx };
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
