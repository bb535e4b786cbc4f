import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { phoneProblem } from '../../../server/src/core/rules/values/invalid-phone';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-phone';

function withPhone(value: string, label = 'Puhelinnumero:'): string {
  return editLine(example('000'), label, `${label} ${value}`);
}

describe(RULE, () => {
  it('accepts the numbers of the published descriptions', () => {
    const published = ['0295024500', '014 2675755', '040-635 0138', '+358295026000', '03 6211', '014 266 0134', '0404855075', '0295024586', '+358295026077', '040 7061828'];
    for (const n of published) {
      expect(phoneProblem(n), n).toBeUndefined();
      expect(findingsOf(RULE, withPhone(n)), n).toEqual([]);
    }
  });

  it('accepts 6 to 12 digits, +358 with spaces or hyphens', () => {
    for (const n of ['036211', '040 123 4567', '+358 40 123 4567', '+358-40-1234567', '012345678901']) expect(phoneProblem(n), n).toBeUndefined();
  });

  it("reports the applicant's number with too few digits, on the value, and nothing else", () => {
    const text = withPhone('03 621');
    expect(findings(text)).toEqual([`${RULE}@31`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 31, text: '03 621' });
    expect(f.message).toContain('It has 5 digits');
  });

  it("checks the contact's number too", () => {
    const text = withPhone('0295 024 586 000', 'Yhteyshenkilön puhelinnumero:');
    expect(findings(text)).toEqual([`${RULE}@45`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 45, text: '0295 024 586 000', message: expect.stringContaining('It has 13 digits') }]);
  });

  it('reports beside the expected findings of an example (002: final-report-missing on line 191)', () => {
    const text = editLine(example('002'), 'Yhteyshenkilön puhelinnumero:', 'Yhteyshenkilön puhelinnumero: +358 29 50');
    expect(findings(text)).toEqual([`${RULE}@45`, 'final-report-missing@191']);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 45, text: '+358 29 50' }]);
  });

  it('reports letters, other signs, two numbers and foreign numbers', () => {
    for (const bad of ['puh. 0295024500', '0295024500 (vaihde)', '040 123 4567, 050 765 4321', '040/1234567', '+46 8 123 456 78', '+358']) {
      expect(findingsOf(RULE, withPhone(bad)), bad).toMatchObject([{ line: 31, text: bad }]);
    }
  });

  it('fixes the usual misspellings of an international number (safe)', () => {
    const cases = [
      ['+358 040 123 4567', '+358 40 123 4567'],
      ['+3580295024500', '+358295024500'],
      ['+358 (0)40 123 4567', '+358 40 123 4567'],
      ['00358 40 123 4567', '+358 40 123 4567'],
      ['(014) 266 0134', '014 266 0134'],
      ['040–635 0138', '040-635 0138'],
    ];
    for (const [bad, good] of cases) {
      const text = withPhone(bad);
      expect(findingsOf(RULE, text), bad).toHaveLength(1);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([[good, true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
  });

  it('leaves an empty number to empty-field', () => {
    expect(findings(editLine(example('000'), 'Puhelinnumero:', 'Puhelinnumero:'))).toEqual(['empty-field@31']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
