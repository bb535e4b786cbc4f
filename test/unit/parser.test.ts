import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/core/parser';
import type { HankeDocument, Range } from '../../server/src/core/model';
import { SECTIONS } from '../../server/src/core/schema';
import { EXAMPLES, example } from '../helpers/examples';

/** The text a single-line range covers. */
function at(doc: HankeDocument, r: Range): string {
  expect(r.start.line).toBe(r.end.line);
  return doc.lines[r.start.line].slice(r.start.character, r.end.character);
}

describe('parser on the five real descriptions', () => {
  for (const { name, text } of EXAMPLES) {
    it(`${name}: every section once, in order, with exact heading ranges`, () => {
      const doc = parse(text);
      expect(doc.sections.map((s) => s.spec.number)).toEqual(SECTIONS.map((s) => s.number));
      for (const s of doc.sections) {
        expect(s.heading.titleExact).toBe(true);
        expect(at(doc, s.heading.numberRange)).toBe(s.spec.number);
        expect(at(doc, s.heading.titleRange)).toBe(s.spec.title);
        expect(at(doc, s.heading.range)).toBe(`${s.spec.number} ${s.spec.title}`);
      }
      expect(doc.tree.map((s) => s.spec.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      expect(doc.tree.find((s) => s.spec.number === '4')!.children.map((c) => c.spec.number)).toEqual(['4.1', '4.2']);
      expect(doc.tree.find((s) => s.spec.number === '7')!.children.map((c) => c.spec.number)).toEqual(['7.1', '7.2']);
      expect(doc.tree.find((s) => s.spec.number === '8')!.children.map((c) => c.spec.number)).toEqual(['8.1', '8.2']);
      expect(doc.preamble.banner?.text).toBe('Euroopan unioni Vipuvoimaa EU:lta');
      expect(doc.preamble.title?.text).toBe('Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus');
    });

    it(`${name}: every field is known, with label and value ranges`, () => {
      const doc = parse(text);
      for (const s of doc.sections) {
        expect(s.strays).toEqual([]);
        for (const f of s.fields) {
          expect(f.labelMatch === 'exact' || f.labelMatch === 'alias').toBe(true);
          expect(at(doc, f.labelRange)).toBe(f.label);
          expect(at(doc, f.valueRange)).toBe(f.value);
          expect(doc.lines[f.line]).toBe(f.value ? `${f.label}: ${f.value}` : `${f.label}:`);
        }
      }
      const sec8_2 = doc.sections.find((s) => s.spec.number === '8.2')!;
      expect(sec8_2.scoreHeader?.text).toBe('VälitönVälillinen');
      expect(sec8_2.groups).toHaveLength(3);
      expect(sec8_2.items).toHaveLength(15);
      for (const it of sec8_2.items) {
        expect(it.nameExact).toBe(true);
        expect(at(doc, it.nameRange)).toBe(it.spec.name);
        expect(it.scores).toHaveLength(2);
        for (const sc of it.scores) expect(at(doc, sc.range)).toBe(sc.raw);
      }
      expect(doc.sections.find((s) => s.spec.number === '8.1')!.fields).toHaveLength(3);
    });
  }

  it('000: model of section 1, 5, 6 and 8 in detail', () => {
    const text = example('000');
    const doc = parse(text);
    const s1 = doc.sections[0];
    expect(s1.fields.map((f) => [f.spec?.key, f.line + 1, f.value])).toEqual([
      ['projectCode', 7, 'S21368'],
      ['projectName', 9, 'Marke - palvelumarkkinoiden kehittäminen'],
      ['axis', 11, '5. Sosiaalinen osallisuus ja köyhyyden torjunta'],
      ['objective', 13, '10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen'],
      ['period', 15, 'Alkaa 1.8.2018 ja päättyy 31.7.2021'],
      ['status', 17, 'Toiminta päättynyt'],
      ['authority', 19, 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus'],
    ]);
    const period = s1.fields[4].typed!;
    expect(period.kind).toBe('period');
    if (period.kind === 'period') {
      expect(period.start?.date?.iso).toBe('2018-08-01');
      expect(period.end?.date?.iso).toBe('2021-07-31');
      expect(at(doc, period.start!.range)).toBe('1.8.2018');
      expect(at(doc, period.end!.range)).toBe('31.7.2021');
    }
    const axis = s1.fields[2].typed!;
    expect(axis.kind === 'numbered' && axis.code).toBe('5');
    if (axis.kind === 'numbered') expect(at(doc, axis.nameRange)).toBe('Sosiaalinen osallisuus ja köyhyyden torjunta');

    const s5 = doc.sections.find((s) => s.spec.number === '5')!;
    expect(s5.fields.map((f) => (f.typed?.kind === 'amount' ? f.typed.cents : null))).toEqual([28950000, 27830000, 33550000, 27830000]);

    const s6 = doc.sections.find((s) => s.spec.number === '6')!;
    expect(s6.placeMarker?.text).toBe('Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa');
    expect(s6.fields.map((f) => f.spec?.key)).toEqual(['regions', 'subregions', 'municipalities', 'placeAddress', 'placePostalCode', 'placePostOffice']);
    const kunnat = s6.fields[2].typed!;
    expect(kunnat.kind).toBe('list');
    if (kunnat.kind === 'list') {
      expect(kunnat.items).toHaveLength(23);
      expect(kunnat.items[0].text).toBe('Kuhmoinen');
      for (const it of kunnat.items) expect(at(doc, it.range)).toBe(it.text);
    }

    const s81 = doc.sections.find((s) => s.spec.number === '8.1')!;
    expect(s81.fields.map((f) => [f.value, f.justification.map((j) => j.line + 1)])).toEqual([
      ['Ei', [126]],
      ['Ei', [128]],
      ['Ei', [130]],
    ]);
    const s82 = doc.sections.find((s) => s.spec.number === '8.2')!;
    const natura = s82.items.find((i) => i.spec.key === 'natura2000')!;
    expect(natura.name).toBe('Natura 2000 -ohjelman kohteet');
    expect(natura.scores.map((s) => s.raw)).toEqual(['0', '0']);
    expect(natura.justification.map((j) => j.text)).toEqual(['Ei vaikutuksia']);
    const s9 = doc.sections.find((s) => s.spec.number === '9')!;
    expect(s9.texts.length).toBe(5);
  });

  it('numbered free text stays text', () => {
    const doc = parse(example('000'));
    const s3 = doc.sections.find((s) => s.spec.number === '3')!;
    expect(s3.texts.map((l) => l.text.slice(0, 3))).toContain('1) ');
    expect(s3.texts.map((l) => l.text.slice(0, 3))).toContain('2) ');
    const doc2 = parse(example('002'));
    const s3b = doc2.sections.find((s) => s.spec.number === '3')!;
    expect(s3b.texts.some((l) => l.text.startsWith('1. Uudistuvien'))).toBe(true);
    expect(s3b.texts.some((l) => l.text.startsWith('2. Tiedolla'))).toBe(true);
  });
});

describe('parser on odd input', () => {
  const base = example('001');

  it('CRLF, a BOM, trailing spaces and tabs give the same model', () => {
    const odd =
      '\uFEFF' +
      base
        .split('\n')
        .map((l) => (l ? `${l} \t` : l))
        .join('\r\n');
    const a = parse(base);
    const b = parse(odd);
    expect(b.eol).toBe('\r\n');
    expect(b.sections.map((s) => s.spec.number)).toEqual(a.sections.map((s) => s.spec.number));
    const fa = a.sections.flatMap((s) => s.fields.map((f) => [f.spec?.key, f.value]));
    const fb = b.sections.flatMap((s) => s.fields.map((f) => [f.spec?.key, f.value]));
    expect(fb).toEqual(fa);
    // The BOM is not part of the banner's range.
    expect(b.preamble.banner?.range.start.character).toBe(1);
  });

  it('a missing preamble is fine', () => {
    const text = base.slice(base.indexOf('1 Hanke'));
    const doc = parse(text);
    expect(doc.preamble.banner).toBeUndefined();
    expect(doc.sections).toHaveLength(15);
  });

  it('numbers in text, colons in text, and lookalike headings', () => {
    const text = base.replace(
      'Työnhakijoiden lähipiiri',
      ['5 kuntaa osallistuu hankkeeseen.', '2019 aikana: aloitettiin', '1) Hankkeen tavoitteena', '2. Tiedolla johtamisen', '4.2 Välilliset kohderyhmät ovat tärkeitä'].join('\n\n'),
    );
    const doc = parse(text);
    expect(doc.sections).toHaveLength(15);
    expect(doc.sections.find((s) => s.spec.number === '4.2')!.texts.map((t) => t.text)).toEqual([
      '5 kuntaa osallistuu hankkeeseen.',
      '2019 aikana: aloitettiin',
      '1) Hankkeen tavoitteena',
      '2. Tiedolla johtamisen',
      '4.2 Välilliset kohderyhmät ovat tärkeitä',
    ]);
  });

  it('a heading with a typo in its title is still that heading', () => {
    const doc = parse(base.replace('5 Projektin julkinen rahoitus, euroa', '5 Projektin julkinen rahoitu, euroa'));
    const s5 = doc.sections.find((s) => s.spec.number === '5')!;
    expect(s5.heading.titleExact).toBe(false);
    expect(s5.fields).toHaveLength(4);
  });

  it('a misspelled label is matched to its field as a typo', () => {
    const doc = parse(base.replace('Postinumero: 41310', 'Postinumer: 41310'));
    const f = doc.sections[1].fields.find((x) => x.label === 'Postinumer')!;
    expect(f.labelMatch).toBe('typo');
    expect(f.spec?.key).toBe('applicantPostalCode');
  });

  it('empty values have a zero-width range after the colon', () => {
    const doc = parse(example('004'));
    const f = doc.sections[1].fields.find((x) => x.spec?.key === 'applicantCount')!;
    expect(f.value).toBe('');
    expect(f.valueRange.start).toEqual(f.valueRange.end);
    expect(f.valueRange.start.character).toBe(doc.lines[f.line].length);
  });

  it('Osatoteuttajat entries with their Y-tunnus', () => {
    const text = base.replace(
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Vain yksi hakija',
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)\n\nOsatoteuttajat\n\nOulun yliopisto, 0245895-5\n\nJyväskylän kaupunki, 0174666-4',
    );
    const doc = parse(text);
    const p = doc.sections[1].partners!;
    expect(p.entries.map((e) => [e.name, e.yTunnus])).toEqual([
      ['Oulun yliopisto', '0245895-5'],
      ['Jyväskylän kaupunki', '0174666-4'],
    ]);
    expect(at(doc, p.entries[0].yTunnusRange)).toBe('0245895-5');
    expect(doc.sections[1].strays).toEqual([]);
  });

  it('never throws and stays linear on hostile input', () => {
    for (const s of ['', '\n\n\n', '\u0000\u0001', ':::::', '1 ', '8.2 Kestävä kehitys\n1 2 3 4 5', 'x'.repeat(100_000), '5 '.repeat(50_000)]) {
      expect(() => parse(s)).not.toThrow();
    }
  });
});
