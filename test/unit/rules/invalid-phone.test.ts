import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { phoneProblem } from '../../../server/src/core/rules/values/invalid-phone';
import { editLine, example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-phone';
const APPLICANT = 'Puhelinnumero:';
const CONTACT = 'Yhteyshenkilön puhelinnumero:';

function withPhone(value: string, label = APPLICANT): string {
  return editLine(example('000'), label, `${label} ${value}`);
}

describe(RULE, () => {
  it('accepts the numbers of the published descriptions', () => {
    const published = ['0295024500', '014 2675755', '040-635 0138', '+358295026000', '03 6211', '014 266 0134', '0404855075', '0295024586', '+358295026077', '040 7061828'];
    for (const n of published) expect(phoneProblem(n), n).toBeUndefined();
    accepts(
      RULE,
      published.map((n) => [n, withPhone(n)]),
    );
  });

  it('accepts 6 to 12 digits, +358 with spaces or hyphens', () => {
    for (const n of ['036211', '040 123 4567', '+358 40 123 4567', '+358-40-1234567', '012345678901']) expect(phoneProblem(n), n).toBeUndefined();
  });

  it("reports the applicant's number with too few digits, on the value, and nothing else", () => {
    rejects(RULE, [{ text: withPhone('03 621'), at: { line: APPLICANT, text: '03 621' }, message: 'It has 5 digits', alone: true }]);
  });

  it("checks the contact's number too", () => {
    rejects(RULE, [{ text: withPhone('0295 024 586 000', CONTACT), at: { line: CONTACT, text: '0295 024 586 000' }, message: 'It has 13 digits', alone: true }]);
  });

  it("reports beside the expected findings of an example (002's final-report-missing)", () => {
    const text = editLine(example('002'), CONTACT, `${CONTACT} +358 29 50`);
    rejects(RULE, [{ text, at: { line: CONTACT, text: '+358 29 50' }, besides: example('002') }]);
    expect(findings(text)).toHaveLength(2);
  });

  it('reports letters, other signs, two numbers and foreign numbers', () => {
    rejects(
      RULE,
      ['puh. 0295024500', '0295024500 (vaihde)', '040 123 4567, 050 765 4321', '040/1234567', '+46 8 123 456 78', '+358'].map((bad) => ({ text: withPhone(bad), at: { line: APPLICANT, text: bad } })),
    );
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
      rejects(RULE, [{ text, at: { line: APPLICANT, text: bad } }]);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([[good, true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
  });

  it('leaves an empty number to empty-field', () => {
    rejects('empty-field', [{ text: editLine(example('000'), APPLICANT, APPLICANT), at: { line: APPLICANT, text: 'Puhelinnumero' }, alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
