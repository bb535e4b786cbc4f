// String similarity used wherever the tool recognises a near miss: a heading with a
// typo, a misspelled label, a likely typo of a known value, the closest real name.
import { rememberText } from './own-copy';

/**
 * Lower-case, fold dashes and runs of white space, trim. Used before any comparison.
 * Linear in the length of `s`. Short strings that are folded again and again (the
 * names of the reference tables, the schema's labels) are remembered.
 */
export function foldForCompare(s: string): string {
  const short = s.length <= CACHED_LENGTH;
  if (short) {
    const hit = settled.get(s);
    if (hit !== undefined) return hit;
    const seen = recent.get(s);
    if (seen !== undefined) {
      // Asked for twice: worth keeping.
      rememberText(settled, s, seen, SETTLED_ENTRIES);
      return seen;
    }
  }
  // Most text needs lower-casing only: printable Latin, single spaces between words.
  const folded = NEEDS_MORE_THAN_LOWER_CASE.test(s) ? (quickFold(s) ?? fullFold(s)) : s.toLowerCase();
  if (short) {
    rememberText(recent, s, folded, RECENT_ENTRIES);
  }
  return folded;
}

/** Anything but printable Latin (below U+0300) and single inner spaces. */
const NEEDS_MORE_THAN_LOWER_CASE = /[^\x20-\x7e\u00a1-\u02ff]|  |^ | $/;

const CACHED_LENGTH = 128;
const RECENT_ENTRIES = 4096;
const SETTLED_ENTRIES = 4096;
/** Folded once (most lines of a document are). */
const recent = new Map<string, string>();
/** Folded at least twice. */
const settled = new Map<string, string>();

function fullFold(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** White space as `\s` and String.prototype.trim see it, within the ranges quickFold handles. */
function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2002 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/**
 * fullFold in one pass for text whose characters NFC leaves as they are: Latin (below
 * U+0300), general punctuation, currency symbols and the minus sign. Undefined for
 * anything else (combining marks, other scripts, the few white-space characters with a
 * canonical decomposition), which takes the full fold.
 */
function quickFold(s: string): string | undefined {
  let start = 0;
  let end = s.length;
  while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
  let out = '';
  let seg = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300) {
      if (c > 32 && c !== 0xa0) continue;
      if (c === 32 && !isSpaceCode(s.charCodeAt(i + 1))) continue;
      if (c < 32 && !(c >= 9 && c <= 13)) continue; // control characters are kept
    } else if (c < 0x2002 || (c > 0x20cf && c !== 0x2212)) {
      return undefined;
    } else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) {
      out += s.slice(seg, i) + '-';
      seg = i + 1;
      continue;
    } else if (!isSpaceCode(c)) continue;
    // A run of white space (not a single plain space) becomes one space.
    let j = i + 1;
    while (j < end && isSpaceCode(s.charCodeAt(j))) j++;
    out += s.slice(seg, i) + ' ';
    seg = j;
    i = j - 1;
  }
  const folded = seg === start && end === s.length && start === 0 ? s : out + s.slice(seg, end);
  return folded.toLowerCase();
}

/** Reused rows of editDistance (grown on demand): no allocation per comparison. */
let scratch = new Int32Array(3 * 128);
/** Character histogram of editDistance's lower bound (code units folded into 64 buckets). */
const histogram = new Int32Array(64);

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions),
 * computed in O(|a|·|b|) time and O(|b|) memory. When `max` is given, returns `max + 1`
 * as soon as the distance is known to exceed it (and at once when the lengths differ by
 * more than `max`), so comparing a long line against a short name stays cheap: only the
 * cells within `max` of the diagonal are computed, after a linear-time lower bound.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (!(max < la + lb)) return alignment(a, b, Infinity);
  const cap = Math.floor(max) + 1;
  // An edit changes the character counts by at most 2 (a transposition by 0).
  if (la * lb > 256 && histogramBound(a, b) > max) return max + 1;
  const d = alignment(a, b, cap - 1);
  return d > max ? max + 1 : d;
}

/** Half the L1 distance between the (bucketed) character counts: a lower bound of the distance. */
function histogramBound(a: string, b: string): number {
  const h = histogram;
  for (let i = 0; i < a.length; i++) h[a.charCodeAt(i) & 63]++;
  for (let i = 0; i < b.length; i++) h[b.charCodeAt(i) & 63]--;
  let l1 = 0;
  for (let k = 0; k < 64; k++) {
    const v = h[k];
    l1 += v < 0 ? -v : v;
    h[k] = 0;
  }
  return Math.ceil(l1 / 2);
}

/**
 * The distance when it is at most `max`, else a value above `max`. With a finite `max`
 * only the band |i − j| ≤ max is computed, every cell capped at max + 1 (a cell outside
 * the band is certainly above max).
 */
