import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-number';

function edit(start: string, value: string, text = example('000')): string {
  return editLine(text, start, `${start} ${value}`);
}

describe(RULE, () => {
  it('reports an amount that is not a Finnish-style number, on the value, and nothing else', () => {
    const text = edit('Suunniteltu julkinen rahoitus yhteensä:', '335.500,00');
    expect(findings(text)).toEqual([`${RULE}@89`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 89, text: '335.500,00' });
    expect(f.message).toContain('is not an amount');
  });

  it('reports a count that is not a whole number, in 7.1 and 7.2', () => {
    const lines = example('000').split('\n');
    const i = lines.findIndex((l) => l.startsWith('7.2'));
    lines[i + 2] = 'Suunniteltu: noin 60';
    const text = lines.join('\n');
    expect(findings(text)).toEqual([`${RULE}@119`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 119, text: 'noin 60', message: expect.stringContaining('is not a count') }]);
    const realised = edit('Toteutunut seurantatietojen mukaan:', '2,5');
    expect(findingsOf(RULE, realised)).toMatchObject([{ line: 115, text: '2,5' }]);
  });

  it('reports negative numbers', () => {
    const text = edit('Myönnetty EU- ja valtion rahoitus:', '-289 500');
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 85, text: '-289 500', message: expect.stringContaining('cannot be negative') }]);
    expect(findingsOf(RULE, edit('Toteutunut seurantatietojen mukaan:', '-1'))).toMatchObject([{ line: 115, text: '-1' }]);
  });

  it('accepts Finnish-style amounts and counts', () => {
    for (const v of ['289 500', '289500', '289 500,50', '289\u00a0500', '289\u202f500', '0', '1 234 567,5']) {
      expect(findingsOf(RULE, edit('Myönnetty EU- ja valtion rahoitus:', v)), v).toEqual([]);
    }
    for (const v of ['0', '60', '1 200']) expect(findingsOf(RULE, edit('Toteutunut seurantatietojen mukaan:', v)), v).toEqual([]);
  });

  it('removes a unit, a ,- or a doubled space (safe), suggests spaces for dots (not safe)', () => {
    const cases: [string, string, string, boolean][] = [
      ['Myönnetty EU- ja valtion rahoitus:', '289 500 €', '289 500', true],
      ['Myönnetty EU- ja valtion rahoitus:', '289 500 euroa', '289 500', true],
      ['Toteutunut seurantatietojen mukaan:', '21 kpl', '21', true],
      ['Myönnetty EU- ja valtion rahoitus:', '289 500,-', '289 500', true],
      ['Myönnetty EU- ja valtion rahoitus:', '289  500', '289 500', true],
      ['Myönnetty EU- ja valtion rahoitus:', '289.500', '289 500', false],
    ];
    for (const [label, bad, good, safe] of cases) {
      const text = edit(label, bad);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([[good, safe]]);
      expect(findingsOf(RULE, applyEdits(text, fixes[0].edits))).toEqual([]);
    }
    expect(fixesOf(RULE, edit('Myönnetty EU- ja valtion rahoitus:', 'paljon'))).toEqual([]);
  });

  it('leaves empty values to empty-field (and allows empty realised figures)', () => {
    expect(findings(editLine(example('000'), 'Myönnetty EU- ja valtion rahoitus:', 'Myönnetty EU- ja valtion rahoitus:'))).toEqual(['empty-field@85']);
    expect(findingsOf(RULE, editLine(example('000'), 'Toteutunut EU- ja valtion rahoitus:', 'Toteutunut EU- ja valtion rahoitus:'))).toEqual([]);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
