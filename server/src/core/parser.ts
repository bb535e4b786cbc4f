// Text in, document model out. One pass over the lines, linear in the input: a line
// is classified by the schema of the section it stands in.
import { type FieldNode, type HankeDocument, type HeadingNode, type ScoreItemNode, type ScoreNode, type SectionNode, type TextLine, range } from './model';
import { FieldLine, HeadingLine, ScoreItemLine, ScoreToken, SectionBlock, TextLineNode } from './nodes';
import { type FieldSpec, PREAMBLE, type ScoreGroupSpec, type ScoreItemSpec, type SectionSpec, SECTIONS, sectionSpec } from './schema';
import { closest, editDistance, foldForCompare, typoBudget } from './util/similarity';
import { rememberText } from './util/own-copy';
import { onceFor } from './util/memo';
import { codeAt, digitsEnd, isRegexSpace, readScore, readValue } from './values';
import { presentSections } from './places';

const LINE_BREAK = /\r\n|\r|\n/;
/** A CR not followed by LF, or an LF not preceded by CR: the line endings are mixed. */
const LONE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/;
/** Longest label worth comparing to the schema; longer "labels" are sentences. */
const MAX_LABEL = 120;

export function splitLines(text: string): string[] {
  // Most documents use one kind of line ending: let the native split do the work.
  const cr = text.indexOf('\r');
  if (cr < 0) return text.split('\n');
  if (text.indexOf('\n') < 0) return text.split('\r');
  if (text.charCodeAt(cr + 1) === 10 && !LONE_CR_OR_LF.test(text)) return text.split('\r\n');
  return text.split(LINE_BREAK);
}

/** Space, tab, no-break spaces, BOM, zero-width space (by code unit). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0xfeff || c === 0x200b;
}

/** First non-space position in [from, to). */
function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  return from;
}

/** End (exclusive) of [from, to) without trailing spaces and CRs. */
function trimEndAt(s: string, from: number, to: number): number {
  while (to > from && (isSpace(s.charCodeAt(to - 1)) || s.charCodeAt(to - 1) === 13)) to--;
  return to;
}

/** The trimmed text s[a, b) of a line starting at offset `base`, with its range. */
function textLine(line: number, s: string, base: number, a: number, b: number): TextLine {
  return new TextLineNode(line, s.slice(a, b), a - base, b - base);
}

/** A schema title folded, with its typo budget (schema strings only: a bounded set). */
const titleInfos = new Map<string, { folded: string; budget: number }>();

function titleInfo(title: string): { folded: string; budget: number } {
  let t = titleInfos.get(title);
  if (!t) {
    const folded = foldForCompare(title);
    t = { folded, budget: typoBudget(folded.length) };
    titleInfos.set(title, t);
  }
  return t;
}

/**
 * A written text compared with titles: bounds on the length of its fold, found in one
 * pass, so that most titles are ruled out without folding the text at all, and the fold
 * itself, made at most once.
 */
class Written {
  private foldedText?: string;
  /** foldForCompare(text).length lies within [min, max]. */
  private min = -1;
  private max = Infinity;
  /** The scan stopped once more than this many characters were kept (the text is longer). */
  private scannedTo = -1;

  /**
   * `text` is source[from, from + text.length): the measuring pass reads the source,
   * the document's text, where a line's text is a slice of it (reading a flat string
   * is about twice as fast as reading a slice).
   */
  constructor(
    readonly text: string,
    private readonly source = text,
    private readonly from = 0,
  ) {}

  get folded(): string {
    return (this.foldedText ??= foldForCompare(this.text));
  }

  /** False when the fold is certainly shorter than `lo` or longer than `hi`. */
  mayFoldWithin(lo: number, hi: number): boolean {
    if (this.min < 0 || (this.max === Infinity && this.scannedTo >= 0 && this.scannedTo < hi)) {
      // Measured once for every title (all are shorter than MEASURED), not once per window.
      const limit = Math.max(hi, MEASURED);
      if (this.text.length > limit && keptMoreThan(limit).test(this.text)) {
        // Longer than any title: ruled out by a regex, native code from the first document on.
        this.min = limit + 1;
        this.max = Infinity;
        this.scannedTo = limit;
      } else {
        measureFold(this.source, this.from, this.from + this.text.length, limit);
        this.min = foldBounds.min;
        this.max = foldBounds.max;
        this.scannedTo = foldBounds.max === Infinity && foldBounds.min > limit ? limit : -1;
      }
    }
    return this.min <= hi && this.max >= lo;
  }
}

