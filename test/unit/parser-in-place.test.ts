// The parser reads the text in place (offsets into the whole text, no split) and splits
// `lines` only when asked; amounts are read in one pass. These properties pin down that
// the model is the one a line-by-line reading gives: the same lines, every stored text
// at its range, whatever the line endings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HankeDocument, Range, TextLine } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { parseAmount } from '../../server/src/core/values';
import { EXAMPLES } from '../helpers/examples';
import { referenceAmount } from '../helpers/reference-values';

const PIECES = [
  '',
  ' ',
  '\t',
  '\u00a0',
  'Euroopan unioni Vipuvoimaa EU:lta',
  'Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus',
  '1 Hanke',
  '2 Hakijan perustiedot',
  '  Hankekoodi:  S12345  ',
  'Hankkeen nimi:',
  'Hankkeen nimi: Osaaja',
  'Hakijan virallinen nimi: Oulun yliopisto',
  'Osatoteuttajat',
  'Oulun yliopisto, 0245895-5',
  'Ilman pilkkua',
  '5 Projektin julkinen rahoitus, euroa',
  'Myönnetty EU- ja valtion rahoitus: 1 234,5',
  '6 Maantieteellinen kohdealue',
  'Kunnat: Oulu, , Kemi ,',
  'Toteutuspaikan osoite, jos hanke toteutetaan yhdessä paikassa:',
  'Postinumero: 90100',
  '8.1 Sukupuolten tasa-arvo',
  'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Kyllä',
  'Perustelu ilman kaksoispistettä',
  '8.2 Kestävä kehitys',
  'VälitönVälillinen',
  'Ekologinen kestävyys',
  'Ekologinen kestävyy',
  'Natura 2000 -ohjelman kohteet 0 0',
  'Luonnonvarojen käytön kestävyys 9 8',
  'Luonnonvarojen käytön kestävyy 3',
  'Perustelu, joka päättyy vuoteen 2020',
  '9 Loppuraportin tiivistelmä',
  'Vapaata tekstiä: kaksoispisteellä',
  ':',
  '1.',
  '12.34 x',
];

const BREAKS = ['\n', '\r\n', '\r'];

/** A description-like text: pieces joined by any mix of line endings, with stray spaces. */
const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...BREAKS), fc.constantFrom('', ' ', '\t')), { maxLength: 40 })
  .map((ls) => ls.map(([piece, eol, pad]) => pad + piece + eol).join(''));

/** Every stored text of the model with its range (single line each). */
function storedTexts(doc: HankeDocument): { text: string; range: Range }[] {
  const out: { text: string; range: Range }[] = [];
  const line = (t: TextLine | undefined) => t && out.push({ text: t.text, range: t.range });
  line(doc.preamble.banner);
  line(doc.preamble.title);
  doc.preamble.other.forEach(line);
  for (const s of doc.sections) {
    out.push({ text: s.heading.number, range: s.heading.numberRange }, { text: s.heading.title, range: s.heading.titleRange });
    [...s.texts, ...s.strays].forEach(line);
    line(s.placeMarker);
    line(s.scoreHeader);
    line(s.partners?.label);
    for (const e of s.partners?.entries ?? []) out.push({ text: e.name, range: e.nameRange }, { text: e.yTunnus, range: e.yTunnusRange });
    for (const f of s.fields) {
      out.push({ text: f.label, range: f.labelRange }, { text: f.value, range: f.valueRange });
      f.justification.forEach(line);
    }
    for (const g of s.groups) line(g.line);
    for (const it of s.items) {
      out.push({ text: it.name, range: it.nameRange });
      for (const sc of it.scores) out.push({ text: sc.raw, range: sc.range });
      it.justification.forEach(line);
    }
  }
  return out;
}

/** The model without its line ending: what must not depend on how lines end. */
function shape(doc: HankeDocument): string {
  return JSON.stringify({ preamble: doc.preamble, sections: doc.sections, tree: doc.tree }, (k, v) => (k === 'spec' ? (v?.number ?? v?.key ?? v?.name) : v));
}

describe('parser reading the text in place', () => {
  it('lines are the text split at \\r\\n, \\r and \\n; the line ending is the first one', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = parse(t);
        expect(doc.lines).toEqual(t.split(/\r\n|\r|\n/));
        expect(doc.lines).toBe(doc.lines);
        expect(doc.eol).toBe(/\r\n|\r|\n/.exec(t)?.[0] ?? '\n');
      }),
      { numRuns: 400, seed: 17 },
    );
  });

  it('every text the model stores is the text at its range', () => {
    fc.assert(
      fc.property(text, (t) => {
        const doc = parse(t);
        for (const { text: stored, range } of storedTexts(doc)) {
          expect(range.start.line).toBe(range.end.line);
          expect(doc.lines[range.start.line].slice(range.start.character, range.end.character)).toBe(stored);
        }
      }),
      { numRuns: 400, seed: 18 },
    );
    for (const { text: t } of EXAMPLES) {
      const doc = parse(t);
      const stored = storedTexts(doc);
      expect(stored.length).toBeGreaterThan(150);
      for (const { text: s, range } of stored) expect(doc.lines[range.start.line].slice(range.start.character, range.end.character)).toBe(s);
    }
  });

  it('the model is the same whatever the line endings', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(shape(parse(t))).toBe(shape(parse(t.replace(/\r\n|\r/g, '\n'))));
      }),
      { numRuns: 400, seed: 19 },
    );
  });
});

describe('parseAmount', () => {
  it('reads every string as the regex reading does', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 22 });
    const amount = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '9', ' ', '\u00a0', '\u202f', ',', '.', '-', 'a'), maxLength: 24 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 999 }),
          fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 6 }),
          fc.constantFrom(' ', '\u00a0', '\u202f'),
          fc.constantFrom('', ',5', ',05', ',50', ',123', ','),
        )
        .map(([head, groups, sep, frac]) => String(head) + groups.map((g) => sep + String(g).padStart(3, '0')).join('') + frac),
      fc.tuple(digits, fc.constantFrom('', ',1', ',99', ',')).map(([d, f]) => d + f),
    );
    fc.assert(
      fc.property(amount, (raw) => {
        expect(parseAmount(raw)).toEqual(referenceAmount(raw));
      }),
      { numRuns: 3000, seed: 20 },
    );
    for (const raw of ['289 500', '1 234,50', '289500', '0000000000000000001', '90071992547409,91', '90071992547410', '9007199254740993', '12,', ',5', ''])
      expect(parseAmount(raw)).toEqual(referenceAmount(raw));
  });
});
