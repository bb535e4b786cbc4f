// Formatting (server/src/core/format.ts): idempotent, whitespace-only on the published
// examples, small edits, never touching the words of free text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/core/fixes';
import { formatEdits, formatText } from '../../server/src/core/format';
import { comparePositions } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { groupedAmount, refactorsAt } from '../../server/src/core/refactors';
import { EXAMPLES, example } from '../helpers/examples';
import { rangeOf } from '../helpers/rules';

const squeeze = (s: string) => s.replace(/\s+/g, '');

function checkEdits(text: string) {
  const edits = formatEdits(parse(text));
  for (let k = 1; k < edits.length; k++) expect(comparePositions(edits[k - 1].range.end, edits[k].range.start)).toBeLessThan(0);
  return edits;
}

describe('the published examples', () => {
  for (const { name, text } of EXAMPLES) {
    it(`${name}: changes only white space, and formatting again changes nothing`, () => {
      const out = formatText(text);
      expect(squeeze(out)).toBe(squeeze(text));
      expect(formatEdits(parse(out))).toEqual([]);
      // Only runs of blank lines shrink: every line of the output is a line of the input.
      const inLines = new Set(text.split('\n'));
      for (const l of out.split('\n')) expect(inLines.has(l)).toBe(true);
    });
  }

  it('000, 001 and 003 are formatted already; 002 and 004 lose only extra blank lines', () => {
    expect(formatEdits(parse(example('000')))).toEqual([]);
    expect(formatEdits(parse(example('001')))).toEqual([]);
    expect(formatEdits(parse(example('003')))).toEqual([]);
    for (const p of ['002', '004']) {
      const edits = formatEdits(parse(example(p)));
      expect(edits.length).toBeGreaterThan(0);
      for (const e of edits) {
        expect(e.newText).toBe('');
        expect(e.range.start.character).toBe(0);
        expect(e.range.end.character).toBe(0);
      }
    }
  });
});

describe('what formatting does', () => {
  const ex000 = example('000');

  it('groups amounts, trims trailing space, spells headings and labels officially', () => {
    const messy = ex000
      .replace('Myönnetty EU- ja valtion rahoitus: 289 500', 'Myönnetty EU- ja valtion rahoitus:289500  ')
      .replace('5 Projektin julkinen rahoitus, euroa', '5. Projektin julkinen rahoitus euroa')
      .replace('Organisaatiotyyppi: Valtion', 'organisaatiotyyppi :  Valtion')
      .replace('Ekologinen kestävyys\n', 'Ekologinen kestävyys \t\n');
    expect(formatText(messy)).toBe(ex000);
  });

  it('keeps decimals as written and leaves grouped amounts alone', () => {
    expect(groupedAmount('1234567,5')).toBe('1 234 567,5');
    expect(groupedAmount('289500')).toBe('289 500');
    expect(groupedAmount('289 500')).toBeUndefined();
    expect(groupedAmount('500')).toBeUndefined();
    expect(groupedAmount('12,3,4')).toBeUndefined();
  });

  it('one blank line between items, none inside 8.1 and 8.2, paragraphs of free text kept', () => {
    const lines = ex000.split('\n');
    // Fields of section 1 squeezed together, blank lines inside 8.1 and 8.2, three blank lines in section 3.
    const s1 = lines.indexOf('1 Hanke');
    const squeezed = [...lines.slice(0, s1 + 2), ...lines.slice(s1 + 2, s1 + 16).filter((l) => l !== ''), ...lines.slice(s1 + 16)].join('\n');
    const spread = squeezed
      .replace(': Ei\nHanke tukee', ': Ei\n\n\nHanke tukee')
      .replace('VälitönVälillinen\nEkologinen kestävyys', 'VälitönVälillinen\n\nEkologinen kestävyys')
      .replace('hankintoja.\n\nHankkeella', 'hankintoja.\n\n  \n\nHankkeella');
    expect(spread).not.toBe(ex000);
    expect(formatText(spread)).toBe(ex000);
  });

  it('adjacent lines of free text stay together (section 9 of 000)', () => {
    const s9 = ex000.slice(ex000.indexOf('9 Loppuraportin'));
    expect(
      s9
        .split('\n')
        .slice(2)
        .every((l) => l !== ''),
    ).toBe(true);
    expect(formatText(ex000)).toBe(ex000);
  });

  it('keeps CRLF line endings and the BOM, leaves at most one final line break', () => {
    const crlf = `\uFEFF${ex000.replace(/\n/g, '\r\n')}\r\n\r\n\r\n`;
    const out = formatText(crlf);
    expect(out).toBe(`\uFEFF${ex000.replace(/\n/g, '\r\n')}\r\n`);
    expect(formatText(`\uFEFF\n\n${ex000}`)).toBe(`\uFEFF${ex000}`);
  });

  it('returns small edits, not a whole-document replacement', () => {
    const messy = ex000.replace('Hankekoodi: S21368', 'Hankekoodi: S21368   ').replace('Toteutunut julkinen rahoitus yhteensä: 278 300', 'Toteutunut julkinen rahoitus yhteensä: 278300');
    const edits = checkEdits(messy);
    expect(edits).toEqual([
      { range: rangeOf(messy, { line: 'Hankekoodi:', text: '   ' }), newText: '' },
      { range: rangeOf(messy, { line: 'Toteutunut julkinen rahoitus yhteensä:', after: '278' }), newText: ' ' },
    ]);
    expect(applyEdits(messy, edits)).toBe(ex000);
  });

  it('the template is stable under formatting except for its trailing label spaces', async () => {
    const { descriptionTemplate } = await import('../../server/src/core/template');
    const t = descriptionTemplate();
    const out = formatText(t);
    expect(formatText(out)).toBe(out);
    expect(squeeze(out)).toBe(squeeze(t));
  });
});

