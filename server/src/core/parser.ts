// Text in, document model out. One pass over the lines, linear in the input: a line
// is classified by the schema of the section it stands in.
import {
  type FieldNode,
  type HankeDocument,
  type HeadingNode,
  type ScoreItemNode,
  type SectionNode,
  type TextLine,
  range,
} from './model';
import { type FieldSpec, PREAMBLE, type SectionSpec, SECTIONS, sectionSpec } from './schema';
import { closest, editDistance, foldForCompare, typoBudget } from './util/similarity';
import { readValue } from './values';

const LINE_BREAK = /\r\n|\r|\n/;
const HEADING = /^(\d{1,2}(?:\.\d{1,2})?)\.?[ \t\u00a0]+(\S.*)$/;
/** Longest label worth comparing to the schema; longer "labels" are sentences. */
const MAX_LABEL = 120;

export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' || c === '\uFEFF' || c === '\u200b';
}

/** Start and end (exclusive) of the trimmed content of a line. */
function trimBounds(s: string, from = 0, to = s.length): [number, number] {
  let a = from;
  let b = to;
  while (a < b && isSpace(s[a])) a++;
  while (b > a && (isSpace(s[b - 1]) || s[b - 1] === '\r')) b--;
  return [a, b];
}

function textLine(line: number, s: string, a: number, b: number): TextLine {
  return { line, text: s.slice(a, b), range: range(line, a, b) };
}

/** Is `written` the official `title`, or close enough to be a typo of it? */
function titleMatch(written: string, title: string): 'exact' | 'typo' | undefined {
  if (written === title) return 'exact';
  const a = foldForCompare(written);
  const b = foldForCompare(title);
  if (a === b) return 'typo';
  const budget = typoBudget(b.length);
  return editDistance(a, b, budget) <= budget ? 'typo' : undefined;
}

function readHeading(line: number, s: string, a: number, b: number): { spec: SectionSpec; node: HeadingNode } | undefined {
  const c = s.charCodeAt(a);
  if (c < 48 || c > 57) return undefined;
  const m = HEADING.exec(s.slice(a, b));
  if (!m) return undefined;
  const spec = sectionSpec(m[1]);
  if (!spec) return undefined;
  const title = m[2];
  const match = titleMatch(title, spec.title);
  if (!match) return undefined;
  const titleStart = b - title.length;
  return {
    spec,
    node: {
      line,
      range: range(line, a, b),
      number: m[1],
      numberRange: range(line, a, a + m[1].length),
      title,
      titleRange: range(line, titleStart, b),
      titleExact: match === 'exact',
    },
  };
}

interface LabelHit {
  spec?: FieldSpec;
  match: FieldNode['labelMatch'];
}

function matchLabel(label: string, fields: readonly FieldSpec[]): LabelHit {
  const folded = foldForCompare(label);
  for (const f of fields) {
    if (f.label === label) return { spec: f, match: 'exact' };
  }
  for (const f of fields) {
    if (foldForCompare(f.label) === folded) return { spec: f, match: 'typo' };
    if (f.aliases?.some((a) => foldForCompare(a) === folded)) return { spec: f, match: 'alias' };
  }
  if (label.length > MAX_LABEL) return { match: 'unknown' };
  const near = closest(label, fields, (f) => f.label);
  return near ? { spec: near.item, match: 'typo' } : { match: 'unknown' };
}

function newSection(spec: SectionSpec, heading: HeadingNode): SectionNode {
  return {
    spec,
    heading,
    range: heading.range,
    fields: [],
    texts: [],
    groups: [],
    items: [],
    strays: [],
    children: [],
  };
}

/** Score-like tokens after an 8.2 item name: short and containing a digit. */
function isScoreToken(tok: string): boolean {
  return tok.length <= 5 && /\d/.test(tok);
}

class Parser {
  readonly doc: HankeDocument;
  private current?: SectionNode;
  private inPlace = false;
  private inPartners = false;
  private lastField?: FieldNode;
  private lastItem?: ScoreItemNode;
  private lastTop?: SectionNode;

