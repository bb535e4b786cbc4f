import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'unknown-region';
describe(RULE, () => {
  it('finds a misspelt maakunta, on the item, and nothing else fires', () => {
    const original = example('000');
    const edited = editLine(original, 'Maakunnat:', 'Maakunnat: Keski-Suomii');
    const line = lineOf(edited, 'Maakunnat:');
    expect(findingsOf(RULE, edited)).toEqual([{ line, text: 'Keski-Suomii', message: 'Unknown region (maakunta) "Keski-Suomii"; did you mean "Keski-Suomi"?' }]);
    // geography-mismatch stays silent while a listed maakunta is unknown (no cascade).
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
  });

  it('fixes to the closest name', () => {
    const original = example('000');
    const edited = editLine(original, 'Maakunnat:', 'Maakunnat: Keski-Suomii');
    const f = analyze(edited).findings.find((x) => x.rule === RULE)!;
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes[0].safe).toBe(false);
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a name written without ä/ö is certainly the real one: safe fix', () => {
    const original = example('003');
    const edited = editLine(original, 'Maakunnat:', 'Maakunnat: Kanta-Hame');
    const f = analyze(edited).findings.find((x) => x.rule === RULE)!;
    expect(f.fixes[0].safe).toBe(true);
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a name far from every maakunta: finding without a fix', () => {
    const edited = editLine(example('001'), 'Maakunnat:', 'Maakunnat: Keski-Suomi, Atlantis');
    const [f] = analyze(edited).findings.filter((x) => x.rule === RULE);
    expect(f.message.en).toBe('Unknown region (maakunta) "Atlantis".');
    expect(f.message.fi).toBe('Tuntematon maakunta "Atlantis".');
    expect(f.fixes).toEqual([]);
  });

  it('accepts aliases, Swedish names and any letter case', () => {
    for (const value of ['Keski-Suomi, Ahvenanmaa - Åland', 'Keski-Suomi, Ahvenanmaa', 'Mellersta Finland', 'keski-suomi', 'Keski-Suomi, Pirkanmaa']) {
      const original = example('001');
      const edited = editLine(original, 'Maakunnat:', `Maakunnat: ${value}`);
      expect(findingsOf(RULE, edited), value).toEqual([]);
      // Ahvenanmaa is a known maakunta, outside the programme's area (region-outside-programme's).
      const outside = value.includes('Ahvenanmaa') ? [`region-outside-programme@${lineOf(edited, 'Maakunnat:')}`] : [];
      expect(sorted(findings(edited)), value).toEqual(sorted([...findings(original), ...outside]));
    }
  });

  it('reports each unknown item of a list separately', () => {
    const edited = editLine(example('001'), 'Maakunnat:', 'Maakunnat: Keski-Suomi, Lappi, Pohjois-Savoo, Itä-Uusimaa');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(['Pohjois-Savoo', 'Itä-Uusimaa']);
  });

  it('an empty or absent Maakunnat is not its finding', () => {
    expect(findingsOf(RULE, editLine(example('001'), 'Maakunnat:', 'Maakunnat:'))).toEqual([]);
    expect(findingsOf(RULE, editLine(example('001'), 'Maakunnat:'))).toEqual([]);
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
