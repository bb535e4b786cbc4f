import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  APPLICANT_COUNT_OPTIONS,
  AUTHORITIES,
  AUTHORITY_INFO,
  AXES,
  ORGANISATION_TYPES,
  STATUS_VALUES,
  closestChoice,
  findAuthority,
  findAxis,
  findMunicipality,
  findObjective,
  findRegion,
  findSubregion,
  fundIncludes,
  isKnownValue,
  isOfficialName,
  isRegionOutsideProgramme,
  meantStatus,
  municipalitiesOn,
  municipalityHistory,
  nearMissOf,
  regionsOn,
  shortenedStatus,
  subregionsOn,
  suggestMunicipality,
  suggestRegion,
  suggestSubregion,
} from '../../server/src/core/reference';

const repoRoot = resolve(__dirname, '../..');

function splitList(v: string): string[] {
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// Section 1 and 6 of the five published examples (examples/), as written there.
const EXAMPLES = [
  {
    file: '000_fd82c0a4482b2871.txt',
    start: '2018-08-01',
    axis: '5. Sosiaalinen osallisuus ja köyhyyden torjunta',
    objective: '10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen',
    authority: 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus',
    organisationType: 'Valtion viranomainen',
    regions: 'Keski-Suomi',
    subregions: 'Joutsan, Jämsän, Saarijärven-Viitasaaren, Jyväskylän, Keuruun, Äänekosken',
    municipalities:
      'Kuhmoinen, Kinnula, Kyyjärvi, Uurainen, Joutsa, Keuruu, Saarijärvi, Petäjävesi, Äänekoski, Karstula, Kannonkoski, Hankasalmi, Pihtipudas, Jyväskylä, Viitasaari, Multia, Jämsä, Toivakka, Muurame, Laukaa, Luhanka, Konnevesi, Kivijärvi',
  },
  {
    file: '001_c147123f3233b9d8.txt',
    start: '2015-03-01',
    axis: '3. Työllisyys ja työvoiman liikkuvuus',
    objective: '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen',
    authority: 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus',
    organisationType: 'Kunta',
    regions: 'Keski-Suomi',
    subregions: 'Jyväskylän, Äänekosken',
    municipalities: 'Äänekoski, Laukaa, Konnevesi',
  },
  {
    file: '002_c7f847b1d9114a65.txt',
    start: '2019-01-02',
    axis: '3. Työllisyys ja työvoiman liikkuvuus',
    objective: '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen',
    authority: 'Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus',
    organisationType: 'Valtion viranomainen',
    regions: 'Pohjois-Karjala',
    subregions: 'Joensuun, Keski-Karjalan, Pielisen Karjalan',
    municipalities: 'Lieksa, Polvijärvi, Joensuu, Outokumpu, Tohmajärvi, Kontiolahti, Liperi, Nurmes, Rääkkylä, Kitee, Ilomantsi, Juuka',
  },
  {
    file: '003_7c242a97482f2b72.txt',
    start: '2020-02-01',
    axis: '3. Työllisyys ja työvoiman liikkuvuus',
    objective: '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen',
    authority: 'Hämeen elinkeino-, liikenne- ja ympäristökeskus',
    organisationType: 'Kunta',
    regions: 'Kanta-Häme',
    subregions: 'Hämeenlinnan',
    municipalities: 'Hämeenlinna, Hattula, Janakkala',
  },
  {
    file: '004_c6454f714b590c05.txt',
    start: '2021-04-01',
    axis: '3. Työllisyys ja työvoiman liikkuvuus',
    objective: '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen',
    authority: 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus',
    organisationType: 'Kunta',
    regions: 'Keski-Suomi',
    subregions: 'Jyväskylän',
    municipalities: 'Jyväskylä',
  },
] as const;

/** '5. Name' → [5, 'Name']; '10.1. Name' → ['10.1', 'Name']. */
function splitNumbered(v: string): [string, string] {
  const m = /^(\d+(?:\.\d+)?)\.\s+(.*)$/.exec(v);
  if (!m) throw new Error(`not numbered: ${v}`);
  return [m[1], m[2]];
}

describe('examples', () => {
  const examplesDir = join(repoRoot, 'examples');
  it('the table above matches examples/', () => {
    expect(
      readdirSync(examplesDir)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    ).toEqual(EXAMPLES.map((e) => e.file));
    for (const e of EXAMPLES) {
      const text = readFileSync(join(examplesDir, e.file), 'utf8');
      const field = (label: string) => new RegExp(`^${label}: (.*)$`, 'm').exec(text)?.[1]?.trim();
      expect(field('Toimintalinja')).toBe(e.axis);
      expect(field('Erityistavoite')).toBe(e.objective);
      expect(field('Vastuuviranomainen')).toBe(e.authority);
      expect(field('Organisaatiotyyppi')).toBe(e.organisationType);
      expect(field('Maakunnat')).toBe(e.regions);
      expect(field('Seutukunnat')).toBe(e.subregions);
      expect(field('Kunnat')).toBe(e.municipalities);
      const [d, m, y] = (/Alkaa (\d+)\.(\d+)\.(\d{4})/.exec(text) ?? []).slice(1).map(Number);
      expect(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).toBe(e.start);
    }
  });

  for (const e of EXAMPLES) {
    describe(e.file, () => {
      it('every Maakunnat/Seutukunnat/Kunnat value resolves on the start date and is consistent', () => {
        const regions = splitList(e.regions).map((n) => findRegion(n));
        expect(regions.every((r) => r !== undefined)).toBe(true);
        const regionNames = new Set(regions.map((r) => r!.name));

        const subregions = splitList(e.subregions).map((n) => [n, findSubregion(n, e.start)] as const);
        for (const [n, s] of subregions) {
          expect(s, n).toBeDefined();
          expect(s!.genitive).toBe(n);
          expect(regionNames.has(s!.region), `${n} in ${s!.region}`).toBe(true);
        }
        const subregionGenitives = new Set(subregions.map(([, s]) => s!.genitive));

        for (const n of splitList(e.municipalities)) {
          const p = findMunicipality(n, e.start);
          expect(p, n).toBeDefined();
          expect(p!.name).toBe(n);
          expect(subregionGenitives.has(p!.subregionGenitive), `${n} in ${p!.subregionGenitive}`).toBe(true);
          expect(regionNames.has(p!.region), `${n} in ${p!.region}`).toBe(true);
        }
      });

      it('axis, objective and their names are in the programme, and the objective belongs to the axis', () => {
        const [axisNo, axisName] = splitNumbered(e.axis);
        const [objCode, objName] = splitNumbered(e.objective);
        const axis = findAxis(Number(axisNo));
        const objective = findObjective(objCode);
        expect(axis).toBeDefined();
        expect(objective).toBeDefined();
        expect(objective!.axis).toBe(axis!.number);
        expect(axis!.objectives).toContain(objective);
        expect(isOfficialName(axis!.name, axis!.variants, axisName)).toBe(true);
        expect(isOfficialName(objective!.name, objective!.variants, objName)).toBe(true);
        expect(axis!.fund).toBe('ESR');
      });

      it('Vastuuviranomainen and Organisaatiotyyppi are known values', () => {
        expect(isKnownValue(AUTHORITIES, e.authority)).toBe(true);
        expect(isKnownValue(ORGANISATION_TYPES, e.organisationType)).toBe(true);
        expect(nearMissOf(AUTHORITIES, e.authority)).toBeUndefined();
      });
    });
  }
});

describe('programme', () => {
  it('has numbered axes 1–9 and unique objective codes', () => {
    expect(AXES.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const codes = AXES.flatMap((a) => a.objectives.map((o) => o.code));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(['1.1', '2.1', '3.1', '3.2', '4.1', '5.1', '6.1', '7.1', '8.1', '9.1', '9.2', '10.1', '12.1', '12.2', '12.3', '12.4']);
  });

  it('axis 3 holds 6.1, 7.1, 8.1; axis 5 holds 10.1', () => {
    expect(findAxis(3)!.name).toBe('Työllisyys ja työvoiman liikkuvuus');
    expect(findAxis(3)!.objectives.map((o) => o.code)).toEqual(['6.1', '7.1', '8.1']);
    expect(findAxis(5)!.name).toBe('Sosiaalinen osallisuus ja köyhyyden torjunta');
    expect(findAxis(5)!.objectives.map((o) => o.code)).toEqual(['10.1']);
  });

  it('10.1 is not under axis 3', () => {
    expect(findObjective('10.1')!.axis).toBe(5);
    expect(findAxis(3)!.objectives.some((o) => o.code === '10.1')).toBe(false);
    expect(findObjective('6.1')!.axis).toBe(3);
  });

  it('unknown axis numbers and objective codes give undefined', () => {
    expect(findAxis(0)).toBeUndefined();
    expect(findAxis(10)).toBeUndefined();
    expect(findObjective('11.1')).toBeUndefined();
    expect(findObjective('10')).toBeUndefined();
  });

  it('findObjective accepts the published "10.1." form', () => {
    expect(findObjective('10.1.')!.code).toBe('10.1');
    expect(findObjective(' 6.1 ')!.code).toBe('6.1');
  });

  it('REACT-EU axes and uncertain items', () => {
    expect(findAxis(9)!.objectives.map((o) => o.code)).toEqual(['12.3', '12.4']);
    expect(findAxis(9)!.fund).toBe('ESR');
    expect(findAxis(8)!.fund).toBe('EAKR');
    expect(findAxis(6)!.uncertain).toBe(true);
    expect(findAxis(6)!.objectives).toEqual([]);
    expect(findObjective('3.1')!.uncertain).toBe(true);
    expect(findObjective('6.1')!.uncertain).toBe(false);
    expect(findObjective('6.1')!.verified).toBe('eura');
  });

  it('isOfficialName: official name or a listed variant, folded; nothing else', () => {
    const o91 = findObjective('9.1')!;
    expect(isOfficialName(o91.name, o91.variants, 'Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden parantaminen')).toBe(true);
    expect(isOfficialName(o91.name, o91.variants, 'Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palvelujen parantaminen')).toBe(true);
    expect(isOfficialName(o91.name, o91.variants, 'siirtymävaiheita  ja koulutuksellista tasa–arvoa tukevien palveluiden parantaminen')).toBe(true);
    expect(isOfficialName(o91.name, o91.variants, 'Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden kehittäminen')).toBe(false);
    const a3 = findAxis(3)!;
    expect(isOfficialName(a3.name, a3.variants, 'Työllisyys ja työvoiman liikkuvuus')).toBe(true);
    expect(isOfficialName(a3.name, a3.variants, 'Työllisyys ja työvoiman liikuvuus')).toBe(false);
    // 10.1's name is not 6.1's
    const o61 = findObjective('6.1')!;
    expect(isOfficialName(o61.name, o61.variants, findObjective('10.1')!.name)).toBe(false);
  });
});

describe('geography: boundaries', () => {
  it('Kuhmoinen moved from Keski-Suomi/Jämsä to Pirkanmaa/Tampere on 2021-01-01', () => {
    const before = findMunicipality('Kuhmoinen', '2020-12-31')!;
    expect(before.region).toBe('Keski-Suomi');
    expect(before.subregion).toBe('Jämsä');
    expect(before.subregionGenitive).toBe('Jämsän');
    const after = findMunicipality('Kuhmoinen', '2021-01-01')!;
    expect(after.region).toBe('Pirkanmaa');
    expect(after.subregion).toBe('Tampere');
    expect(after.subregionGenitive).toBe('Tampereen');
    expect(findMunicipality('Kuhmoinen', '2018-08-01')!.region).toBe('Keski-Suomi');
    expect(findMunicipality('Kuhmoinen')!.region).toBe('Pirkanmaa');
    const history = municipalityHistory('kuhmoinen');
    expect(history.map((p) => [p.region, p.validFrom, p.validUntil])).toEqual([
      ['Keski-Suomi', undefined, '2020-12-31'],
      ['Pirkanmaa', '2021-01-01', undefined],
    ]);
    expect(history.every((p) => p.code === '291' && p.nameSv === 'Kuhmois')).toBe(true);
  });

  it('Valtimo existed until 2019-12-31, then was merged into Nurmes', () => {
    const last = findMunicipality('Valtimo', '2019-12-31')!;
    expect(last.subregionGenitive).toBe('Pielisen Karjalan');
    expect(last.region).toBe('Pohjois-Karjala');
    expect(findMunicipality('Valtimo', '2020-01-01')).toBeUndefined();
    expect(findMunicipality('Valtimo', '2019-01-02')).toBeDefined();
    expect(findMunicipality('Valtimo')!.mergedInto).toBe('Nurmes');
    expect(municipalityHistory('Valtimo')).toHaveLength(1);
    expect(municipalityHistory('Valtimo')[0].validUntil).toBe('2019-12-31');
    expect(findMunicipality('Nurmes', '2020-01-01')).toBeDefined();
    expect(suggestMunicipality('Valtimo', '2020-01-01')).toBeUndefined();
    expect(suggestMunicipality('Valtimo', '2019-12-31')).toBe('Valtimo');
  });

  it('Juankoski existed until 2016-12-31, then was merged into Kuopio', () => {
    expect(findMunicipality('Juankoski', '2016-12-31')!.subregion).toBe('Koillis-Savo');
    expect(findMunicipality('Juankoski', '2017-01-01')).toBeUndefined();
    expect(findMunicipality('Juankoski', '2015-03-01')!.region).toBe('Pohjois-Savo');
    expect(municipalityHistory('Juankoski').at(-1)!.mergedInto).toBe('Kuopio');
  });

  it('other changes: Vaala 2016, Honkajoki 2020, Heinävesi and Iitti 2021', () => {
    expect(findMunicipality('Vaala', '2015-12-31')!.region).toBe('Kainuu');
    expect(findMunicipality('Vaala', '2016-01-01')!.subregionGenitive).toBe('Oulunkaaren');
    expect(findMunicipality('Honkajoki', '2020-12-31')).toBeDefined();
    expect(findMunicipality('Honkajoki', '2021-01-01')).toBeUndefined();
    expect(findMunicipality('Heinävesi', '2020-12-31')!.region).toBe('Etelä-Savo');
    expect(findMunicipality('Heinävesi', '2021-01-01')!.region).toBe('Pohjois-Karjala');
    expect(findMunicipality('Iitti', '2021-01-01')!.region).toBe('Päijät-Häme');
  });

  it('Kyrönmaa sub-region ceased after 2020-12-31', () => {
    expect(findSubregion('Kyrönmaan', '2020-12-31')!.region).toBe('Pohjanmaa');
    expect(findSubregion('Kyrönmaan', '2021-01-01')).toBeUndefined();
    expect(findSubregion('Kyrönmaan')).toBeDefined();
    expect(subregionsOn('2020-12-31').some((s) => s.code === '151')).toBe(true);
    expect(subregionsOn('2021-01-01').some((s) => s.code === '151')).toBe(false);
  });

  it("lists for any day agree with every kunta's own history, on each day a membership changes and the days around it", () => {
    // The lists are remembered per stretch of time between changes: asking in any order,
    // on the edge days, must give what the periods themselves say.
    const all = municipalitiesOn();
    const edges = new Set<string>();
    for (const m of all) for (const p of municipalityHistory(m.name)) for (const d of [p.validFrom, p.validUntil]) if (d) edges.add(d);
    const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const days = [...edges].flatMap((d) => [shift(d, -1), d, shift(d, 1)]).reverse();
    expect(days.length).toBeGreaterThan(6);
    for (const day of days) {
      const expected = all
        .map((m) => municipalityHistory(m.name).find((p) => (!p.validFrom || p.validFrom <= day) && (!p.validUntil || day <= p.validUntil)))
        .filter((p) => p !== undefined)
        .map((p) => `${p.code}:${p.subregionCode}`)
        .sort();
      expect(
        municipalitiesOn(day)
          .map((p) => `${p.code}:${p.subregionCode}`)
          .sort(),
        day,
      ).toEqual(expected);
      expect(
        subregionsOn(day).every((s) => !s.validUntil || day <= s.validUntil),
        day,
      ).toBe(true);
    }
  });

  it('counts per 1 January match Statistics Finland', () => {
    const counts = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((y) => municipalitiesOn(`${y}-01-01`).length);
    expect(counts).toEqual([320, 320, 317, 313, 311, 311, 311, 310, 309, 309, 309, 309]);
    expect(municipalitiesOn().length).toBe(320);
    expect(subregionsOn('2020-01-01').length).toBe(70);
    expect(subregionsOn('2021-01-01').length).toBe(69);
    expect(regionsOn('2021-01-01').length).toBe(19);
    expect(regionsOn().map((r) => r.name)).toContain('Ahvenanmaa');
  });

  it('every kunta on a date lies in a sub-region valid that day', () => {
    for (const date of ['2014-01-01', '2018-08-01', '2020-12-31', '2021-01-01', '2023-12-31']) {
      const subs = new Set(subregionsOn(date).map((s) => s.genitive));
      for (const p of municipalitiesOn(date)) expect(subs.has(p.subregionGenitive), `${p.name} ${date}`).toBe(true);
    }
  });
});

describe('geography: names and aliases', () => {
  it('matches case-insensitively with ä/ö/å', () => {
    expect(findMunicipality('JYVÄSKYLÄ', '2019-01-01')!.name).toBe('Jyväskylä');
    expect(findMunicipality('  äänekoski ')!.code).toBe('992');
    expect(findRegion('keski-suomi')!.code).toBe('13');
    expect(findSubregion('SAARIJÄRVEN-VIITASAAREN', '2018-08-01')!.name).toBe('Saarijärvi-Viitasaari');
    expect(findMunicipality('Brändö')!.region).toBe('Ahvenanmaa');
  });

  it('region alias and Swedish names', () => {
    expect(findRegion('Ahvenanmaa - Åland')!.name).toBe('Ahvenanmaa');
    expect(findRegion('Ahvenanmaa')!.nameSv).toBe('Åland');
    expect(findRegion('Mellersta Finland')!.name).toBe('Keski-Suomi');
    expect(findRegion('Keski-Suomen')).toBeUndefined();
  });

  it('sub-region genitive quirks and aliases', () => {
    expect(findSubregion('Pielisen Karjalan', '2019-01-02')!.code).toBe('125');
    expect(findSubregion('Pielisen-Karjalan', '2019-01-02')!.genitive).toBe('Pielisen Karjalan');
    expect(findSubregion('Saarijärvi-Viitasaaren')!.genitive).toBe('Saarijärven-Viitasaaren');
    expect(findSubregion('Kotkan–Haminan')!.genitive).toBe('Kotka-Haminan');
    expect(findSubregion('Kotkan-Haminan')!.genitive).toBe('Kotka-Haminan');
    expect(findSubregion('Nivala–Haapajärven')!.genitive).toBe('Nivala-Haapajärven');
    expect(findSubregion('Turunmaan')!.genitive).toBe('Åboland-Turunmaan');
    expect(findSubregion('Pietarsaaren')!.genitive).toBe('Jakobstadsregionen');
    expect(findSubregion('Kyrönmaa', '2020-01-01')!.genitive).toBe('Kyrönmaan');
    expect(findSubregion('Kyrönmaa', '2021-01-01')).toBeUndefined();
    // the nominative is not the EURA form
    expect(findSubregion('Jyväskylä')).toBeUndefined();
  });

  it('municipality aliases and Swedish names', () => {
    expect(findMunicipality('Pedersöre', '2019-01-01')!.name).toBe('Pedersören kunta');
    expect(findMunicipality('Maarianhamina - Mariehamn')!.name).toBe('Maarianhamina');
    expect(findMunicipality('Mariehamn')!.name).toBe('Maarianhamina');
    expect(findMunicipality('Esbo', '2019-01-01')!.name).toBe('Espoo');
    expect(findMunicipality('Kuhmois', '2021-06-01')!.region).toBe('Pirkanmaa');
    expect(municipalityHistory('Pedersöre')[0].code).toBe('599');
  });

  it('unknown names give undefined / empty', () => {
    expect(findMunicipality('Tukholma')).toBeUndefined();
    expect(findRegion('Itä-Suomi')).toBeUndefined();
    expect(findSubregion('Tukholman')).toBeUndefined();
    expect(municipalityHistory('Tukholma')).toEqual([]);
  });
});

describe('geography: suggestions', () => {
  it('suggests the closest real name for typos', () => {
    expect(suggestMunicipality('Jyväskyä', '2018-08-01')).toBe('Jyväskylä');
    expect(suggestMunicipality('Jyvaskyla')).toBe('Jyväskylä');
    expect(suggestMunicipality('Äänekosi', '2015-03-01')).toBe('Äänekoski');
    expect(suggestMunicipality('Hämenlinna', '2020-02-01')).toBe('Hämeenlinna');
    expect(suggestRegion('Keski-Suomii')).toBe('Keski-Suomi');
    expect(suggestRegion('Pohjois-Karjla')).toBe('Pohjois-Karjala');
    expect(suggestRegion('Ahvenanmaa - Aland')).toBe('Ahvenanmaa');
    expect(suggestSubregion('Jyväskylän', '2018-08-01')).toBe('Jyväskylän');
    expect(suggestSubregion('Jyväskylä', '2018-08-01')).toBe('Jyväskylän');
    expect(suggestSubregion('Kuusiokunnat', '2018-08-01')).toBe('Kuusiokuntien');
    expect(suggestSubregion('Pielisen Karjala', '2019-01-02')).toBe('Pielisen Karjalan');
    expect(suggestSubregion('Saarijärven-Viitasaaaren', '2019-01-02')).toBe('Saarijärven-Viitasaaren');
    expect(suggestSubregion('Äänekosen')).toBe('Äänekosken');
  });

  it('recognises names typed without ä/ö/å', () => {
    expect(suggestMunicipality('Jyvaskyla', '2018-08-01')).toBe('Jyväskylä');
    expect(suggestMunicipality('Aanekoski', '2015-03-01')).toBe('Äänekoski');
    expect(suggestMunicipality('Brando')).toBe('Brändö');
    expect(suggestRegion('Paijat-Hame')).toBe('Päijät-Häme');
    expect(suggestSubregion('Aanekosken', '2015-03-01')).toBe('Äänekosken');
    expect(nearMissOf(STATUS_VALUES, 'Toiminta paattynyt')).toBe('Toiminta päättynyt');
    // but a/ä still differ for lookups
    expect(findMunicipality('Jyvaskyla')).toBeUndefined();
  });

  it('suggests only names valid on the date', () => {
    expect(suggestSubregion('Kyrönmaan', '2021-01-01')).toBeUndefined();
    expect(suggestSubregion('Kyrönmaann', '2020-06-01')).toBe('Kyrönmaan');
    expect(suggestMunicipality('Juankoskii', '2016-06-01')).toBe('Juankoski');
    expect(suggestMunicipality('Juankoskii', '2017-06-01')).toBeUndefined();
  });

  it('names far from everything give no suggestion', () => {
    expect(suggestMunicipality('Tukholma', '2018-08-01')).toBeUndefined();
    expect(suggestMunicipality('Qwertyuiop')).toBeUndefined();
    expect(suggestRegion('Itä-Suomi')).toBeUndefined();
    expect(suggestRegion('Skandinavia')).toBeUndefined();
    expect(suggestSubregion('Tukholman', '2018-08-01')).toBeUndefined();
    expect(suggestSubregion('')).toBeUndefined();
  });
});

describe('values', () => {
  it('authorities: 15 ELY-keskukset, 2 ministries, 18 liitot', () => {
    expect(AUTHORITIES).toHaveLength(35);
    expect(new Set(AUTHORITIES).size).toBe(35);
    expect(AUTHORITY_INFO.filter((a) => a.kind === 'ely')).toHaveLength(15);
    expect(AUTHORITIES).toContain('Sosiaali- ja terveysministeriö');
    expect(AUTHORITIES).toContain('Uudenmaan liitto');
    expect(findAuthority('Keski-Suomen ELY-keskus')!.name).toBe('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    expect(findAuthority('hämeen elinkeino-, liikenne- ja ympäristökeskus')!.esrRegional).toBe(true);
    expect(findAuthority('Lapin liitto')!.region).toBe('Lappi');
  });

  it('near misses of open-list values, and silence for far or known values', () => {
    expect(nearMissOf(AUTHORITIES, 'Keski-Suomen elinkeino-, liikenne ja ympäristökeskus')).toBe('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    expect(nearMissOf(AUTHORITIES, 'Opetus- ja kulttuuriministeriö')).toBeUndefined();
    expect(nearMissOf(STATUS_VALUES, 'Toiminta päätynyt')).toBe('Toiminta päättynyt');
    expect(nearMissOf(STATUS_VALUES, 'toiminnassa')).toBeUndefined();
    expect(nearMissOf(ORGANISATION_TYPES, 'Kuntayhtmä')).toBe('Kuntayhtymä');
    expect(nearMissOf(ORGANISATION_TYPES, 'Rekisteröity yhdistys')).toBeUndefined();
  });

  it('applicant-count closed list', () => {
    expect(APPLICANT_COUNT_OPTIONS).toEqual([
      'Vain yksi hakija',
      'Hakijoita on useampi kuin yksi (yhteishanke)',
      'Hakija siirtää osan haettavasta tuesta yhdelle tai useammalle taholle hankkeen toteuttamista varten (tuen siirto)',
    ]);
    expect(isKnownValue(APPLICANT_COUNT_OPTIONS, 'vain yksi hakija')).toBe(true);
    expect(isKnownValue(APPLICANT_COUNT_OPTIONS, 'Yksi hakija')).toBe(false);
    expect(closestChoice(APPLICANT_COUNT_OPTIONS, 'Yksi hakija')).toBe('Vain yksi hakija');
    expect(closestChoice(APPLICANT_COUNT_OPTIONS, 'Hakijoita useampi (yhteishanke)')).toBe('Hakijoita on useampi kuin yksi (yhteishanke)');
    expect(STATUS_VALUES).toEqual(['Toiminta päättynyt', 'Toiminnassa']);
  });
});

describe('version-2 reference facts', () => {
  it('REACT-EU axes 8 and 9 are open from 1.2.2020 (added 4/2021); the others for the whole period', () => {
    expect(AXES.filter((a) => a.eligibleFrom).map((a) => [a.number, a.eligibleFrom, a.addedToProgramme])).toEqual([
      [8, '2020-02-01', '2021-04'],
      [9, '2020-02-01', '2021-04'],
    ]);
  });
  it('funds: axis and authority funds include a fund by its parts', () => {
    expect(AXES.filter((a) => fundIncludes(a.fund, 'ESR')).map((a) => a.number)).toEqual([3, 4, 5, 7, 9]);
    expect(AXES.filter((a) => fundIncludes(a.fund, 'EAKR')).map((a) => a.number)).toEqual([1, 2, 6, 8]);
    expect(fundIncludes('EAKR/ESR', 'ESR')).toBe(true);
    expect(fundIncludes('EAKR', 'ESR')).toBe(false);
  });
  it('Ahvenanmaa is the one maakunta outside the programme', () => {
    expect(
      regionsOn()
        .filter((r) => isRegionOutsideProgramme(r.code))
        .map((r) => r.name),
    ).toEqual(['Ahvenanmaa']);
  });
  it('authorities: the regions each decided on', () => {
    const regional = AUTHORITY_INFO.filter((a) => a.kind === 'ely' && a.regions.length > 0);
    expect(regional.map((a) => a.short)).toEqual(['Hämeen ELY-keskus', 'Etelä-Savon ELY-keskus', 'Keski-Suomen ELY-keskus', 'Pohjois-Pohjanmaan ELY-keskus']);
    expect(regional.every((a) => a.esrRegional)).toBe(true);
    // Each mainland maakunta but Varsinais-Suomi (unconfirmed) has exactly one regional ESR decision ELY.
    const mainland = regionsOn()
      .filter((r) => !isRegionOutsideProgramme(r.code))
      .map((r) => r.name);
    for (const r of mainland) expect(regional.filter((a) => a.regions.includes(r)).length, r).toBe(r === 'Varsinais-Suomi' ? 0 : 1);
    for (const l of AUTHORITY_INFO.filter((a) => a.kind === 'regional-council')) expect(l.regions).toEqual([l.region]);
  });
  it('statuses: shortened to the last word counts as the status; not a first word, not a typo', () => {
    expect(shortenedStatus('Päättynyt')).toBe('Toiminta päättynyt');
    expect(shortenedStatus('paattynyt.')).toBe('Toiminta päättynyt');
    expect(shortenedStatus('Toiminta päättynyt')).toBeUndefined();
    expect(shortenedStatus('Toiminta')).toBeUndefined();
    expect(meantStatus('toiminta päättynyt')).toBe('Toiminta päättynyt');
    expect(meantStatus('Päättynyt')).toBe('Toiminta päättynyt');
    expect(meantStatus('Toiminta päätynyt')).toBeUndefined();
    expect(meantStatus('Toiminnassa')).toBe('Toiminnassa');
  });
});

describe('generated data', () => {
  const dataDir = join(repoRoot, 'data');
  it('is up to date with data/ (node scripts/gen-data.mjs)', async () => {
    const script = pathToFileURL(join(repoRoot, 'scripts/gen-data.mjs')).href;
    const gen = (await import(/* @vite-ignore */ script)) as { generate(dir: string): [string, string][] };
    const out = gen.generate(dataDir);
    expect(out.map(([name]) => name).sort()).toEqual(['authorities.gen.ts', 'field-values.gen.ts', 'geography.gen.ts', 'programme.gen.ts']);
    for (const [name, text] of out) {
      expect(readFileSync(join(repoRoot, 'server/src/core/data', name), 'utf8'), name).toBe(text);
    }
  });

  it('the CSV reader handles quoted fields with commas, doubled quotes and line breaks', async () => {
    const script = pathToFileURL(join(repoRoot, 'scripts/gen-data.mjs')).href;
    const { parseCsv } = (await import(/* @vite-ignore */ script)) as { parseCsv(t: string): string[][] };
    expect(parseCsv('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\n\n2,,"two\nlines"\n3,"",z')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', '', 'two\nlines'],
      ['3', '', 'z'],
    ]);
    expect(parseCsv('a,b')).toEqual([['a', 'b']]);
    expect(parseCsv('a,\n')).toEqual([['a', '']]);
    expect(() => parseCsv('a,"b')).toThrow();
  });
});
