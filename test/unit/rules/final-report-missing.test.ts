import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf } from '../../helpers/lint';
import { accepts, rejects } from '../../helpers/rules';

const RULE = 'final-report-missing';
const HEADING = '9 Loppuraportin tiivistelmä';
const MESSAGE = `The project has ended (Toiminnan tila: Toiminta päättynyt) but section "${HEADING}" has no final report summary.`;
/** The text up to and including section 9's heading, then `body`. */
function withSection9(text: string, body: string): string {
  const at = text.indexOf(`\n${HEADING}`) + 1 + HEADING.length;
  return text.slice(0, at) + body;
}
const heading = { line: HEADING, text: HEADING };

describe(RULE, () => {
  it('002 and 003 (ended, section 9 only "-"): on the section 9 heading', () => {
    rejects(
      RULE,
      ['002', '003'].map((prefix) => ({ text: example(prefix), at: heading, message: MESSAGE, name: prefix })),
    );
  });

  it('an ended project whose summary is removed, and nothing else fires', () => {
    const original = example('000');
    rejects(
      RULE,
      ['\n\n-\n', '\n', '', '\n\n  -  \n\n'].map((body) => ({ text: withSection9(original, body), at: heading, message: MESSAGE, besides: original, name: JSON.stringify(body) })),
    );
  });

  it('Finnish message', () => {
    const f = analyze(example('003')).findings.find((x) => x.rule === RULE)!;
    expect(f.message.fi).toBe(`Hanke on päättynyt (Toiminnan tila: Toiminta päättynyt), mutta osiossa "${HEADING}" ei ole loppuraportin tiivistelmää.`);
    expect(f.severity).toBe('warning');
    expect(f.fixes).toEqual([]);
  });

  it('a running project may have an empty section 9', () => {
    const original = example('002');
    const edited = editLine(original, 'Toiminnan tila:', 'Toiminnan tila: Toiminnassa');
    accepts(RULE, [edited]);
    expect(findings(edited)).toEqual(findings(original).filter((f) => !f.startsWith(`${RULE}@`)));
  });

  it('a status that is not exactly "Toiminta päättynyt" is not taken as ended (no guessing)', () => {
    accepts(RULE, [editLine(example('003'), 'Toiminnan tila:', 'Toiminnan tila: Toiminta päätynyt')]);
  });

  it('any text in section 9 is a summary', () => {
    accepts(RULE, [withSection9(example('003'), '\n\n- Loppuraportti hyväksytty 2022.\n')]);
  });

  it("an absent section 9 is missing-section's", () => {
    const text = example('003');
    const edited = text.slice(0, text.indexOf(`\n${HEADING}`) + 1);
    accepts(RULE, [edited]);
    expect(findingsOf('missing-section', edited)).toHaveLength(1);
  });

  it('exactly the expected findings on the five examples', () => {
    const ended = EXAMPLES.filter((e) => e.name.startsWith('002') || e.name.startsWith('003'));
    rejects(
      RULE,
      ended.map((e) => ({ text: e.text, at: heading, name: e.name })),
    );
    accepts(
      RULE,
      EXAMPLES.filter((e) => !ended.includes(e)).map((e) => [e.name, e.text]),
    );
  });
});
