import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'date-order';
const LABEL = 'Suunnitelman mukainen toteutusaika:';

function withPeriod(value: string): string {
  return editLine(example('001'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('reports a period that ends before it starts, on the value, and nothing else', () => {
    rejects(RULE, [
      { text: withPeriod('Alkaa 1.1.2019 ja päättyy 1.3.2015'), at: 'Alkaa 1.1.2019 ja päättyy 1.3.2015', message: 'The period ends (1.3.2015) before it starts (1.1.2019).', alone: true },
    ]);
  });

  it('compares dates as dates, not as text', () => {
    accepts(RULE, [withPeriod('Alkaa 9.12.2015 ja päättyy 10.1.2016')]);
    rejects(RULE, [
      { text: withPeriod('Alkaa 10.1.2016 ja päättyy 9.1.2016'), at: 'Alkaa 10.1.2016 ja päättyy 9.1.2016' },
      { text: withPeriod('Alkaa 2.1.2016 ja päättyy 1.2.2015'), at: 'Alkaa 2.1.2016 ja päättyy 1.2.2015' },
    ]);
  });

  it('accepts a one-day period', () => {
    accepts(RULE, [withPeriod('Alkaa 1.3.2015 ja päättyy 1.3.2015')]);
  });

  it('offers to swap the dates, not as a safe fix', () => {
    const text = withPeriod('Alkaa 1.1.2019 ja päättyy 1.3.2015');
    const [fix] = rejectsOne(RULE, { text, at: 'Alkaa 1.1.2019 ja päättyy 1.3.2015' }).fixes;
    expect(fix.safe).toBe(false);
    expect(applyEdits(text, fix.edits)).toBe(example('001'));
  });

  it('says nothing when a date is not a real date (that is invalid-date)', () => {
    rejects('invalid-date', [{ text: withPeriod('Alkaa 1.1.2019 ja päättyy 31.2.2015'), at: '31.2.2015', alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
