import { suggestRegion } from '../../reference';
import { type Rule, type RuleFinding, t } from '../types';
import { cappedSuggestions, FINDINGS_PER_LIST, regionReadings, replaceFix, sameApartFromAccents, theRest } from './common';

/**
 * A `Maakunnat` item that names no maakunta. Finnish names, the listed aliases
 * ('Ahvenanmaa - Åland') and Swedish names are accepted, case-insensitively.
 * Fix: the closest real name.
 */
export const unknownRegion: Rule = {
  id: 'unknown-region',
  category: 'geography',
  defaultSeverity: 'error',
  fixable: 'safe',
  description: t('Maakuntaa ei ole olemassa.', 'A region (maakunta) name that does not exist.'),
  check({ facts }) {
    const out: RuleFinding[] = [];
    const suggest = cappedSuggestions(suggestRegion);
    const readings = regionReadings(facts);
    for (let i = 0; i < readings.length; i++) {
      const { item, region } = readings[i];
      if (region) continue;
      if (out.length === FINDINGS_PER_LIST) {
        out.push(
          ...theRest(
            readings
              .slice(i)
              .filter((x) => !x.region)
              .map((x) => x.item),
            { fi: 'maakunnat', en: 'regions' },
          ),
        );
        break;
      }
      const name = suggest(item.text);
      out.push({
        range: item.range,
        message: name
          ? t(`Tuntematon maakunta "${item.text}"; tarkoititko "${name}"?`, `Unknown region (maakunta) "${item.text}"; did you mean "${name}"?`)
          : t(`Tuntematon maakunta "${item.text}".`, `Unknown region (maakunta) "${item.text}".`),
        fixes: name ? [replaceFix(item, name, sameApartFromAccents(item.text, name))] : [],
      });
    }
    return out;
  },
};
