import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf } from '../../helpers/lint';

const RULE = 'date-order';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('reports a period that ends before it starts, on the value, and nothing else', () => {
    const text = withPeriod('Alkaa 1.1.2019 ja päättyy 1.3.2015');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 15, text: 'Alkaa 1.1.2019 ja päättyy 1.3.2015' });
    expect(f.message).toBe('The period ends (1.3.2015) before it starts (1.1.2019).');
  });

  it('compares dates as dates, not as text', () => {
    expect(findingsOf(RULE, withPeriod('Alkaa 9.12.2015 ja päättyy 10.1.2016'))).toEqual([]);
    expect(findingsOf(RULE, withPeriod('Alkaa 10.1.2016 ja päättyy 9.1.2016'))).toHaveLength(1);
    expect(findingsOf(RULE, withPeriod('Alkaa 2.1.2016 ja päättyy 1.2.2015'))).toHaveLength(1);
  });

  it('accepts a one-day period', () => {
    expect(findingsOf(RULE, withPeriod('Alkaa 1.3.2015 ja päättyy 1.3.2015'))).toEqual([]);
  });

  it('offers to swap the dates, not as a safe fix', () => {
    const text = withPeriod('Alkaa 1.1.2019 ja päättyy 1.3.2015');
    const [fix] = analyze(text)
      .findings.filter((f) => f.rule === RULE)
      .flatMap((f) => f.fixes);
    expect(fix.safe).toBe(false);
    expect(applyEdits(text, fix.edits)).toBe(example('001'));
  });

  it('says nothing when a date is not a real date (that is invalid-date)', () => {
    const text = withPeriod('Alkaa 1.1.2019 ja päättyy 31.2.2015');
    expect(findings(text)).toEqual(['invalid-date@15']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
