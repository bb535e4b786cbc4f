// String similarity used wherever the tool recognises a near miss: a heading with a
// typo, a misspelled label, a likely typo of a known value, the closest real name.

/** Lower-case, fold dashes and runs of white space, trim. Used before any comparison. */
export function foldForCompare(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions),
 * computed in O(|a|·|b|) time and O(|b|) memory. When `max` is given, returns `max + 1`
 * as soon as the distance is known to exceed it (and at once when the lengths differ by
 * more than `max`), so comparing a long line against a short name stays cheap.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prevPrev[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[b.length];
}

/**
 * How many edits still count as a typo of a string of this length: one for short
 * words, about one in five characters for longer ones.
 */
export function typoBudget(length: number): number {
  if (length <= 4) return 1;
  return Math.max(1, Math.min(8, Math.floor(length / 5)));
}

export interface Match<T> {
  item: T;
  distance: number;
}

/**
 * The candidate closest to `input` (compared folded), if it is within the typo budget
 * of the candidate's length (or `maxDistance` when given). Ties go to the earlier
 * candidate, so callers list preferred spellings first.
 */
export function closest<T>(
  input: string,
  candidates: Iterable<T>,
  key: (item: T) => string,
  maxDistance?: number,
): Match<T> | undefined {
  const folded = foldForCompare(input);
  let best: Match<T> | undefined;
  for (const item of candidates) {
    const k = foldForCompare(key(item));
    const budget = maxDistance ?? typoBudget(k.length);
    const limit = best ? Math.min(budget, best.distance - 1) : budget;
    if (limit < 0) continue;
    const d = editDistance(folded, k, limit);
    if (d <= limit) best = { item, distance: d };
    if (best && best.distance === 0) break;
  }
  return best;
}

/**
 * foldForCompare, then without diacritics (ä → a, ö → o, å → a, é → e), for recognising
 * a name typed without them ('Jyvaskyla' for 'Jyväskylä'). Not for deciding that two
 * names are the same: Finnish distinguishes a/ä and o/ö.
 */
export function foldAccents(s: string): string {
  return foldForCompare(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/**
 * For "did you mean": the value of the candidate whose key equals `input` apart from
 * diacritics, else of the candidate `closest` finds (within the typo budget), else
 * undefined. Candidates are [key, value]; earlier ones win ties.
 */
export function suggestByKey<T>(input: string, candidates: readonly (readonly [string, T])[]): T | undefined {
  const plain = foldAccents(input);
  if (plain === '') return undefined;
  for (const [key, value] of candidates) if (foldAccents(key) === plain) return value;
  return closest(input, candidates, (c) => c[0])?.item[1];
}
