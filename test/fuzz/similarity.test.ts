// The fast string comparisons (one-pass folding, banded edit distance with a character
// count bound, accent folding by table) agree with their plain definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, foldAccents, foldForCompare } from '../../server/src/core/util/similarity';
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
  return refFold(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
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

const CHARS = ['a', 'b', 'c', 'ä', 'Ä', 'ö', 'å', 'é', 'e\u0301', 'İ', 'ß', 'Σ', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2002', '\u2000', '\u2028', '\u3000', '\ufeff', '\u200b', '-', '–', '—', '\u2212', '€', '…', '\0', '\u0085', '😀', '\ud800', 'x', 'y', 'Ǆ', 'ǅ', 'Ω', '\u212b'];
const text = fc.array(fc.oneof(fc.constantFrom(...CHARS), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 24 }).map((xs) => xs.join(''));
const word = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'ä', ' '), { maxLength: 40 }).map((xs) => xs.join(''));

describe('string similarity agrees with its definitions', () => {
  it('foldForCompare', () => {
    fc.assert(fc.property(text, (s) => {
      expect(foldForCompare(s)).toBe(refFold(s));
    }), params(25));
  });

  it('foldAccents', () => {
    fc.assert(fc.property(text, (s) => {
      expect(foldAccents(s)).toBe(refAccents(s));
    }), params(25));
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
});
