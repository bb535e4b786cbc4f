import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findingsOf, fixTexts } from '../../helpers/lint';

const RULE = 'region-outside-programme';
const base = example('001'); // Keski-Suomi; Jyväskylän, Äänekosken; Äänekoski, Laukaa, Konnevesi
const REGIONS = lineOf(base, 'Maakunnat:');
const SUBREGIONS = lineOf(base, 'Seutukunnat:');
const MUNICIPALITIES = lineOf(base, 'Kunnat:');
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);

describe(RULE, () => {
  it('a kunta of Ahvenanmaa: on the item, and not also geography-mismatch', () => {
    const text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Maarianhamina');
    expect(findingsOf(RULE, text)).toEqual([
      {
        line: MUNICIPALITIES,
        text: 'Maarianhamina',
        message: "Municipality Maarianhamina (Ahvenanmaa) is outside the programme's area (Manner-Suomi, mainland Finland); Åland had its own ESF programme.",
      },
    ]);
    expectAdded(base, text, `${RULE}@${MUNICIPALITIES}`);
    const f = analyze(text).findings.find((x) => x.rule === RULE)!;
    expect(f.message.fi).toBe('Kunta Maarianhamina (Ahvenanmaa) ei kuulu ohjelman alueeseen (Manner-Suomi); Ahvenanmaalla oli oma ESR-ohjelmansa.');
    expect(f.severity).toBe('warning');
    expect(fixTexts(RULE, text)).toEqual([['', false]]);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
  });

  it('Swedish names count; a seutukunta of Ahvenanmaa is reported, its kunta then not again', () => {
    expect(findingsOf(RULE, set('Kunnat', 'Mariehamn, Äänekoski, Laukaa, Konnevesi')).map((f) => f.text)).toEqual(['Mariehamn']);
    let text = set('Seutukunnat', 'Jyväskylän, Äänekosken, Mariehamns stad');
    text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Maarianhamina', text);
    expect(findingsOf(RULE, text).map((f) => [f.line, f.text])).toEqual([[SUBREGIONS, 'Mariehamns stad']]);
    expectAdded(base, text, `${RULE}@${SUBREGIONS}`);
  });

  it('Ahvenanmaa listed as a maakunta: one finding, on it, whatever else of Åland is listed', () => {
    let text = set('Maakunnat', 'Keski-Suomi, Ahvenanmaa');
    text = set('Seutukunnat', 'Jyväskylän, Äänekosken, Ålands landsbygd', text);
    text = set('Kunnat', 'Äänekoski, Laukaa, Konnevesi, Jomala', text);
    expect(findingsOf(RULE, text).map((f) => [f.line, f.text])).toEqual([[REGIONS, 'Ahvenanmaa']]);
    expectAdded(base, text, `${RULE}@${REGIONS}`);
    const fixed = applyEdits(set('Maakunnat', 'Keski-Suomi, Ahvenanmaa'), analyze(set('Maakunnat', 'Keski-Suomi, Ahvenanmaa')).findings.find((x) => x.rule === RULE)!.fixes[0].edits);
    expect(fixed).toBe(base);
  });

  it("mainland places next to Åland's are silent", () => {
    expect(findingsOf(RULE, set('Maakunnat', 'Keski-Suomi, Varsinais-Suomi'))).toEqual([]);
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
