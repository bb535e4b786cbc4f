// Fix-all (applicableFixes + applyEdits, and the LSP code actions built on them) on
// mutated examples: the fixes change only the faulty spans, and relinting finds none
// of the fixed findings again.
import fc from 'fast-check';
import { CodeActionKind, type Diagnostic } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { applicableFixes, applyEdits } from '../../server/src/core/fixes';
import { analyze, type Finding } from '../../server/src/core/lint';
import type { HankeDocument } from '../../server/src/core/model';
import { headingText, sectionSpec } from '../../server/src/core/schema';
import { codeActionsFor, FIX_ALL_KIND } from '../../server/src/lsp/handlers/code-actions';
import { toDiagnostic } from '../../server/src/lsp/handlers/convert';
import type { Analysis } from '../../server/src/lsp/state';
import { EXAMPLES, example } from '../helpers/examples';

const key = (f: Finding) => `${f.rule}|${f.message.en}`;

function fixAll(text: string): { fixed: string; applied: Finding[]; edits: ReturnType<typeof applicableFixes> } {
  const { findings } = analyze(text);
  const edits = applicableFixes(findings);
  const applied = findings.filter((f) => f.fixes.some((x) => x.safe && x.edits.every((e) => edits.includes(e))));
  return { fixed: applyEdits(text, edits), applied, edits };
}

