// The properties of test/fuzz/edits-*.test.ts (two files, so that vitest runs them in
// parallel). Edits never corrupt a document, for all inputs: mutated real descriptions and random
// text, with every mix of line endings and with or without a byte order mark.
// - Format is idempotent in ONE pass; it never adds, drops or reorders a non-blank line,
//   and changes a line only in white space and number grouping, or to the official
//   spelling of a heading, label, marker or scored item (the words of free text and of
//   values are unchanged).
// - Fix-all's edits never overlap, apply with vscode-languageserver-textdocument's
//   applyEdits (as an LSP client applies them) to the same text as the core's, and leave
//   no finding that was not there before (a fixed missing-field may leave empty-field);
//   no safe-fixable finding is left after one pass.
// Budget: 3 × EDIT_RUNS documents for format and EDIT_RUNS for fix-all (EDIT_RUNS is 100
// in `npm test`, 50 000 in `npm run fuzz`: 200 000 documents); HANKE_EDIT_RUNS sets it.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applicableFixes, applyEdits } from '../../server/src/core/fixes';
import { formatEdits } from '../../server/src/core/format';
import { analyze, type Finding } from '../../server/src/core/lint';
import { comparePositions, type Position } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { headingText, PREAMBLE, SECTIONS } from '../../server/src/core/schema';
import type { TextEdit } from '../../server/src/core/rules/types';
import { LONG, mutatedDescription, randomDescription, SEED } from './support';

export const EDIT_RUNS = Number(process.env.HANKE_EDIT_RUNS) || (LONG ? 50_000 : 100);
/**
 * The budget in chunks of at most 10 000 runs, one test each: a test that keeps its
 * worker busy for minutes makes vitest's worker RPC time out. Chunk k runs with seed
 * HANKE_FUZZ_SEED + k when a seed is given.
 */
export function edChunks(factor = 1): { runs: number; params: fc.Parameters<unknown> }[] {
  const total = Math.max(1, Math.round(EDIT_RUNS * factor));
  const n = Math.ceil(total / 10_000);
  return Array.from({ length: n }, (_, k) => {
    const runs = Math.round((total * (k + 1)) / n) - Math.round((total * k) / n);
    return { runs, params: { numRuns: runs, seed: SEED === undefined ? undefined : SEED + k, endOnFailure: !process.env.HANKE_SHRINK } };
  });
}

/** A text with each line's ending chosen from `eols` (cycled) and perhaps a BOM in front. */
export function withEndings(text: string, eols: readonly string[], bom: boolean): string {
  const lines = text.split(/\r\n|\n/);
  let out = bom ? '\uFEFF' : '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + (i < lines.length - 1 ? eols[i % eols.length] : '');
  return out;
}

const EOL = fc.constantFrom('\n', '\r\n', '\r');
const endings = fc.oneof(
  EOL.map((e) => [e]),
  fc.array(EOL, { minLength: 1, maxLength: 7 }),
);
export const anyDescription = fc
  .record({ text: fc.oneof({ weight: 4, arbitrary: mutatedDescription }, { weight: 1, arbitrary: randomDescription }), eols: endings, bom: fc.boolean() })
  .map(({ text, eols, bom }) => withEndings(text, eols, bom));

/** LSP's own application of edits (throws on overlap, as clients do). */
function lspApply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:x', 'hanke', 1, text), edits as TextEdit[]);
}

const show = (text: string) => `\n--- text (JSON) ---\n${JSON.stringify(text).slice(0, 4000)}`;

// ---- Format ----

const BLANK = /^[ \t\u00a0\u202f\u200b\uFEFF]*$/;
const squeeze = (s: string) => s.replace(/[\s\u00a0\u202f\u200b\uFEFF]+/g, '');

/** The official texts a line may be rewritten to (longest first). */
const OFFICIAL: string[] = [
  PREAMBLE.banner,
  PREAMBLE.title,
  ...SECTIONS.flatMap((s) => [
    headingText(s),
    ...(s.fields ?? []).map((f) => `${f.label}:`),
    ...[s.placeMarker, s.partners?.label, s.scoreHeader].filter((x): x is string => x !== undefined),
    ...(s.groups ?? []).flatMap((g) => [g.name, ...g.items.map((it) => it.name)]),
  ]),
].sort((a, b) => b.length - a.length);

