import { formatIsoDate } from '../../values';
import type { FieldNode } from '../../model';
import { findMunicipality, findRegion, findSubregion, municipalityHistory, type Region } from '../../reference';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { judgeDate, listItems } from './common';

function addRegionFix(field: FieldNode, region: string): Fix {
  const at = field.valueRange.end;
  return {
    title: t(`Lisää ${region} kohtaan Maakunnat`, `Add ${region} to Maakunnat`),
    edits: [{ range: { start: at, end: at }, newText: field.value === '' ? region : `, ${region}` }],
    safe: false,
  };
}

/**
 * A seutukunta or kunta that lies outside every listed maakunta, with memberships as on
 * the project's start date (Kuhmoinen: Keski-Suomi until 31.12.2020, Pirkanmaa from
 * 1.1.2021). Names that do not resolve are left to unknown-subregion / unknown-municipality,
 * and the check is skipped while a listed maakunta is unknown (unknown-region) or none is
 * listed. Without a valid start date, a kunta is a mismatch only if it was never in a
 * listed maakunta. Fix (not automatic): add the maakunta to `Maakunnat`.
 */
export const geographyMismatch: Rule = {
  id: 'geography-mismatch',
  category: 'geography',
  defaultSeverity: 'warning',
  description: t(
    'Seutukunta tai kunta ei kuulu mihinkään luetelluista maakunnista.',
    'A sub-region or municipality outside every listed region (maakunta).',
  ),
  check({ facts }) {
    const regionsField = facts.field('regions');
    const regionItems = listItems(regionsField);
    if (!regionsField || regionItems.length === 0) return [];
    const listed = regionItems.map((item) => findRegion(item.text));
    if (listed.some((r) => r === undefined)) return [];
    const codes = new Set((listed as Region[]).map((r) => r.code));
    const date = judgeDate(facts);
    const out: RuleFinding[] = [];

    for (const item of listItems(facts.field('subregions'))) {
      const s = findSubregion(item.text, date);
      if (!s || codes.has(s.regionCode)) continue;
      out.push({
        range: item.range,
        message: t(
          `Seutukunta "${item.text}" kuuluu maakuntaan ${s.region}, jota ei ole lueteltu kohdassa Maakunnat.`,
          `Sub-region "${item.text}" belongs to ${s.region}, which is not among the listed regions (Maakunnat).`,
        ),
        fixes: [addRegionFix(regionsField, s.region)],
      });
    }

    for (const item of listItems(facts.field('municipalities'))) {
      const history = municipalityHistory(item.text);
      if (date) {
        const p = findMunicipality(item.text, date);
        if (!p || codes.has(p.regionCode)) continue;
        // Was it in a listed maakunta at another time? Say so: the membership changed.
        const other = history.find((h) => codes.has(h.regionCode));
        const when = other?.validUntil !== undefined && other.validUntil < date
          ? { fi: `; maakuntaan ${other.region} se kuului ${formatIsoDate(other.validUntil)} asti`, en: `; it belonged to ${other.region} until ${formatIsoDate(other.validUntil)}` }
          : other?.validFrom !== undefined && date < other.validFrom
            ? { fi: `; maakuntaan ${other.region} se siirtyi vasta ${formatIsoDate(other.validFrom)}`, en: `; it only moved to ${other.region} on ${formatIsoDate(other.validFrom)}` }
            : { fi: '', en: '' };
        out.push({
          range: item.range,
          message: t(
            `Kunta ${p.name} kuului hankkeen alkaessa ${formatIsoDate(date)} maakuntaan ${p.region}, jota ei ole lueteltu kohdassa Maakunnat${when.fi}.`,
            `On the start date ${formatIsoDate(date)}, ${p.name} belonged to ${p.region}, which is not among the listed regions (Maakunnat)${when.en}.`,
          ),
          fixes: [addRegionFix(regionsField, p.region)],
        });
      } else {
        // No valid start date: judge at any time, so that nothing cascades from invalid-date.
        if (!findMunicipality(item.text) || history.length === 0 || history.some((h) => codes.has(h.regionCode))) continue;
        const regions = [...new Set(history.map((h) => h.region))];
        const p = history[history.length - 1];
        out.push({
          range: item.range,
          message: t(
            `Kunta ${p.name} kuuluu maakuntaan ${regions.join(' / ')}, jota ei ole lueteltu kohdassa Maakunnat.`,
            `${p.name} belongs to ${regions.join(' / ')}, which is not among the listed regions (Maakunnat).`,
          ),
          fixes: regions.length === 1 ? [addRegionFix(regionsField, p.region)] : [],
        });
      }
    }
    return out;
  },
};
