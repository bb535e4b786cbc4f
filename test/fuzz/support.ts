// Shared by the robustness tests: the budget, mutations of the real examples, and the
// invariants every parse and every finding must keep.
//
// Budget: HANKE_FUZZ_RUNS runs per property (default 40 in `npm test`, 1000 in
// `npm run fuzz`, which runs vitest with --mode fuzz). CI bounds the long run by
// setting HANKE_FUZZ_RUNS. HANKE_FUZZ_SEED makes a run reproducible (fast-check prints
// the seed and path of a failure).
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/lint';
import type { HankeDocument, Position, Range } from '../../server/src/core/model';
import type { TextEdit } from '../../server/src/core/rules/types';
import { EXAMPLES } from '../helpers/examples';

export const LONG = (import.meta as { env?: { MODE?: string } }).env?.MODE === 'fuzz' || process.env.HANKE_FUZZ === 'long';
export const RUNS = Number(process.env.HANKE_FUZZ_RUNS) || (LONG ? 1000 : 40);
export const SEED = process.env.HANKE_FUZZ_SEED ? Number(process.env.HANKE_FUZZ_SEED) : undefined;

/** fast-check parameters with the budget (scaled by `factor` for slower properties). */
export function params(factor = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(RUNS * factor)), seed: SEED, endOnFailure: true };
}

/** A timeout for a test that does `work` units, each at most `unitMs`, plus a margin. */
export function timeout(units: number, unitMs: number): number {
  return 20_000 + units * unitMs;
}

// ---- Mutations of the real examples ----

/** Characters that stress a line-based parser. */
const NASTY = [
  ':',
  ': ',
  '::',
  '.',
  '..',
  '1',
  '8.2 ',
  '1 ',
  '0',
  '10',
  '11',
  '-',
  '–',
  ',',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u202f',
  '\u200b',
  '\uFEFF',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\ud800',
  '\udc00',
  '😀',
  'ä',
  'Ö',
  'e\u0301',
  'İ',
  '(at)',
  '@',
  'http://',
  'Kyllä',
  'Ei',
  'S12345',
  '1.1.2020',
  '31.2.2019',
  '289 500',
  '1234567-1',
  'Hankekoodi:',
  'Kunnat: ',
  'Toteutuspaikan osoite',
  'Osatoteuttajat',
  'VälitönVälillinen',
];

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((xs) => xs.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9 .,:]{0,16}$/) },
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; col: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'truncateLine'; at: number; col: number }
  | { kind: 'long'; at: number; unit: string; times: number }
  | { kind: 'typo'; at: number; col: number; op: number }
  | { kind: 'crlf' }
  | { kind: 'cr' }
  | { kind: 'cut'; at: number };

const index = fc.nat({ max: 1_000_000 });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: index }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index }),
  fc.record({ kind: fc.constant('swap' as const), at: index, with: index }),
  fc.record({ kind: fc.constant('insert' as const), at: index, col: index, text: nastyString }),
  fc.record({ kind: fc.constant('replace' as const), at: index, text: nastyString }),
  fc.record({ kind: fc.constant('truncateLine' as const), at: index, col: index }),
  fc.record({ kind: fc.constant('long' as const), at: index, unit: fc.constantFrom('x', '1', '1 ', ' ', ':', '.', '8.2 ', '\t', 'ä', 'a, ', '0 0 '), times: fc.integer({ min: 100, max: 5000 }) }),
  fc.record({ kind: fc.constant('typo' as const), at: index, col: index, op: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('typo' as const), at: index, col: index, op: fc.nat({ max: 2 }) }),
  fc.constant({ kind: 'crlf' as const }),
  fc.constant({ kind: 'cr' as const }),
  fc.record({ kind: fc.constant('cut' as const), at: index }),
);

export function mutate(text: string, ms: readonly Mutation[]): string {
  let lines = text.split('\n');
  let eol = '\n';
  for (const m of ms) {
    const n = lines.length;
    const i = 'at' in m ? m.at % Math.max(1, n) : 0;
    switch (m.kind) {
      case 'delete':
        if (n > 1) lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 'swap': {
        const j = m.with % Math.max(1, n);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'insert': {
        const l = lines[i] ?? '';
        const c = m.col % (l.length + 1);
        lines[i] = l.slice(0, c) + m.text + l.slice(c);
        break;
      }
      case 'replace':
        lines[i] = m.text;
        break;
      case 'truncateLine': {
        const l = lines[i] ?? '';
        lines[i] = l.slice(0, m.col % (l.length + 1));
        break;
      }
      case 'long': {
        const l = lines[i] ?? '';
        lines[i] = l + m.unit.repeat(m.times);
        break;
      }
      case 'typo': {
        // A typing slip inside a line: a letter dropped, two swapped, one doubled.
        const l = lines[i] ?? '';
        if (l.length < 2) break;
        const c = m.col % (l.length - 1);
        lines[i] = m.op === 0 ? l.slice(0, c) + l.slice(c + 1) : m.op === 1 ? l.slice(0, c) + l[c + 1] + l[c] + l.slice(c + 2) : l.slice(0, c + 1) + l.slice(c);
        break;
      }
      case 'crlf':
        eol = '\r\n';
        break;
      case 'cr':
        eol = '\r';
        break;
      case 'cut':
        lines = lines.slice(0, Math.max(1, i));
        break;
    }
  }
  return lines.join(eol);
}

/** An example, mutated (or, now and then, left as it is). */
export const mutatedDescription: fc.Arbitrary<string> = fc
  .record({ base: fc.constantFrom(...EXAMPLES.map((e) => e.text.replace(/\r\n?/g, '\n'))), ms: fc.array(mutation, { maxLength: 10 }) })
  .map(({ base, ms }) => mutate(base, ms));

/** Any text at all: random strings, and lines made of the parser's favourite characters. */
export const randomDescription: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(nastyString, { maxLength: 60 }).map((ls) => ls.join('\n')),
  fc
    .array(
      fc.constantFrom(
        '1 Hanke',
        '2 Hakijan perustiedot',
        '5 Projektin julkinen rahoitus, euroa',
        '6 Maantieteellinen kohdealue',
        '8.1 Sukupuolten tasa-arvo',
        '8.2 Kestävä kehitys',
        '9 Loppuraportin tiivistelmä',
        'Ekologinen kestävyys',
        'Natura 2000 -ohjelman kohteet 1 2 3',
        'Hankekoodi: S12345',
        'Osatoteuttajat',
        'Oulun yliopisto, 0245895-5',
        'Suunniteltu: 10',
        'Kunnat: Jyväskylä,, ,',
        '',
        '-',
      ),
      { maxLength: 40 },
    )
    .map((ls) => ls.join('\n')),
);

