import { describe, expect, it } from 'vitest';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'realized-figures-missing';
const REALISED = [
  ['Toteutunut EU- ja valtion rahoitus', '5'],
  ['Toteutunut julkinen rahoitus yhteensä', '5'],
  ['Toteutunut seurantatietojen mukaan', '7.1'],
] as const;

describe(RULE, () => {
  it('each realised figure of an ended project, empty: on its label, and nothing else fires', () => {
    const original = example('000');
    for (const [label, section] of REALISED) {
      const edited = editLine(original, `${label}:`, `${label}:`);
      const line = lineOf(edited, `${label}:`);
      expect(findingsOf(RULE, edited), label).toEqual([{ line, text: label, message: `The project has ended but "${label}" (section ${section}) has no value.` }]);
      expect(sorted(findings(edited)), label).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
    }
  });

  it('all three empty: three findings', () => {
    let edited = example('001');
    for (const [label] of REALISED) edited = editLine(edited, `${label}:`, `${label}:`);
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(REALISED.map(([label]) => label));
  });

  it('a running project may leave them empty', () => {
    let edited = editLine(example('001'), 'Toiminnan tila:', 'Toiminnan tila: Toiminnassa');
    for (const [label] of REALISED) edited = editLine(edited, `${label}:`, `${label}:`);
    expect(findingsOf(RULE, edited)).toEqual([]);
  });

  it('0 is a value (000 reports 0 companies)', () => {
    expect(lineOf(example('000'), 'Toteutunut seurantatietojen mukaan: 0')).toBeGreaterThan(0);
    expect(findingsOf(RULE, example('000'))).toEqual([]);
  });

  it('planned figures and 7.2 (no realised count) are not its concern', () => {
    const edited = editLine(example('001'), 'Suunniteltu julkinen rahoitus yhteensä:', 'Suunniteltu julkinen rahoitus yhteensä:');
    expect(findingsOf(RULE, edited)).toEqual([]);
  });

  it("an absent realised field is missing-field's", () => {
    const edited = editLine(example('001'), 'Toteutunut julkinen rahoitus yhteensä:');
    expect(findingsOf(RULE, edited)).toEqual([]);
    expect(findingsOf('missing-field', edited)).toHaveLength(1);
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
