import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-date';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

/** Example 001 (1.3.2015–1.1.2019) with another period value. */
function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

/** Where a part of the period value is. */
const on = (text: string) => ({ line: LABEL, text });

describe(RULE, () => {
  it('reports a date that does not exist on that date only, and nothing else', () => {
    rejects(RULE, [{ text: withPeriod('Alkaa 31.4.2015 ja päättyy 1.1.2019'), at: on('31.4.2015'), message: 'The start date 31.4.2015 is not a real calendar date.', alone: true }]);
  });

  it('knows leap years: 29.2.2020 exists, 29.2.2019 does not', () => {
    accepts(RULE, [withPeriod('Alkaa 1.3.2015 ja päättyy 29.2.2020')]);
    rejects(RULE, [{ text: withPeriod('Alkaa 1.3.2015 ja päättyy 29.2.2019'), at: on('29.2.2019'), message: 'The end date 29.2.2019 is not a real calendar date.', alone: true }]);
  });

  it('reports both dates when both are wrong', () => {
    rejects(RULE, [{ text: withPeriod('Alkaa 0.3.2015 ja päättyy 1.13.2019'), at: [on('0.3.2015'), on('1.13.2019')] }]);
  });

  it('accepts leading zeros', () => {
    accepts(RULE, [withPeriod('Alkaa 01.03.2015 ja päättyy 01.01.2019')]);
  });

  it('reports a date not written D.M.YYYY, with a safe fix when it is a real date written another way', () => {
    const short = withPeriod('Alkaa 1.3.15 ja päättyy 1.1.2019');
    rejects(RULE, [{ text: short, at: on('1.3.15'), message: 'is not written D.M.YYYY' }]);
    expect(fixesOf(RULE, short)).toEqual([]);
    for (const [bad, good] of [
      ['2015-03-01', '1.3.2015'],
      ['1/3/2015', '1.3.2015'],
      ['1.3.2015.', '1.3.2015'],
    ]) {
      const text = withPeriod(`Alkaa ${bad} ja päättyy 1.1.2019`);
      rejects(RULE, [{ text, at: on(bad) }]);
      const fixes = fixesOf(RULE, text);
      expect(fixes.map((f) => [f.edits[0].newText, f.safe])).toEqual([[good, true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
  });

  it('reports a period of another shape on the whole value', () => {
    const text = withPeriod('1.3.2015 - 1.1.2019');
    rejects(RULE, [{ text, at: on('1.3.2015 - 1.1.2019'), alone: true }]);
    const fixes = fixesOf(RULE, text);
    expect(fixes.map((f) => [f.edits[0].newText, f.safe])).toEqual([['Alkaa 1.3.2015 ja päättyy 1.1.2019', true]]);
    expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    // Other words around the dates: the fix is offered but not applied blindly.
    const worded = withPeriod('Alkaa 1.3.2015, päättyi 1.1.2019');
    rejects(RULE, [{ text: worded, at: on('Alkaa 1.3.2015, päättyi 1.1.2019') }]);
    expect(fixesOf(RULE, worded).map((f) => f.safe)).toEqual([false]);
    // No dates at all: no fix.
    expect(fixesOf(RULE, withPeriod('vuodet 2015–2018'))).toEqual([]);
  });

  it('leaves an empty period to empty-field', () => {
    rejects('empty-field', [{ text: editLine(example('001'), LABEL, LABEL), at: on(LABEL.slice(0, -1)), alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
