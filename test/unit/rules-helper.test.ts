// The table-driven rule-test helper (test/helpers/rules.ts) fails when it should: a wrong
// range, a wrong message, another rule's finding, a finding where none is accepted.
import { describe, expect, it } from 'vitest';
import { editLine, example } from '../helpers/examples';
import { accepts, rangeOf, rejects } from '../helpers/rules';

const LABEL = 'Puhelinnumero:';
const bad = editLine(example('000'), LABEL, `${LABEL} 03 621`);

describe('accepts / rejects', () => {
  it('finds a range from its text, from a line and its text, the n-th such line, an empty position', () => {
    const text = 'A: x\nB: yx\nB: zx\n';
    expect(rangeOf(text, 'x')).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 4 } });
    expect(rangeOf(text, { line: 'B:', text: 'x' })).toEqual({ start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
    expect(rangeOf(text, { line: 'B:', nth: 2, text: 'z' })).toEqual({ start: { line: 2, character: 3 }, end: { line: 2, character: 4 } });
    expect(rangeOf(text, { line: 'B:', after: ':' })).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    expect(rangeOf(text, { line: 'A:' })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
    expect(() => rangeOf(text, 'nowhere')).toThrow(/not in the document/);
    expect(() => rangeOf(text, { line: 'C:' })).toThrow(/no line/);
  });

  it('passes on the finding as it is', () => {
    expect(rejects('invalid-phone', [{ text: bad, at: { line: LABEL, text: '03 621' }, message: 'It has 5 digits', alone: true }])[0]).toHaveLength(1);
  });

  it('fails on a wrong range, a wrong message, a missing finding, another rule and an unaccepted document', () => {
    expect(() => rejects('invalid-phone', [{ text: bad, at: { line: LABEL, text: '03 ' } }])).toThrow(/the ranges/);
    expect(() => rejects('invalid-phone', [{ text: bad, at: { line: LABEL, text: '03 621' }, message: 'It has 6 digits' }])).toThrow(/message 1/);
    expect(() => rejects('invalid-phone', [{ text: example('000'), at: { line: LABEL } }])).toThrow(/the ranges/);
    const two = editLine(bad, 'WWW-osoite:', 'WWW-osoite: laukaa');
    expect(() => rejects('invalid-phone', [{ text: two, at: { line: LABEL, text: '03 621' }, alone: true }])).toThrow(/no other finding/);
    expect(() => rejects('invalid-phone', [{ text: two, at: { line: LABEL, text: '03 621' }, besides: example('000') }])).toThrow(/other findings unchanged/);
    expect(() => accepts('invalid-phone', [bad])).toThrow(/invalid-phone accepts/);
  });
});
