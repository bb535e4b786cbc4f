import { describe, it } from 'vitest';
import { editLine, example } from '../../helpers/examples';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'date-out-of-programme';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('reports a start before 1.1.2014 on the start date, and nothing else', () => {
    rejects(RULE, [{ text: withPeriod('Alkaa 31.12.2013 ja päättyy 1.1.2019'), at: { line: LABEL, text: '31.12.2013' }, message: 'before the programme period', alone: true }]);
  });

  it('reports an end after 31.12.2023 on the end date', () => {
    rejects(RULE, [{ text: withPeriod('Alkaa 1.3.2015 ja päättyy 1.1.2024'), at: { line: LABEL, text: '1.1.2024' }, alone: true }]);
  });

  it('reports both ends separately', () => {
    rejects(RULE, [
      {
        text: withPeriod('Alkaa 1.6.2013 ja päättyy 30.6.2024'),
        at: [
          { line: LABEL, text: '1.6.2013' },
          { line: LABEL, text: '30.6.2024' },
        ],
      },
    ]);
  });

  it('accepts a period from exactly 1.1.2014 to exactly 31.12.2023', () => {
    accepts(RULE, [withPeriod('Alkaa 1.1.2014 ja päättyy 31.12.2023'), withPeriod('Alkaa 01.01.2014 ja päättyy 31.12.2023')]);
  });

  it('says nothing about a date that is not a real date (that is invalid-date)', () => {
    rejects('invalid-date', [
      { text: withPeriod('Alkaa 31.2.2013 ja päättyy 1.1.2019'), at: { line: LABEL, text: '31.2.2013' }, alone: true },
      { text: withPeriod('Alkaa 1.3.2015 ja päättyy 32.12.2024'), at: { line: LABEL, text: '32.12.2024' }, alone: true },
    ]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
