import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { parse } from '../../../server/src/core/parser';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'section-number';
const base = example('001');

describe(RULE, () => {
  it('4.1 Välilliset kohderyhmät where 4.2 is meant: once, on the number, not as duplicate or missing sections', () => {
    const text = editLine(base, '4.2 Välilliset kohderyhmät', '4.1 Välilliset kohderyhmät');
    const line = lineOf(text, '4.1 Välilliset');
    const f = rejectsOne(RULE, {
      text,
      at: { line: '4.1 Välilliset', text: '4.1' },
      message: '"Välilliset kohderyhmät" is the title of section 4.2, but the number is 4.1; the heading is "4.2 Välilliset kohderyhmät".',
    });
    expectAdded(base, text, `${RULE}@${line}`);
    expect(f.message.fi).toBe('Otsikko "Välilliset kohderyhmät" on osion 4.2 otsikko, mutta numero on 4.1; oikein "4.2 Välilliset kohderyhmät".');
    expect(f.severity).toBe('warning');
    expect(f.fixes[0].safe).toBe(true);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
    // The section is read as 4.2: its text is 4.2's, under section 4.
    const doc = parse(text);
    const s42 = doc.sections.find((s) => s.spec.number === '4.2')!;
    expect(s42.heading.number).toBe('4.1');
    expect(s42.texts.length).toBeGreaterThan(0);
    expect(doc.tree.find((s) => s.spec.number === '4')!.children.map((c) => c.spec.number)).toEqual(['4.1', '4.2']);
  });

  it("other numbers: a subsection title under its parent's number, a number that is no section, a trailing dot, a title typo", () => {
    const cases: [string, string, string, string[]][] = [
      ['7.2 Osallistuvien henkilöiden lukumäärä', '7.1 Osallistuvien henkilöiden lukumäärä', '7.1', []],
      ['4.2 Välilliset kohderyhmät', '4.3 Välilliset kohderyhmät', '4.3', []],
      ['9 Loppuraportin tiivistelmä', '10. Loppuraportin tiivistelmä', '10', []],
      ['4.2 Välilliset kohderyhmät', '4.1 Välliset kohderyhmät', '4.1', ['section-title']],
    ];
    for (const [from, to, number, also] of cases) {
      const text = editLine(base, from, to);
      const line = lineOf(text, to);
      rejects(RULE, [{ text, at: { line: to, text: number } }]);
      expectAdded(base, text, `${RULE}@${line}`, ...also.map((r) => `${r}@${line}`));
    }
  });

  it("a near miss of its own title that is exactly another section's title is that other section", () => {
    // 'Välilliset kohderyhmät' is 5 edits from 'Varsinaiset kohderyhmät' (beyond the typo budget);
    // headings are otherwise matched to their own number first.
    const text = editLine(base, '4.1 Varsinaiset kohderyhmät', '4.2 Varsinaiset kohderyhmät');
    rejects(RULE, [{ text, at: { line: '4.2 Varsinaiset', text: '4.2' } }]);
  });

  it('numbered free text stays text', () => {
    const at = lineOf(base, '3 Suunnitelman mukainen tiivistelmä toteutuksesta');
    const lines = base.split('\n');
    lines.splice(
      at + 1,
      0,
      ...[
        '2. Hanke',
        '5 kuntaa osallistuu',
        '1) Hankkeen tavoitteena on',
        '2019 aikana Hakijan perustiedot päivitettiin',
        '1. Varsinaiset kohderyhmät',
        '5.1 Välilliset kohderyhmät',
        '4 Kestävä kehitys',
      ].flatMap((l) => [l, '']),
    );
    const text = lines.join('\n');
    expect(findings(text)).toEqual(
      findings(base).map((f) => {
        const [rule, l] = f.split('@');
        return Number(l) > at ? `${rule}@${Number(l) + 14}` : f;
      }),
    );
    expect(parse(text).sections.map((s) => s.spec.number)).toEqual(parse(base).sections.map((s) => s.spec.number));
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
