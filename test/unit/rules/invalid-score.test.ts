import { describe, expect, it } from 'vitest';
import { editLine, example } from '../../helpers/examples';
import { expectAdded } from '../../helpers/lint';
import { accepts, PUBLISHED, rangeOf, rejects } from '../../helpers/rules';

const RULE = 'invalid-score';
const ITEM = 'Kulttuuriympäristö';
/** 001's "Kulttuuriympäristö 6 6" (justified) rewritten as `line`. */
function kulttuuri(line: string): string {
  return editLine(example('001'), 'Kulttuuriympäristö 6 6', line);
}

/** Where a part of the item's line is: the n-th (1-based) occurrence of `text` on it. */
function onItem(doc: string, text: string, nth = 1) {
  const r = rangeOf(doc, { line: ITEM });
  const line = doc.split('\n')[r.start.line];
  let character = -1;
  for (let k = 0; k < nth; k++) character = line.indexOf(text, character + 1);
  return { start: { line: r.start.line, character }, end: { line: r.start.line, character: character + text.length } };
}

describe(RULE, () => {
  it('a score above 10, on the token, and nothing else fires', () => {
    rejects(RULE, [
      { text: kulttuuri(`${ITEM} 6 11`), at: { line: ITEM, text: '11' }, message: 'The indirect score "11" of item "Kulttuuriympäristö" is not a whole number 0–10.', besides: example('001') },
    ]);
  });

  it('0 and 10 are valid', () => {
    // No finding of any rule changes.
    for (const scores of ['0 0', '10 10', '0 10', '10 0']) expectAdded(example('001'), kulttuuri(`${ITEM} ${scores}`));
  });

  it('11, -1, 2,5 and 1.5 are not', () => {
    rejects(
      RULE,
      ['11', '-1', '2,5', '1.5', '100'].map((bad) => ({
        text: kulttuuri(`${ITEM} ${bad} 6`),
        at: { line: ITEM, text: bad },
        message: `The direct score "${bad}" of item "Kulttuuriympäristö" is not a whole number 0–10.`,
      })),
    );
  });

  it('a missing score: reported on the item name', () => {
    rejects(RULE, [
      { text: kulttuuri(`${ITEM} 6`), at: { line: ITEM, text: ITEM }, message: 'Item "Kulttuuriympäristö": the indirect score is missing (0–10).', besides: example('001') },
      { text: kulttuuri(ITEM), at: { line: ITEM, text: ITEM }, message: 'Item "Kulttuuriympäristö": the direct and the indirect score are missing (0–10).', besides: example('001') },
    ]);
  });

  it('a third score: reported on the extra token, with a fix removing it', () => {
    const edited = kulttuuri(`${ITEM} 6 6 6`);
    const [[f]] = rejects(RULE, [{ text: edited, at: onItem(edited, '6', 3) }]);
    expect(f.fixes[0].edits).toEqual([{ range: { start: onItem(edited, '6', 2).end, end: f.range.end }, newText: '' }]);
  });

  it('both scores bad: two findings; a bad score is not counted by missing-justification', () => {
    const edited = editLine(example('003'), 'Kulttuuriympäristö 0 0', 'Kulttuuriympäristö 11 2,5');
    rejects(RULE, [
      {
        text: edited,
        at: [
          { line: ITEM, text: '11' },
          { line: ITEM, text: '2,5' },
        ],
      },
    ]);
    accepts('missing-justification', [edited]);
  });

  it('a digit in the item name (Natura 2000) is not a score', () => {
    const edited = editLine(example('000'), 'Natura 2000 -ohjelman kohteet 0 0', 'Natura 2000 -ohjelman kohteet 0 12');
    rejects(RULE, [{ text: edited, at: { line: 'Natura 2000', text: '12' } }]);
  });

  it('is silent on the five examples (scores 0–10, with 0 and 10 in 003 and 004)', () => {
    accepts(RULE, PUBLISHED);
  });
});