describe('the grouping code action', () => {
  it('is offered on an ungrouped valid amount only', () => {
    const text = example('000').replace('Suunniteltu julkinen rahoitus yhteensä: 335 500', 'Suunniteltu julkinen rahoitus yhteensä: 335500');
    const doc = parse(text);
    const line = text.split('\n').indexOf('Suunniteltu julkinen rahoitus yhteensä: 335500');
    const here = refactorsAt(doc, { start: { line, character: 3 }, end: { line, character: 3 } });
    expect(here).toHaveLength(1);
    expect(here[0].title.en).toBe('Group thousands: 335 500');
    expect(applyEdits(text, here[0].edits)).toBe(example('000'));
    // Grouped already, or not an amount: nothing.
    const grouped = text.split('\n').indexOf('Myönnetty EU- ja valtion rahoitus: 289 500');
    expect(refactorsAt(doc, { start: { line: grouped, character: 0 }, end: { line: grouped, character: 0 } })).toEqual([]);
    const bad = parse(text.replace('335500', '335x500'));
    expect(refactorsAt(bad, { start: { line, character: 0 }, end: { line, character: 0 } })).toEqual([]);
    const code = rangeOf(text, { line: 'Hankekoodi:' }).start;
    expect(refactorsAt(doc, { start: code, end: code })).toEqual([]);
  });
});

// ---- properties on mutated examples

type Mutation = { kind: number; at: number; n: number };

const SPACES = [' ', '  ', '\t', '\u00a0', ' \t '];

function mutate(text: string, muts: Mutation[], crlf: boolean): string {
  let lines = text.split('\n');
  for (const { kind, at, n } of muts) {
    const i = at % lines.length;
    const l = lines[i];
    switch (kind) {
      case 0: // trailing white space
        lines[i] = l + SPACES[n % SPACES.length];
        break;
      case 1: // blank lines (maybe with spaces) after the line
        lines.splice(i + 1, 0, ...Array.from({ length: 1 + (n % 3) }, (_, k) => (k === 1 ? SPACES[n % SPACES.length] : '')));
        break;
      case 2: // drop a blank line
        if (l.trim() === '') lines.splice(i, 1);
        break;
      case 3: // leading white space
        lines[i] = SPACES[n % SPACES.length] + l;
        break;
      case 4: // ungroup an amount of section 5
        if (/rahoitus[^:]*: [\d ]+$/.test(l)) lines[i] = l.replace(/(\d) (\d{3})\b/g, '$1$2');
        break;
      case 5: {
        // a typo in the first characters
        if (l.length < 4) break;
        const c = n % Math.min(15, l.length - 1);
        lines[i] = l.slice(0, c) + l[c + 1] + l[c] + l.slice(c + 2);
        break;
      }
      case 6: // delete the line
        lines.splice(i, 1);
        break;
      case 7: // duplicate the line
        lines.splice(i, 0, l);
        break;
      default: // a heading number with a dot
        lines[i] = l.replace(/^(\d(?:\.\d)?) /, '$1. ');
    }
    if (lines.length === 0) lines = [''];
  }
  const out = lines.join('\n');
  return crlf ? out.replace(/\n/g, '\r\n') : out;
}

const mutation = fc.record({ kind: fc.integer({ min: 0, max: 8 }), at: fc.nat(), n: fc.nat() });

describe('properties', () => {
  it('formatting twice equals formatting once, on mutated examples', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: EXAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), (e, muts, crlf) => {
        const text = mutate(EXAMPLES[e].text, muts, crlf);
        const once = formatText(text);
        expect(formatText(once)).toBe(once);
        expect(formatEdits(parse(once))).toEqual([]);
        checkEdits(text);
      }),
      { numRuns: 300 },
    );
  });

  it('the words of free text never change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: EXAMPLES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (e, muts) => {
        const text = mutate(EXAMPLES[e].text, muts, false);
        const out = formatText(text);
        const outLines = new Set(out.split('\n').map((l) => l.trim()));
        for (const s of parse(text).sections) {
          for (const t of s.texts) expect(outLines.has(t.text)).toBe(true);
          for (const f of s.fields) for (const j of f.justification) expect(outLines.has(j.text)).toBe(true);
          for (const it of s.items) for (const j of it.justification) expect(outLines.has(j.text)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('white-space-only damage is repaired exactly', () => {
    // Trailing spaces, extra blank lines after a blank line or inside 8.1/8.2, ungrouped amounts.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.array(fc.record({ kind: fc.constantFrom(0, 4), at: fc.nat(), n: fc.nat() }), { minLength: 1, maxLength: 10 }), (e, muts) => {
        const original = example(['000', '001', '003'][e]);
        expect(formatText(mutate(original, muts, false))).toBe(original);
      }),
      { numRuns: 200 },
    );
  });
});
