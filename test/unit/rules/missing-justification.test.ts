import { describe, expect, it } from 'vitest';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'missing-justification';
const Q1 = 'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta';

describe(RULE, () => {
  it('an 8.1 answer without justification: on the question label, nothing else fires', () => {
    const original = example('000');
    // The first "Hanke tukee…" line is the justification of the first question.
    const edited = editLine(original, 'Hanke tukee molempia sukupuolia', '');
    const line = lineOf(edited, Q1);
    expect(findingsOf(RULE, edited)).toEqual([{ line, text: Q1, message: `The answer to "${Q1}" has no justification; write it on the next line.` }]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
  });

  it('a lone "-" is no justification', () => {
    const edited = editLine(example('000'), 'Hanke tukee molempia sukupuolia', '-');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual([Q1]);
  });

  it('the last 8.1 question, followed directly by 8.2', () => {
    const original = example('004');
    const edited = editLine(original, 'Päätavoite ei ole sukupuolten', '');
    const line = lineOf(edited, 'Hankkeen päätavoite on');
    expect(findingsOf(RULE, edited).map((f) => f.line)).toEqual([line]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
  });

  it('an 8.2 item scored above 0 without justification: on the item name', () => {
    const original = example('000');
    const edited = editLine(original, 'Hankkeen päätarkoituksena on lisätä', '');
    const line = lineOf(edited, 'Hyvinvoinnin edistäminen');
    expect(findingsOf(RULE, edited)).toEqual([
      {
        line,
        text: 'Hyvinvoinnin edistäminen',
        message: 'Item "Hyvinvoinnin edistäminen" is scored above 0 but has no justification; write it on the next line.',
      },
    ]);
    expect(sorted(findings(edited))).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
  });

  it('one score above 0 is enough (0 1)', () => {
    const edited = editLine(example('004'), 'Etänä toteutettavien palveluiden kehittäminen', '');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(['Ilmastonmuutoksen aiheuttamien riskien vähentäminen']);
  });

  it('items scored 0 0 need no justification (003)', () => {
    const original = example('003');
    expect(findingsOf(RULE, original)).toEqual([]);
    // …and a 0 0 item that gets a score needs one.
    const edited = editLine(original, 'Kulttuuriympäristö 0 0', 'Kulttuuriympäristö 0 1');
    expect(findingsOf(RULE, edited).map((f) => f.text)).toEqual(['Kulttuuriympäristö']);
  });

  it('a justification may contain colons or begin with digits', () => {
    const original = example('003');
    let edited = editLine(original, 'Hankkeen asiakkuudet on tavoitteena', '2019 aikana: 60-40 kiintiö ja 43 % yli 50-vuotiaita.');
    edited = editLine(edited, 'Tausta-analyysissa tarkasteltu', '1) Perustelu: analyysi tehty 6/2019, tulos 1417 / 1003.');
    edited = editLine(edited, 'Rakennetyöttömyyden purkaminen', '10 10 kertaa parempi: näin.');
    expect(findingsOf(RULE, edited)).toEqual([]);
    expect(findings(edited)).toEqual(findings(original));
  });

  it("an unanswered question is empty-field's, not this rule's", () => {
    let edited = editLine(example('000'), `${Q1}:`, `${Q1}:`);
    edited = editLine(edited, 'Hanke tukee molempia sukupuolia', '');
    expect(findingsOf(RULE, edited)).toEqual([]);
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
