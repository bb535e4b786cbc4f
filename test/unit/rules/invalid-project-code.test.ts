import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-project-code';
const LABEL = 'Hankekoodi:';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';

function withCode(value: string, text = example('000')): string {
  return editLine(text, LABEL, `${LABEL} ${value}`);
}

/** Where a part of the code is. */
const on = (text: string) => ({ line: LABEL, text });

describe(RULE, () => {
  it('reports a code that is not a letter and five digits, on the value only', () => {
    rejects(
      RULE,
      ['S2136', 'S213680', '21368', 'SS1368', 'S21 368x'].map((bad) => ({ text: withCode(bad), at: on(bad), message: 'S and five digits', alone: true })),
    );
  });

  it('reports another letter than S in an ESR description, on the letter', () => {
    const text = withCode('A21368');
    rejects(RULE, [{ text, at: on('A'), message: 'begins with S', alone: true }]);
    expect(fixesOf(RULE, text)).toEqual([]);
  });

  it('takes a description without a title for an ESR one', () => {
    rejects(RULE, [{ text: withCode('A21368', editLine(example('000'), 'Euroopan sosiaalirahaston', '')), at: on('A') }]);
  });

  it('accepts any letter when the title names another fund', () => {
    const eakr = editLine(example('000'), 'Euroopan sosiaalirahaston', EAKR_TITLE);
    accepts(RULE, [withCode('A76254', eakr)]);
    rejects(RULE, [{ text: withCode('A7625', eakr), at: on('A7625') }]);
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
    rejects(RULE, [{ text, at: on('s') }]);
    expect(fixesOf(RULE, text).map((f) => [f.edits[0].newText, f.safe])).toEqual([['S21368', true]]);
  });

  it('accepts the codes of the published descriptions', () => {
    accepts(
      RULE,
      ['S21368', 'S20015', 'S21576', 'S21888', 'S22335'].map((code) => [code, withCode(code)]),
    );
  });

  it('leaves an empty code to empty-field', () => {
    rejects('empty-field', [{ text: editLine(example('000'), LABEL, LABEL), at: on('Hankekoodi'), alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