// ---- Invariants ----

/** Lines as the parser and LSP see them. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isPosition(x: unknown): x is Position {
  return !!x && typeof x === 'object' && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
}

function isRange(x: unknown): x is Range {
  return !!x && typeof x === 'object' && isPosition((x as Range).start) && isPosition((x as Range).end);
}

/** Every range reachable from `root` (the parsed model, a finding…), with its path. */
export function collectRanges(root: unknown, path = '$', out: { path: string; range: Range }[] = [], seen = new Set<object>()): { path: string; range: Range }[] {
  if (!root || typeof root !== 'object' || seen.has(root)) return out;
  seen.add(root);
  if (isRange(root)) {
    out.push({ path, range: root });
    return out;
  }
  if (Array.isArray(root)) {
    root.forEach((x, i) => collectRanges(x, `${path}[${i}]`, out, seen));
    return out;
  }
  for (const [k, v] of Object.entries(root)) {
    if (k === 'lines' || k === 'spec') continue; // text and schema: no ranges
    collectRanges(v, `${path}.${k}`, out, seen);
  }
  return out;
}

/** Why `r` is not a range inside the document, or undefined when it is. */
export function rangeProblem(r: Range, lines: readonly string[]): string | undefined {
  for (const [name, p] of [
    ['start', r.start],
    ['end', r.end],
  ] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not integral`;
    if (p.line < 0 || p.line >= lines.length) return `${name}.line ${p.line} outside 0…${lines.length - 1}`;
    if (p.character < 0 || p.character > lines[p.line].length) return `${name}.character ${p.character} outside 0…${lines[p.line].length} on line ${p.line}`;
  }
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return undefined;
}

/** Offsets ↔ positions agree for every position of the range (LSP's own conversion). */
export function roundTrips(doc: TextDocument, r: Range): boolean {
  for (const p of [r.start, r.end]) {
    const back = doc.positionAt(doc.offsetAt(p));
    if (back.line !== p.line || back.character !== p.character) return false;
  }
  return true;
}

/** Problems with the ranges of a parse and its findings (empty when all is well). */
export function modelProblems(text: string, doc: HankeDocument, findings: readonly Finding[]): string[] {
  const lines = linesOf(text);
  const td = TextDocument.create('untitled:x', 'hanke', 1, text);
  const problems: string[] = [];
  if (doc.lines.length !== lines.length) problems.push(`doc.lines has ${doc.lines.length} lines, the text ${lines.length}`);
  const all = [...collectRanges(doc, 'doc'), ...findings.flatMap((f, i) => collectRanges({ range: f.range, fixes: f.fixes }, `findings[${i}](${f.rule})`))];
  for (const { path, range } of all) {
    const p = rangeProblem(range, lines);
    if (p) problems.push(`${path}: ${p} ${JSON.stringify(range)}`);
    else if (!roundTrips(td, range)) problems.push(`${path}: does not round-trip ${JSON.stringify(range)}`);
  }
  // The text the model says is at a range is the text there.
  const at = (r: Range) => (r.start.line === r.end.line ? lines[r.start.line]?.slice(r.start.character, r.end.character) : undefined);
  for (const s of doc.sections) {
    if (at(s.heading.numberRange) !== s.heading.number) problems.push(`heading ${s.heading.number}: number range`);
    if (at(s.heading.titleRange) !== s.heading.title) problems.push(`heading ${s.heading.number}: title range`);
    for (const f of s.fields) {
      if (at(f.labelRange) !== f.label) problems.push(`field ${f.label}: label range`);
      if (at(f.valueRange) !== f.value) problems.push(`field ${f.label}: value range`);
    }
    for (const t of [...s.texts, ...s.strays]) if (at(t.range) !== t.text) problems.push(`text line ${t.line}: range`);
    for (const it of s.items) {
      if (at(it.nameRange) !== it.name) problems.push(`item ${it.name}: name range`);
      for (const sc of it.scores) if (at(sc.range) !== sc.raw) problems.push(`item ${it.name}: score range`);
    }
  }
  return problems;
}

/** Applies edits by offsets, independently of the code under test. Undefined when they overlap. */
export function applyByOffsets(text: string, edits: readonly TextEdit[]): string | undefined {
  const td = TextDocument.create('untitled:x', 'hanke', 1, text);
  const spans = edits.map((e) => ({ start: td.offsetAt(e.range.start), end: td.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) return undefined;
    // Two insertions at one place: order is ambiguous.
    if (spans[i].start === spans[i - 1].start && spans[i].start === spans[i].end && spans[i - 1].start === spans[i - 1].end) return undefined;
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}
