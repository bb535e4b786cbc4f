import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'unknown-subregion';
const LABEL = 'Seutukunnat:';
const notInvalidDate = (xs: string[]) => xs.filter((x) => !x.startsWith('invalid-date@'));
const withSubregions = (value: string, text = example('001')) => editLine(text, LABEL, `${LABEL} ${value}`);
/** Where an item of the Seutukunnat list is. */
const item = (text: string) => ({ line: LABEL, text });

/** 004 (Keski-Suomi, from 1.4.2021) widened to Pohjanmaa, listing Kyrönmaa's sub-region. */
function kyronmaa(start: string): string {
  let text = example('004');
  text = editLine(text, 'Suunnitelman mukainen toteutusaika:', `Suunnitelman mukainen toteutusaika: Alkaa ${start} ja päättyy 30.6.2022`);
  text = editLine(text, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pohjanmaa');
  return editLine(text, LABEL, `${LABEL} Jyväskylän, Kyrönmaan`);
}

describe(RULE, () => {
  it('finds a misspelt genitive, on the item, and nothing else fires; fix: the closest genitive', () => {
    const original = example('000');
    const edited = withSubregions('Joutsan, Jämsän, Saarijärven-Viitasaaren, Jyväskylän, Keuruun, Äänekoskne', original);
    const f = rejectsOne(RULE, { text: edited, at: item('Äänekoskne'), message: 'Unknown sub-region (seutukunta) "Äänekoskne"; did you mean "Äänekosken"?', besides: original });
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a nominative, or "… seutukunta", becomes the genitive (safe fix)', () => {
    const original = example('001');
    for (const written of ['Jyväskylä', 'Jyväskylän seutukunta', 'jyvaskylan']) {
      const edited = withSubregions(`${written}, Äänekosken`);
      const f = rejectsOne(RULE, { text: edited, at: item(written) });
      expect(f.fixes[0].safe, written).toBe(true);
      expect(applyEdits(edited, f.fixes[0].edits), written).toBe(original);
    }
    rejects(RULE, [
      { text: withSubregions('Jyväskylä, Äänekosken'), at: item('Jyväskylä'), message: 'Sub-regions are written in the genitive: "Jyväskylän", not "Jyväskylä".' },
      {
        text: withSubregions('Jyväskylän seutukunta, Äänekosken'),
        at: item('Jyväskylän seutukunta'),
        message: 'Sub-regions are written in the genitive without the word "seutukunta": "Jyväskylän", not "Jyväskylän seutukunta".',
      },
    ]);
  });

  it('a name far from every sub-region: finding without a fix', () => {
    const f = rejectsOne(RULE, { text: withSubregions('Jyväskylän, Äänekosken, Muumilaakson'), at: item('Muumilaakson'), message: 'Unknown sub-region (seutukunta) "Muumilaakson".' });
    expect(f.message.en).toBe('Unknown sub-region (seutukunta) "Muumilaakson".');
    expect(f.fixes).toEqual([]);
  });

  it('accepts the alias spellings (Pielisen-Karjalan for Pielisen Karjalan)', () => {
    const original = example('002');
    expectAdded(original, withSubregions('Joensuun, Keski-Karjalan, Pielisen-Karjalan', original));
  });

  it('Kyrönmaa: exists on its last day 31.12.2020, unknown from 1.1.2021', () => {
    expectAdded(example('004'), kyronmaa('31.12.2020'));
    rejects(RULE, [
      {
        text: kyronmaa('1.1.2021'),
        at: item('Kyrönmaan'),
        message: 'Sub-region "Kyrönmaan" no longer existed on the start date 1.1.2021: it was abolished after 31.12.2020.',
        besides: example('004'),
      },
    ]);
  });

  it('without a valid start date, existence at any time is enough', () => {
    const edited = kyronmaa('31.2.2021');
    accepts(RULE, [edited]);
    expect(notInvalidDate(findings(edited))).toEqual(findings(example('004')));
    // …but a name that never existed is still reported.
    rejects(RULE, [{ text: editLine(edited, LABEL, `${LABEL} Jyväskylän, Kyrönmaan, Jyväskylänn`), at: item('Jyväskylänn') }]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