  constructor(readonly lines: string[], eol: HankeDocument['eol']) {
    this.doc = { lines, eol, preamble: { other: [] }, sections: [], tree: [] };
  }

  run(): HankeDocument {
    for (let i = 0; i < this.lines.length; i++) {
      const s = this.lines[i];
      const [a, b] = trimBounds(s);
      if (a === b) continue;
      const heading = readHeading(i, s, a, b);
      if (heading) this.openSection(heading.spec, heading.node);
      else if (!this.current) this.preambleLine(textLine(i, s, a, b));
      else {
        this.bodyLine(i, s, a, b);
        this.current.range = { start: this.current.range.start, end: { line: i, character: b } };
      }
    }
    return this.doc;
  }

  private openSection(spec: SectionSpec, heading: HeadingNode): void {
    const node = newSection(spec, heading);
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
  }

  private preambleLine(t: TextLine): void {
    const folded = foldForCompare(t.text);
    const p = this.doc.preamble;
    if (!p.banner && folded === foldForCompare(PREAMBLE.banner)) p.banner = t;
    else if (!p.title && folded.endsWith(foldForCompare(PREAMBLE.titleSuffix))) p.title = t;
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
        sec.texts.push(textLine(i, s, a, b));
    }
  }

  private makeField(sec: SectionNode, hit: LabelHit, i: number, s: string, a: number, colon: number, b: number): FieldNode {
    const [la, lb] = trimBounds(s, a, colon);
    const [va, vb] = trimBounds(s, colon + 1, b);
    const valueStart = va === vb ? Math.min(colon + 1 + (s[colon + 1] === ' ' ? 1 : 0), b) : va;
    const valueRange = range(i, valueStart, va === vb ? valueStart : vb);
    const value = s.slice(va, vb);
    const node: FieldNode = {
      spec: hit.spec,
      labelMatch: hit.match,
      line: i,
      range: range(i, a, b),
      label: s.slice(la, lb),
      labelRange: range(i, la, lb),
      value,
      valueRange,
      typed: hit.spec ? readValue(hit.spec.kind, value, valueRange) : undefined,
      justification: [],
    };
    sec.fields.push(node);
    return node;
  }

  private fieldsLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    const spec = sec.spec;
    const text = textLine(i, s, a, b);
    if (spec.placeMarker && !sec.placeMarker && titleMatch(text.text.replace(/\s*:$/, ''), spec.placeMarker)) {
      sec.placeMarker = text;
      this.inPlace = true;
      this.inPartners = false;
      return;
    }
    const colon = s.indexOf(':', a);
    if (colon >= 0 && colon < b) {
      const candidates = (spec.fields ?? []).filter((f) => (f.group === 'place') === this.inPlace);
      const label = s.slice(...trimBounds(s, a, colon));
      let hit = matchLabel(label, candidates);
      if (hit.match === 'unknown') hit = matchLabel(label, spec.fields ?? []);
      if (hit.match !== 'unknown' || !this.inPartners) {
        this.inPartners = false;
        this.lastField = this.makeField(sec, hit, i, s, a, colon, b);
        return;
      }
    }
    const folded = foldForCompare(text.text);
    if (spec.partners && !sec.partners && folded.replace(/:$/, '') === foldForCompare(spec.partners.label)) {
      sec.partners = { label: text, entries: [] };
      this.inPartners = true;
      return;
    }
    if (this.inPartners && sec.partners) {
      const comma = s.lastIndexOf(',', b - 1);
      if (comma > a) {
        const [na, nb] = trimBounds(s, a, comma);
        const [ya, yb] = trimBounds(s, comma + 1, b);
        sec.partners.entries.push({
          line: i,
          range: text.range,
          name: s.slice(na, nb),
          nameRange: range(i, na, nb),
          yTunnus: s.slice(ya, yb),
          yTunnusRange: range(i, ya, yb),
        });
      } else {
        sec.partners.entries.push({
          line: i,
          range: text.range,
          name: text.text,
          nameRange: text.range,
          yTunnus: '',
          yTunnusRange: range(i, b, b),
        });
      }
      return;
    }
    sec.strays.push(text);
  }

  private questionLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    const colon = s.indexOf(':', a);
    if (colon >= 0 && colon < b && colon - a <= MAX_LABEL) {
      const label = s.slice(...trimBounds(s, a, colon));
      const hit = matchLabel(label, sec.spec.fields ?? []);
      if (hit.spec) {
        this.lastField = this.makeField(sec, hit, i, s, a, colon, b);
        return;
      }
    }
    const text = textLine(i, s, a, b);
    if (this.lastField) this.lastField.justification.push(text);
    else sec.texts.push(text);
  }

  private scoreLine(sec: SectionNode, i: number, s: string, a: number, b: number): void {
    const spec = sec.spec;
    const text = textLine(i, s, a, b);
    if (spec.scoreHeader && !sec.scoreHeader && sec.items.length === 0 && titleMatch(text.text, spec.scoreHeader)) {
      sec.scoreHeader = text;
      return;
    }
    const group = spec.groups?.find((g) => titleMatch(text.text, g.name));
    if (group) {
      sec.groups.push({ spec: group, line: text, exact: text.text === group.name });
      this.lastItem = undefined;
      return;
    }
    const item = this.readItem(sec, i, s, a, b);
    if (item) {
      sec.items.push(item);
      this.lastItem = item;
      return;
    }
    if (this.lastItem) this.lastItem.justification.push(text);
    else sec.texts.push(text);
  }

  /** `<item name> <direct> <indirect>`: the name, then score-like tokens only. */
  private readItem(sec: SectionNode, i: number, s: string, a: number, b: number): ScoreItemNode | undefined {
    // Split trailing score-like tokens off the end of the line (at most three).
    const tokens: { start: number; end: number }[] = [];
    let nameEnd = b;
    while (tokens.length < 3) {
      let e = nameEnd;
      while (e > a && isSpace(s[e - 1])) e--;
      let st = e;
      while (st > a && !isSpace(s[st - 1])) st--;
      if (st === a || st === e || !isScoreToken(s.slice(st, e))) break;
      tokens.unshift({ start: st, end: e });
      nameEnd = st;
    }
    const [na, nb] = trimBounds(s, a, nameEnd);
    const name = s.slice(na, nb);
    const items = (sec.spec.groups ?? []).flatMap((g) => g.items);
    let spec = items.find((it) => it.name === name);
    let exact = !!spec;
    if (!spec) {
      const near = name.length <= MAX_LABEL ? closest(name, items, (it) => it.name) : undefined;
      // Without scores, only an exact name makes an item line (a justification may begin
      // with an item's words); with score tokens, a close name is that item with a typo.
      if (!near || tokens.length === 0) return undefined;
      spec = near.item;
      exact = false;
    }
    // A digit inside the name (Natura 2000) is the name's, not a score: tokens were only
    // split off while they followed the name, so nothing more to do here.
    return {
      spec,
      line: i,
      range: range(i, a, b),
      name,
      nameRange: range(i, na, nb),
      nameExact: exact,
      scores: tokens.map((t) => ({ raw: s.slice(t.start, t.end), range: range(i, t.start, t.end) })),
      justification: [],
    };
  }
}

/** Parses a description. Never throws; anything it does not recognise is kept as text. */
export function parse(text: string): HankeDocument {
  const m = LINE_BREAK.exec(text);
  const eol = (m?.[0] ?? '\n') as HankeDocument['eol'];
  return new Parser(splitLines(text), eol).run();
}

// ---- Queries over the model used by rules, hovers and exports ----

/** The first occurrence of a section, if any. */
export function findSection(doc: HankeDocument, number: string): SectionNode | undefined {
  return doc.sections.find((s) => s.spec.number === number);
}

/** The first field with the given schema key (in the first section holding it). */
export function findField(doc: HankeDocument, key: string): FieldNode | undefined {
  const owner = SECTIONS.find((s) => s.fields?.some((f) => f.key === key));
  if (!owner) return undefined;
  const sec = findSection(doc, owner.number);
  return sec?.fields.find((f) => f.spec?.key === key && f.labelMatch !== 'unknown');
}
