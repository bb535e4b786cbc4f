import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'unknown-subregion';
const notInvalidDate = (xs: string[]) => xs.filter((x) => !x.startsWith('invalid-date@'));

/** 004 (Keski-Suomi, from 1.4.2021) widened to Pohjanmaa, listing Kyrönmaa's sub-region. */
function kyronmaa(start: string): string {
  let text = example('004');
  text = editLine(text, 'Suunnitelman mukainen toteutusaika:', `Suunnitelman mukainen toteutusaika: Alkaa ${start} ja päättyy 30.6.2022`);
  text = editLine(text, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pohjanmaa');
  return editLine(text, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Kyrönmaan');
}

describe(RULE, () => {
  it('finds a misspelt genitive, on the item, and nothing else fires; fix: the closest genitive', () => {
    const original = example('000');
    const edited = editLine(original, 'Seutukunnat:', 'Seutukunnat: Joutsan, Jämsän, Saarijärven-Viitasaaren, Jyväskylän, Keuruun, Äänekoskne');
    const line = lineOf(edited, 'Seutukunnat:');
    expect(findingsOf(RULE, edited)).toEqual([{ line, text: 'Äänekoskne', message: 'Unknown sub-region (seutukunta) "Äänekoskne"; did you mean "Äänekosken"?' }]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
    const f = analyze(edited).findings.find((x) => x.rule === RULE)!;
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a nominative, or "… seutukunta", becomes the genitive (safe fix)', () => {
    const original = example('001');
    for (const written of ['Jyväskylä', 'Jyväskylän seutukunta', 'jyvaskylan']) {
      const edited = editLine(original, 'Seutukunnat:', `Seutukunnat: ${written}, Äänekosken`);
      const fs = analyze(edited).findings.filter((x) => x.rule === RULE);
      expect(fs, written).toHaveLength(1);
      expect(fs[0].fixes[0].safe, written).toBe(true);
      expect(applyEdits(edited, fs[0].fixes[0].edits), written).toBe(original);
    }
    const nominative = editLine(original, 'Seutukunnat:', 'Seutukunnat: Jyväskylä, Äänekosken');
    expect(findingsOf(RULE, nominative)[0].message).toBe('Sub-regions are written in the genitive: "Jyväskylän", not "Jyväskylä".');
    const suffixed = editLine(original, 'Seutukunnat:', 'Seutukunnat: Jyväskylän seutukunta, Äänekosken');
    expect(findingsOf(RULE, suffixed)).toEqual([
      {
        line: lineOf(suffixed, 'Seutukunnat:'),
        text: 'Jyväskylän seutukunta',
        message: 'Sub-regions are written in the genitive without the word "seutukunta": "Jyväskylän", not "Jyväskylän seutukunta".',
      },
    ]);
  });

  it('a name far from every sub-region: finding without a fix', () => {
    const edited = editLine(example('001'), 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Äänekosken, Muumilaakson');
    const [f] = analyze(edited).findings.filter((x) => x.rule === RULE);
    expect(f.message.en).toBe('Unknown sub-region (seutukunta) "Muumilaakson".');
    expect(f.fixes).toEqual([]);
  });

  it('accepts the alias spellings (Pielisen-Karjalan for Pielisen Karjalan)', () => {
    const original = example('002');
    const edited = editLine(original, 'Seutukunnat:', 'Seutukunnat: Joensuun, Keski-Karjalan, Pielisen-Karjalan');
    expect(findings(edited)).toEqual(findings(original));
  });

  it('Kyrönmaa: exists on its last day 31.12.2020, unknown from 1.1.2021', () => {
    expect(findings(kyronmaa('31.12.2020'))).toEqual(findings(example('004')));
    const edited = kyronmaa('1.1.2021');
    const line = lineOf(edited, 'Seutukunnat:');
    expect(findingsOf(RULE, edited)).toEqual([
      {
        line,
        text: 'Kyrönmaan',
        message: 'Sub-region "Kyrönmaan" no longer existed on the start date 1.1.2021: it was abolished after 31.12.2020.',
      },
    ]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(example('004')), `${RULE}@${line}`]));
  });

  it('without a valid start date, existence at any time is enough', () => {
    const edited = kyronmaa('31.2.2021');
    expect(findingsOf(RULE, edited)).toEqual([]);
    expect(notInvalidDate(findings(edited))).toEqual(findings(example('004')));
    // …but a name that never existed is still reported.
    const typo = editLine(edited, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Kyrönmaan, Jyväskylänn');
    expect(findingsOf(RULE, typo).map((f) => f.text)).toEqual(['Jyväskylänn']);
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