/** How far a text compared with titles is measured at least (longer than any title's typo window). */
const MEASURED = 128;

/** The bounds measureFold found (reused: no object per measure). */
const foldBounds = { min: 0, max: 0 };

/**
 * Bounds on the length of foldForCompare(s[from, to)), into foldBounds, in one pass
 * stopping once the fold is certainly longer than `limit` (then min > limit, max Infinity).
 */
function measureFold(s: string, from: number, to: number, limit: number): void {
  // Folding keeps every character below U+0300 that is not white space (it only
  // lower-cases them; other characters may compose onto them): a lower bound. When every
  // character is below U+0300 and none is İ (the one that lower-cases to two), the fold
  // is exactly those characters with each run of white space between them made one space.
  let kept = 0;
  let gaps = 0;
  let inGap = false;
  let plain = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      inGap = kept > 0;
      continue;
    }
    if (c >= 0x300 || c === 0x130) plain = false;
    if (c < 0x300) {
      if (inGap) gaps++;
      inGap = false;
      if (++kept > limit) {
        foldBounds.min = kept;
        foldBounds.max = Infinity;
        return;
      }
    }
  }
  foldBounds.min = plain ? kept + gaps : kept;
  foldBounds.max = plain ? kept + gaps : Infinity;
}

/**
 * May the fold of `text` (the text source[from, from + text.length)) be within [lo, hi]?
 * False: no title of that window is written there, exactly or with a typo. Nothing made.
 */
function foldMayBeWithin(text: string, source: string, from: number, lo: number, hi: number): boolean {
  // Most texts compared are far longer than any title: ruled out by a regex (native code
  // from the first document on; a scan in JavaScript costs more here).
  if (text.length > hi && keptMoreThan(hi).test(text)) return false;
  measureFold(source, from, from + text.length, hi);
  return foldBounds.min <= hi && foldBounds.max >= lo;
}

/** Characters that measureFold neither keeps nor counts: white space, and U+0300 and above. */
const NOT_KEPT = '\\t-\\r \\u00a0\\u0300-\\uffff';
const keptRegexes = new Map<number, RegExp>();

/** A regex matching a text in which measureFold keeps more than `limit` characters (a few limits: the titles' windows). */
function keptMoreThan(limit: number): RegExp {
  let re = keptRegexes.get(limit);
  if (!re) keptRegexes.set(limit, (re = new RegExp(`^(?:[${NOT_KEPT}]*[^${NOT_KEPT}]){${limit + 1}}`)));
  return re;
}

/** The lengths a text's fold may have to be `title` with a typo (or exactly). */
function typoWindow(title: string): { lo: number; hi: number } {
  const t = titleInfo(title);
  return { lo: t.folded.length - t.budget, hi: t.folded.length + t.budget };
}

/** Is `written` the official `title`, or close enough to be a typo of it? */
function titleMatch(written: string | Written, title: string): 'exact' | 'typo' | undefined {
  if ((typeof written === 'string' ? written : written.text) === title) return 'exact';
  const w = typeof written === 'string' ? new Written(written) : written;
  const { folded: b, budget } = titleInfo(title);
  if (!w.mayFoldWithin(b.length - budget, b.length + budget)) return undefined;
  const a = w.folded;
  if (a === b) return 'typo';
  return editDistance(a, b, budget) <= budget ? 'typo' : undefined;
}

/** Shortest official title a heading with another number is taken for ('Hanke' alone is text). */
const MIN_RENUMBERED_TITLE = 10;

/**
 * Could a heading numbered `number` be `spec` with a slip in the number? Same level,
 * and a subsection under the same parent (`4.1`/`4.3` for 4.2, not `5.1` or `4`); the
 * title long enough not to be a word of free text ('Hanke').
 */
function renumberable(number: string, spec: SectionSpec): boolean {
  if (spec.title.length < MIN_RENUMBERED_TITLE) return false;
  const dot = number.indexOf('.');
  if (dot < 0) return spec.level === 1;
  return spec.level === 2 && spec.parent === number.slice(0, dot);
}

/**
 * The section whose official title `title` is (exactly or with a typo), other than
 * `except`, that a heading numbered `number` can be with a wrong number
 * (`4.1 Välilliset kohderyhmät`). See renumberable: numbered free text stays text.
 */
