// Hovers of section 6: each region, sub-region and municipality listed (membership on
// the project's dates, later changes) and the section's summary.
import type { Facts } from '../facts';
import { findMunicipality, findRegion, findSubregion, municipalitiesOn, municipalityHistory, type MunicipalityPeriod, subregionsOn } from '../reference';
import { formatDate, formatIsoDate, type ListItem, listItemsOf, nextIsoDay } from '../values';
import { join, md, type Tr } from './format';

/** The day the section 6 hovers read memberships on: the start date, and its words ("On the start date 1.8.2018", or "Currently" without one). */
function when(facts: Facts, tr: Tr): { date: string | undefined; on: string | undefined; at: string } {
  const date = facts.start?.iso;
  const on = date ? formatDate(facts.start!) : undefined;
  return { date, on, at: on ? tr(`Hankkeen alkaessa ${on}`, `On the start date ${on}`) : tr('Nykyään', 'Currently') };
}

function membership(p: MunicipalityPeriod, tr: Tr): string {
  return tr(`${md(p.subregionGenitive)} seutukunta, maakunta ${md(p.region)}`, `sub-region ${md(p.subregion)}, region ${md(p.region)}`);
}

/** What happened to a kunta after `date` (moves between sub-regions or regions, merger). */
function changesSince(name: string, date: string | undefined, tr: Tr): string[] {
  const history = municipalityHistory(name);
  const out: string[] = [];
  for (let i = 0; i < history.length; i++) {
    const p = history[i];
    const prev = history[i - 1];
    if (prev && p.validFrom && (!date || p.validFrom > date)) {
      const what =
        p.region !== prev.region
          ? tr(`siirtyi maakuntaan ${md(p.region)} (${md(p.subregionGenitive)} seutukunta)`, `moved to region ${md(p.region)} (sub-region ${md(p.subregion)})`)
          : tr(`siirtyi seutukuntaan ${md(p.subregionGenitive)}`, `moved to sub-region ${md(p.subregion)}`);
      out.push(`${formatIsoDate(p.validFrom)}: ${what}`);
    }
    if (p.mergedInto && p.validUntil && (!date || p.validUntil >= date)) {
      out.push(`${formatIsoDate(nextIsoDay(p.validUntil))}: ${tr(`liitettiin kuntaan ${md(p.mergedInto)}`, `merged into ${md(p.mergedInto)}`)}`);
    }
  }
  return out;
}

export function municipalityHover(name: string, facts: Facts, listedRegions: readonly string[], tr: Tr): string {
  const { date, on, at } = when(facts, tr);
  const p = findMunicipality(name, date);
  const head = `**${md(name)}** (${tr('kunta', 'municipality')})`;
  if (!p) {
    const history = municipalityHistory(name);
    if (history.length === 0) return join(head, `✗ ${tr('Tuntematon kunta.', 'Unknown municipality.')}`);
    const last = history[history.length - 1];
    const span = [
      last.validFrom ? tr(`alkaen ${formatIsoDate(last.validFrom)}`, `from ${formatIsoDate(last.validFrom)}`) : '',
      last.validUntil ? tr(`${formatIsoDate(last.validUntil)} asti`, `until ${formatIsoDate(last.validUntil)}`) : '',
    ]
      .filter(Boolean)
      .join(', ');
    return join(
      head,
      `✗ ${tr(`Kuntaa ei ollut hankkeen alkaessa ${on}.`, `The municipality did not exist on the start date ${on}.`)} ${span ? `(${span})` : ''}`,
      changesSince(name, undefined, tr)
        .map((c) => `- ${c}`)
        .join('\n'),
    );
  }
  const lines = [head, `${at}: ${membership(p, tr)}.`];
  if (p.name !== name) lines.push(tr(`Virallinen nimi: ${md(p.name)}.`, `Official name: ${md(p.name)}.`));
  if (listedRegions.length && !listedRegions.includes(p.region)) {
    lines.push(`⚠️ ${tr(`${md(p.region)} ei ole lueteltu maakunnissa.`, `${md(p.region)} is not among the listed regions.`)}`);
  }
  const changes = changesSince(p.name, date, tr);
  lines.push(changes.length ? `${tr('Muutokset sen jälkeen', 'Changes since')}:\n${changes.map((c) => `- ${c}`).join('\n')}` : tr('Ei muutoksia sen jälkeen.', 'No changes since.'));
  return join(...lines);
}

