import { describe, expect, it } from 'vitest';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf } from '../../helpers/lint';

const RULE = 'date-out-of-programme';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('reports a start before 1.1.2014 on the start date, and nothing else', () => {
    const text = withPeriod('Alkaa 31.12.2013 ja päättyy 1.1.2019');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 15, text: '31.12.2013' });
    expect(f.message).toContain('before the programme period');
  });

  it('reports an end after 31.12.2023 on the end date', () => {
    const text = withPeriod('Alkaa 1.3.2015 ja päättyy 1.1.2024');
    expect(findings(text)).toEqual([`${RULE}@15`]);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 15, text: '1.1.2024' }]);
  });

  it('reports both ends separately', () => {
    const text = withPeriod('Alkaa 1.6.2013 ja päättyy 30.6.2024');
    expect(findingsOf(RULE, text).map((f) => f.text)).toEqual(['1.6.2013', '30.6.2024']);
  });

  it('accepts a period from exactly 1.1.2014 to exactly 31.12.2023', () => {
    expect(findingsOf(RULE, withPeriod('Alkaa 1.1.2014 ja päättyy 31.12.2023'))).toEqual([]);
    expect(findingsOf(RULE, withPeriod('Alkaa 01.01.2014 ja päättyy 31.12.2023'))).toEqual([]);
  });

  it('says nothing about a date that is not a real date (that is invalid-date)', () => {
    expect(findings(withPeriod('Alkaa 31.2.2013 ja päättyy 1.1.2019'))).toEqual(['invalid-date@15']);
    expect(findings(withPeriod('Alkaa 1.3.2015 ja päättyy 32.12.2024'))).toEqual(['invalid-date@15']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
