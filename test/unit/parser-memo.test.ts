// The parser remembers, across documents, which short 8.2 lines name a group (justifications
// recur from one description to the next). A document must parse the same whatever was
// parsed before it: the memo may only save work, never change a result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../server/src/core/parser';
import { SECTIONS } from '../../server/src/core/schema';
import { example } from '../helpers/examples';

const scores = SECTIONS.find((s) => s.body === 'scores')!;
const groups = scores.groups ?? [];
const items = groups.flatMap((g) => g.items.map((it) => it.name));

/** Lines an 8.2 section holds, and near misses: group names with typos, the header anywhere, items with and without scores. */
const line = fc.oneof(
  fc.constantFrom(...groups.map((g) => g.name)),
  fc.constantFrom(...groups.map((g) => g.name)).map((n) => n.slice(0, -1)),
  fc.constantFrom(...groups.map((g) => g.name)).map((n) => n.toUpperCase()),
  fc.constantFrom(...groups.map((g) => g.name)).map((n) => `${n}x`),
  fc.constantFrom(scores.scoreHeader ?? 'VälitönVälillinen'),
  fc.constantFrom(...items).map((n) => `${n} 0 0`),
  fc.constantFrom(...items),
  fc.constantFrom('Ei merkittävää vaikutusta', 'Parantaa osallisuutta', 'ekologinen kestävyys', ''),
  fc.string({ maxLength: 30 }),
);

const base = example('001');
const head = base.slice(0, base.indexOf('8.2 '));
const tail = base.slice(base.indexOf('\n9 '));
const withScores = (lines: string[]) => `${head}8.2 Kestävä kehitys\n\n${lines.join('\n')}\n${tail}`;
const parsed = (text: string) => JSON.stringify(parse(text));

describe('the parser memo across documents', () => {
  it('a document parses the same before and after any others', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(fc.array(line, { maxLength: 12 }), { maxLength: 4 }), (mine, others) => {
        const text = withScores(mine);
        const first = parsed(text);
        for (const o of others) parse(withScores(o));
        expect(parsed(text)).toBe(first);
      }),
      { numRuns: 300 },
    );
  });

  it('the header is read as the header where it may come, even after the same line was met later in another document', () => {
    const header = scores.scoreHeader ?? 'VälitönVälillinen';
    // Elsewhere the header's text comes after an item: there it is an item's justification.
    const other = parse(withScores([groups[0].name, `${items[0]} 1 2`, header]));
    const sec = other.sections.find((s) => s.spec === scores)!;
    expect(sec.scoreHeader).toBeUndefined();
    const doc = parse(withScores([header, groups[0].name, `${items[0]} 1 2`]));
    expect(doc.sections.find((s) => s.spec === scores)!.scoreHeader?.text).toBe(header);
  });
});
