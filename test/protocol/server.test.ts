// Drives the built language server over stdio with a real JSON-RPC client.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, EXAMPLES_DIR, example } from '../helpers/examples';
import { fileUri, LspClient, SERVER } from '../helpers/lsp-client';

interface Sym {
  name: string;
  kind: number;
  detail?: string;
  range: unknown;
  selectionRange: unknown;
  children?: Sym[];
}

describe('language server over stdio', () => {
  let client: LspClient;
  let caps: Record<string, unknown>;

  beforeAll(async () => {
    expect(existsSync(SERVER), 'run npm run build first').toBe(true);
    client = new LspClient();
    caps = (await client.initialize('en')).capabilities;
  });
  afterAll(async () => {
    expect(await client.shutdown()).toBe(0);
  });

  it('announces incremental sync, symbols and folding', () => {
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
  });

  for (const { name, text } of EXAMPLES) {
    it(`${name}: outline has sections 1–9 with subsections nested`, async () => {
      const uri = fileUri(join(EXAMPLES_DIR, name));
      await client.open(uri, text);
      const syms = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(syms.map((s) => s.name.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
      const kids = (n: string) =>
        syms
          .find((s) => s.name.startsWith(`${n} `))!
          .children!.filter((c) => /^\d/.test(c.name))
          .map((c) => c.name.split(' ')[0]);
      expect(kids('4')).toEqual(['4.1', '4.2']);
      expect(kids('7')).toEqual(['7.1', '7.2']);
      expect(kids('8')).toEqual(['8.1', '8.2']);
      const s1 = syms[0];
      expect(s1.children!.find((c) => c.name === 'Hankekoodi')!.detail).toMatch(/^S\d{5}$/);
      const s82 = syms[7].children!.find((c) => c.name.startsWith('8.2'))!;
      expect(s82.children!.map((g) => g.children!.length)).toEqual([5, 5, 5]);
    });
  }

  it('publishes diagnostics with rule code, docs link and source', async () => {
    const uri = 'untitled:broken';
    const text = example('001').replace('Organisaatiotyyppi: Kunta', 'Organisatiotyyppi: Kunta');
    const p = await client.open(uri, text);
    const d = p.diagnostics.find((x) => x.code === 'unknown-field')!;
    expect(d).toBeDefined();
    expect(d.source).toBe('hanke');
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/unknown-field\.md$/);
    expect(d.severity).toBe(2);
    expect(d.range.start.character).toBe(0);
    expect(d.range.end.character).toBe('Organisatiotyyppi'.length);
  });

  it('follows incremental edits', async () => {
    const uri = 'untitled:edit';
    const text = example('001');
    const first = await client.open(uri, text);
    expect(first.diagnostics).toEqual([]);
    const line = text.split('\n').findIndex((l) => l.startsWith('Hankekoodi:'));
    // Delete the value "S20015": an empty required field.
    const after = await client.change(uri, 2, [{ range: { start: { line, character: 12 }, end: { line, character: 18 } }, text: '' }]);
    expect(after.diagnostics.map((d) => d.code)).toContain('empty-field');
    const back = await client.change(uri, 3, [{ range: { start: { line, character: 12 }, end: { line, character: 12 } }, text: 'S20015' }]);
    expect(back.diagnostics).toEqual([]);
  });

  it('folding ranges per section', async () => {
    const uri = fileUri(join(EXAMPLES_DIR, EXAMPLES[0].name));
    const ranges = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    const lines = EXAMPLES[0].text.split('\n');
    const starts = ranges.map((r) => lines[r.startLine]);
    expect(starts).toContain('1 Hanke');
    expect(starts).toContain('8.2 Kestävä kehitys');
  });

  it('survives requests for unknown documents and odd positions', async () => {
    const syms = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:nope' } });
    expect(syms).toEqual([]);
  });
});

describe('language server in Finnish, with rule settings', () => {
  it('uses the client locale and the hanke.rules setting', async () => {
    const c = new LspClient();
    c.settings = { hanke: { rules: { 'empty-field': 'error' } } };
    await c.initialize('fi-FI');
    const p = await c.open('untitled:fi', example('004'));
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0].message).toMatch(/ei ole arvoa/);
    expect(p.diagnostics[0].severity).toBe(1);
    c.settings = { hanke: { rules: { 'empty-field': 'off' } } };
    const next = c.nextDiagnostics('untitled:fi');
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).diagnostics).toEqual([]);
    expect(await c.shutdown()).toBe(0);
  });
});