export function subregionHover(genitive: string, facts: Facts, listedMunicipalities: readonly string[], tr: Tr): string {
  const { date, on, at } = when(facts, tr);
  const s = findSubregion(genitive, date);
  const head = `**${md(genitive)}** (${tr('seutukunta', 'sub-region')})`;
  if (!s) {
    const ever = findSubregion(genitive);
    if (!ever) return join(head, `✗ ${tr('Tuntematon seutukunta (nimi kirjoitetaan genetiivissä, esim. "Jyväskylän").', 'Unknown sub-region (written in the genitive, e.g. "Jyväskylän").')}`);
    return join(head, `✗ ${tr(`Seutukuntaa ei ollut hankkeen alkaessa ${on}.`, `The sub-region did not exist on the start date ${on}.`)}`);
  }
  const members = municipalitiesOn(date).filter((m) => m.subregionCode === s.code);
  const listed = new Set(listedMunicipalities.map((n) => findMunicipality(n, date)?.code).filter(Boolean));
  const names = members.map((m) => (listed.has(m.code) ? `**${md(m.name)}**` : md(m.name))).join(', ');
  const lines = [
    head,
    `${at}: ${tr(`${md(s.name)} (${md(s.genitive)} seutukunta), maakunta ${md(s.region)}`, `sub-region ${md(s.name)} (written ${md(s.genitive)}), region ${md(s.region)}`)}.`,
    `${tr('Kunnat', 'Municipalities')} (${members.length}): ${names}`,
  ];
  if (s.validUntil) lines.push(tr(`Seutukunta lakkasi ${formatIsoDate(nextIsoDay(s.validUntil))}.`, `The sub-region ceased to exist on ${formatIsoDate(nextIsoDay(s.validUntil))}.`));
  const moved = members.flatMap((m) => changesSince(m.name, date, tr).map((c) => `- ${md(m.name)} ${c}`));
  if (moved.length) lines.push(`${tr('Muutokset sen jälkeen', 'Changes since')}:\n${moved.join('\n')}`);
  return join(...lines);
}

export function regionHover(name: string, facts: Facts, tr: Tr): string {
  const { date, at } = when(facts, tr);
  const r = findRegion(name);
  const head = `**${md(name)}** (${tr('maakunta', 'region')})`;
  if (!r) return join(head, `✗ ${tr('Tuntematon maakunta.', 'Unknown region.')}`);
  const subs = subregionsOn(date).filter((s) => s.regionCode === r.code);
  const munis = municipalitiesOn(date).filter((m) => m.regionCode === r.code);
  const lines = [head];
  if (r.name !== name) lines.push(tr(`Virallinen nimi: ${md(r.name)}.`, `Official name: ${md(r.name)}.`));
  lines.push(`${at}: ${tr(`${subs.length} seutukuntaa, ${munis.length} kuntaa`, `${subs.length} sub-regions, ${munis.length} municipalities`)}.`);
  lines.push(`${tr('Seutukunnat', 'Sub-regions')}: ${subs.map((s) => md(s.genitive)).join(', ')}`);
  // Kunnat that joined or left the region after the start date.
  const changes: string[] = [];
  for (const m of municipalitiesOn()) {
    const h = municipalityHistory(m.name);
    for (let i = 1; i < h.length; i++) {
      const p = h[i];
      const prev = h[i - 1];
      if (!p.validFrom || (date && p.validFrom <= date) || p.region === prev.region) continue;
      if (prev.regionCode === r.code) changes.push(`- ${formatIsoDate(p.validFrom)}: ${tr(`${md(p.name)} siirtyi maakuntaan ${md(p.region)}`, `${md(p.name)} moved to ${md(p.region)}`)}`);
      if (p.regionCode === r.code) changes.push(`- ${formatIsoDate(p.validFrom)}: ${tr(`${md(p.name)} siirtyi maakunnasta ${md(prev.region)}`, `${md(p.name)} moved here from ${md(prev.region)}`)}`);
    }
  }
  for (const m of munis) {
    const merge = changesSince(m.name, date, tr).filter((c) => /liitettiin|merged/.test(c));
    for (const c of merge) changes.push(`- ${md(m.name)} ${c}`);
  }
  lines.push(changes.length ? `${tr('Muutokset sen jälkeen', 'Changes since')}:\n${changes.join('\n')}` : tr('Ei kuntien siirtoja sen jälkeen.', 'No municipality moves since.'));
  return join(...lines);
}

