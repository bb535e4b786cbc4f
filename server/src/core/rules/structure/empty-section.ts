import { presentSectionList } from '../../places';
import { headingText } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

/** Text sections that must say something: no text, or only `-`. */
export const emptySection: Rule = {
  id: 'empty-section',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { survey: 'emptyText' },
  description: t('Tekstiosio on tyhjä.', 'A text section that must have text is empty.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      if (!section.spec.textRequired) continue;
      if (section.texts.some((l) => l.text !== '-')) continue;
      const h = headingText(section.spec);
      out.push({
        range: section.heading.range,
        message: t(`Osiossa "${h}" ei ole tekstiä.`, `Section "${h}" has no text.`),
      });
    }
    return out;
  },
};
