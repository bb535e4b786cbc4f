import { headingText, SECTIONS } from '../../schema';
import { insertionEdit, presentSections, sectionInsertionPoint } from '../../places';
import { sectionText } from '../../template';
import { type Rule, type RuleFinding, t } from '../types';

export const missingSection: Rule = {
  id: 'missing-section',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: 'safe',
  description: t('Osio tai alaosio puuttuu.', 'A section or subsection is absent.'),
  check({ doc }) {
    const present = presentSections(doc);
    const out: RuleFinding[] = [];
    for (const spec of SECTIONS) {
      if (present.has(spec.number)) continue;
      // One fault, one finding: a subsection of an absent parent goes with the parent…
      if (spec.parent && !present.has(spec.parent) && !SECTIONS.some((s) => s.parent === spec.parent && present.has(s.number))) continue;
      const p = sectionInsertionPoint(doc, spec);
      const heading = headingText(spec);
      // …unless the parent is absent but some of its subsections are there: then insert the heading alone.
      const childrenPresent = SECTIONS.some((s) => s.parent === spec.number && present.has(s.number));
      const text = childrenPresent ? heading : sectionText(spec, doc.eol);
      out.push({
        range: p.anchor,
        message: t(`Osio "${heading}" puuttuu.`, `Section "${heading}" is missing.`),
        fixes: [{ title: t(`Lisää osio "${heading}"`, `Insert section "${heading}"`), edits: [insertionEdit(p, text, doc.eol)], safe: true }],
      });
    }
    return out;
  },
};