/** After fix-all, none of the fixed findings is found again. */
function expectFixed(text: string): string {
  const { fixed, applied } = fixAll(text);
  expect(applied.length).toBeGreaterThan(0);
  const after = new Set(analyze(fixed).findings.map(key));
  for (const f of applied) expect(after.has(key(f)), `${key(f)} still there`).toBe(false);
  return fixed;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzäö';

/** One typing slip in s[from, to): substitute, delete, insert or swap one character. */
function slip(s: string, from: number, to: number, kind: number, at: number, letter: number): string {
  const i = from + (at % (to - from));
  const c = LETTERS[letter % LETTERS.length];
  switch (kind % 4) {
    case 0:
      return s.slice(0, i) + (s[i] === c ? LETTERS[(letter + 1) % LETTERS.length] : c) + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + c + s.slice(i);
    default: {
      const j = Math.min(i, to - 2);
      if (s[j] === s[j + 1]) return s.slice(0, j) + (s[j] === c ? 'x' : c) + s.slice(j + 1);
      return s.slice(0, j) + s[j + 1] + s[j] + s.slice(j + 2);
    }
  }
}

function replaceLine(text: string, line: number, content: string | undefined): string {
  const lines = text.split('\n');
  if (content === undefined) lines.splice(line, 1);
  else lines[line] = content;
  return lines.join('\n');
}

interface Target {
  line: number;
  from: number;
  to: number;
}

function labelTargets(doc: HankeDocument): Target[] {
  return doc.sections.flatMap((s) => s.fields.filter((f) => f.labelMatch === 'exact').map((f) => ({ line: f.line, from: f.labelRange.start.character, to: f.labelRange.end.character })));
}
function titleTargets(doc: HankeDocument): Target[] {
  return doc.sections.map((s) => ({ line: s.heading.line, from: s.heading.titleRange.start.character, to: s.heading.titleRange.end.character }));
}
function itemTargets(doc: HankeDocument): Target[] {
  return doc.sections.flatMap((s) => s.items.filter((i) => i.scores.length === 2).map((i) => ({ line: i.line, from: i.nameRange.start.character, to: i.nameRange.end.character })));
}

const slipArb = fc.record({ ex: fc.nat(), target: fc.nat(), kind: fc.nat(), at: fc.nat(), letter: fc.nat() });

describe('fix-all on the examples', () => {
  it('the examples have nothing to fix', () => {
    for (const { text } of EXAMPLES) expect(applicableFixes(analyze(text).findings)).toEqual([]);
  });

  for (const [what, targets] of [
    ['a label', labelTargets],
    ['a section title', titleTargets],
    ['an 8.2 item name', itemTargets],
  ] as const) {
    it(`a slip in ${what} is fixed back to the original exactly`, () => {
      fc.assert(
        fc.property(slipArb, ({ ex, target, kind, at, letter }) => {
          const original = EXAMPLES[ex % EXAMPLES.length].text;
          const list = targets(analyze(original).doc);
          const t = list[target % list.length];
          const line = original.split('\n')[t.line];
          const mutated = replaceLine(original, t.line, slip(line, t.from, t.to, kind, at, letter));
          fc.pre(mutated !== original);
          const { fixed, edits } = fixAll(mutated);
          // Only the slipped span is touched…
          for (const e of edits) {
            expect(e.range.start.line).toBe(t.line);
            expect(e.range.end.line).toBe(t.line);
          }
          // …and it is restored.
          expect(fixed).toBe(original);
          expectFixed(mutated);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('a deleted field line is inserted back as "Label: " where it belongs, nothing else changes', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (ex, pick) => {
        const original = EXAMPLES[ex % EXAMPLES.length].text;
        const doc = analyze(original).doc;
        const candidates = doc.sections.flatMap((s) => s.fields.filter((f) => f.spec?.required && f.labelMatch === 'exact').map((f) => ({ f, s })));
        const { f, s } = candidates[pick % candidates.length];
        const mutated = replaceLine(original, f.line, undefined);
        const { fixed, edits } = fixAll(mutated);
        // Pure insertions: no character of the mutated text is changed or removed.
        for (const e of edits) expect(e.range.start).toEqual(e.range.end);
        expect(edits.map((e) => e.newText).join('')).toContain(`${f.spec!.label}: `);
        expectFixed(mutated);
        // The field is back in its section, in the schema's order.
        const again = analyze(fixed).doc.sections.find((x) => x.spec === s.spec)!;
        const order = (s.spec.fields ?? []).map((x) => x.key);
        const keys = again.fields.map((x) => x.spec!.key);
        expect(keys).toContain(f.spec!.key);
        expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
      }),
      { numRuns: 150 },
    );
  });

  it('a deleted heading or whole section is inserted back by missing-section', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.boolean(), (ex, pick, whole) => {
        const original = EXAMPLES[ex % EXAMPLES.length].text;
        const doc = analyze(original).doc;
        const s = doc.sections[pick % doc.sections.length];
        const lines = original.split('\n');
        let mutated: string;
        if (whole) {
          const next = doc.sections.find((x) => x.heading.line > s.heading.line && x.spec.level <= s.spec.level);
          const end = next ? next.heading.line : lines.length;
          mutated = [...lines.slice(0, s.heading.line), ...lines.slice(end)].join('\n');
        } else mutated = replaceLine(original, s.heading.line, undefined);
        const { fixed, edits } = fixAll(mutated);
        for (const e of edits) expect(e.range.start).toEqual(e.range.end);
        expectFixed(mutated);
        expect(analyze(fixed).findings.filter((f) => f.rule === 'missing-section')).toEqual([]);
        expect(fixed.split('\n')).toContain(headingText(s.spec));
      }),
      { numRuns: 100 },
    );
  });
});

describe('insertions at one place', () => {
  it('a missing field of the section the place is in goes before the missing sections after it', () => {
    // Section 2 ends in a line that starts with a zero-width space, and everything after it is
    // lost: the fields of section 2 and the headings of 3–9 all go at the end of that line.
    const full = example('000');
    const lines = full.split('\n');
    const www = lines.findIndex((l) => l.startsWith('WWW-osoite'));
    const text = [...lines.slice(0, www + 1), '\u200bMuu: 1'].join('\n');
    const before = analyze(text).findings;
    expect(before.filter((f) => f.rule === 'missing-field').length).toBeGreaterThan(0);
    const { fixed } = fixAll(text);
    const after = analyze(fixed).findings;
    expect(after.filter((f) => f.rule === 'missing-field' || f.rule === 'missing-section')).toEqual([]);
    const at = (s: string) => fixed.indexOf(s);
    expect(at('Hankkeen yhteyshenkilön nimi:')).toBeGreaterThan(at('\u200bMuu: 1'));
    expect(at('Hankkeen yhteyshenkilön nimi:')).toBeLessThan(at(headingText(sectionSpec('3')!)));
  });

  it("a value's missing part goes first, right after the value, before missing fields and sections", () => {
    // Everything after the objective's code is lost: its name, the rest of section 1's
    // fields and sections 2–9 all go at the end of that line (fuzzer, seed -1717508478,
    // path 6034: the name landed after the inserted "Vastuuviranomainen: ").
    const lines = example('000').split('\n');
    const objective = lines.findIndex((l) => l.startsWith('Erityistavoite:'));
    const [, code, name] = /^Erityistavoite: (\d+\.\d+)\. (.+)$/.exec(lines[objective])!;
    const text = [...lines.slice(0, objective), `Erityistavoite: ${code}`].join('\n');
    const before = analyze(text).findings.map((f) => f.rule);
    expect(before).toEqual(expect.arrayContaining(['programme-name-mismatch', 'missing-field', 'missing-section']));
    const { fixed } = fixAll(text);
    expect(fixed.split('\n')).toContain(`Erityistavoite: ${code}. ${name}`);
    const after = analyze(fixed).findings;
    expect(after.filter((f) => f.fixes.some((x) => x.safe))).toEqual([]);
  });
});

describe('acceptance: section 5 removed from example 000', () => {
  const ex000 = example('000');
  const lines = ex000.split('\n');
  const from = lines.indexOf('5 Projektin julkinen rahoitus, euroa');
  const to = lines.indexOf('6 Maantieteellinen kohdealue');
  const text = [...lines.slice(0, from), ...lines.slice(to)].join('\n');
  const { doc, facts, findings } = analyze(text);
  const analysis: Analysis = { version: 1, doc, facts, findings, millis: 0, description: true };
  const uri = 'untitled:000';

  it('the missing-section quick fix inserts the heading and its four labels between 4.2 and 6', () => {
    const finding = findings.find((f) => f.rule === 'missing-section')!;
    expect(finding).toBeDefined();
    const d: Diagnostic = toDiagnostic(finding, 'en');
    const actions = codeActionsFor(analysis, 'en', uri, { range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.kind === CodeActionKind.QuickFix && a.edit)!;
    expect(fix.title).toBe('Insert section "5 Projektin julkinen rahoitus, euroa"');
    expect(fix.isPreferred).toBe(true);
    expect(actions.some((a) => a.command?.arguments?.[0] === finding.docsUrl)).toBe(true);
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    const out = fixed.split('\n');
    const at = out.indexOf('5 Projektin julkinen rahoitus, euroa');
    expect(at).toBeGreaterThan(out.indexOf('4.2 Välilliset kohderyhmät'));
    expect(at).toBeLessThan(out.indexOf('6 Maantieteellinen kohdealue'));
    const block = out.slice(at, out.indexOf('6 Maantieteellinen kohdealue')).filter((l) => l.trim() !== '');
    expect(block).toEqual(['5 Projektin julkinen rahoitus, euroa', ...sectionSpec('5')!.fields!.map((f) => `${f.label}: `)]);
    expect(out[out.indexOf('6 Maantieteellinen kohdealue') - 1]).toBe('');
    const after = analyze(fixed).findings;
    expect(after.filter((f) => f.rule === 'missing-section')).toEqual([]);
    // What remains is the empty values the user now fills in (the project has ended, so
    // the empty realised amounts are expected too).
    expect(new Set(after.map((f) => f.rule))).toEqual(new Set(['empty-field', 'realized-figures-missing']));
  });

  it('source.fixAll.hanke does the same', () => {
    const actions = codeActionsFor(analysis, 'fi', uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
    expect(actions).toHaveLength(1);
    expect(actions[0].title).toBe('Korjaa kaikki varmat hanke-huomautukset');
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    expect(fixed).toContain('\n5 Projektin julkinen rahoitus, euroa\n\nMyönnetty EU- ja valtion rahoitus: \n');
  });

  it('the grouping rewrite is offered at an ungrouped amount, and only when refactors are wanted', () => {
    const t = ex000.replace('Myönnetty EU- ja valtion rahoitus: 289 500', 'Myönnetty EU- ja valtion rahoitus: 289500');
    const r = analyze(t);
    const a: Analysis = { version: 1, ...r, millis: 0, description: true };
    const line = t.split('\n').indexOf('Myönnetty EU- ja valtion rahoitus: 289500');
    const range = { start: { line, character: 40 }, end: { line, character: 40 } };
    const all = codeActionsFor(a, 'en', uri, { range, context: { diagnostics: [] } });
    const rewrite = all.find((x) => x.kind === CodeActionKind.RefactorRewrite)!;
    expect(rewrite.title).toBe('Group thousands: 289 500');
    expect(applyEdits(t, rewrite.edit!.changes![uri])).toBe(ex000);
    expect(codeActionsFor(a, 'en', uri, { range, context: { diagnostics: [], only: [CodeActionKind.QuickFix] } }).some((x) => x.kind === CodeActionKind.RefactorRewrite)).toBe(false);
  });
});