function alignment(a: string, b: string, max: number): number {
  const la = a.length;
  const m = b.length + 1;
  const banded = max !== Infinity;
  const cap = banded ? max + 1 : Infinity;
  if (scratch.length < 3 * m) scratch = new Int32Array(Math.max(3 * m, 2 * scratch.length));
  // Three rows in one reused buffer: i-2, i-1 and i, rotated by offset.
  const row = scratch;
  let pp = 0;
  let p = m;
  let c = 2 * m;
  for (let j = 0; j < m; j++) {
    row[pp + j] = 0;
    row[p + j] = j < cap ? j : cap;
  }
  for (let i = 1; i <= la; i++) {
    const lo = banded ? Math.max(1, i - max) : 1;
    const hi = banded ? Math.min(m - 1, i + max) : m - 1;
    row[c] = i < cap ? i : cap;
    if (lo > 1) row[c + lo - 1] = cap;
    let rowMin = row[c + lo - 1];
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = row[p + j - 1] + (ai === bj ? 0 : 1);
      const del = row[p + j] + 1;
      if (del < v) v = del;
      const ins = row[c + j - 1] + 1;
      if (ins < v) v = ins;
      if (j > 1 && aPrev === bj && ai === b.charCodeAt(j - 2)) {
        const tr = row[pp + j - 2] + 1;
        if (tr < v) v = tr;
      }
      if (v > cap) v = cap;
      row[c + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi + 1 < m) row[c + hi + 1] = cap;
    if (rowMin > max) return max + 1;
    const t = pp;
    pp = p;
    p = c;
    c = t;
  }
  return row[p + m - 1];
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
export function closest<T>(input: string, candidates: Iterable<T>, key: (item: T) => string, maxDistance?: number): Match<T> | undefined {
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
  const folded = foldForCompare(s);
  // Below U+0300 a letter's base is its own: map letter by letter, no normalisation.
  let out = '';
  let seg = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c < 0xc0) continue;
    if (c >= 0x300) return stripAccents(folded);
    const base = ACCENT_BASE[c - 0xc0];
    if (base !== undefined) {
      out += folded.slice(seg, i) + base;
      seg = i + 1;
    }
  }
  return seg === 0 ? folded : out + folded.slice(seg);
}

function stripAccents(folded: string): string {
  return folded
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** For U+00C0…U+02FF: the character without its diacritics, when that differs (ä → a). */
const ACCENT_BASE: (string | undefined)[] = Array.from({ length: 0x300 - 0xc0 }, (_, i) => {
  const ch = String.fromCharCode(0xc0 + i);
  const base = stripAccents(ch);
  return base !== ch ? base : undefined;
});

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

/**
 * suggestByKey over a fixed list of candidates, sub-linear in the list's size: the same
 * answers (tested against suggestByKey), found through an index built once.
 * - Same apart from diacritics: one map lookup.
 * - Within the typo budget: a candidate within `d` edits (optimal string alignment) of
 *   the input has a length within `d` of the input's and shares all but at most 3·d of
 *   the input's distinct bigrams (an edit touches at most three adjacent pairs: a
 *   transposition), so only candidates of a near length that share enough bigrams
 *   (counted through an inverted index) are compared, in list order as closest does.
 */
export class NameIndex<T> {
  private readonly plain = new Map<string, number>();
  private readonly folded: string[];
  private readonly postings = new Map<string, number[]>();
  /** Candidates by folded length, for inputs too short for the bigram bound. */
  private readonly byLength = new Map<number, number[]>();
  private readonly maxLength: number;
  private readonly counts: Int32Array;

  constructor(private readonly candidates: readonly (readonly [string, T])[]) {
    this.folded = candidates.map(([key]) => foldForCompare(key));
    this.counts = new Int32Array(candidates.length);
    let max = 0;
    candidates.forEach(([key], i) => {
      const p = foldAccents(key);
      if (!this.plain.has(p)) this.plain.set(p, i);
      const k = this.folded[i];
      if (k.length > max) max = k.length;
      let bucket = this.byLength.get(k.length);
      if (!bucket) this.byLength.set(k.length, (bucket = []));
      bucket.push(i);
      for (const g of bigrams(k)) {
        let list = this.postings.get(g);
        if (!list) this.postings.set(g, (list = []));
        list.push(i);
      }
    });
    this.maxLength = max;
  }

  /** Answers remembered (a list repeats its mistakes); cleared when full. */
  private readonly answers = new Map<string, T | undefined>();

  /** What suggestByKey(input, candidates) returns. */
  suggest(input: string): T | undefined {
    if (input.length > 128) return this.search(input);
    if (this.answers.has(input)) return this.answers.get(input);
    const v = this.search(input);
    rememberText(this.answers, input, v, 4096);
    return v;
  }

  private search(input: string): T | undefined {
    const plain = foldAccents(input);
    if (plain === '') return undefined;
    const same = this.plain.get(plain);
    if (same !== undefined) return this.candidates[same][1];
    const folded = foldForCompare(input);
    const la = folded.length;
    // No candidate is within its budget (at most 8) of a much longer input.
    if (la > this.maxLength + 8) return undefined;
    const grams = bigrams(folded);
    const counts = this.counts;
    const touched: number[] = [];
    for (const g of grams) {
      const list = this.postings.get(g);
      if (!list) continue;
      for (const i of list) {
        if (counts[i] === 0) touched.push(i);
        counts[i]++;
      }
    }
    const chosen = new Set<number>();
    const fits = (lk: number) => Math.abs(la - lk) <= typoBudget(lk);
    for (const i of touched) {
      const lk = this.folded[i].length;
      if (fits(lk) && counts[i] >= grams.size - 3 * typoBudget(lk)) chosen.add(i);
      counts[i] = 0;
    }
    // Lengths whose bound allows no shared bigram at all: every candidate of that length.
    for (let lk = Math.max(0, la - 8); lk <= la + 8; lk++) {
      if (!fits(lk) || grams.size - 3 * typoBudget(lk) > 0) continue;
      for (const i of this.byLength.get(lk) ?? []) chosen.add(i);
    }
    if (chosen.size === 0) return undefined;
    const order = [...chosen].sort((a, b) => a - b);
    const best = closest(input, order, (i) => this.candidates[i][0]);
    return best === undefined ? undefined : this.candidates[best.item][1];
  }
}

/** The distinct pairs of adjacent code units of `s`. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}