function titleOwner(number: string, title: string, except: SectionSpec | undefined): { spec: SectionSpec; match: 'exact' | 'typo' } | undefined {
  const w = new Written(title);
  for (const spec of SECTIONS) {
    if (spec === except || !renumberable(number, spec)) continue;
    const match = titleMatch(w, spec.title);
    if (match) return { spec, match };
  }
  return undefined;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Where the number and title of a heading line s[a, b) (trimmed) are, read as the regex
 * `^(\d{1,2}(?:\.\d{1,2})?)\.?[ \t\u00a0]+(\S.*)$` reads it: the number ends at `numberEnd`,
 * the title starts at `titleStart` and runs to `b`. Undefined when the line is no heading;
 * the caller checks what `.*` adds: no U+2028/U+2029 in the title (hasLineSeparator).
 */
export function headingShape(s: string, a: number, b: number): { numberEnd: number; titleStart: number } | undefined {
  const d1 = digitsEnd(s, a, b);
  if (d1 === a || d1 - a > 2) return undefined;
  let numberEnd = d1;
  let k = d1;
  if (k < b && s.charCodeAt(k) === 46) {
    const d2 = digitsEnd(s, k + 1, b);
    // `1.23` followed by a third digit, or `1.` then digits that are no subsection number: no heading.
    if (d2 - (k + 1) > 2) return undefined;
    if (d2 > k + 1) numberEnd = k = d2;
    if (k < b && s.charCodeAt(k) === 46) k++;
  }
  let t = k;
  while (t < b) {
    const c = s.charCodeAt(t);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
    t++;
  }
  if (t === k || t === b || isRegexSpace(s.charCodeAt(t))) return undefined;
  return { numberEnd, titleStart: t };
}

/** Is there a U+2028 or U+2029 in s[from, to)? (The regex's `.` matches any other character of a line.) */
function hasLineSeparator(s: string, from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** The heading s[a, b) (trimmed) of a line starting at offset `base`, if it is one. */
function readHeading(line: number, s: string, base: number, a: number, b: number): { spec: SectionSpec; node: HeadingNode } | undefined {
  if (!isDigit(s.charCodeAt(a))) return undefined;
  const shape = headingShape(s, a, b);
  if (!shape) return undefined;
  const number = s.slice(a, shape.numberEnd);
  const title = s.slice(shape.titleStart, b);
  const written = sectionSpec(number);
  // No official title has a line separator (test/unit/parser-scans.test.ts): only another title is searched.
  if (title !== written?.title && hasLineSeparator(s, shape.titleStart + 1, b)) return undefined;
  let spec = written;
  let match = written && titleMatch(title, written.title);
  if (match === 'typo') {
    // A near miss of its own title that is exactly another section's title is that section.
    const folded = foldForCompare(title);
    const exact = SECTIONS.find((x) => x !== written && renumberable(number, x) && titleInfo(x.title).folded === folded);
    if (exact) {
      spec = exact;
      match = exact.title === title ? 'exact' : 'typo';
    }
  } else if (!match) {
    // The title of another section: that section, with a wrong number (section-number).
    const owner = titleOwner(number, title, written);
    if (!owner) return undefined;
    spec = owner.spec;
    match = owner.match;
  }
  return { spec: spec!, node: new HeadingLine(line, number, title, match === 'exact', a - base, shape.numberEnd - base, shape.titleStart - base, b - base) };
}

interface LabelHit {
  spec?: FieldSpec;
  match: FieldNode['labelMatch'];
}

const UNKNOWN: LabelHit = { match: 'unknown' };

/**
 * Fields a written label is matched with, read once from the schema: the exact labels by
 * their length (a label is sliced and compared only when a field's label has its length),
 * the folded labels and aliases in field order.
 */
class LabelTable {
  private readonly byLength: (readonly { label: string; hit: LabelHit }[] | undefined)[];
  private readonly folded: readonly { spec: FieldSpec; label: string; aliases: readonly string[] }[];

  constructor(readonly fields: readonly FieldSpec[]) {
    const byLength: { label: string; hit: LabelHit }[][] = [];
    for (const f of fields) {
      while (byLength.length <= f.label.length) byLength.push([]);
      byLength[f.label.length].push({ label: f.label, hit: { spec: f, match: 'exact' } });
    }
    this.byLength = byLength.map((list) => (list.length ? list : undefined));
    this.folded = fields.map((f) => ({ spec: f, label: foldForCompare(f.label), aliases: (f.aliases ?? []).map(foldForCompare) }));
  }

  /** The first field whose label is exactly s[from, to). */
  exact(s: string, from: number, to: number): LabelHit | undefined {
    const list = to - from < this.byLength.length ? this.byLength[to - from] : undefined;
    if (list) {
      const label = s.slice(from, to);
      for (const e of list) if (e.label === label) return e.hit;
    }
    return undefined;
  }

  /** The field `label` (not exactly any) names: by its fold, an alias, or the closest label. */
  near(label: string): LabelHit {
    const folded = foldForCompare(label);
    for (const f of this.folded) {
      if (f.label === folded) return { spec: f.spec, match: 'typo' };
      if (f.aliases.includes(folded)) return { spec: f.spec, match: 'alias' };
    }
    if (label.length > MAX_LABEL) return UNKNOWN;
    const near = closest(label, this.fields, (f) => f.label);
    return near ? { spec: near.item, match: 'typo' } : UNKNOWN;
  }
}

/** The label s[la, lb) matched with a table's fields. */
function matchLabel(table: LabelTable, s: string, la: number, lb: number): LabelHit {
  return table.exact(s, la, lb) ?? table.near(s.slice(la, lb));
}

/** A section's label tables: every field, and those that can stand before / after the place-of-implementation line. */
const labelTables = onceFor((spec: SectionSpec): { all: LabelTable; outside: LabelTable; inside: LabelTable } => {
  const fields = spec.fields ?? [];
  return { all: new LabelTable(fields), outside: new LabelTable(fields.filter((f) => f.group !== 'place')), inside: new LabelTable(fields.filter((f) => f.group === 'place')) };
});

/** The typo window of a section's 8.2 groups: a text whose fold lies outside [lo, hi] is none of them. */
const groupWindow = onceFor((spec: SectionSpec) => {
  const infos = (spec.groups ?? []).map((g) => titleInfo(g.name));
  // No groups: an empty window (every text is outside it).
  if (infos.length === 0) return { lo: 1, hi: -1 };
  return { lo: Math.min(...infos.map((t) => t.folded.length - t.budget)), hi: Math.max(...infos.map((t) => t.folded.length + t.budget)) };
});

/** The group a line written exactly as each group's name names (the first whose name it matches), worked out once. */
const groupsOfNames = onceFor((spec: SectionSpec): readonly (ScoreGroupSpec | undefined)[] => {
  const groups = spec.groups ?? [];
  return groups.map((g) => groups.find((x) => titleMatch(g.name, x.name)));
});

/** Every 8.2 item of a section, in schema order. */
const scoreItems = onceFor((spec: SectionSpec): readonly ScoreItemSpec[] => (spec.groups ?? []).flatMap((g) => g.items));

/** The 8.2 items of a section by the length of their names. */
const itemsByLength = onceFor((spec: SectionSpec): ReadonlyMap<number, readonly ScoreItemSpec[]> => {
  const m = new Map<number, ScoreItemSpec[]>();
  for (const it of scoreItems(spec)) {
    const list = m.get(it.name.length);
    if (list) list.push(it);
    else m.set(it.name.length, [it]);
  }
  return m;
});

/** The item whose name is exactly s[from, to), if any (sliced only when an item has that length). */
function exactItem(byLength: ReadonlyMap<number, readonly ScoreItemSpec[]>, s: string, from: number, to: number): ScoreItemSpec | undefined {
  const candidates = byLength.get(to - from);
  if (!candidates) return undefined;
  // A slice compared with === beat startsWith and a loop over charCodeAt (measured).
  const name = s.slice(from, to);
  for (const it of candidates) if (it.name === name) return it;
  return undefined;
}

/** Longest 8.2 line whose group (or none) is remembered (hashing a longer one costs more than ruling it out). */
const MEMO_LENGTH = 96;
/** Lines remembered per score section before the memo starts again (a few kilobytes per hundred). */
const GROUP_MEMO_ENTRIES = 4096;
/** The group (or null: none) of the short 8.2 lines met so far, across documents: the same justifications recur. */
const groupMemo = onceFor((_spec: SectionSpec) => new Map<string, ScoreGroupSpec | null>());

/** Longest score-like token. */
const MAX_SCORE_TOKEN = 5;
/** Most score-like tokens split off the end of an 8.2 line. */
const MAX_SCORE_TOKENS = 3;

/** The parser's buffer of score tokens (a parse runs to its end before another starts). */
const SCORE_TOKENS = new Int32Array(2 * MAX_SCORE_TOKENS);

/** Does s[from, to) contain an ASCII digit? (Score-like tokens after an 8.2 item name are short and contain one.) */
function hasDigit(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * A parsed document. The parser reads the text itself, line by line, without splitting
 * it: `lines` is split from the text when first asked for (the linter of a clean
 * document never asks), then kept.
 */
class ParsedDocument implements HankeDocument {
  // Private fields: not in JSON, Object.keys, for-in or a deep equality (a document
  // whose lines were asked for equals one whose lines were not).
  readonly #text: string;
  #lines: string[] | undefined = undefined;
  readonly preamble: HankeDocument['preamble'] = { other: [] };
  readonly sections: SectionNode[] = [];
  readonly tree: SectionNode[] = [];

  constructor(
    text: string,
    readonly eol: HankeDocument['eol'],
  ) {
    this.#text = text;
  }

  get lines(): readonly string[] {
    return (this.#lines ??= splitLines(this.#text));
  }
}

/** The preamble's banner and title ending, folded once. */
const BANNER_FOLDED = foldForCompare(PREAMBLE.banner);
const TITLE_SUFFIX_FOLDED = foldForCompare(PREAMBLE.titleSuffix);

/** The index of `ch` in s[from, to), or -1. */
function indexWithin(s: string, ch: number, from: number, to: number): number {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) === ch) return k;
  return -1;
}

/** The last index of `ch` in s[from, to), or -1. */
function lastIndexWithin(s: string, ch: number, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (s.charCodeAt(k) === ch) return k;
  return -1;
}

/**
 * One pass over the text. Each line is read in place: `s` is the whole text, a line
 * runs from `base` (its first character) to its line break, and a column is an offset
 * less `base`. Nothing is sliced or allocated for a line that the model does not keep.
 */
class Parser {
  readonly doc: ParsedDocument;
  private current?: SectionBlock = undefined;
  private inPlace = false;
  private inPartners = false;
  private lastField?: FieldNode = undefined;
  private lastItem?: ScoreItemNode = undefined;
  private lastTop?: SectionBlock = undefined;
  /** Offset of the current line's first character in the text. */
  private base = 0;
  /** The next colon at or after the current line (-1: none left; -2: not searched yet), found once for several lines. */
  private nextColon = -2;
  /** The current section's label tables (every field; outside / inside the place-of-implementation block). */
  private labels = labelTables(SECTIONS[0]);
  /** The typo window of the current section's place marker. */
  private markerWindow = { lo: 0, hi: 0 };
  /** The current score section's items by the length of their names, and its groups' typo window. */
  private itemsByLength: ReadonlyMap<number, readonly ScoreItemSpec[]> = new Map();
  private groupWindow = { lo: 1, hi: -1 };
  /** Start/end offsets of the score-like tokens of the current 8.2 line, from the last back (one buffer for every parse). */
  private readonly tokens = SCORE_TOKENS;
  /** Line and end column of the current section's last body line (-1: none yet). */
  private bodyEndLine = -1;
  private bodyEnd = 0;

  constructor(
    readonly text: string,
    eol: HankeDocument['eol'],
  ) {
    this.doc = new ParsedDocument(text, eol);
  }

  run(): HankeDocument {
    // Lines end at \r\n, \r or \n, as splitLines splits them. The next CR and the next
    // LF are each searched for once and kept until passed: linear in the text.
    const s = this.text;
    const n = s.length;
    let nextLF = -1;
    let nextCR = -1;
    let start = 0;
    for (let i = 0; start < n; i++) {
      // A blank line: no search.
      const c0 = s.charCodeAt(start);
      if (c0 === 10 || c0 === 13) {
        start += c0 === 13 && codeAt(s, start + 1) === 10 ? 2 : 1;
        continue;
      }
      if (nextLF < start) {
        nextLF = s.indexOf('\n', start);
        if (nextLF < 0) nextLF = n;
      }
      if (nextCR < start) {
        nextCR = s.indexOf('\r', start);
        if (nextCR < 0) nextCR = n;
      }
      const end = nextLF < nextCR ? nextLF : nextCR;
      const a = skipSpace(s, start, end);
      if (a < end) {
        const b = trimEndAt(s, a, end);
        this.base = start;
        const heading = readHeading(i, s, start, a, b);
        if (heading) this.openSection(heading.spec, heading.node);
        else if (!this.current) this.preambleLine(textLine(i, s, start, a, b));
        else {
          this.bodyLine(i, s, a, b);
          this.bodyEndLine = i;
          this.bodyEnd = b - start;
        }
      }
      if (end === n) break;
      start = end === nextCR && codeAt(s, end + 1) === 10 ? end + 2 : end + 1;
    }
    this.closeSection();
    return this.doc;
  }

  /** The first colon in s[a, b), or -1. */
  private colonWithin(s: string, a: number, b: number): number {
    // One native search serves every line up to the colon it finds.
    if (this.nextColon !== -1 && this.nextColon < a) this.nextColon = s.indexOf(':', a);
    const c = this.nextColon;
    return c >= 0 && c < b ? c : -1;
  }

  /** The section's range runs to the end of its last body line. */
  private closeSection(): void {
    const sec = this.current;
    if (sec && this.bodyEndLine >= 0) sec.endAt(this.bodyEndLine, this.bodyEnd);
    this.bodyEndLine = -1;
  }

  private openSection(spec: SectionSpec, heading: HeadingNode): void {
    this.closeSection();
    const node = new SectionBlock(spec, heading);
    this.doc.sections.push(node);
    if (spec.level === 2 && this.lastTop && this.lastTop.spec.number === spec.parent) {
      this.lastTop.children.push(node);
    } else {
      this.doc.tree.push(node);
      if (spec.level === 1) this.lastTop = node;
    }
    this.current = node;
    this.inPlace = false;
    this.inPartners = false;
    this.lastField = undefined;
    this.lastItem = undefined;
    this.labels = labelTables(spec);
    if (spec.placeMarker) this.markerWindow = typoWindow(spec.placeMarker);
    if (spec.body === 'scores') {
      this.itemsByLength = itemsByLength(spec);
      this.groupWindow = groupWindow(spec);
    }
  }

  private preambleLine(t: TextLine): void {
    const folded = foldForCompare(t.text);
    const p = this.doc.preamble;
    if (!p.banner && folded === BANNER_FOLDED) p.banner = t;
    else if (!p.title && folded.endsWith(TITLE_SUFFIX_FOLDED)) p.title = t;
    else p.other.push(t);
  }

  private bodyLine(i: number, s: string, a: number, b: number): void {
    const sec = this.current!;
    switch (sec.spec.body) {
      case 'fields':
        return this.fieldsLine(sec, i, s, a, b);
      case 'questions':
        return this.questionLine(sec, i, s, a, b);
      case 'scores':
        return this.scoreLine(sec, i, s, a, b);
      default:
        sec.texts.push(textLine(i, s, this.base, a, b));
    }
  }

  private makeField(sec: SectionNode, hit: LabelHit, i: number, s: string, a: number, la: number, lb: number, colon: number, b: number): FieldNode {
    const base = this.base;
    const spec = hit.spec;
    const va = skipSpace(s, colon + 1, b);
    const vb = trimEndAt(s, va, b);
    const valueStart = va === vb ? Math.min(colon + 1 + (codeAt(s, colon + 1) === 32 ? 1 : 0), b) : va;
    const valueEnd = va === vb ? valueStart : vb;
    const value = s.slice(va, vb);
    const node = new FieldLine(
      spec,
      hit.match,
      i,
      // An exact label is the schema's own string (the line is not sliced for it).
      hit.match === 'exact' ? spec!.label : s.slice(la, lb),
      value,
      spec ? readValue(spec.kind, value, i, valueStart - base) : undefined,
      a - base,
      la - base,
      lb - base,
      valueStart - base,
      valueEnd - base,
      b - base,
    );
    sec.fields.push(node);
    return node;
  }

  /**
   * May the line s[a, b) be the section's place marker (exactly or with a typo)? False when
   * its fold is outside the marker's typo window; read in place, as the marker is compared
   * (without a colon at the end).
   */
  private mayBeMarker(s: string, a: number, b: number): boolean {
    let e = b;
    if (s.charCodeAt(e - 1) === 58) {
      e--;
      while (e > a && isRegexSpace(s.charCodeAt(e - 1))) e--;
    }
    const w = this.markerWindow;
    return foldMayBeWithin(s.slice(a, e), s, a, w.lo, w.hi);
  }

  private fieldsLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    const spec = sec.spec;
    const base = this.base;
    const colon = this.colonWithin(s, a, b);
    // The marker may end in a colon. (Not /\s*:$/: that regex is quadratic on a long run of spaces.)
    if (spec.placeMarker && !sec.placeMarker && this.mayBeMarker(s, a, b)) {
      const t = s.slice(a, b);
      if (titleMatch(t.endsWith(':') ? t.slice(0, -1).trimEnd() : t, spec.placeMarker)) {
        sec.placeMarker = textLine(i, s, base, a, b);
        this.inPlace = true;
        this.inPartners = false;
        return;
      }
    }
    if (colon >= 0) {
      const la = skipSpace(s, a, colon);
      const lb = trimEndAt(s, la, colon);
      let hit = matchLabel(this.inPlace ? this.labels.inside : this.labels.outside, s, la, lb);
      if (hit.match === 'unknown') hit = matchLabel(this.labels.all, s, la, lb);
      if (hit.match !== 'unknown' || !this.inPartners) {
        this.inPartners = false;
        this.lastField = this.makeField(sec, hit, i, s, a, la, lb, colon, b);
        return;
      }
    }
    const text = textLine(i, s, base, a, b);
    const folded = foldForCompare(text.text);
    if (spec.partners && !sec.partners && folded.replace(/:$/, '') === foldForCompare(spec.partners.label)) {
      sec.partners = { label: text, entries: [] };
      this.inPartners = true;
      return;
    }
    if (this.inPartners && sec.partners) {
      const comma = lastIndexWithin(s, 44, a + 1, b);
      if (comma > a) {
        const na = skipSpace(s, a, comma);
        const nb = trimEndAt(s, na, comma);
        const ya = skipSpace(s, comma + 1, b);
        const yb = trimEndAt(s, ya, b);
        sec.partners.entries.push({
          line: i,
          range: text.range,
          name: s.slice(na, nb),
          nameRange: range(i, na - base, nb - base),
          yTunnus: s.slice(ya, yb),
          yTunnusRange: range(i, ya - base, yb - base),
        });
      } else {
        sec.partners.entries.push({
          line: i,
          range: text.range,
          name: text.text,
          nameRange: text.range,
          yTunnus: '',
          yTunnusRange: range(i, b - base, b - base),
        });
      }
      return;
    }
    sec.strays.push(text);
  }

  private questionLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    const colon = this.colonWithin(s, a, b);
    if (colon >= 0 && colon - a <= MAX_LABEL) {
      const la = skipSpace(s, a, colon);
      const lb = trimEndAt(s, la, colon);
      const hit = matchLabel(this.labels.all, s, la, lb);
      if (hit.spec) {
        this.lastField = this.makeField(sec, hit, i, s, a, la, lb, colon, b);
        return;
      }
    }
    const text = textLine(i, s, this.base, a, b);
    if (this.lastField) this.lastField.justification.push(text);
    else sec.texts.push(text);
  }

  /** The 8.2 group `written` names (exactly or with a typo), if any: the first in schema order. */
  private groupOf(spec: SectionSpec, written: Written): ScoreGroupSpec | undefined {
    const groups = spec.groups;
    if (!groups?.length) return undefined;
    const w = groupWindow(spec);
    // One scan of the text rules out most lines (items, justifications) for every group at once.
    const text = written.text;
    for (let k = 0; k < groups.length; k++) if (groups[k].name === text) return groupsOfNames(spec)[k];
    if (!written.mayFoldWithin(w.lo, w.hi)) return undefined;
    return groups.find((g) => titleMatch(written, g.name));
  }

  private scoreLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    // `<item name> <direct> <indirect>`: split trailing score-like tokens (at most three)
    // off the end of the line, as start/end pairs from the last token back.
    const tokens = this.tokens;
    let count = 0;
    let nameEnd = b;
    while (count < 2 * MAX_SCORE_TOKENS) {
      let e = nameEnd;
      while (e > a && isSpace(s.charCodeAt(e - 1))) e--;
      // A score token is short: look back no further than one character past the longest.
      let st = e;
      while (st > a && e - st <= MAX_SCORE_TOKEN && !isSpace(s.charCodeAt(st - 1))) st--;
      if (st === a || st === e || e - st > MAX_SCORE_TOKEN || !hasDigit(s, st, e)) break;
      tokens[count++] = st;
      tokens[count++] = e;
      nameEnd = st;
    }
    let na = a;
    let nb = nameEnd;
    while (na < nb && isSpace(s.charCodeAt(na))) na++;
    while (nb > na && (isSpace(s.charCodeAt(nb - 1)) || s.charCodeAt(nb - 1) === 13)) nb--;
    // An exact item name followed by nothing but score-like tokens is an item line: the
    // header and the group names never carry scores. Most lines of 8.2 are these.
    const exact = exactItem(this.itemsByLength, s, na, nb);
    if (exact) this.addItem(sec, exact, true, i, s, a, b, na, nb, count);
    else this.otherScoreLine(sec, i, s, a, b, na, nb, count);
  }

  /** A line of 8.2 that is no exact item: the header, a group, an item with a typo, or a justification. */
  private otherScoreLine(sec: SectionNode, i: number, s: string, a: number, b: number, na: number, nb: number, count: number): void {
    const spec = sec.spec;
    const text = textLine(i, s, this.base, a, b);
    const header = spec.scoreHeader !== undefined && !sec.scoreHeader && sec.items.length === 0;
    // Most other lines are justifications, longer than the header or any group's name:
    // ruled out by one short scan, before anything is made to compare them.
    const window = this.groupWindow;
    // A short line met before, in this document or another (justifications recur), is known
    // to name a group or none: nothing is measured or compared again. (Not while the
    // header may come: whether a line is the header depends on what came before.)
    const memo = !header && text.text.length <= MEMO_LENGTH ? groupMemo(spec) : undefined;
    let group = memo?.get(text.text);
    if (group === undefined) {
      group = null;
      if (header || foldMayBeWithin(text.text, s, a, window.lo, window.hi)) {
        const written = new Written(text.text, s, a);
        if (header && titleMatch(written, spec.scoreHeader!)) {
          sec.scoreHeader = text;
          return;
        }
        group = this.groupOf(spec, written) ?? null;
      }
      if (memo) rememberText(memo, text.text, group, GROUP_MEMO_ENTRIES);
    }
    if (group) {
      sec.groups.push({ spec: group, line: text, exact: text.text === group.name });
      this.lastItem = undefined;
      return;
    }
    // Without scores, only an exact name makes an item line (a justification may begin
    // with an item's words); with score tokens, a close name is that item with a typo.
    if (count > 0 && nb - na <= MAX_LABEL) {
      const near = closest(s.slice(na, nb), scoreItems(spec), (it) => it.name);
      if (near) return this.addItem(sec, near.item, false, i, s, a, b, na, nb, count);
    }
    if (this.lastItem) this.lastItem.justification.push(text);
    else sec.texts.push(text);
  }

  /** An item line; its scores are the first `count` / 2 tokens of this.tokens (from the last back). */
  private addItem(sec: SectionNode, spec: ScoreItemSpec, exact: boolean, i: number, s: string, a: number, b: number, na: number, nb: number, count: number): void {
    // A digit inside the name (Natura 2000) is the name's, not a score: tokens were only
    // split off while they followed the name.
    const base = this.base;
    const tokens = this.tokens;
    const scores: ScoreNode[] = [];
    for (let k = count - 2; k >= 0; k -= 2) {
      const raw = s.slice(tokens[k], tokens[k + 1]);
      scores.push(new ScoreToken(raw, readScore(raw), i, tokens[k] - base, tokens[k + 1] - base));
    }
    // An exact name is the schema's own string: no slice.
    const item = new ScoreItemLine(spec, i, exact ? spec.name : s.slice(na, nb), exact, scores, a - base, na - base, nb - base, b - base);
    sec.items.push(item);
    this.lastItem = item;
  }
}

