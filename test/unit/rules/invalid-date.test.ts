import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-date';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

/** Example 001 (1.3.2015–1.1.2019) with another period value. */
function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('reports a date that does not exist on that date only, and nothing else', () => {
    const text = withPeriod('Alkaa 31.4.2015 ja päättyy 1.1.2019');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 15, text: '31.4.2015' });
    expect(f.message).toBe('The start date 31.4.2015 is not a real calendar date.');
  });

  it('knows leap years: 29.2.2020 exists, 29.2.2019 does not', () => {
    expect(findingsOf(RULE, withPeriod('Alkaa 1.3.2015 ja päättyy 29.2.2020'))).toEqual([]);
    const text = withPeriod('Alkaa 1.3.2015 ja päättyy 29.2.2019');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 15, text: '29.2.2019', message: 'The end date 29.2.2019 is not a real calendar date.' }]);
  });

  it('reports both dates when both are wrong', () => {
    const text = withPeriod('Alkaa 0.3.2015 ja päättyy 1.13.2019');
    expect(findingsOf(RULE, text).map((f) => f.text)).toEqual(['0.3.2015', '1.13.2019']);
  });

  it('accepts leading zeros', () => {
    expect(findingsOf(RULE, withPeriod('Alkaa 01.03.2015 ja päättyy 01.01.2019'))).toEqual([]);
  });

  it('reports a date not written D.M.YYYY, with a safe fix when it is a real date written another way', () => {
    const short = withPeriod('Alkaa 1.3.15 ja päättyy 1.1.2019');
    expect(findingsOf(RULE, short)).toMatchObject([{ line: 15, text: '1.3.15' }]);
    expect(findingsOf(RULE, short)[0].message).toContain('is not written D.M.YYYY');
    expect(fixesOf(RULE, short)).toEqual([]);
    for (const [bad, good] of [
      ['2015-03-01', '1.3.2015'],
      ['1/3/2015', '1.3.2015'],
      ['1.3.2015.', '1.3.2015'],
    ]) {
      const text = withPeriod(`Alkaa ${bad} ja päättyy 1.1.2019`);
      expect(findingsOf(RULE, text), bad).toMatchObject([{ line: 15, text: bad }]);
      const fixes = fixesOf(RULE, text);
      expect(fixes.map((f) => [f.edits[0].newText, f.safe])).toEqual([[good, true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
  });

  it('reports a period of another shape on the whole value', () => {
    const text = withPeriod('1.3.2015 - 1.1.2019');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 15, text: '1.3.2015 - 1.1.2019' }]);
    const fixes = fixesOf(RULE, text);
    expect(fixes.map((f) => [f.edits[0].newText, f.safe])).toEqual([['Alkaa 1.3.2015 ja päättyy 1.1.2019', true]]);
    expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    // Other words around the dates: the fix is offered but not applied blindly.
    const worded = withPeriod('Alkaa 1.3.2015, päättyi 1.1.2019');
    expect(findingsOf(RULE, worded)).toMatchObject([{ text: 'Alkaa 1.3.2015, päättyi 1.1.2019' }]);
    expect(fixesOf(RULE, worded).map((f) => f.safe)).toEqual([false]);
    // No dates at all: no fix.
    expect(fixesOf(RULE, withPeriod('vuodet 2015–2018'))).toEqual([]);
  });

  it('leaves an empty period to empty-field', () => {
    expect(findings(editLine(example('001'), LABEL, LABEL))).toEqual(['empty-field@15']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