export function listOf(facts: Facts, key: string): ListItem[] {
  return listItemsOf(facts.field(key));
}

export function listedRegionNames(facts: Facts): string[] {
  return listOf(facts, 'regions')
    .map((i) => findRegion(i.text)?.name)
    .filter((n): n is string => !!n);
}

export function geographySummary(facts: Facts, tr: Tr): string {
  const { date, on } = when(facts, tr);
  const regions = listOf(facts, 'regions');
  const subregions = listOf(facts, 'subregions');
  const munis = listOf(facts, 'municipalities');
  const regionNames = listedRegionNames(facts);
  const parts: string[] = [
    on ? tr(`Jäsenyydet hankkeen alkaessa ${on}.`, `Memberships on the start date ${on}.`) : tr('Alkamispäivä puuttuu: jäsenyydet nykytilan mukaan.', 'No start date: memberships as they are now.'),
  ];
  parts.push(`**${tr('Maakunnat', 'Regions')}:** ${regions.length ? regions.map((r) => (findRegion(r.text) ? md(r.text) : `${md(r.text)} ✗`)).join(', ') : '–'}`);
  if (subregions.length) {
    const rows = subregions.map((i) => {
      const s = findSubregion(i.text, date);
      const outside = s && regionNames.length && !regionNames.includes(s.region) ? ' ⚠️' : '';
      const note = s?.validUntil ? tr(`lakkasi ${formatIsoDate(nextIsoDay(s.validUntil))}`, `ceased ${formatIsoDate(nextIsoDay(s.validUntil))}`) : '';
      return `| ${md(i.text)} | ${s ? md(s.region) + outside : `✗ ${tr('tuntematon', 'unknown')}`} | ${note} |`;
    });
    parts.push([`| ${tr('Seutukunta', 'Sub-region')} | ${tr('Maakunta', 'Region')} | ${tr('Muutokset', 'Changes')} |`, '|---|---|---|', ...rows].join('\n'));
  }
  if (munis.length) {
    const rows = munis.map((i) => {
      const p = findMunicipality(i.text, date);
      if (!p) return `| ${md(i.text)} | ✗ ${tr('ei ollut olemassa', 'did not exist')} | | |`;
      const outside = regionNames.length && !regionNames.includes(p.region) ? ' ⚠️' : '';
      return `| ${md(i.text)} | ${md(p.subregionGenitive)} | ${md(p.region)}${outside} | ${changesSince(p.name, date, tr).join('; ')} |`;
    });
    parts.push(
      [`| ${tr('Kunta', 'Municipality')} | ${tr('Seutukunta', 'Sub-region')} | ${tr('Maakunta', 'Region')} | ${tr('Muutokset sen jälkeen', 'Changes since')} |`, '|---|---|---|---|', ...rows].join(
        '\n',
      ),
    );
  }
  return join(...parts);
}
