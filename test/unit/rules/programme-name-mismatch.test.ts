import { describe, expect, it } from 'vitest';
import { applicableFixes, applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { AXES } from '../../../server/src/core/reference';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'programme-name-mismatch';
const base = example('000'); // Toimintalinja: 5. …, Erityistavoite: 10.1. …
const b1 = example('001'); // Toimintalinja: 3. …, Erityistavoite: 6.1. …
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
const OBJ_LINE = lineOf(base, 'Erityistavoite:');
/** Where a part of the Toimintalinja / Erityistavoite value is. */
const onAxis = (text: string) => ({ line: 'Toimintalinja:', text });
const onObjective = (text: string) => ({ line: 'Erityistavoite:', text });
const withAxis = (value: string, text = base) => editLine(text, 'Toimintalinja:', `Toimintalinja: ${value}`);
const withObjective = (value: string, text = base) => editLine(text, 'Erityistavoite:', `Erityistavoite: ${value}`);
const AXIS5 = 'Sosiaalinen osallisuus ja köyhyyden torjunta';
const NAME_10_1 = 'Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen';

function findingOf(text: string) {
  const f = analyze(text).findings.find((x) => x.rule === RULE);
  expect(f).toBeDefined();
  return f!;
}

/** Applies the rule's first fix and checks the result lints like `original`. */
function expectFixedTo(text: string, original: string): void {
  const fixed = applyEdits(text, findingOf(text).fixes[0].edits);
  expect(findings(fixed)).toEqual(findings(original));
  accepts(RULE, [fixed]);
}

describe(RULE, () => {
  it('reports a misspelt axis name, on the name; the safe fix gives the official name', () => {
    const text = withAxis('5. Sosiaalinen osallisuus ja köyhyydentorjunta');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    rejects(RULE, [{ text, at: onAxis('Sosiaalinen osallisuus ja köyhyydentorjunta'), message: `The official name of priority axis 5 is "${AXIS5}".` }]);
    const finding = findingOf(text);
    expect(finding.severity).toBe('warning');
    expect(finding.fixes[0].safe).toBe(true);
    expect(applyEdits(text, applicableFixes(analyze(text).findings))).toBe(base);
    expectFixedTo(text, base);
  });

  it('reports a misspelt objective name, on the name', () => {
    const text = withObjective('10.1. Työelämän ulkopuolella olevien työ ja toimintakyvyn parantaminen');
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    rejects(RULE, [{ text, at: onObjective('Työelämän ulkopuolella olevien työ ja toimintakyvyn parantaminen') }]);
    expect(findingOf(text).fixes[0].safe).toBe(true);
    expectFixedTo(text, base);
  });

  it('offers a far-off name only as an unsafe fix', () => {
    const text = withAxis('5. Osallisuus');
    const f = findingOf(text);
    expect(f.fixes[0].safe).toBe(false);
    expectFixedTo(text, base);
  });

  it('accepts the official names and the variants seen, in any case', () => {
    const v81 = withObjective('8.1. Työ- ja koulutusurien sukupuolen mukaisen eriytymisen lieventäminen', b1);
    expect(findings(v81)).toEqual(findings(b1));
    const axis4 = withAxis('4. Koulutus, ammattitaito ja elinikäinen oppiminen', b1);
    const v91 = withObjective('9.1. Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palvelujen parantaminen', axis4);
    expect(findings(v91)).toEqual(findings(b1));
    const v91eura = withObjective('9.1. Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden parantaminen', axis4);
    expect(findings(v91eura)).toEqual(findings(b1));
    // REACT-EU from 1.2.2020; an EAKR axis in an EAKR description.
    const from2020 = editLine(b1, 'Suunnitelman mukainen toteutusaika:', 'Suunnitelman mukainen toteutusaika: Alkaa 1.2.2020 ja päättyy 1.1.2022');
    const axis9 = withAxis('9. REACT-EU:n ESR-toimenpiteet', from2020);
    for (const n of ['Yritysten ja yrittäjien nopean muutoskyvykkyyden lisääminen', 'Yritysten ja yrittäjien nopean muutoskyvykkyyden edistäminen']) {
      expect(findings(withObjective(`12.4. ${n}`, axis9))).toEqual(findings(b1));
    }
    const eakr = editLine(b1, 'Euroopan sosiaalirahaston', 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus');
    const axis1 = withAxis('1. Pk-yritysten kilpailukyky', withObjective('2.1. Pk-yritysten kasvun ja kansainvälistymisen edistäminen', eakr));
    expect(findings(axis1)).toEqual(findings(b1));
    expect(findings(withAxis('5. SOSIAALINEN OSALLISUUS JA KÖYHYYDEN TORJUNTA'))).toEqual(findings(base));
  });

  it('accepts every official name', () => {
    accepts(
      RULE,
      AXES.flatMap((a): [string, string][] => [
        [`axis ${a.number}`, withAxis(`${a.number}. ${a.name}`)],
        ...a.objectives.map((o): [string, string] => [o.code, withObjective(`${o.code}. ${o.name}`, withAxis(`${a.number}. ${a.name}`))]),
      ]),
    );
  });

  it('reports a number without a name and appends the official name', () => {
    for (const v of ['5.', '5']) {
      const text = withAxis(v);
      expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
      rejects(RULE, [{ text, at: onAxis(v) }]);
      expect(findingOf(text).fixes[0].safe).toBe(true);
      expect(applyEdits(text, findingOf(text).fixes[0].edits)).toBe(base);
    }
    const obj = withObjective('10.1.');
    expectAdded(base, obj, `${RULE}@${OBJ_LINE}`);
    expect(applyEdits(obj, findingOf(obj).fixes[0].edits)).toBe(base);
  });

  it("reports a name without a number when the name is an axis's, and inserts the number", () => {
    const text = withAxis(AXIS5);
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    rejects(RULE, [{ text, at: onAxis(AXIS5), message: 'number of the priority axis is missing' }]);
    expect(findingOf(text).fixes[0].safe).toBe(true);
    expect(applyEdits(text, findingOf(text).fixes[0].edits)).toBe(base);
  });

  it('reports an objective name without its code, and inserts the code', () => {
    const text = withObjective(NAME_10_1);
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    rejects(RULE, [{ text, at: onObjective(NAME_10_1), message: 'code of the specific objective is missing' }]);
    expect(applyEdits(text, findingOf(text).fixes[0].edits)).toBe(base);
  });

  it("reports an axis number with another axis's name once; the objective decides which fix comes first", () => {
    // 3 with the name of 5, objective 10.1 (axis 5): the number is the likelier slip.
    const text = withAxis(`3. ${AXIS5}`);
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    const f = findingOf(text);
    expect(f.message.en).toContain('is the name of axis 5');
    expect(f.message.en).toContain('Specific objective 10.1 belongs to axis 5');
    expect(f.fixes.map((x) => x.edits[0].newText)).toEqual(['5', 'Työllisyys ja työvoiman liikkuvuus']);
    expect(f.fixes.every((x) => !x.safe)).toBe(true);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
    // 3 with the name of 5, objective 6.1 (axis 3): the name is the likelier slip.
    const t1 = withAxis(`3. ${AXIS5}`, b1);
    expectAdded(b1, t1, `${RULE}@${AXIS_LINE}`);
    expect(findingOf(t1).fixes.map((x) => x.edits[0].newText)).toEqual(['Työllisyys ja työvoiman liikkuvuus', '5']);
    expect(applyEdits(t1, findingOf(t1).fixes[0].edits)).toBe(b1);
  });

  it('reports an objective code with the name of another objective of the same axis once', () => {
    const text = withObjective('6.1. Tuottavuuden ja työhyvinvoinnin parantaminen', b1);
    expectAdded(b1, text, `${RULE}@${OBJ_LINE}`);
    const f = findingOf(text);
    expect(f.message.en).toContain('is the name of objective 7.1');
    expect(f.fixes.map((x) => x.edits[0].newText)).toEqual(['Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen', '7.1']);
    expect(f.fixes.every((x) => !x.safe)).toBe(true);
  });

  it('does not check the name of an objective that objective-axis-mismatch reports', () => {
    const text = withObjective('10.1. Jotain aivan muuta', withAxis('3. Työllisyys ja työvoiman liikkuvuus'));
    expectAdded(base, text, `objective-axis-mismatch@${OBJ_LINE}`);
  });

  it('checks the objective name when the axis is unknown (a separate fault)', () => {
    const text = withObjective('10.1. Työelämän ulkopuolella olevien työ ja toimintakyvyn parantaminen', withAxis('11. Jotain'));
    expectAdded(base, text, `unknown-priority-axis@${AXIS_LINE}`, `${RULE}@${OBJ_LINE}`);
  });

  it('fixes a CRLF document in place', () => {
    const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
    const text = crlf(withAxis('5. Sosiaalinen osallisuus ja köyhyydentorjunta'));
    rejects(RULE, [{ text, at: onAxis('Sosiaalinen osallisuus ja köyhyydentorjunta') }]);
    expect(applyEdits(text, findingOf(text).fixes[0].edits)).toBe(crlf(base));
  });

  it('uses Finnish messages', () => {
    const text = withAxis('5. Sosiaalinen osallisuus ja köyhyydentorjunta');
    expect(findingOf(text).message.fi).toBe(`Toimintalinjan 5 virallinen nimi on "${AXIS5}".`);
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
