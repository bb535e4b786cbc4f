import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { AXES } from '../../../server/src/core/reference';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings, findingsOf } from '../../helpers/lint';

const RULE = 'unknown-priority-axis';
const base = example('000'); // Toimintalinja: 5. …, Erityistavoite: 10.1. …
const AXIS_LINE = lineOf(base, 'Toimintalinja:');
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
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: AXIS_LINE, text: '11' });
    expect(f.message).toContain('Priority axis 11 is not in the programme');
    expect(f.message).toContain('1, 2, 3, 4, 5, 6, 7, 8 and 9');
    expect(analyze(text).findings.find((x) => x.rule === RULE)!.severity).toBe('error');
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
    expect(findingsOf(RULE, text)).toMatchObject([{ line: AXIS_LINE, text: '3.1' }]);
  });

  it('reports 0 and 10', () => {
    for (const n of ['0', '10']) {
      const text = withAxis(`${n}. Sosiaalinen osallisuus ja köyhyyden torjunta`);
      expect(findingsOf(RULE, text)).toMatchObject([{ line: AXIS_LINE, text: n }]);
    }
  });

  it('reports a value without a number whose name is no axis, on the whole value', () => {
    const text = withAxis('Sosiaalinen osallisus');
    expectAdded(base, text, `${RULE}@${AXIS_LINE}`);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: AXIS_LINE, text: 'Sosiaalinen osallisus' });
    expect(f.message).toContain('has no number');
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
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: AXIS_LINE, text: 'Tekninen tuki' });
    expect(f.message).toContain('axes 6 and 7');
  });

  it('leaves a name without a number that names one axis to programme-name-mismatch', () => {
    const text = withAxis('Sosiaalinen osallisuus ja köyhyyden torjunta');
    expect(findingsOf(RULE, text)).toEqual([]);
    expectAdded(base, text, `programme-name-mismatch@${AXIS_LINE}`);
  });

  it('accepts every axis of the programme, with or without the dot', () => {
    for (const a of AXES) {
      expect(findingsOf(RULE, withAxis(`${a.number}. ${a.name}`))).toEqual([]);
      expect(findingsOf(RULE, withAxis(`${a.number} ${a.name}`))).toEqual([]);
    }
  });

  it('is silent on an empty or absent value', () => {
    expect(findingsOf(RULE, withAxis(''))).toEqual([]);
    expect(findingsOf(RULE, editLine(base, 'Toimintalinja:'))).toEqual([]);
  });

  it('finds nothing in the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
