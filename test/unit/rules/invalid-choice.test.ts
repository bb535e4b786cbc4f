import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { APPLICANT_COUNT_OPTIONS } from '../../../server/src/core/reference';
import { editLine, example } from '../../helpers/examples';
import { findings, fixTexts } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-choice';
const Q1 = 'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta:';
const COUNT = 'Hakijoiden lukumäärä tai tuen siirto -menettely:';
const [SINGLE, JOINT, TRANSFER] = APPLICANT_COUNT_OPTIONS;

function edit(start: string, value: string, text = example('000')): string {
  return editLine(text, start, `${start} ${value}`);
}

describe(RULE, () => {
  it('reports an 8.1 answer other than Kyllä/Ei, on the value, and nothing else', () => {
    const text = edit(Q1, 'Joo');
    rejects(RULE, [{ text, at: { line: Q1, text: 'Joo' }, message: 'allowed: "Kyllä" / "Ei"', alone: true }]);
    // Not a near miss of either: one fix per answer, none safe; "Joo" means yes, so Kyllä first.
    expect(fixTexts(RULE, text)).toEqual([
      ['Kyllä', false],
      ['Ei', false],
    ]);
    expect(fixTexts(RULE, edit(Q1, 'Ei ole tehty'))).toEqual([
      ['Ei', false],
      ['Kyllä', false],
    ]);
    expect(fixTexts(RULE, edit(Q1, 'Kyllä, analyysi on tehty'))).toEqual([
      ['Kyllä', false],
      ['Ei', false],
    ]);
  });

  it('fixes a near miss of an answer safely (case, ä written a, a typo, a full stop)', () => {
    for (const [bad, good] of [
      ['kyllä', 'Kyllä'],
      ['Kylla', 'Kyllä'],
      ['EI', 'Ei'],
      ['Kyllä.', 'Kyllä'],
      ['Kylä', 'Kyllä'],
    ]) {
      const text = edit(Q1, bad);
      rejects(RULE, [{ text, at: { line: Q1, text: bad } }]);
      const fixes = fixTexts(RULE, text);
      expect(fixes[0], bad).toEqual([good, true]);
      expect(fixes.filter(([, s]) => s)).toHaveLength(1);
      expect(findings(applyEdits(text, analyze(text).findings.find((f) => f.rule === RULE)!.fixes[0].edits))).toEqual([]);
    }
  });

  it('checks all three questions', () => {
    const questions = ['Hankkeessa on tehty', 'Sukupuolinäkökulma on huomioitu hankkeen toiminnassa', 'Hankkeen päätavoite'];
    let text = example('001');
    for (const q of questions) {
      const line = text.split('\n').find((l) => l.startsWith(q))!;
      text = editLine(text, q, line.replace(/: (Kyllä|Ei)$/, ': Ehkä'));
    }
    rejects(RULE, [{ text, at: questions.map((q) => ({ line: q, text: 'Ehkä' })) }]);
  });

  it('accepts the three applicant-count options exactly', () => {
    accepts(
      RULE,
      APPLICANT_COUNT_OPTIONS.map((o) => [o, edit(COUNT, o)]),
    );
  });

  it('reports an applicant count outside the list, likeliest option first', () => {
    const text = edit(COUNT, 'Tuen siirto');
    rejects(RULE, [{ text, at: { line: COUNT, text: 'Tuen siirto' }, alone: true }]);
    expect(fixTexts(RULE, text)).toEqual([
      [TRANSFER, false],
      [SINGLE, false],
      [JOINT, false],
    ]);
    expect(fixTexts(RULE, edit(COUNT, 'Yhteishanke'))[0]).toEqual([JOINT, false]);
    expect(fixTexts(RULE, edit(COUNT, 'Yksi hakija'))[0]).toEqual([SINGLE, false]);
  });

  it('fixes a near miss of an option safely', () => {
    for (const bad of ['vain yksi hakija', 'Vain yksi  hakija', 'Vain yski hakija']) {
      expect(fixTexts(RULE, edit(COUNT, bad))[0], bad).toEqual([SINGLE, true]);
    }
    expect(fixTexts(RULE, edit(COUNT, 'Hakijoita on useampi kuin yksi'))[0]).toEqual([JOINT, false]);
  });

  it('leaves empty values to empty-field (example 004)', () => {
    rejects('empty-field', [
      { text: example('004'), at: { line: COUNT, text: COUNT.slice(0, -1) }, alone: true },
      { text: editLine(example('000'), Q1, Q1.slice(0, -1) + ':'), at: { line: Q1, text: Q1.slice(0, -1) }, alone: true },
    ]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
