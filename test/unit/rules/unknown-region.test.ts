import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { expectAdded } from '../../helpers/lint';
import { accepts, PUBLISHED, rangeOf, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'unknown-region';
const LABEL = 'Maakunnat:';
const withRegions = (value: string, text = example('001')) => editLine(text, LABEL, `${LABEL} ${value}`);
/** Where an item of the Maakunnat list is. */
const item = (text: string) => ({ line: LABEL, text });

describe(RULE, () => {
  it('finds a misspelt maakunta, on the item, and nothing else fires', () => {
    const original = example('000');
    // geography-mismatch stays silent while a listed maakunta is unknown (no cascade): besides.
    rejects(RULE, [{ text: withRegions('Keski-Suomii', original), at: item('Keski-Suomii'), message: 'Unknown region (maakunta) "Keski-Suomii"; did you mean "Keski-Suomi"?', besides: original }]);
  });

  it('fixes to the closest name', () => {
    const original = example('000');
    const edited = withRegions('Keski-Suomii', original);
    const f = rejectsOne(RULE, { text: edited, at: item('Keski-Suomii') });
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes[0].safe).toBe(false);
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a name written without ä/ö is certainly the real one: safe fix', () => {
    const original = example('003');
    const edited = withRegions('Kanta-Hame', original);
    const f = rejectsOne(RULE, { text: edited, at: item('Kanta-Hame') });
    expect(f.fixes[0].safe).toBe(true);
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
    // A space for the hyphen, too (the docs promised it, --fix did not apply it).
    const spaced = withRegions('Kanta Häme', original);
    const g = rejectsOne(RULE, { text: spaced, at: item('Kanta Häme') });
    expect(g.fixes[0].safe).toBe(true);
    expect(applyEdits(spaced, g.fixes[0].edits)).toBe(original);
  });

  it('a name far from every maakunta: finding without a fix', () => {
    const f = rejectsOne(RULE, { text: withRegions('Keski-Suomi, Atlantis'), at: item('Atlantis'), message: 'Unknown region (maakunta) "Atlantis".', fi: 'Tuntematon maakunta "Atlantis".' });
    expect(f.message.en).toBe('Unknown region (maakunta) "Atlantis".');
    expect(f.message.fi).toBe('Tuntematon maakunta "Atlantis".');
    expect(f.fixes).toEqual([]);
  });

  it('accepts aliases, Swedish names and any letter case', () => {
    const values = ['Keski-Suomi, Ahvenanmaa - Åland', 'Keski-Suomi, Ahvenanmaa', 'Mellersta Finland', 'keski-suomi', 'Keski-Suomi, Pirkanmaa'];
    accepts(
      RULE,
      values.map((v) => [v, withRegions(v)]),
    );
    for (const value of values) {
      const edited = withRegions(value);
      // Ahvenanmaa is a known maakunta, outside the programme's area (region-outside-programme's).
      const outside = value.includes('Ahvenanmaa') ? [`region-outside-programme@${rangeOf(edited, { line: LABEL }).start.line + 1}`] : [];
      expectAdded(example('001'), edited, ...outside);
    }
  });

  it('reports each unknown item of a list separately', () => {
    rejects(RULE, [{ text: withRegions('Keski-Suomi, Lappi, Pohjois-Savoo, Itä-Uusimaa'), at: [item('Pohjois-Savoo'), item('Itä-Uusimaa')] }]);
  });

  it('an empty or absent Maakunnat is not its finding', () => {
    accepts(RULE, [editLine(example('001'), LABEL, LABEL), editLine(example('001'), LABEL)]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
