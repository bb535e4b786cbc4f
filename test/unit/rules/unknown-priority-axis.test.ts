import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { AXES } from '../../../server/src/core/reference';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'unknown-priority-axis';
const base = example('000'); // Toimintalinja: 5. …, Erityistavoite: 10.1. …
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
/** Where a part of the Toimintalinja value is. */
const onAxis = (text: string) => ({ line: 'Toimintalinja:', text });
const withAxis = (value: string, text = base) => editLine(text, 'Toimintalinja:', `Toimintalinja: ${value}`);

function fixOf(text: string) {
  const f = analyze(text).findings.find((x) => x.rule === RULE);
  expect(f).toBeDefined();
  return f!.fixes;
}

describe(RULE, () => {
  it('reports a number that is not an axis, on the number', () => {
    const text = withAxis('11. Sosiaalinen osallisuus ja köyhyyden torjunta');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    const f = rejectsOne(RULE, { text, at: onAxis('11'), message: 'Priority axis 11 is not in the programme' });
    expect(f.message.en).toContain('1, 2, 3, 4, 5, 6, 7, 8 and 9');
    expect(f.severity).toBe('error');
  });

  it('offers the number the name stands for, and the fixed text lints clean', () => {
    const text = withAxis('11. Sosiaalinen osallisuus ja köyhyyden torjunta');
    const [fix] = fixOf(text);
    expect(fix.safe).toBe(true);
    expect(fix.edits.map((e) => e.newText)).toEqual(['5']);
    expect(applyEdits(text, fix.edits)).toBe(base);
    expect(findings(applyEdits(text, fix.edits))).toEqual(findings(base));
  });

  it('reports an objective-like code given as the axis', () => {
    const text = withAxis('3.1 Työllisyys ja työvoiman liikkuvuus');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    rejects(RULE, [{ text, at: onAxis('3.1') }]);
  });

  it('reports 0 and 10', () => {
    rejects(
      RULE,
      ['0', '10'].map((n) => ({ text: withAxis(`${n}. Sosiaalinen osallisuus ja köyhyyden torjunta`), at: onAxis(n) })),
    );
  });

  it('reports a value without a number whose name is no axis, on the whole value', () => {
    const text = withAxis('Sosiaalinen osallisus');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    rejects(RULE, [{ text, at: onAxis('Sosiaalinen osallisus'), message: 'has no number' }]);
    expect(fixOf(text)).toEqual([]);
  });

  it('suggests (not safely) the axis whose name is a near miss when the number is missing', () => {
    const text = withAxis('Sosiaalinen osallisuus ja köyhyyden torjunat');
    const [fix] = fixOf(text);
    expect(fix.safe).toBe(false);
    expect(fix.edits.map((e) => e.newText)).toEqual(['5. Sosiaalinen osallisuus ja köyhyyden torjunta']);
    expect(findings(applyEdits(text, fix.edits))).toEqual(findings(base));
  });

  it('reports a name without a number that names two axes', () => {
    const text = withAxis('Tekninen tuki');
    rejects(RULE, [{ text, at: onAxis('Tekninen tuki'), message: 'axes 6 and 7' }]);
  });

  it('leaves a name without a number that names one axis to programme-name-mismatch', () => {
    const text = withAxis('Sosiaalinen osallisuus ja köyhyyden torjunta');
    accepts(RULE, [text]);
    expectAdded(base, text, `programme-name-mismatch@${AXIS_LINE}`);
  });

  it('accepts every axis of the programme, with or without the dot', () => {
    accepts(
      RULE,
      AXES.flatMap((a) => [withAxis(`${a.number}. ${a.name}`), withAxis(`${a.number} ${a.name}`)]),
    );
  });

  it('is silent on an empty or absent value', () => {
    accepts(RULE, [withAxis(''), editLine(base, 'Toimintalinja:')]);
  });

  it('finds nothing in the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
