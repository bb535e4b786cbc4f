import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rangeOf, rejects } from '../../helpers/rules';

const RULE = 'financing-eu-exceeds-public';
const FINANCING = ['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned'];
// 001: granted 237 649, realised EU 237 649, planned public 378 213, realised public 339 499.
const base = example('001');
const REAL_EU = 'Toteutunut EU- ja valtion rahoitus';
const REAL_PUBLIC = 'Toteutunut julkinen rahoitus yhteensä';
/** Where an amount on the realised EU+state line is. */
const onRealEu = (text: string) => ({ line: `${REAL_EU}:`, text });
const set = (label: string, value: string, text = base) => editLine(text, `${label}:`, `${label}: ${value}`);
const financingOf = (text: string) => analyze(text).findings.filter((f) => FINANCING.includes(f.rule));

describe(RULE, () => {
  it('reports realised EU+state one euro above realised public, on the EU+state amount', () => {
    const text = set(REAL_PUBLIC, '237 648');
    const [[finding]] = rejects(RULE, [
      { text, at: onRealEu('237 649'), message: 'Realised EU and state funding (237 649 €) exceeds the realised public funding in total (237 648 €) by 1 €.', besides: base },
    ]);
    expect(finding.severity).toBe('error');
    expect(finding.message.fi).toBe('Toteutunut EU- ja valtion rahoitus (237 649 €) on suurempi kuin toteutunut julkinen rahoitus yhteensä (237 648 €); ero 1 €.');
  });

  it('reports one cent over', () => {
    rejects(RULE, [{ text: set(REAL_PUBLIC, '237 648,99'), at: onRealEu('237 649'), message: 'by 0,01 €' }]);
  });

  it('accepts equal amounts (a 100 % share)', () => {
    expect(findings(set(REAL_PUBLIC, '237 649'))).toEqual(findings(base));
    // 002: realised EU = realised public = 554 759.
    accepts(RULE, [['002', example('002')]]);
  });

  it('reports each broken relation of one amount: above granted and above realised public', () => {
    // A realised EU+state amount too large for both limits breaks two relations; each rule reports its own.
    const text = set(REAL_EU, '400 000');
    expectAdded(base, text, ...['financing-eu-exceeds-public', 'financing-realized-exceeds-granted'].map((r) => `${r}@${rangeOf(text, onRealEu('400 000')).start.line + 1}`));
    rejects(RULE, [{ text, at: onRealEu('400 000') }]);
    rejects('financing-realized-exceeds-granted', [{ text, at: onRealEu('400 000') }]);
  });

  it('is silent when either realised amount is empty (a running project)', () => {
    const running = set('Toiminnan tila', 'Toiminnassa');
    expect(financingOf(set(REAL_PUBLIC, '', running))).toEqual([]);
    expect(financingOf(set(REAL_EU, '', set(REAL_PUBLIC, '1', running))).map((f) => f.rule)).not.toContain(RULE);
  });

  it('leaves out an invalid amount (no cascade)', () => {
    accepts(RULE, [set(REAL_PUBLIC, '23 7648'), set(REAL_PUBLIC, '1', set(REAL_EU, '237 649,999'))]);
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
