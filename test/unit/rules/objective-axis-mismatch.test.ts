import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { AXES } from '../../../server/src/core/reference';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'objective-axis-mismatch';
const base = example('000'); // Toimintalinja: 5. …, Erityistavoite: 10.1. …
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
const OBJ_LINE = lineOf(base, 'Erityistavoite:');
/** Where a part of the Erityistavoite value is. */
const onObjective = (text: string) => ({ line: 'Erityistavoite:', text });
const withAxis = (value: string, text = base) => editLine(text, 'Toimintalinja:', `Toimintalinja: ${value}`);
const withObjective = (value: string, text = base) => editLine(text, 'Erityistavoite:', `Erityistavoite: ${value}`);
const AXIS3 = '3. Työllisyys ja työvoiman liikkuvuus';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';
const PERIOD = 'Suunnitelman mukainen toteutusaika:';
const NAME_10_1 = 'Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen';

function findingOf(text: string) {
  const f = analyze(text).findings.find((x) => x.rule === RULE);
  expect(f).toBeDefined();
  return f!;
}

describe(RULE, () => {
  it('reports 10.1 under axis 3, on the code', () => {
    const text = withAxis(AXIS3);
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    const f = rejectsOne(RULE, { text, at: onObjective('10.1'), message: 'belongs to priority axis 5, not to axis 3' });
    expect(f.message.en).toContain('6.1, 7.1 and 8.1');
    expect(findingOf(text).severity).toBe('error');
  });

  it('offers (not safely) the axis of the objective; the result lints clean', () => {
    const text = withAxis(AXIS3);
    const fix = findingOf(text).fixes.find((x) => x.edits.some((e) => e.range.start.line === AXIS_LINE - 1))!;
    expect(fix.safe).toBe(false);
    expect(applyEdits(text, fix.edits)).toBe(base);
  });

  it('offers the code the name stands for when the name is an objective of the stated axis', () => {
    const text = withObjective(`6.1. ${NAME_10_1}`);
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    const f = findingOf(text);
    expect(f.fixes[0].safe).toBe(true);
    expect(f.fixes[0].edits.map((e) => e.newText)).toEqual(['10.1']);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
  });

  it('reports an objective code that does not exist, once', () => {
    const text = withObjective('11.2. Jotain muuta');
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    rejects(RULE, [{ text, at: onObjective('11.2'), message: 'Specific objective 11.2 is not in the programme' }]);
  });

  it('reports a code without the objective part (10) as unknown', () => {
    rejects(RULE, [{ text: withObjective(`10 ${NAME_10_1}`), at: onObjective('10') }]);
  });

  it('fixes an unknown code from the name', () => {
    const text = withObjective(`11.1. ${NAME_10_1}`);
    const f = findingOf(text);
    expect(f.fixes[0].safe).toBe(true);
    expect(findings(applyEdits(text, f.fixes[0].edits))).toEqual(findings(base));
  });

  it('reports an unknown code even when the axis is unknown, and nothing else for the objective', () => {
    const text = withObjective('11.2. Jotain', withAxis('11. Jotain'));
    expectAdded(base, text, `unknown-priority-axis@${AXIS_LINE}`, `${RULE}@${OBJ_LINE}`);
  });

  it('does not check a known objective against an unknown axis (that is unknown-priority-axis)', () => {
    const text = withAxis('11. Jotain');
    expectAdded(base, text, `unknown-priority-axis@${AXIS_LINE}`);
  });

  it('does not check against an absent or empty axis', () => {
    const none = editLine(withObjective('6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen'), 'Toimintalinja:');
    accepts(RULE, [none, withAxis('', withObjective('7.1. Tuottavuuden ja työhyvinvoinnin parantaminen'))]);
  });

  it('cannot check unknown codes under an axis without objective codes in the data (6, 7)', () => {
    const text = withObjective('13.1. Tekninen tuki', withAxis('7. Tekninen tuki'));
    expect(findings(text)).toEqual(findings(base));
    // …but a known objective of another axis is still reported.
    rejects(RULE, [{ text: withAxis('7. Tekninen tuki'), at: onObjective('10.1') }]);
  });

  it('reports a value without a code whose name is no objective, on the whole value', () => {
    const text = withObjective('Jotain muuta');
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`);
    rejects(RULE, [{ text, at: onObjective('Jotain muuta'), message: 'has no code' }]);
  });

  it('reports a name-only objective of another axis (and programme-name-mismatch the missing code)', () => {
    const text = withObjective('Tuottavuuden ja työhyvinvoinnin parantaminen');
    expectAdded(base, text, `${RULE}@${OBJ_LINE}`, `programme-name-mismatch@${OBJ_LINE}`);
    rejects(RULE, [{ text, at: onObjective('Tuottavuuden ja työhyvinvoinnin parantaminen'), message: '7.1 belongs to priority axis 3, not to axis 5' }]);
  });

  it("is silent when the axis line names the objective's axis (programme-name-mismatch reports the axis line)", () => {
    const text = withAxis('3. Sosiaalinen osallisuus ja köyhyyden torjunta');
    expectAdded(base, text, `programme-name-mismatch@${AXIS_LINE}`);
  });

  it('checks against an axis given by name only', () => {
    const text = withAxis('Työllisyys ja työvoiman liikkuvuus');
    expectAdded(base, text, `programme-name-mismatch@${AXIS_LINE}`, `${RULE}@${OBJ_LINE}`);
  });

  it('accepts every objective under its own axis', () => {
    for (const a of AXES) {
      // A description of the axis' fund, starting when the axis was open (REACT-EU: 1.2.2020).
      let ofAxis = a.fund === 'EAKR' ? editLine(base, 'Euroopan sosiaalirahaston', EAKR_TITLE) : base;
      if (a.eligibleFrom) ofAxis = editLine(ofAxis, PERIOD, `${PERIOD} Alkaa 1.2.2020 ja päättyy 31.7.2021`);
      for (const o of a.objectives) {
        const text = withObjective(`${o.code}. ${o.name}`, withAxis(`${a.number}. ${a.name}`, ofAxis));
        expect(findings(text), o.code).toEqual(findings(base));
      }
    }
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
