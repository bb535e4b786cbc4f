import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings, findingsOf } from '../../helpers/lint';

const RULE = 'financing-granted-exceeds-planned';
const FINANCING = ['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned'];
// 000: granted 289 500, realised EU 278 300, planned public 335 500, realised public 278 300.
const base = example('000');
const GRANTED = 'Myönnetty EU- ja valtion rahoitus';
const PLANNED = 'Suunniteltu julkinen rahoitus yhteensä';
const GRANTED_LINE = lineOf(base, `${GRANTED}:`);
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);
const financingOf = (text: string) => analyze(text).findings.filter((f) => FINANCING.includes(f.rule));

describe(RULE, () => {
  it('reports granted one cent above planned, on the granted amount, naming both amounts and the difference', () => {
    const text = set(GRANTED, '335 500,01');
    expectAdded(base, text, `${RULE}@${GRANTED_LINE}`);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: GRANTED_LINE, text: '335 500,01' });
    expect(f.message).toBe('Granted EU and state funding (335 500,01 €) exceeds the planned public funding in total (335 500 €) by 0,01 €.');
    const finding = analyze(text).findings.find((x) => x.rule === RULE)!;
    expect(finding.severity).toBe('error');
    expect(finding.message.fi).toBe('Myönnetty EU- ja valtion rahoitus (335 500,01 €) on suurempi kuin suunniteltu julkinen rahoitus yhteensä (335 500 €); ero 0,01 €.');
  });

  it('reports granted one euro above planned when planned is lowered', () => {
    const text = set(PLANNED, '289 499');
    expectAdded(base, text, `${RULE}@${GRANTED_LINE}`);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: GRANTED_LINE, text: '289 500' }]);
    expect(findingsOf(RULE, text)[0].message).toContain('by 1 €');
  });

  it('reads every Finnish thousands separator and plain digits', () => {
    expect(findingsOf(RULE, set(GRANTED, '335\u00a0501'))).toMatchObject([{ text: '335\u00a0501' }]);
    expect(findingsOf(RULE, set(GRANTED, '335\u202f501'))).toHaveLength(1);
    expect(findingsOf(RULE, set(GRANTED, '1335500'))[0].message).toContain('by 1 000 000 €');
  });

  it('accepts equal amounts and a 100 % share (no fixed maximum rate)', () => {
    expect(findings(set(GRANTED, '335 500'))).toEqual(findings(base));
    expect(findings(set(GRANTED, '335 500,00'))).toEqual(findings(base));
    expect(findingsOf(RULE, set(GRANTED, '0'))).toEqual([]);
    // 002: granted = planned = 645 000.
    expect(findingsOf(RULE, example('002'))).toEqual([]);
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
    expect(findingsOf(RULE, editLine(set(GRANTED, '999 999'), `${PLANNED}:`))).toEqual([]);
  });

  it('finds nothing in the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
