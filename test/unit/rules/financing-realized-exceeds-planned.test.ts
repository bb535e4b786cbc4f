import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example } from '../../helpers/examples';
import { findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'financing-realized-exceeds-planned';
const FINANCING = ['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned'];
// 003: granted 250 065, realised EU 115 663, planned public 333 420, realised public 154 217.
const base = example('003');
const PLANNED = 'Suunniteltu julkinen rahoitus yhteensä';
const REAL_PUBLIC = 'Toteutunut julkinen rahoitus yhteensä';
/** Where an amount on the realised public line is. */
const onRealPublic = (text: string) => ({ line: `${REAL_PUBLIC}:`, text });
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);
const financingOf = (text: string) => analyze(text).findings.filter((f) => FINANCING.includes(f.rule));

describe(RULE, () => {
  it('warns on realised public one cent above planned, on the realised amount', () => {
    const text = set(REAL_PUBLIC, '333 420,01');
    const [[finding]] = rejects(RULE, [
      { text, at: onRealPublic('333 420,01'), message: 'Realised public funding in total (333 420,01 €) exceeds the planned public funding in total (333 420 €) by 0,01 €.', besides: base },
    ]);
    expect(finding.severity).toBe('warning');
    expect(finding.message.fi).toBe('Toteutunut julkinen rahoitus yhteensä (333 420,01 €) on suurempi kuin suunniteltu julkinen rahoitus yhteensä (333 420 €); ero 0,01 €.');
  });

  it('warns one euro over when planned is lowered below realised', () => {
    // Planned stays above granted (250 065) so that only this relation breaks.
    rejects(RULE, [{ text: set(PLANNED, '154 216'), at: onRealPublic('154 217'), message: 'by 1 €' }]);
  });

  it('accepts equal amounts', () => {
    expect(findings(set(REAL_PUBLIC, '333 420'))).toEqual(findings(base));
    // 002: realised public 554 759 < planned 645 000; 000: 278 300 < 335 500.
    accepts(RULE, [['002', example('002')]]);
  });

  it('can be turned off or raised to an error', () => {
    const text = set(REAL_PUBLIC, '400 000');
    accepts(RULE, [text], { rules: { [RULE]: 'off' } });
    expect(analyze(text, { rules: { [RULE]: 'error' } }).findings.find((f) => f.rule === RULE)!.severity).toBe('error');
  });

  it('is silent on an empty realised amount while the project runs', () => {
    const running = set('Toiminnan tila', 'Toiminnassa', set(REAL_PUBLIC, '', set('Toteutunut EU- ja valtion rahoitus', '')));
    expect(financingOf(running)).toEqual([]);
  });

  it('leaves out an invalid amount (no cascade)', () => {
    for (const v of ['400 000 euroa', '4OO OOO', '-1']) {
      expect(financingOf(set(REAL_PUBLIC, v)), v).toEqual([]);
    }
    accepts(RULE, [set(PLANNED, '1 2 3')]);
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