/** Parses a description. Never throws; anything it does not recognise is kept as text. */
export function parse(text: string): HankeDocument {
  return new Parser(text, lineEnding(text)).run();
}

/** The document's line ending: the first one found (LF when there is none). */
function lineEnding(text: string): HankeDocument['eol'] {
  const lf = text.indexOf('\n');
  // Usually the first line break is near the start: look for a CR only before it.
  const cr = lf < 0 ? text.indexOf('\r') : indexWithin(text, 13, 0, lf);
  if (cr < 0) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}

// ---- Queries over the model used by rules, hovers and exports ----

/** The first occurrence of a section, if any (places.ts presentSections: worked out once per document). */
export function findSection(doc: HankeDocument, number: string): SectionNode | undefined {
  return presentSections(doc).get(number);
}

/** The first section declaring each field key. */
const fieldOwners = new Map<string, SectionSpec>();
for (const s of SECTIONS) for (const f of s.fields ?? []) if (!fieldOwners.has(f.key)) fieldOwners.set(f.key, s);

/** The first field with the given schema key (in the first section holding it). */
export function findField(doc: HankeDocument, key: string): FieldNode | undefined {
  const owner = fieldOwners.get(key);
  if (!owner) return undefined;
  const sec = findSection(doc, owner.number);
  return sec?.fields.find((f) => f.spec?.key === key && f.labelMatch !== 'unknown');
}
