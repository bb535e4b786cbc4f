import { presentSectionList } from '../../places';
import { type Rule, type RuleFinding, t } from '../types';
import { hasText } from './common';

/**
 * An 8.1 answer without justification text on the lines after it, or an 8.2 item scored
 * above 0 (direct or indirect) without one. Items scored 0 need no justification; an
 * unanswered question is empty-field's, an absent one missing-field's; scores that are
 * not valid (invalid-score) are not counted.
 */
export const missingJustification: Rule = {
  id: 'missing-justification',
  category: 'principles',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { survey: 'unjustified' },
  description: t(
    'Tasa-arvokysymyksen vastaukselta tai nollaa suuremmalta kestävän kehityksen pistemäärältä puuttuu perustelu.',
    'A gender-equality answer, or a sustainable-development item scored above 0, without justification.',
  ),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      for (const f of section.fields) {
        if (!f.spec?.justified || f.value === '' || hasText(f.justification)) continue;
        out.push({
          range: f.labelRange,
          message: t(
            `Vastaukselta kysymykseen "${f.spec.label}" puuttuu perustelu; kirjoita se seuraavalle riville.`,
            `The answer to "${f.spec.label}" has no justification; write it on the next line.`,
          ),
        });
      }
      for (const item of section.items) {
        // The direct and the indirect score (a third is invalid-score's).
        const scored = (item.scores[0]?.value ?? 0) > 0 || (item.scores[1]?.value ?? 0) > 0;
        if (!scored || hasText(item.justification)) continue;
        out.push({
          range: item.nameRange,
          message: t(
            `Kohdan "${item.spec.name}" pistemäärä on yli 0, mutta perustelu puuttuu; kirjoita se seuraavalle riville.`,
            `Item "${item.spec.name}" is scored above 0 but has no justification; write it on the next line.`,
          ),
        });
      }
    }
    return out;
  },
};
