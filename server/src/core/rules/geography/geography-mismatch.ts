import { formatIsoDate } from '../../values';
import type { FieldNode } from '../../model';
import { isRegionOutsideProgramme, type MunicipalityPeriod, type Subregion } from '../../reference';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { judgeDate, type KuntaReading, kuntaReadings, regionReadings, type SubregionReading, subregionReadings } from './common';

function addRegionFix(field: FieldNode, region: string): Fix {
  const at = field.valueRange.end;
  return {
    title: t(`Lisää ${region} kohtaan Maakunnat`, `Add ${region} to Maakunnat`),
    edits: [{ range: { start: at, end: at }, newText: field.value === '' ? region : `, ${region}` }],
    safe: false,
  };
}

function addSubregionFix(field: FieldNode, genitive: string): Fix {
  const at = field.valueRange.end;
  return {
    title: t(`Lisää ${genitive} kohtaan Seutukunnat`, `Add ${genitive} to Seutukunnat`),
    edits: [{ range: { start: at, end: at }, newText: field.value === '' ? genitive : `, ${genitive}` }],
    safe: false,
  };
}

/**
 * The listed seutukunnat, when every one of them is known on the day (else undefined:
 * unknown-subregion reports the unknown one, and nothing is judged against the list).
 */
function listedSubregions(readings: readonly SubregionReading[]): Subregion[] | undefined {
  if (readings.length === 0) return undefined;
  const listed = readings.map((r) => r.subregion);
  return listed.some((s) => s === undefined) ? undefined : (listed as Subregion[]);
}

/** A kunta period lies in a maakunta some of whose seutukunnat are listed, but not in a listed one. */
function outsideListedSubregions(p: MunicipalityPeriod, subregions: readonly Subregion[]): boolean {
  return subregions.some((s) => s.regionCode === p.regionCode) && !subregions.some((s) => s.code === p.subregionCode);
}

/**
 * A seutukunta or kunta that lies outside every listed maakunta, with memberships as on
 * the project's start date (Kuhmoinen: Keski-Suomi until 31.12.2020, Pirkanmaa from
 * 1.1.2021). Names that do not resolve are left to unknown-subregion / unknown-municipality,
 * and the check is skipped while a listed maakunta is unknown (unknown-region) or none is
 * listed. Without a valid start date, a kunta is a mismatch only if it was never in a
 * listed maakunta. Fix (not automatic): add the maakunta to `Maakunnat`.
 *
 * Also a kunta in a listed maakunta (or with no maakunta listed) but outside every
 * listed seutukunta, when seutukunnat of its maakunta are listed (memberships on the
 * start date; without one, only if that held in every period of the kunta). Fix (not
 * automatic): add its seutukunta to `Seutukunnat`. Places of Ahvenanmaa, outside the
 * programme, are region-outside-programme's.
 */
export const geographyMismatch: Rule = {
  id: 'geography-mismatch',
  category: 'geography',
  defaultSeverity: 'warning',
  fixable: 'unsafe',
  needs: { places: 'inconsistent' },
  description: t(
    'Seutukunta tai kunta ei kuulu mihinkään luetelluista maakunnista, tai kunta ei kuulu mihinkään maakuntansa luetelluista seutukunnista.',
    'A sub-region or municipality outside every listed region (maakunta), or a municipality outside every listed sub-region of its region.',
  ),
  check({ facts }) {
    const date = judgeDate(facts);
    const out: RuleFinding[] = [];
    const regionsField = facts.field('regions');
    const listed = regionReadings(facts);
    const subregionsField = facts.field('subregions');
    const kunnat = kuntaReadings(facts);
    const listedSub = subregionReadings(facts);
    const subregions = listedSubregions(listedSub);
    if (!regionsField || listed.length === 0 || listed.some((r) => r.region === undefined)) {
      if (subregions) out.push(...subregionFindings(kunnat, subregionsField!, subregions, date));
      return out;
    }
    const codes = new Set(listed.map((r) => r.region!.code));

    for (const { item, subregion: s } of listedSub) {
      if (!s || codes.has(s.regionCode) || isRegionOutsideProgramme(s.regionCode)) continue;
      out.push({
        range: item.range,
        message: t(
          `Seutukunta "${item.text}" kuuluu maakuntaan ${s.region}, jota ei ole lueteltu kohdassa Maakunnat.`,
          `Sub-region "${item.text}" belongs to ${s.region}, which is not among the listed regions (Maakunnat).`,
        ),
        fixes: [addRegionFix(regionsField, s.region)],
      });
    }

    const reported = new Set<KuntaReading>();
    for (const k of kunnat) {
      const { item, history } = k;
      if (k.outside) continue;
      if (date) {
        const p = k.period;
        if (!p || codes.has(p.regionCode)) continue;
        reported.add(k);
        // Was it in a listed maakunta at another time? Say so: the membership changed.
        const other = history.find((h) => codes.has(h.regionCode));
        const when =
          other?.validUntil !== undefined && other.validUntil < date
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
        if (!k.period || history.some((h) => codes.has(h.regionCode))) continue;
        reported.add(k);
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
    // A kunta outside every listed maakunta has its finding already.
    if (subregions)
      out.push(
        ...subregionFindings(
          kunnat.filter((k) => !reported.has(k)),
          subregionsField!,
          subregions,
          date,
        ),
      );
    return out;
  },
};

/** Kunnat outside every listed seutukunta, where seutukunnat of their maakunta are listed. */
function subregionFindings(kunnat: readonly KuntaReading[], subregionsField: FieldNode, subregions: readonly Subregion[], date: string | undefined): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const { item, history, period, outside } of kunnat) {
    if (!period || outside) continue;
    let p: MunicipalityPeriod;
    if (date) {
      p = period;
      if (!outsideListedSubregions(p, subregions)) continue;
    } else {
      if (!history.every((h) => outsideListedSubregions(h, subregions))) continue;
      p = history[history.length - 1];
    }
    const on = date ? { fi: ` hankkeen alkaessa ${formatIsoDate(date)}`, en: ` on the start date ${formatIsoDate(date)}` } : { fi: '', en: '' };
    out.push({
      range: item.range,
      message: t(
        `Kunta ${p.name} kuului${on.fi} seutukuntaan ${p.subregionGenitive}, jota ei ole lueteltu kohdassa Seutukunnat, vaikka maakunnan ${p.region} seutukuntia on lueteltu.`,
        `${p.name} belonged${on.en} to the sub-region ${p.subregionGenitive}, which is not among the listed sub-regions (Seutukunnat), although sub-regions of ${p.region} are listed.`,
      ),
      fixes: [addSubregionFix(subregionsField, p.subregionGenitive)],
    });
  }
  return out;
}
