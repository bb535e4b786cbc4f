import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { EXAMPLES, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-postal-code';

/** Example 000 with the n-th `Postinumero:` line (1: section 2, 2: section 6) replaced. */
function withPostalCode(value: string, nth = 1): string {
  const lines = example('000').split('\n');
  const at = lines.map((l, i) => (l.startsWith('Postinumero:') ? i : -1)).filter((i) => i >= 0)[nth - 1];
  lines[at] = `Postinumero: ${value}`;
  return lines.join('\n');
}

describe(RULE, () => {
  it("reports the applicant's postal code that is not five digits, on the value, and nothing else", () => {
    const text = withPostalCode('4010');
    expect(findings(text)).toEqual([`${RULE}@33`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 33, text: '4010' });
    expect(f.message).toContain('a postal code has five digits');
  });

  it("checks section 6's place of implementation too", () => {
    const text = withPostalCode('401010', 2);
    expect(findings(text)).toEqual([`${RULE}@105`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 105, text: '401010' }]);
  });

  it('reports letters, and a postal code written with its town', () => {
    for (const bad of ['4O100', '40100 Jyväskylä', 'PL 250']) expect(findingsOf(RULE, withPostalCode(bad)), bad).toMatchObject([{ line: 33, text: bad }]);
  });

  it('accepts five digits, including leading zeros', () => {
    for (const ok of ['40100', '00100', '99999']) expect(findingsOf(RULE, withPostalCode(ok)), ok).toEqual([]);
  });

  it('closes up spaces and an FI- prefix (safe), and suggests a lost leading zero (not safe)', () => {
    for (const bad of ['40 100', 'FI-40100']) {
      const text = withPostalCode(bad);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([['40100', true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
    expect(fixesOf(RULE, withPostalCode('2100')).map((f) => [f.edits[0].newText, f.safe])).toEqual([['02100', false]]);
    expect(fixesOf(RULE, withPostalCode('4O100'))).toEqual([]);
  });

  it('leaves empty values to empty-field (and the optional place fields alone)', () => {
    expect(findings(withPostalCode('', 2).replace('Postinumero: \n', 'Postinumero:\n'))).toEqual([]);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
