// The fast string comparisons (one-pass folding, banded edit distance with a character
// count bound, accent folding by table) agree with their plain definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { municipalitiesOn, subregionsOn } from '../../server/src/core/reference/geography';
import { editDistance, foldAccents, foldForCompare, NameIndex, suggestByKey } from '../../server/src/core/util/similarity';
import { params, RUNS } from './support';

/** The definitions: normalise, lower-case, fold dashes and white space, trim. */
function refFold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

function refAccents(s: string): string {
  return refFold(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Optimal string alignment distance, the whole matrix. */
function refDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const CHARS = [
  'a',
  'b',
  'c',
  'ä',
  'Ä',
  'ö',
  'å',
  'é',
  'e\u0301',
  'İ',
  'ß',
  'Σ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u202f',
  '\u2002',
  '\u2000',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
  '-',
  '–',
  '—',
  '\u2212',
  '€',
  '…',
  '\0',
  '\u0085',
  '😀',
  '\ud800',
  'x',
  'y',
  'Ǆ',
  'ǅ',
  'Ω',
  '\u212b',
];
const text = fc.array(fc.oneof(fc.constantFrom(...CHARS), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 24 }).map((xs) => xs.join(''));
const word = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'ä', ' '), { maxLength: 40 }).map((xs) => xs.join(''));

describe('string similarity agrees with its definitions', () => {
  it('foldForCompare', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldForCompare(s)).toBe(refFold(s));
      }),
      params(25),
    );
  });

  it('foldAccents', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(foldAccents(s)).toBe(refAccents(s));
      }),
      params(25),
    );
    for (let c = 0; c < 0x300; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(foldAccents(s), `U+${c.toString(16)}`).toBe(refAccents(s));
    }
  });

  it(`editDistance: exact without a bound, max + 1 beyond a bound (${RUNS * 25} pairs)`, () => {
    fc.assert(
      fc.property(word, word, fc.option(fc.nat({ max: 12 })), (a, b, max) => {
        const d = refDistance(a, b);
        if (max === null) expect(editDistance(a, b)).toBe(d);
        else expect(editDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
      params(25),
    );
  });

  it('editDistance on long strings against short names stays cheap and right', () => {
    const long = 'sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus '.repeat(2000);
    const t0 = performance.now();
    expect(editDistance(long, 'ekologinen kestävyys', 4)).toBe(5);
    expect(editDistance(long.slice(0, 60), 'sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus', 8)).toBe(2);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  // The name index answers exactly what the linear search answers, on the real lists
  // (kunnat with Swedish names, seutukunnat) and on small synthetic ones.
  const lists: (readonly (readonly [string, string])[])[] = [
    [...municipalitiesOn().map((p) => [p.name, p.name] as const), ...municipalitiesOn().map((p) => [p.nameSv, p.name] as const)],
    [...subregionsOn().map((s) => [s.genitive, s.genitive] as const), ...subregionsOn().map((s) => [s.name, s.genitive] as const)],
    ['a', 'ab', 'abc', 'äb', 'b a', 'aaaa', 'abab', 'c', ''].map((x) => [x, x] as const),
  ];
  const indexes = lists.map((l) => new NameIndex(l));
  const nearName = (list: readonly (readonly [string, string])[]) =>
    fc.record({ i: fc.nat(), edits: fc.array(fc.record({ at: fc.nat(), op: fc.nat({ max: 3 }), ch: fc.constantFrom(...CHARS, 'a', 'k', 'ä', 'x') }), { maxLength: 4 }) }).map(({ i, edits }) => {
      let s = list[i % list.length][0];
      for (const e of edits) {
        const at = s.length ? e.at % (s.length + 1) : 0;
        s =
          e.op === 0
            ? s.slice(0, at) + e.ch + s.slice(at)
            : e.op === 1
              ? s.slice(0, at) + s.slice(at + 1)
              : e.op === 2
                ? s.slice(0, at) + e.ch + s.slice(at + 1)
                : s.slice(0, at) + s.slice(at + 1, at + 2) + s.slice(at, at + 1) + s.slice(at + 2);
      }
      return s;
    });
  for (const [k, list] of lists.entries()) {
    it(
      `NameIndex.suggest = suggestByKey on list ${k} (${list.length} names; ${RUNS * 10} near misses and random texts)`,
      () => {
        fc.assert(
          fc.property(fc.oneof(nearName(list), text, word), (input) => {
            expect(indexes[k].suggest(input)).toBe(suggestByKey(input, list));
            // Asked again (answered from memory): the same.
            expect(indexes[k].suggest(input)).toBe(suggestByKey(input, list));
          }),
          params(10),
        );
      },
      20_000 + RUNS * 10 * 2,
    );
  }
});
