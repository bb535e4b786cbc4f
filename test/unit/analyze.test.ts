// The one entry point from text to results (core/lint.ts analyze / analyzeSliced) and the
// server's document cache built on it: the cache keeps the facts analyze derived, so the
// requests (hover, completion, cockpit, preview) read them instead of deriving them again.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { analyze, analyzeDocument, analyzeSliced } from '../../server/src/core/lint';
import type { HankeDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { AnalysisCache } from '../../server/src/lsp/state';
import { EXAMPLES, example } from '../helpers/examples';

const brief = (fs: { rule: string; range: { start: { line: number; character: number } } }[]) => fs.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`);

/** A model's outline: each section's number, heading line and fields (label, value, line). */
const shape = (doc: HankeDocument) => doc.sections.map((s) => [s.heading.number, s.heading.line, s.fields.map((f) => [f.label, f.value, f.line])]);

/** What a caller can read from facts: the sections and fields they find, and the period. */
function factsView(text: string, facts: ReturnType<typeof deriveFacts>) {
  const doc = parse(text);
  return {
    sections: doc.sections.map((s) => facts.section(s.heading.number)?.heading.line ?? null),
    fields: ['period', 'status', 'projectCode', 'yTunnus', 'applicantName'].map((k) => facts.field(k)?.value ?? null),
    start: facts.start ?? null,
    end: facts.end ?? null,
    ended: facts.ended,
  };
}

describe('analyze', () => {
  it.each(EXAMPLES.map((e) => [e.name, e.text]))('%s: the model, the facts of that model and the findings, as parse + deriveFacts + the rules give them', (_name, text) => {
    const a = analyze(text);
    expect(shape(a.doc)).toEqual(shape(parse(text)));
    expect(factsView(text, a.facts)).toEqual(factsView(text, deriveFacts(parse(text))));
    // The facts are those of the model returned (the same nodes), not of another parse.
    const first = a.doc.sections[0];
    expect(a.facts.section(first.heading.number)).toBe(first);
    expect(brief(a.findings)).toEqual(brief(analyzeDocument(parse(text)).findings));
  });

  it('the configuration applies: a rule set off is not run, a severity set is used', () => {
    const text = example('002');
    expect(analyze(text).findings.map((f) => f.rule)).toEqual(['final-report-missing']);
    expect(analyze(text, { rules: { 'final-report-missing': 'off' } }).findings).toEqual([]);
    expect(analyze(text, { rules: { 'final-report-missing': 'hint' } }).findings.map((f) => f.severity)).toEqual(['hint']);
  });

  it('lint: false parses and derives the facts and runs no rule (a text that is not a description)', () => {
    const text = example('002');
    const a = analyze(text, {}, { lint: false });
    expect(a.findings).toEqual([]);
    expect(a.doc.sections.length).toBeGreaterThan(0);
    expect(a.facts.section('1')).toBe(a.doc.sections[0]);
  });

  it('file facts reach the file rules; without them (an editor buffer) the file rules are silent', () => {
    const text = example('000');
    expect(analyze(text).findings).toEqual([]);
    const withBytes = analyze(text, {}, { file: { kind: 'description', encoding: 'windows-1252', text } });
    expect(withBytes.findings.map((f) => f.rule)).toEqual(['encoding']);
  });
});

describe('analyzeSliced', () => {
  it.each(EXAMPLES.map((e) => [e.name, e.text]))('%s: the same results as analyze, with a pause after parsing and between rules', async (_name, text) => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    const sliced = await analyzeSliced(text, {}, pause, 0);
    const whole = analyze(text);
    expect(sliced.doc).toEqual(whole.doc);
    expect(factsView(text, sliced.facts)).toEqual(factsView(text, whole.facts));
    expect(sliced.findings).toEqual(whole.findings);
    // sliceMs 0: a pause after the parse and after every rule run.
    expect(pauses).toBeGreaterThan(10);
  });

  it('lint: false runs no rule and pauses once, after parsing', async () => {
    let pauses = 0;
    const a = await analyzeSliced(example('002'), {}, async () => void pauses++, 0, { lint: false });
    expect(a.findings).toEqual([]);
    expect(pauses).toBe(1);
  });
});

describe('the document cache keeps the facts', () => {
  const open = (uri: string, text: string, version = 1) => TextDocument.create(uri, 'hanke', version, text);

  it('one analysis per version: a second request gets the same model and facts (nothing derived again)', () => {
    const cache = new AnalysisCache();
    const d = open('file:///a.txt', example('002'));
    const a = cache.get(d, {});
    const b = cache.get(d, {});
    expect(b.doc).toBe(a.doc);
    expect(b.facts).toBe(a.facts);
    expect(a.facts.section('1')).toBe(a.doc.sections[0]);
    expect(a.findings.map((f) => f.rule)).toEqual(['final-report-missing']);
  });

  it('a dropped model comes back with its own facts, the findings kept', () => {
    const cache = new AnalysisCache(1);
    const d1 = open('file:///1.txt', example('002'));
    const d2 = open('file:///2.txt', example('004'));
    const first = cache.get(d1, {});
    cache.get(d2, {}); // drops d1's model (one kept)
    const again = cache.get(d1, {});
    expect(again.doc).not.toBe(first.doc);
    expect(again.facts.section('1')).toBe(again.doc.sections[0]);
    expect(factsView(example('002'), again.facts)).toEqual(factsView(example('002'), first.facts));
    expect(again.findings).toBe(first.findings);
  });

  it('a text that is not a description: facts and model, no findings', () => {
    const cache = new AnalysisCache();
    const a = cache.get(open('file:///notes.txt', 'Muistiinpanoja\nei hankekuvaus\n'), {});
    expect(a.description).toBe(false);
    expect(a.findings).toEqual([]);
    expect(a.facts.section('1')).toBeUndefined();
  });

  it('getSliced (a huge document) gives what get gives, facts included', async () => {
    const big = example('000') + '\n'.repeat(100_001);
    const sliced = await new AnalysisCache().getSliced(open('file:///big.txt', big), {}, () => Promise.resolve(), 0);
    const whole = new AnalysisCache().get(open('file:///big.txt', big), {});
    expect(sliced.findings).toEqual(whole.findings);
    expect(sliced.facts.section('1')).toBe(sliced.doc.sections[0]);
    expect(factsView(big, sliced.facts)).toEqual(factsView(big, whole.facts));
  });
});
