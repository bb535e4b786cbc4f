import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, fixTexts } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'region-outside-programme';
const base = example('001'); // Keski-Suomi; Jyväskylän, Äänekosken; Äänekoski, Laukaa, Konnevesi
const REGIONS = lineOf(base, 'Maakunnat:');
const SUBREGIONS = lineOf(base, 'Seutukunnat:');
const MUNICIPALITIES = lineOf(base, 'Kunnat:');
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);

describe(RULE, () => {
  it('a kunta of Ahvenanmaa: on the item, and not also geography-mismatch', () => {
    const text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Maarianhamina');
    const f = rejectsOne(RULE, {
      text,
      at: { line: 'Kunnat:', text: 'Maarianhamina' },
      message: "Municipality Maarianhamina (Ahvenanmaa) is outside the programme's area (Manner-Suomi, mainland Finland); Åland had its own ESF programme.",
      besides: base,
    });
    expectAdded(base, text, `${RULE}@${MUNICIPALITIES}`);
    expect(f.message.fi).toBe('Kunta Maarianhamina (Ahvenanmaa) ei kuulu ohjelman alueeseen (Manner-Suomi); Ahvenanmaalla oli oma ESR-ohjelmansa.');
    expect(f.severity).toBe('warning');
    expect(fixTexts(RULE, text)).toEqual([['', false]]);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
  });

  it('Swedish names count; a seutukunta of Ahvenanmaa is reported, its kunta then not again', () => {
    rejects(RULE, [{ text: set('Kunnat', 'Mariehamn, Äänekoski, Laukaa, Konnevesi'), at: { line: 'Kunnat:', text: 'Mariehamn' } }]);
    let text = set('Seutukunnat', 'Jyväskylän, Äänekosken, Mariehamns stad');
    text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Maarianhamina', text);
    rejects(RULE, [{ text, at: { line: 'Seutukunnat:', text: 'Mariehamns stad' } }]);
    expectAdded(base, text, `${RULE}@${SUBREGIONS}`);
  });

  it('Ahvenanmaa listed as a maakunta: one finding, on it, whatever else of Åland is listed', () => {
    let text = set('Maakunnat', 'Keski-Suomi, Ahvenanmaa');
    text = set('Seutukunnat', 'Jyväskylän, Äänekosken, Ålands landsbygd', text);
    text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Jomala', text);
    rejects(RULE, [{ text, at: { line: 'Maakunnat:', text: 'Ahvenanmaa' } }]);
    expectAdded(base, text, `${RULE}@${REGIONS}`);
    const ahvenanmaa = set('Maakunnat', 'Keski-Suomi, Ahvenanmaa');
    const fixed = applyEdits(ahvenanmaa, rejectsOne(RULE, { text: ahvenanmaa, at: { line: 'Maakunnat:', text: 'Ahvenanmaa' } }).fixes[0].edits);
    expect(fixed).toBe(base);
  });

  it("mainland places next to Åland's are silent", () => {
    accepts(RULE, [set('Maakunnat', 'Keski-Suomi, Varsinais-Suomi')]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
