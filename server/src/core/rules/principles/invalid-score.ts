import { presentSectionList } from '../../places';
import { SCORE_MAX, SCORE_MIN } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

/** Number of scores on an 8.2 item line: direct and indirect. */
const SCORES = 2;

/**
 * 8.2 scores: each must be a whole number 0–10, and an item line carries exactly two
 * (direct, indirect). A bad score is reported on its token; a missing one on the item's
 * name; a third one on that extra token.
 */
export const invalidScore: Rule = {
  id: 'invalid-score',
  category: 'principles',
  defaultSeverity: 'error',
  fixable: 'unsafe',
  needs: { survey: 'badScore' },
  description: t(
    'Kestävän kehityksen pistemäärä ei ole kokonaisluku 0–10, tai kohdalta puuttuu pistemäärä.',
    'A sustainable-development score that is not a whole number 0–10, or an item without two scores.',
  ),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      for (const item of section.items) {
        const name = item.spec.name;
        for (let i = 0; i < item.scores.length; i++) {
          const s = item.scores[i];
          if (i >= SCORES) {
            out.push({
              range: s.range,
              message: t(
                `Kohdalla "${name}" on ylimääräinen pistemäärä "${s.raw}"; kirjoita vain välitön ja välillinen pistemäärä.`,
                `Item "${name}" has an extra score "${s.raw}"; write only the direct and the indirect score.`,
              ),
              fixes: [
                { title: t('Poista ylimääräinen pistemäärä', 'Remove the extra score'), edits: [{ range: { start: item.scores[i - 1].range.end, end: s.range.end }, newText: '' }], safe: false },
              ],
            });
            continue;
          }
          if (s.value !== undefined) continue;
          const which = i === 0 ? t('välitön', 'direct') : t('välillinen', 'indirect');
          out.push({
            range: s.range,
            message: t(
              `Kohdan "${name}" ${which.fi} pistemäärä "${s.raw}" ei ole kokonaisluku ${SCORE_MIN}–${SCORE_MAX}.`,
              `The ${which.en} score "${s.raw}" of item "${name}" is not a whole number ${SCORE_MIN}–${SCORE_MAX}.`,
            ),
          });
        }
        if (item.scores.length < SCORES) {
          const missing =
            item.scores.length === 0
              ? t('välitön ja välillinen pistemäärä puuttuvat', 'the direct and the indirect score are missing')
              : t('välillinen pistemäärä puuttuu', 'the indirect score is missing');
          out.push({
            range: item.nameRange,
            message: t(`Kohdalta "${name}" ${missing.fi} (${SCORE_MIN}–${SCORE_MAX}).`, `Item "${name}": ${missing.en} (${SCORE_MIN}–${SCORE_MAX}).`),
          });
        }
      }
    }
    return out;
  },
};