/** Why `out` is not an allowed formatting of `text` (undefined when it is). */
function formatProblem(text: string, out: string): string | undefined {
  const a = text.split(/\r\n|\r|\n/).filter((l) => !BLANK.test(l));
  const b = out.split(/\r\n|\r|\n/).filter((l) => !BLANK.test(l));
  if (a.length !== b.length) return `non-blank lines ${a.length} → ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (squeeze(a[i]) === squeeze(b[i])) continue;
    const line = b[i].replace(/^\uFEFF/, '');
    const official = OFFICIAL.find((o) => line.startsWith(o));
    if (official !== undefined && squeeze(a[i]).endsWith(squeeze(line.slice(official.length)))) continue;
    return `line changed beyond white space and official spelling: ${JSON.stringify(a[i])} → ${JSON.stringify(b[i])}`;
  }
  return undefined;
}

export function checkFormat(text: string): void {
  const edits = formatEdits(parse(text), text);
  for (let k = 1; k < edits.length; k++) {
    if (comparePositions(edits[k - 1].range.end, edits[k].range.start) >= 0) throw new Error(`format edits not sorted and apart: ${JSON.stringify(edits.slice(k - 1, k + 1))}${show(text)}`);
  }
  const out = lspApply(text, edits);
  const mine = applyEdits(text, edits);
  if (mine !== out) throw new Error(`core applyEdits and LSP applyEdits disagree${show(text)}`);
  const again = formatEdits(parse(out), out);
  if (again.length) throw new Error(`format is not idempotent: a second pass edits ${JSON.stringify(again.slice(0, 3))}${show(text)}`);
  const p = formatProblem(text, out);
  if (p) throw new Error(`${p}${show(text)}`);
}

// ---- Fix-all ----

/** A finding, without the line numbers its message may name (fixes move lines) or the section an out-of-order one follows. */
const key = (f: Finding) => `${f.rule}|${f.message.en.replace(/\blines? \d+/g, 'line N').replace(/ comes after "[^"]*"/, ' comes after …')}`;

/**
 * What follows from a value a fix corrected (the status read as "Toiminta päättynyt"
 * once its typo is fixed): the content the user now has to write, not a fault the fix made.
 */
const AFTER_A_VALUE_FIX = new Set(['final-report-missing', 'realized-figures-missing']);

/**
 * A place name in section 6 that fails its own check is left out of the cross-checks (one
 * fault, one finding); once fix-all corrects it (`Joensuu` → `Joensuun`), the membership
 * checks see it: what they find then was hidden behind the misspelt name, not made.
 */
const PLACE_NAME_RULES = new Set(['unknown-region', 'unknown-subregion', 'unknown-municipality']);
const AFTER_A_PLACE_FIX = new Set(['geography-mismatch', 'region-outside-programme']);

/** Likewise an amount: once `invalid-number`'s fix makes it readable, the financing relations see it. */
const AFTER_AN_AMOUNT_FIX = new Set(['financing-granted-exceeds-planned', 'financing-realized-exceeds-granted', 'financing-eu-exceeds-public', 'financing-realized-exceeds-planned']);

/** What an inserted (empty) field or section may be reported for: its content is the user's to write. */
const FOR_THE_USER = new Set(['empty-field', 'empty-section', 'final-report-missing', 'realized-figures-missing']);

/** The offsets, in the edited text, of the text each edit put in. */
function insertedSpans(text: string, edits: readonly TextEdit[]): [number, number][] {
  const td = TextDocument.create('untitled:x', 'hanke', 1, text);
  let delta = 0;
  const out: [number, number][] = [];
  for (const e of edits) {
    const start = td.offsetAt(e.range.start);
    const end = td.offsetAt(e.range.end);
    out.push([start + delta, start + delta + e.newText.length]);
    delta += e.newText.length - (end - start);
  }
  return out;
}

export function checkFixAll(text: string): void {
  const before = analyze(text).findings;
  const edits = applicableFixes(before);
  if (!edits.length) return;
  let fixed: string;
  try {
    fixed = lspApply(text, edits);
  } catch (e) {
    throw new Error(`LSP rejects fix-all's edits (${(e as Error).message}): ${JSON.stringify(edits)}${show(text)}`);
  }
  if (applyEdits(text, edits) !== fixed) throw new Error(`core applyEdits and LSP applyEdits disagree on fix-all${show(text)}`);
  const after = analyze(fixed).findings;
  const placeFixed = before.some((f) => PLACE_NAME_RULES.has(f.rule) && f.fixes.some((x) => x.safe));
  const amountFixed = before.some((f) => f.rule === 'invalid-number' && f.fixes.some((x) => x.safe));
  const had = new Map<string, number>();
  for (const f of before) had.set(key(f), (had.get(key(f)) ?? 0) + 1);
  const inserted = insertedSpans(text, edits);
  const td = TextDocument.create('untitled:x', 'hanke', 1, fixed);
  const isInserted = (f: Finding) => {
    const at = td.offsetAt(f.range.start);
    return inserted.some(([a, b]) => a <= at && at <= b);
  };
  // A section whose lost heading fix-all put back above its content: what the rules now
  // see in that content (the user's own lines, not inserted ones) was hidden behind
  // missing-section before; it is revealed, not made.
  const restored = new Set(before.filter((f) => f.rule === 'missing-section').map((f) => f.message.en.replace(/^Section "([^ ]*) .*$/, '$1')));
  const fixedDoc = parse(fixed);
  const lineStart = (line: number) => td.offsetAt({ line, character: 0 });
  const headingOnly = fixedDoc.sections.filter((s) => {
    if (!restored.has(s.spec.number)) return false;
    for (let l = s.range.start.line + 1; l <= s.range.end.line; l++) {
      const at = lineStart(l);
      if (fixedDoc.lines[l].trim() !== '' && !inserted.some(([a, b]) => a <= at && at < b)) return true;
    }
    return false;
  });
  const within = (s: { range: { start: Position; end: Position } }, f: Finding) => comparePositions(s.range.start, f.range.start) <= 0 && comparePositions(f.range.start, s.range.end) <= 0;
  // The section before a restored one no longer takes the restored content as its own
  // (its last 8.1 answer lost the "justification" that was really 8.2's first lines).
  const before1 = headingOnly.map((s) => fixedDoc.sections[fixedDoc.sections.indexOf(s) - 1]).filter((s) => s !== undefined);
  // (Or a text section before it, 4.2, whose "text" was really section 5's fields: it is empty.)
  const revealed = (f: Finding) => headingOnly.some((s) => within(s, f)) || ((f.rule === 'missing-justification' || f.rule === 'empty-section') && before1.some((s) => within(s, f)));
  for (const f of after) {
    // A field or section fix-all inserted is empty: that is for the user to fill. (Looked at
    // first: such a finding must not take the place of the same finding on a line of the
    // user's that had it before — an empty "Suunniteltu:" of 7.1 beside an inserted one of 7.2.)
    if (FOR_THE_USER.has(f.rule) && isInserted(f)) continue;
    const n = had.get(key(f)) ?? 0;
    if (n > 0) {
      had.set(key(f), n - 1);
      continue;
    }
    if (revealed(f) || AFTER_A_VALUE_FIX.has(f.rule) || (placeFixed && AFTER_A_PLACE_FIX.has(f.rule)) || (amountFixed && AFTER_AN_AMOUNT_FIX.has(f.rule))) continue;
    throw new Error(`fix-all made a new finding: ${key(f)} at ${JSON.stringify(f.range.start)}${show(text)}`);
  }
  // Fields a restored section lacks go in with its heading: no missing-field is left.
  const left = after.filter((f) => f.fixes.some((x) => x.safe) && (f.rule === 'missing-field' || !revealed(f)));
  if (left.length) throw new Error(`safe-fixable findings left after one fix-all: ${left.map(key).join('; ')}${show(text)}`);
  // And the fixed text formats in one pass like any other.
  checkFormat(fixed);
}
