// Huge documents analysed off the server's main thread (issue 12, responsiveness): the
// analysis cache with an off-thread analyzer, the Node worker that runs the server bundle,
// and the lazily split long lists that keep the main thread's parse of such a document
// short. The waits themselves are measured in bench/ (responsiveness row).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, describe, expect, it } from 'vitest';
import { injectRuleFaults, lintDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { LAZY_LIST_CHARS, splitList } from '../../server/src/core/values';
import { AnalysisWorker } from '../../server/src/lsp/analysis-worker';
import { AnalysisCache, type OffThreadAnalyzer, type OffThreadResult } from '../../server/src/lsp/state';
import { example } from '../helpers/examples';
import { nearMissKunnat } from '../helpers/pathological';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const immediate = () => new Promise<void>((r) => setImmediate(r));
const key = (fs: { rule: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
  fs.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);

afterEach(() => injectRuleFaults([]));

describe('long lists are split when first asked for', () => {
  it('the items of a lazily split list are those of splitList, with exact ranges', () => {
    const text = nearMissKunnat();
    const doc = parse(text);
    const field = doc.sections.flatMap((s) => s.fields).find((f) => f.spec?.key === 'municipalities')!;
    expect(field.value.length).toBeGreaterThan(LAZY_LIST_CHARS);
    const typed = field.typed!;
    expect(typed.kind).toBe('list');
    const items = typed.kind === 'list' ? typed.items : [];
    expect(items).toBe(typed.kind === 'list' ? typed.items : undefined); // split once, then kept
    const eager = splitList(field.value, field.valueRange.start.line, field.valueRange.start.character);
    expect(items.length).toBe(eager.length);
    expect(items.length).toBeGreaterThan(90_000);
    const lines = text.split('\n');
    for (const i of [0, 1, 2, 4_999, 50_000, items.length - 1]) {
      expect(items[i].text).toBe(eager[i].text);
      expect(items[i].range).toEqual(eager[i].range);
      const r = items[i].range;
      expect(lines[r.start.line].slice(r.start.character, r.end.character)).toBe(items[i].text);
    }
    // As data (JSON, deep equality) it is the eager list.
    expect(JSON.parse(JSON.stringify(typed))).toEqual(JSON.parse(JSON.stringify({ kind: 'list', text: field.value, items: eager })));
  });

  it('a short list is split by the parse, as before', () => {
    const doc = parse(example('000'));
    const field = doc.sections.flatMap((s) => s.fields).find((f) => f.spec?.key === 'municipalities')!;
    const own = Object.getOwnPropertyDescriptor(field.typed, 'items');
    expect(own && 'value' in own).toBe(true);
  });
});

describe('the analysis cache with an off-thread analyzer', () => {
  const hugeText = nearMissKunnat();

  function fakeAnalyzer(answer: (text: string) => OffThreadResult | undefined): OffThreadAnalyzer & { calls: number } {
    const f = Object.assign(
      async (text: string) => {
        f.calls++;
        await immediate();
        return answer(text);
      },
      { calls: 0 },
    );
    return f;
  }

  it('a huge document: analysed by the analyzer once per version, its model parsed here when asked for', async () => {
    const findings = lintDocument(parse(hugeText));
    const analyzer = fakeAnalyzer(() => ({ findings, description: true, millis: 123, failures: [] }));
    const cache = new AnalysisCache(undefined, undefined, analyzer);
    const doc = TextDocument.create('untitled:huge', 'hanke', 1, hugeText);
    const config = {};
    const [a, b] = await Promise.all([cache.getSliced(doc, config, immediate, 10), cache.getSliced(doc, config, immediate, 10)]);
    expect(analyzer.calls).toBe(1);
    expect(a.findings).toBe(findings);
    expect(b.findings).toBe(findings);
    expect(cache.peek('untitled:huge')?.millis).toBe(123);
    // The model: the document's own (sections, exact ranges).
    expect(a.doc.sections.map((s) => s.heading.number)).toEqual(parse(hugeText).sections.map((s) => s.heading.number));
    // The same version again: from the cache, not the analyzer.
    const c = await cache.getSliced(doc, {}, immediate, 10);
    expect(analyzer.calls).toBe(1);
    expect(c.findings).toBe(findings);
    expect(c.doc.lines.length).toBe(a.doc.lines.length);
  });

  it('a small document never goes to the analyzer, even when its last lint was slow (a GC, a busy machine)', async () => {
    const analyzer = fakeAnalyzer(() => undefined);
    const cache = new AnalysisCache(undefined, undefined, analyzer);
    const a = await cache.getSliced(TextDocument.create('untitled:small', 'hanke', 1, example('002')), {}, immediate, 10);
    expect(a.findings.map((f) => f.rule)).toContain('final-report-missing');
    // sliceMs 0: every last lint counts as slow, so this one is linted in slices, here.
    let pauses = 0;
    const b = await cache.getSliced(TextDocument.create('untitled:small', 'hanke', 2, `${example('002')}\n`), {}, () => (pauses++, immediate()), 0);
    expect(pauses).toBeGreaterThan(0);
    expect(b.version).toBe(2);
    expect(analyzer.calls).toBe(0);
  });

  it('an analyzer that cannot (undefined): the document is linted here, in slices, with the same findings', async () => {
    const analyzer = fakeAnalyzer(() => undefined);
    const cache = new AnalysisCache(undefined, undefined, analyzer);
    let pauses = 0;
    const a = await cache.getSliced(TextDocument.create('untitled:huge', 'hanke', 1, hugeText), {}, () => (pauses++, immediate()), 0);
    expect(analyzer.calls).toBe(1);
    expect(pauses).toBeGreaterThan(1);
    expect(key(a.findings)).toEqual(key(lintDocument(parse(hugeText))));
  });

  it("rules that failed elsewhere are logged here, with the document's URI", async () => {
    const failures = [{ rule: 'unknown-municipality', error: new Error('boom') }];
    const analyzer = fakeAnalyzer(() => ({ findings: [], description: true, millis: 50, failures }));
    const seen: string[] = [];
    const cache = new AnalysisCache(undefined, (uri, rule, e) => seen.push(`${uri} ${rule} ${(e as Error).message}`), analyzer);
    await cache.getSliced(TextDocument.create('untitled:huge', 'hanke', 1, hugeText), {}, immediate, 10);
    expect(seen).toEqual(['untitled:huge unknown-municipality boom']);
  });

  it('an older version answered after a newer one does not replace it', async () => {
    const answers = new Map<number, () => void>();
    let n = 0;
    const analyzer: OffThreadAnalyzer = (text) =>
      new Promise((resolve) => {
        const id = n++;
        answers.set(id, () => resolve({ findings: [], description: text.endsWith('2'), millis: 40, failures: [] }));
      });
    const cache = new AnalysisCache(undefined, undefined, analyzer);
    const v1 = cache.getSliced(TextDocument.create('untitled:h', 'hanke', 1, `${hugeText}1`), {}, immediate, 10);
    const v2 = cache.getSliced(TextDocument.create('untitled:h', 'hanke', 2, `${hugeText}2`), {}, immediate, 10);
    answers.get(1)!();
    await v2;
    answers.get(0)!();
    await v1;
    expect(cache.peek('untitled:h')).toMatchObject({ version: 2, description: true });
  });
});

describe.skipIf(!existsSync(SERVER))('the analysis worker (dist/server.js; npm run build first)', () => {
  it('gives the findings of the core, and reports what failing rules threw', async () => {
    const worker = new AnalysisWorker(SERVER, 1_000);
    try {
      for (const text of [example('002'), example('004'), nearMissKunnat()]) {
        const r = (await worker.analyze(text, undefined))!;
        expect(r.description).toBe(true);
        expect(r.failures).toEqual([]);
        const here = lintDocument(parse(text));
        expect(key(r.findings)).toEqual(key(here));
        expect(r.findings.map((f) => f.message)).toEqual(here.map((f) => f.message));
        expect(r.findings.map((f) => f.fixes)).toEqual(here.map((f) => f.fixes));
      }
      // Rule settings travel with the text.
      const off = (await worker.analyze(example('002'), { 'final-report-missing': 'off' }))!;
      expect(off.findings.map((f) => f.rule)).not.toContain('final-report-missing');
      // Not a description: no rules.
      expect((await worker.analyze('hello\n', undefined))!).toMatchObject({ description: false, findings: [] });
    } finally {
      worker.stop();
    }
  }, 60_000);

  it('a worker that cannot start answers undefined (the caller lints in its own thread)', async () => {
    const worker = new AnalysisWorker(join(__dirname, 'no-such-bundle.js'));
    expect(await worker.analyze(example('001'), undefined)).toBeUndefined();
    expect(await worker.analyze(example('001'), undefined)).toBeUndefined();
  });

  it('stops when idle and starts again on the next document', async () => {
    const worker = new AnalysisWorker(SERVER, 20);
    try {
      expect((await worker.analyze(example('001'), undefined))?.description).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect((await worker.analyze(example('003'), undefined))?.findings.map((f) => f.rule)).toContain('final-report-missing');
    } finally {
      worker.stop();
    }
  }, 60_000);
});
