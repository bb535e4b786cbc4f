import { describe, expect, it } from 'vitest';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'axis-fund-mismatch';
const ESR_TITLE = 'Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';
const base = example('004'); // ESR, 3. / 6.1., starts 1.4.2021
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
const OBJ_LINE = lineOf(base, 'Erityistavoite:');
/** Where a part of the Toimintalinja value is. */
const onAxis = (text: string) => ({ line: 'Toimintalinja:', text });

function programme(axis: string, objective: string, text = base): string {
  return editLine(editLine(text, 'Toimintalinja:', `Toimintalinja: ${axis}`), 'Erityistavoite:', `Erityistavoite: ${objective}`);
}
const eakr = (text = base) => editLine(text, ESR_TITLE, EAKR_TITLE);

const EAKR_PAIRS: [string, string][] = [
  ['1. Pk-yritystoiminnan kilpailukyky', '2.1. PK-yritysten kasvun ja kansainvälistymisen edistäminen'],
  ['2. Uusimman tiedon ja osaamisen tuottaminen ja hyödyntäminen', '4.1. Tutkimus-, osaamis- ja innovaatiokeskittymien kehittäminen alueellisten vahvuuksien pohjalta'],
  ['8. REACT-EU:n EAKR-toimenpiteet', '12.1. Pk-yritystoiminnan vahvistaminen erityisesti digitalisaation ja vihreän talouden näkökulmasta'],
];
const ESR_PAIRS: [string, string][] = [
  ['3. Työllisyys ja työvoiman liikkuvuus', '7.1. Tuottavuuden ja työhyvinvoinnin parantaminen'],
  ['4. Koulutus, ammattitaito ja elinikäinen oppiminen', '9.1. Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden parantaminen'],
  ['5. Sosiaalinen osallisuus ja köyhyyden torjunta', '10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen'],
  ['9. REACT-EU:n ESR-toimenpiteet', '12.3. Digitaalisten taitojen parantaminen'],
];

describe(RULE, () => {
  it('an EAKR axis (1, 2, 8) in an ESR description: one finding, on the axis number, and nothing else', () => {
    rejects(
      RULE,
      EAKR_PAIRS.map(([axis, objective]) => {
        const number = axis.split('.')[0];
        return {
          text: programme(axis, objective),
          at: onAxis(number),
          message: `Priority axis ${number} is an EAKR axis, but this is the description of an ESR project (title). The ESR axes are 3, 4, 5, 7 and 9.`,
          besides: base,
        };
      }),
    );
  });

  it("the other side: an ESR axis in an EAKR description, and each fund's own axes are silent", () => {
    const text = programme(...ESR_PAIRS[0], eakr());
    rejects(RULE, [{ text, at: onAxis('3'), message: 'Priority axis 3 is an ESR axis, but this is the description of an EAKR project (title). The EAKR axes are 1, 2, 6 and 8.' }]);
    for (const [axis, objective] of EAKR_PAIRS) expect(findings(programme(axis, objective, eakr())), axis).toEqual(findings(base));
    for (const [axis, objective] of ESR_PAIRS) expect(findings(programme(axis, objective)), axis).toEqual(findings(base));
  });

  it('Finnish message and severity', () => {
    const f = rejectsOne(RULE, { text: programme(...EAKR_PAIRS[0]), at: onAxis('1') });
    expect(f.message.fi).toBe('Toimintalinja 1 on EAKR-toimintalinja, mutta kuvaus on ESR-hankkeen (otsikko). ESR-toimintalinjat ovat 3, 4, 5, 7 ja 9.');
    expect(f.severity).toBe('error');
    expect(f.fixes).toEqual([]);
  });

  it("one fault, one finding: an objective of another axis, or an axis line naming another axis, is the other rules'", () => {
    // Axis 1 with objective 6.1 (axis 3): objective-axis-mismatch offers the axis fix.
    expectAdded(
      base,
      programme('1. Pk-yritystoiminnan kilpailukyky', '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen'),
      `objective-axis-mismatch@${OBJ_LINE}`,
    );
    // Number 1 with the name of axis 3.
    expectAdded(
      base,
      programme('1. Työllisyys ja työvoiman liikkuvuus', '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen'),
      `programme-name-mismatch@${AXIS_LINE}`,
    );
    // An axis that does not exist.
    accepts(RULE, [programme('11. Tuntematon', '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen')]);
  });

  it('an axis given by name only is checked (and programme-name-mismatch asks for the number)', () => {
    const text = programme('Pk-yritystoiminnan kilpailukyky', '2.1. PK-yritysten kasvun ja kansainvälistymisen edistäminen');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`, `programme-name-mismatch@${AXIS_LINE}`);
    rejects(RULE, [{ text, at: onAxis('Pk-yritystoiminnan kilpailukyky') }]);
  });

  it('a description without a title is an ESR one; a title naming neither fund is not checked', () => {
    const noTitle = editLine(programme(...EAKR_PAIRS[0]), ESR_TITLE);
    rejects(RULE, [{ text: noTitle, at: onAxis('1') }]);
    accepts(RULE, [editLine(programme(...EAKR_PAIRS[0]), ESR_TITLE, 'Jonkin rahaston rahoittaman hankkeen kuvaus')]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
