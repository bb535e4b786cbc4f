import { findRegion, suggestRegion } from '../../reference';
import { type Rule, type RuleFinding, t } from '../types';
import { listItems, replaceFix, sameApartFromAccents } from './common';

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
    for (const item of listItems(facts.field('regions'))) {
      if (findRegion(item.text)) continue;
      const name = suggestRegion(item.text);
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
