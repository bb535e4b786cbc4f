import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example } from '../../helpers/examples';
import { findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'financing-granted-exceeds-planned';
const FINANCING = ['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned'];
// 000: granted 289 500, realised EU 278 300, planned public 335 500, realised public 278 300.
const base = example('000');
const GRANTED = 'Myönnetty EU- ja valtion rahoitus';
const PLANNED = 'Suunniteltu julkinen rahoitus yhteensä';
/** Where an amount on the granted line is. */
const onGranted = (text: string) => ({ line: `${GRANTED}:`, text });
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);
const financingOf = (text: string) => analyze(text).findings.filter((f) => FINANCING.includes(f.rule));

describe(RULE, () => {
  it('reports granted one cent above planned, on the granted amount, naming both amounts and the difference', () => {
    const text = set(GRANTED, '335 500,01');
    const [[finding]] = rejects(RULE, [
      { text, at: onGranted('335 500,01'), message: 'Granted EU and state funding (335 500,01 €) exceeds the planned public funding in total (335 500 €) by 0,01 €.', besides: base },
    ]);
    expect(finding.severity).toBe('error');
    expect(finding.message.fi).toBe('Myönnetty EU- ja valtion rahoitus (335 500,01 €) on suurempi kuin suunniteltu julkinen rahoitus yhteensä (335 500 €); ero 0,01 €.');
  });

  it('reports granted one euro above planned when planned is lowered', () => {
    rejects(RULE, [{ text: set(PLANNED, '289 499'), at: onGranted('289 500'), message: 'by 1 €', besides: base }]);
  });

  it('reads every Finnish thousands separator and plain digits', () => {
    rejects(RULE, [
      { text: set(GRANTED, '335\u00a0501'), at: onGranted('335\u00a0501') },
      { text: set(GRANTED, '335\u202f501'), at: onGranted('335\u202f501') },
      { text: set(GRANTED, '1335500'), at: onGranted('1335500'), message: 'by 1 000 000 €' },
    ]);
  });

  it('accepts equal amounts and a 100 % share (no fixed maximum rate)', () => {
    expect(findings(set(GRANTED, '335 500'))).toEqual(findings(base));
    expect(findings(set(GRANTED, '335 500,00'))).toEqual(findings(base));
    // 002: granted = planned = 645 000.
    accepts(RULE, [set(GRANTED, '0'), ['002', example('002')]]);
  });

  it('leaves out an invalid or empty amount (no cascade)', () => {
    for (const v of ['335 5O1', '-400 000', '400.000', '']) {
      expect(financingOf(set(GRANTED, v)), v).toEqual([]);
      expect(
        financingOf(set(PLANNED, v)).map((f) => f.rule),
        v,
      ).not.toContain(RULE);
    }
  });

  it('is silent when a field is absent', () => {
    accepts(RULE, [editLine(set(GRANTED, '999 999'), `${PLANNED}:`)]);
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
