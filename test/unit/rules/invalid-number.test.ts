import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-number';
const GRANTED = 'Myönnetty EU- ja valtion rahoitus:';
const REALISED_COUNT = 'Toteutunut seurantatietojen mukaan:';

function edit(start: string, value: string, text = example('000')): string {
  return editLine(text, start, `${start} ${value}`);
}

describe(RULE, () => {
  it('reports an amount that is not a Finnish-style number, on the value, and nothing else', () => {
    rejects(RULE, [{ text: edit('Suunniteltu julkinen rahoitus yhteensä:', '335.500,00'), at: '335.500,00', message: 'is not an amount', alone: true }]);
  });

  it('reports a count that is not a whole number, in 7.1 and 7.2', () => {
    const lines = example('000').split('\n');
    const i = lines.findIndex((l) => l.startsWith('7.2'));
    lines[i + 2] = 'Suunniteltu: noin 60';
    rejects(RULE, [
      { text: lines.join('\n'), at: 'noin 60', message: 'is not a count', alone: true },
      { text: edit(REALISED_COUNT, '2,5'), at: { line: REALISED_COUNT, text: '2,5' } },
    ]);
  });

  it('reports negative numbers', () => {
    rejects(RULE, [
      { text: edit(GRANTED, '-289 500'), at: { line: GRANTED, text: '-289 500' }, message: 'cannot be negative' },
      { text: edit(REALISED_COUNT, '-1'), at: { line: REALISED_COUNT, text: '-1' } },
    ]);
  });

  it('accepts Finnish-style amounts and counts', () => {
    accepts(RULE, [
      ...['289 500', '289500', '289 500,50', '289\u00a0500', '289\u202f500', '0', '1 234 567,5'].map((v): [string, string] => [v, edit(GRANTED, v)]),
      ...['0', '60', '1 200'].map((v): [string, string] => [v, edit(REALISED_COUNT, v)]),
    ]);
  });

  it('removes a unit, a ,- or a doubled space (safe), suggests spaces for dots (not safe)', () => {
    const cases: [string, string, string, boolean][] = [
      [GRANTED, '289 500 €', '289 500', true],
      [GRANTED, '289 500 euroa', '289 500', true],
      [REALISED_COUNT, '21 kpl', '21', true],
      [GRANTED, '289 500,-', '289 500', true],
      [GRANTED, '289  500', '289 500', true],
      [GRANTED, '289.500', '289 500', false],
    ];
    for (const [label, bad, good, safe] of cases) {
      const text = edit(label, bad);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([[good, safe]]);
      accepts(RULE, [[`${bad} fixed`, applyEdits(text, fixes[0].edits)]]);
    }
    expect(fixesOf(RULE, edit(GRANTED, 'paljon'))).toEqual([]);
  });

  it('leaves empty values to empty-field (and allows empty realised figures)', () => {
    rejects('empty-field', [{ text: editLine(example('000'), GRANTED, GRANTED), at: { line: GRANTED, text: GRANTED.slice(0, -1) }, alone: true }]);
    accepts(RULE, [editLine(example('000'), 'Toteutunut EU- ja valtion rahoitus:', 'Toteutunut EU- ja valtion rahoitus:')]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
