import { headingText } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

/**
 * A heading whose title is the official title of another section than its number says
 * (`4.1 Välilliset kohderyhmät` where 4.2 is meant). The parser takes such a heading as
 * the section its title names, so it is not also a duplicate of the written number nor
 * a missing section elsewhere (the parser accepts such a number only at the section's level,
 * a subsection's under its own parent). Reported on the number; the fix (safe) writes the right one.
 */
export const sectionNumber: Rule = {
  id: 'section-number',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { survey: 'renumbered' },
  description: t('Otsikon nimi on toisen osion virallinen nimi kuin numero kertoo (väärä numero).', 'A heading whose title is the official title of another section than its number says.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const s of doc.sections) {
      const written = s.heading.number;
      const right = s.spec.number;
      if (written === right) continue;
      const h = headingText(s.spec);
      out.push({
        range: s.heading.numberRange,
        message: t(
          `Otsikko "${s.heading.title}" on osion ${right} otsikko, mutta numero on ${written}; oikein "${h}".`,
          `"${s.heading.title}" is the title of section ${right}, but the number is ${written}; the heading is "${h}".`,
        ),
        fixes: [{ title: t(`Korjaa numeroksi ${right}`, `Change the number to ${right}`), edits: [{ range: s.heading.numberRange, newText: right }], safe: true }],
      });
    }
    return out;
  },
};
