import { describe, expect, it } from 'vitest';
import { editLine, example, lineOf } from '../../helpers/examples';
import { findingsOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'realized-figures-missing';
const REALISED = [
  ['Toteutunut EU- ja valtion rahoitus', '5'],
  ['Toteutunut julkinen rahoitus yhteensä', '5'],
  ['Toteutunut seurantatietojen mukaan', '7.1'],
] as const;

describe(RULE, () => {
  it('each realised figure of an ended project, empty: on its label, and nothing else fires', () => {
    const original = example('000');
    rejects(
      RULE,
      REALISED.map(([label, section]) => ({
        text: editLine(original, `${label}:`, `${label}:`),
        at: { line: `${label}:`, text: label },
        message: `The project has ended but "${label}" (section ${section}) has no value.`,
        besides: original,
      })),
    );
  });

  it('all three empty: three findings', () => {
    let edited = example('001');
    for (const [label] of REALISED) edited = editLine(edited, `${label}:`, `${label}:`);
    rejects(RULE, [{ text: edited, at: REALISED.map(([label]) => ({ line: `${label}:`, text: label })) }]);
  });

  it('a running project may leave them empty', () => {
    let edited = editLine(example('001'), 'Toiminnan tila:', 'Toiminnan tila: Toiminnassa');
    for (const [label] of REALISED) edited = editLine(edited, `${label}:`, `${label}:`);
    accepts(RULE, [edited]);
  });

  it('0 is a value (000 reports 0 companies)', () => {
    expect(lineOf(example('000'), 'Toteutunut seurantatietojen mukaan: 0')).toBeGreaterThan(0);
    accepts(RULE, [['000', example('000')]]);
  });

  it('planned figures and 7.2 (no realised count) are not its concern', () => {
    accepts(RULE, [editLine(example('001'), 'Suunniteltu julkinen rahoitus yhteensä:', 'Suunniteltu julkinen rahoitus yhteensä:')]);
  });

  it("an absent realised field is missing-field's", () => {
    const edited = editLine(example('001'), 'Toteutunut julkinen rahoitus yhteensä:');
    accepts(RULE, [edited]);
    expect(findingsOf('missing-field', edited)).toHaveLength(1);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
