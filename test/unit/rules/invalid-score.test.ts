import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'invalid-score';
/** 001's "Kulttuuriympäristö 6 6" (justified) rewritten as `line`. */
function kulttuuri(line: string): string {
  return editLine(example('001'), 'Kulttuuriympäristö 6 6', line);
}

describe(RULE, () => {
  it('a score above 10, on the token, and nothing else fires', () => {
    const original = example('001');
    const edited = kulttuuri('Kulttuuriympäristö 6 11');
    const line = lineOf(edited, 'Kulttuuriympäristö');
    expect(findingsOf(RULE, edited)).toEqual([{ line, text: '11', message: 'The indirect score "11" of item "Kulttuuriympäristö" is not a whole number 0–10.' }]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
  });

  it('0 and 10 are valid', () => {
    const original = example('001');
    for (const scores of ['0 0', '10 10', '0 10', '10 0']) {
      expect(findings(kulttuuri(`Kulttuuriympäristö ${scores}`)), scores).toEqual(findings(original));
    }
  });

  it('11, -1, 2,5 and 1.5 are not', () => {
    for (const bad of ['11', '-1', '2,5', '1.5', '100']) {
      const edited = kulttuuri(`Kulttuuriympäristö ${bad} 6`);
      expect(
        findingsOf(RULE, edited).map((f) => f.text),
        bad,
      ).toEqual([bad]);
      expect(findingsOf(RULE, edited)[0].message, bad).toBe(`The direct score "${bad}" of item "Kulttuuriympäristö" is not a whole number 0–10.`);
    }
  });

  it('a missing score: reported on the item name', () => {
    const original = example('001');
    for (const [line, message] of [
      ['Kulttuuriympäristö 6', 'Item "Kulttuuriympäristö": the indirect score is missing (0–10).'],
      ['Kulttuuriympäristö', 'Item "Kulttuuriympäristö": the direct and the indirect score are missing (0–10).'],
    ]) {
      const edited = kulttuuri(line);
      const n = lineOf(edited, 'Kulttuuriympäristö');
      expect(findingsOf(RULE, edited), line).toEqual([{ line: n, text: 'Kulttuuriympäristö', message }]);
      expect(sorted(findings(edited)), line).toEqual(sorted([...findings(original), `${RULE}@${n}`]));
    }
  });

  it('a third score: reported on the extra token, with a fix removing it', () => {
    const edited = kulttuuri('Kulttuuriympäristö 6 6 6');
    const fs = analyze(edited).findings.filter((f) => f.rule === RULE);
    expect(fs).toHaveLength(1);
    expect(fs[0].range.start.character).toBe('Kulttuuriympäristö 6 6 '.length);
    expect(fs[0].fixes[0].edits).toEqual([{ range: { start: { line: fs[0].range.start.line, character: 'Kulttuuriympäristö 6 6'.length }, end: fs[0].range.end }, newText: '' }]);
  });

  it('both scores bad: two findings; a bad score is not counted by missing-justification', () => {
    const edited = editLine(example('003'), 'Kulttuuriympäristö 0 0', 'Kulttuuriympäristö 11 2,5');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(['11', '2,5']);
    expect(findingsOf('missing-justification', edited)).toEqual([]);
  });

  it('a digit in the item name (Natura 2000) is not a score', () => {
    const edited = editLine(example('000'), 'Natura 2000 -ohjelman kohteet 0 0', 'Natura 2000 -ohjelman kohteet 0 12');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(['12']);
  });

  it('is silent on the five examples (scores 0–10, with 0 and 10 in 003 and 004)', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
