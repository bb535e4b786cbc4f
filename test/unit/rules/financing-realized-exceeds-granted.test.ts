import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example } from '../../helpers/examples';
import { findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'financing-realized-exceeds-granted';
const FINANCING = ['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned'];
// 000: granted 289 500, realised EU 278 300, planned public 335 500, realised public 278 300.
const base = example('000');
const GRANTED = 'Myönnetty EU- ja valtion rahoitus';
const REAL_EU = 'Toteutunut EU- ja valtion rahoitus';
const REAL_PUBLIC = 'Toteutunut julkinen rahoitus yhteensä';
/** Where an amount on the realised EU+state line is. */
const onRealEu = (text: string) => ({ line: `${REAL_EU}:`, text });
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);
// Realised public raised so that only this relation is at stake.
const roomy = set(REAL_PUBLIC, '300 000');
const financingOf = (text: string) => analyze(text).findings.filter((f) => FINANCING.includes(f.rule));

describe(RULE, () => {
  it('reports realised one cent above granted, on the realised amount', () => {
    const text = set(REAL_EU, '289 500,01', roomy);
    const [[finding]] = rejects(RULE, [
      { text, at: onRealEu('289 500,01'), message: 'Realised EU and state funding (289 500,01 €) exceeds the granted EU and state funding (289 500 €) by 0,01 €.', besides: roomy },
    ]);
    expect(finding.severity).toBe('error');
    expect(finding.message.fi).toBe('Toteutunut EU- ja valtion rahoitus (289 500,01 €) on suurempi kuin myönnetty EU- ja valtion rahoitus (289 500 €); ero 0,01 €.');
  });

  it('reports realised one euro above granted when granted is lowered', () => {
    rejects(RULE, [{ text: set(GRANTED, '278 299'), at: onRealEu('278 300'), besides: base }]);
  });

  it('accepts equal amounts', () => {
    expect(findings(set(REAL_EU, '289 500', roomy))).toEqual(findings(roomy));
    // 001: realised EU = granted = 237 649.
    accepts(RULE, [['001', example('001')]]);
  });

  it('is silent on empty realised amounts while the project runs', () => {
    const running = set('Toiminnan tila', 'Toiminnassa', set(REAL_PUBLIC, '', set(REAL_EU, '')));
    expect(financingOf(running)).toEqual([]);
  });

  it('leaves out an invalid amount (no cascade)', () => {
    for (const v of ['2 89 500', '289 500 €', 'noin 300 000']) {
      expect(financingOf(set(REAL_EU, v, roomy)), v).toEqual([]);
      accepts(RULE, [[v, set(GRANTED, v)]]);
    }
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
