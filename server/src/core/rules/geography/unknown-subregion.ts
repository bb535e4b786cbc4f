import { formatIsoDate } from '../../values';
import { findSubregion, subregionsOn, suggestSubregion } from '../../reference';
import { type Rule, type RuleFinding, t } from '../types';
import { cappedSuggestions, FINDINGS_PER_LIST, judgeDate, replaceFix, sameApartFromAccents, sameName, subregionReadings, theRest } from './common';

/** `Jyväskylän seutukunta`: the genitive with the word written out. */
const SUFFIX = /\s+seutukunta$/i;

/**
 * A `Seutukunnat` item that is not the genitive of a seutukunta existing on the start
 * date (any time in the data when the start date is not a real date). The listed alias
 * spellings ('Pielisen-Karjalan') are accepted. Fix: the closest genitive valid then;
 * a nominative ('Jyväskylä') or `… seutukunta` becomes its genitive.
 */
export const unknownSubregion: Rule = {
  id: 'unknown-subregion',
  category: 'geography',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { places: 'unknownSubregion' },
  description: t('Seutukuntaa (genetiivissä) ei ollut olemassa hankkeen alkaessa.', 'A sub-region (seutukunta, genitive) that did not exist on the start date.'),
  check({ facts }) {
    const out: RuleFinding[] = [];
    const suggest = cappedSuggestions(suggestSubregion);
    const date = judgeDate(facts);
    const readings = subregionReadings(facts);
    for (let i = 0; i < readings.length; i++) {
      const { item, subregion } = readings[i];
      const written = item.text;
      if (subregion) continue;
      if (out.length === FINDINGS_PER_LIST) {
        out.push(
          ...theRest(
            readings
              .slice(i)
              .filter((x) => !x.subregion)
              .map((x) => x.item),
            { fi: 'seutukunnat', en: 'sub-regions' },
          ),
        );
        break;
      }
      const ever = date ? findSubregion(written) : undefined;
      if (ever?.validUntil) {
        // Existed, but had ceased by the start date (Kyrönmaa after 2020).
        const name = suggest(written, date);
        out.push({
          range: item.range,
          message: t(
            `Seutukuntaa "${written}" ei ollut hankkeen alkaessa ${formatIsoDate(date!)}: se lakkautettiin ${formatIsoDate(ever.validUntil)} jälkeen.`,
            `Sub-region "${written}" no longer existed on the start date ${formatIsoDate(date!)}: it was abolished after ${formatIsoDate(ever.validUntil)}.`,
          ),
          fixes: name && !sameName(name, ever.genitive) ? [replaceFix(item, name, false)] : [],
        });
        continue;
      }
      const bare = written.replace(SUFFIX, '');
      const nominative = subregionsOn(date).find((s) => sameName(s.name, bare) || sameName(s.genitive, bare));
      const name = nominative?.genitive ?? suggest(bare, date);
      let message;
      if (nominative) {
        message = SUFFIX.test(written)
          ? t(
              `Seutukunta kirjoitetaan genetiivissä ilman sanaa "seutukunta": "${nominative.genitive}", ei "${written}".`,
              `Sub-regions are written in the genitive without the word "seutukunta": "${nominative.genitive}", not "${written}".`,
            )
          : t(`Seutukunta kirjoitetaan genetiivissä: "${nominative.genitive}", ei "${written}".`, `Sub-regions are written in the genitive: "${nominative.genitive}", not "${written}".`);
      } else if (name) {
        message = t(`Tuntematon seutukunta "${written}"; tarkoititko "${name}"?`, `Unknown sub-region (seutukunta) "${written}"; did you mean "${name}"?`);
      } else {
        message = t(`Tuntematon seutukunta "${written}".`, `Unknown sub-region (seutukunta) "${written}".`);
      }
      out.push({
        range: item.range,
        message,
        fixes: name ? [replaceFix(item, name, !!nominative || sameApartFromAccents(written, name))] : [],
      });
    }
    return out;
  },
};
