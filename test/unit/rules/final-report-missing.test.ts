import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { findings, findingsOf, sorted } from '../../helpers/lint';

const RULE = 'final-report-missing';
const HEADING = '9 Loppuraportin tiivistelmä';
const MESSAGE = `The project has ended (Toiminnan tila: Toiminta päättynyt) but section "${HEADING}" has no final report summary.`;
/** The text up to and including section 9's heading, then `body`. */
function withSection9(text: string, body: string): string {
  const at = text.indexOf(`\n${HEADING}`) + 1 + HEADING.length;
  return text.slice(0, at) + body;
}

describe(RULE, () => {
  it('002 and 003 (ended, section 9 only "-"): on the section 9 heading', () => {
    for (const prefix of ['002', '003']) {
      const text = example(prefix);
      expect(findingsOf(RULE, text), prefix).toEqual([{ line: lineOf(text, HEADING), text: HEADING, message: MESSAGE }]);
    }
  });

  it('an ended project whose summary is removed, and nothing else fires', () => {
    const original = example('000');
    for (const body of ['\n\n-\n', '\n', '', '\n\n  -  \n\n']) {
      const edited = withSection9(original, body);
      const line = lineOf(edited, HEADING);
      expect(findingsOf(RULE, edited), JSON.stringify(body)).toEqual([{ line, text: HEADING, message: MESSAGE }]);
      expect(sorted(findings(edited)), JSON.stringify(body)).toEqual(sorted([...findings(original), `${RULE}@${line}`]));
    }
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
    expect(findingsOf(RULE, edited)).toEqual([]);
    expect(findings(edited)).toEqual(findings(original).filter((f) => !f.startsWith(`${RULE}@`)));
  });

  it('a status that is not exactly "Toiminta päättynyt" is not taken as ended (no guessing)', () => {
    const edited = editLine(example('003'), 'Toiminnan tila:', 'Toiminnan tila: Toiminta päätynyt');
    expect(findingsOf(RULE, edited)).toEqual([]);
  });

  it('any text in section 9 is a summary', () => {
    const edited = withSection9(example('003'), '\n\n- Loppuraportti hyväksytty 2022.\n');
    expect(findingsOf(RULE, edited)).toEqual([]);
  });

  it("an absent section 9 is missing-section's", () => {
    const text = example('003');
    const edited = text.slice(0, text.indexOf(`\n${HEADING}`) + 1);
    expect(findingsOf(RULE, edited)).toEqual([]);
    expect(findingsOf('missing-section', edited)).toHaveLength(1);
  });

  it('exactly the expected findings on the five examples', () => {
    for (const e of EXAMPLES) {
      const expected = e.name.startsWith('002') || e.name.startsWith('003') ? [lineOf(e.text, HEADING)] : [];
      expect(
        findingsOf(RULE, e.text).map((f) => f.line),
        e.name,
      ).toEqual(expected);
    }
  });
});
