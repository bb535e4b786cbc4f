import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-project-code';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';

function withCode(value: string, text = example('000')): string {
  return editLine(text, 'Hankekoodi:', `Hankekoodi: ${value}`);
}

describe(RULE, () => {
  it('reports a code that is not a letter and five digits, on the value only', () => {
    for (const bad of ['S2136', 'S213680', '21368', 'SS1368', 'S21 368x']) {
      const text = withCode(bad);
      expect(findings(text), bad).toEqual([`${RULE}@7`]);
      const [f] = findingsOf(RULE, text);
      expect(f).toMatchObject({ line: 7, text: bad });
      expect(f.message).toContain('S and five digits');
    }
  });

  it('reports another letter than S in an ESR description, on the letter', () => {
    const text = withCode('A21368');
    expect(findings(text)).toEqual([`${RULE}@7`]);
    const [f] = findingsOf(RULE, text);
    expect(f.text).toBe('A');
    expect(f.message).toContain('begins with S');
    expect(fixesOf(RULE, text)).toEqual([]);
  });

  it('takes a description without a title for an ESR one', () => {
    const text = withCode('A21368', editLine(example('000'), 'Euroopan sosiaalirahaston', ''));
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 7, text: 'A' }]);
  });

  it('accepts any letter when the title names another fund', () => {
    const eakr = editLine(example('000'), 'Euroopan sosiaalirahaston', EAKR_TITLE);
    expect(findingsOf(RULE, withCode('A76254', eakr))).toEqual([]);
    expect(findingsOf(RULE, withCode('A7625', eakr))).toMatchObject([{ line: 7, text: 'A7625' }]);
  });

  it('closes up a code written with a space or a dash (safe fix)', () => {
    for (const bad of ['S 21368', 'S-21368', 's21368 ']) {
      const text = withCode(bad);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([['S21368', true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
  });

  it('writes a lower-case letter in capitals', () => {
    const text = withCode('s21368');
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 7, text: 's' }]);
    expect(fixesOf(RULE, text).map((f) => [f.edits[0].newText, f.safe])).toEqual([['S21368', true]]);
  });

  it('accepts the codes of the published descriptions', () => {
    for (const code of ['S21368', 'S20015', 'S21576', 'S21888', 'S22335']) expect(findingsOf(RULE, withCode(code)), code).toEqual([]);
  });

  it('leaves an empty code to empty-field', () => {
    expect(findings(editLine(example('000'), 'Hankekoodi:', 'Hankekoodi:'))).toEqual(['empty-field@7']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
