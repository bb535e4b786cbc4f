import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-postal-code';
const LABEL = 'Postinumero:';

/** Example 000 with the n-th `Postinumero:` line (1: section 2, 2: section 6) replaced. */
function withPostalCode(value: string, nth = 1): string {
  const lines = example('000').split('\n');
  const at = lines.map((l, i) => (l.startsWith(LABEL) ? i : -1)).filter((i) => i >= 0)[nth - 1];
  lines[at] = `${LABEL} ${value}`;
  return lines.join('\n');
}

describe(RULE, () => {
  it("reports the applicant's postal code that is not five digits, on the value, and nothing else", () => {
    rejects(RULE, [{ text: withPostalCode('4010'), at: { line: LABEL, text: '4010' }, message: 'a postal code has five digits', alone: true }]);
  });

  it("checks section 6's place of implementation too", () => {
    rejects(RULE, [{ text: withPostalCode('401010', 2), at: { line: LABEL, nth: 2, text: '401010' }, alone: true }]);
  });

  it('reports letters, and a postal code written with its town', () => {
    rejects(
      RULE,
      ['4O100', '40100 Jyväskylä', 'PL 250'].map((bad) => ({ text: withPostalCode(bad), at: { line: LABEL, text: bad } })),
    );
  });

  it('accepts five digits, including leading zeros', () => {
    accepts(
      RULE,
      ['40100', '00100', '99999'].map((ok) => [ok, withPostalCode(ok)]),
    );
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
    accepts(RULE, PUBLISHED);
  });
});
