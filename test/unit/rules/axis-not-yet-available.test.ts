import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings, findingsOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'axis-not-yet-available';
const PERIOD = 'Suunnitelman mukainen toteutusaika:';
const base = example('004'); // ESR, Jyväskylä, 3. / 6.1.
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
const AXIS9 = '9. REACT-EU:n ESR-toimenpiteet';
const OBJ_12_3 = '12.3. Digitaalisten taitojen parantaminen';
const AXIS8 = '8. REACT-EU:n EAKR-toimenpiteet';
const OBJ_12_1 = '12.1. Pk-yritystoiminnan vahvistaminen erityisesti digitalisaation ja vihreän talouden näkökulmasta';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';

function react(start: string, end = '31.12.2022', axis = AXIS9, objective = OBJ_12_3, text = base): string {
  let t = editLine(text, PERIOD, `${PERIOD} Alkaa ${start} ja päättyy ${end}`);
  t = editLine(t, 'Toimintalinja:', `Toimintalinja: ${axis}`);
  return editLine(t, 'Erityistavoite:', `Erityistavoite: ${objective}`);
}

describe(RULE, () => {
  it('axis 9 starting 31.1.2020: on the axis number; from 1.2.2020 silent', () => {
    const text = react('31.1.2020');
    rejects(RULE, [{ text, at: { line: 'Toimintalinja:', text: '9' }, message: 'Priority axis 9 (REACT-EU) paid for costs only from 1.2.2020, but the project starts on 31.1.2020.' }]);
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    expect(findings(react('1.2.2020'))).toEqual(findings(base));
    expect(findings(react('1.9.2021'))).toEqual(findings(base));
    rejects(RULE, [{ text: react('1.1.2015'), at: { line: 'Toimintalinja:', text: '9' } }]);
  });

  it('axis 8 in an EAKR description: the same edge days', () => {
    const eakr = editLine(base, 'Euroopan sosiaalirahaston', EAKR_TITLE);
    rejects(RULE, [{ text: react('31.1.2020', undefined, AXIS8, OBJ_12_1, eakr), at: { line: 'Toimintalinja:', text: '8' } }]);
    expect(findings(react('1.2.2020', undefined, AXIS8, OBJ_12_1, eakr))).toEqual(findings(base));
  });

  it('the other axes are open from the programme start', () => {
    accepts(
      RULE,
      ['1.1.2014', '31.1.2020'].map((start) => [
        start,
        react(start, undefined, '3. Työllisyys ja työvoiman liikkuvuus', '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen'),
      ]),
    );
  });

  it('Finnish message and severity', () => {
    const f = analyze(react('31.1.2020')).findings.find((x) => x.rule === RULE)!;
    expect(f.message.fi).toBe('Toimintalinjalta 9 (REACT-EU) rahoitettiin kustannuksia vasta 1.2.2020 alkaen, mutta hanke alkaa 31.1.2020.');
    expect(f.severity).toBe('warning');
  });

  it("one fault, one finding: axis 8 in an ESR description is axis-fund-mismatch's alone", () => {
    const text = react('31.1.2020', undefined, AXIS8, OBJ_12_1);
    expectAdded(base, text, `axis-fund-mismatch@${AXIS_LINE}`);
  });

  it('no cascade from an invalid or reversed period', () => {
    accepts(RULE, [react('31.13.2019')]);
    expect(findingsOf('invalid-date', react('31.13.2019'))).toHaveLength(1);
    const reversed = react('31.1.2020', '1.1.2020');
    accepts(RULE, [reversed]);
    expect(findingsOf('date-order', reversed)).toHaveLength(1);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
