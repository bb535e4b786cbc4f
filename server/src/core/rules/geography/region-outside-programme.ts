import { isRegionOutsideProgramme, PROGRAMME_AREA } from '../../reference';
import type { ListItem } from '../../values';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { kuntaReadings, regionReadings, removeItemEdit, subregionReadings } from './common';

function removeFix(items: readonly ListItem[], i: number): Fix {
  return { title: t(`Poista "${items[i].text}"`, `Remove "${items[i].text}"`), edits: [removeItemEdit(items, i)], safe: false };
}

/**
 * Ahvenanmaa, or a seutukunta or kunta of Ahvenanmaa, listed in section 6: the
 * programme covers mainland Finland (Åland had its own ESF programme). One fault, one
 * finding: a listed Ahvenanmaa is reported on `Maakunnat` only, a seutukunta of it
 * listed with it is not reported again, nor a kunta whose maakunta or seutukunta is
 * reported (geography-mismatch leaves these places to this rule). Fix (not automatic):
 * remove the item.
 */
export const regionOutsideProgramme: Rule = {
  id: 'region-outside-programme',
  category: 'geography',
  defaultSeverity: 'warning',
  fixable: 'unsafe',
  needs: { places: 'outside' },
  description: t(
    'Kohdealueella on Ahvenanmaa tai sen seutukunta tai kunta; ohjelma kattaa Manner-Suomen.',
    'Ahvenanmaa (Åland), or one of its sub-regions or municipalities, is listed; the programme covers mainland Finland.',
  ),
  check({ facts }) {
    const out: RuleFinding[] = [];
    const reported = new Set<string>();
    const push = (items: readonly ListItem[], i: number, what: { fi: string; en: string }) =>
      out.push({
        range: items[i].range,
        message: t(
          `${what.fi} ei kuulu ohjelman alueeseen (${PROGRAMME_AREA}); Ahvenanmaalla oli oma ESR-ohjelmansa.`,
          `${what.en} is outside the programme's area (${PROGRAMME_AREA}, mainland Finland); Åland had its own ESF programme.`,
        ),
        fixes: [removeFix(items, i)],
      });

    const regionList = regionReadings(facts);
    const regions = regionList.map((x) => x.item);
    regionList.forEach(({ region: r }, i) => {
      if (!r || !isRegionOutsideProgramme(r.code)) return;
      reported.add(r.code);
      push(regions, i, t(`Maakunta ${r.name}`, `Region ${r.name}`));
    });
    const subregionList = subregionReadings(facts);
    const subregions = subregionList.map((x) => x.item);
    subregionList.forEach(({ item, subregion: s }, i) => {
      if (!s || !isRegionOutsideProgramme(s.regionCode)) return;
      reported.add(s.code);
      if (reported.has(s.regionCode)) return;
      push(subregions, i, t(`Seutukunta "${item.text}" (${s.region})`, `Sub-region "${item.text}" (${s.region})`));
    });
    const kunnat = kuntaReadings(facts);
    const items = kunnat.map((k) => k.item);
    kunnat.forEach(({ period: p, outside }, i) => {
      if (!outside || !p || !isRegionOutsideProgramme(p.regionCode) || reported.has(p.regionCode) || reported.has(p.subregionCode)) return;
      push(items, i, t(`Kunta ${p.name} (${p.region})`, `Municipality ${p.name} (${p.region})`));
    });
    return out;
  },
};
