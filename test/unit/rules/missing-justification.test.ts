import { describe, it } from 'vitest';
import { editLine, example } from '../../helpers/examples';
import { expectAdded } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'missing-justification';
const Q1 = 'Hankkeessa on tehty toimintaympäristön analyysi sukupuolinäkökulmasta';

describe(RULE, () => {
  it('an 8.1 answer without justification: on the question label, nothing else fires', () => {
    const original = example('000');
    // The first "Hanke tukee…" line is the justification of the first question.
    rejects(RULE, [
      {
        text: editLine(original, 'Hanke tukee molempia sukupuolia', ''),
        at: { line: Q1, text: Q1 },
        message: `The answer to "${Q1}" has no justification; write it on the next line.`,
        besides: original,
      },
    ]);
  });

  it('a lone "-" is no justification', () => {
    rejects(RULE, [{ text: editLine(example('000'), 'Hanke tukee molempia sukupuolia', '-'), at: { line: Q1, text: Q1 } }]);
  });

  it('the last 8.1 question, followed directly by 8.2', () => {
    const original = example('004');
    rejects(RULE, [
      {
        text: editLine(original, 'Päätavoite ei ole sukupuolten', ''),
        at: { line: 'Hankkeen päätavoite on', text: 'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen' },
        besides: original,
        name: 'the last question',
      },
    ]);
  });

  it('an 8.2 item scored above 0 without justification: on the item name', () => {
    const original = example('000');
    rejects(RULE, [
      {
        text: editLine(original, 'Hankkeen päätarkoituksena on lisätä', ''),
        at: { line: 'Hyvinvoinnin edistäminen', text: 'Hyvinvoinnin edistäminen' },
        message: 'Item "Hyvinvoinnin edistäminen" is scored above 0 but has no justification; write it on the next line.',
        besides: original,
      },
    ]);
  });

  it('one score above 0 is enough (0 1)', () => {
    const item = 'Ilmastonmuutoksen aiheuttamien riskien vähentäminen';
    rejects(RULE, [{ text: editLine(example('004'), 'Etänä toteutettavien palveluiden kehittäminen', ''), at: { line: item, text: item } }]);
  });

  it('items scored 0 0 need no justification (003)', () => {
    const original = example('003');
    accepts(RULE, [['003', original]]);
    // …and a 0 0 item that gets a score needs one.
    rejects(RULE, [{ text: editLine(original, 'Kulttuuriympäristö 0 0', 'Kulttuuriympäristö 0 1'), at: { line: 'Kulttuuriympäristö', text: 'Kulttuuriympäristö' } }]);
  });

  it('a justification may contain colons or begin with digits', () => {
    const original = example('003');
    let edited = editLine(original, 'Hankkeen asiakkuudet on tavoitteena', '2019 aikana: 60-40 kiintiö ja 43 % yli 50-vuotiaita.');
    edited = editLine(edited, 'Tausta-analyysissa tarkasteltu', '1) Perustelu: analyysi tehty 6/2019, tulos 1417 / 1003.');
    edited = editLine(edited, 'Rakennetyöttömyyden purkaminen', '10 10 kertaa parempi: näin.');
    accepts(RULE, [edited]);
    expectAdded(original, edited);
  });

  it("an unanswered question is empty-field's, not this rule's", () => {
    let edited = editLine(example('000'), `${Q1}:`, `${Q1}:`);
    edited = editLine(edited, 'Hanke tukee molempia sukupuolia', '');
    accepts(RULE, [edited]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
