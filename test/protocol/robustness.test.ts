// The built language server over stdio when things go wrong: a rule that throws (fault
// injected with HANKE_TEST_THROW_IN_RULE) leaves every feature of the document working,
// with one internal-error diagnostic and one log of the stack.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, injectRuleFaults } from '../../server/src/core/lint';
import { nearMissKunnat } from '../helpers/pathological';
import { example } from '../helpers/examples';
import { fileUri, LspClient, SERVER } from '../helpers/lsp-client';

describe('a rule that throws, over stdio', () => {
  let client: LspClient;

  beforeAll(async () => {
    expect(existsSync(SERVER), 'run npm run build first').toBe(true);
    client = new LspClient(['--stdio'], { env: { HANKE_TEST_THROW_IN_RULE: 'missing-field' } });
    await client.initialize('en');
  });
  afterAll(async () => {
    expect(await client.shutdown()).toBe(0);
  });

  it("diagnostics: one internal-error naming the rule, the other rules' findings kept", async () => {
    const uri = 'untitled:fault-002';
    const p = await client.open(uri, example('002'));
    const codes = p.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'internal-error')).toHaveLength(1);
    expect(codes).toContain('final-report-missing');
    const d = p.diagnostics.find((x) => x.code === 'internal-error')!;
    expect(d.severity).toBe(1);
    expect(d.message).toContain('"missing-field"');
    expect(d.codeDescription?.href).toMatch(/internal-error\.md$/);
  });

  it('every other feature of the document still answers', async () => {
    const uri = 'untitled:fault-000';
    const text = example('000').replace('Organisaatiotyyppi: Valtion', 'Organisatiotyyppi: Valtion');
    const p = await client.open(uri, text);
    expect(p.diagnostics.map((d) => d.code)).toContain('unknown-field');
    const td = { textDocument: { uri } };
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', td);
    expect(symbols.length).toBe(9);
    expect((await client.request<unknown[]>('textDocument/foldingRange', td)).length).toBeGreaterThan(0);
    const code = text.split('\n').findIndex((l) => l.startsWith('Hankekoodi:'));
    const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { ...td, position: { line: code, character: 3 } });
    expect(hover).not.toBeNull();
    const formatting = await client.request<unknown[]>('textDocument/formatting', { ...td, options: { tabSize: 2, insertSpaces: true } });
    expect(Array.isArray(formatting)).toBe(true);
    const line = text.split('\n').findIndex((l) => l.startsWith('Organisatiotyyppi'));
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      ...td,
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics: p.diagnostics.filter((d) => d.range.start.line === line) },
    });
    expect(actions.map((a) => a.title).join('\n')).toContain('Organisaatiotyyppi');
    const axis = text.split('\n').findIndex((l) => l.startsWith('Toimintalinja:'));
    const completion = await client.request<{ items: unknown[] } | unknown[]>('textDocument/completion', { ...td, position: { line: axis, character: 'Toimintalinja: '.length } });
    expect(Array.isArray(completion) ? completion.length : completion.items.length).toBeGreaterThan(0);
  });

  it('the stack is logged once per document and rule, not on every change', async () => {
    const uri = 'untitled:fault-log';
    const text = example('001');
    const before = client.logs.length;
    await client.open(uri, text);
    for (let v = 2; v <= 5; v++) await client.change(uri, v, [{ text: `${text}\n` + 'x'.repeat(v) }]);
    const mine = client.logs.slice(before).filter((l) => l.includes(uri));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('rule missing-field failed');
    expect(mine[0]).toMatch(/\n\s+at /); // the stack
  });
});

describe('facts that cannot be derived, over stdio', () => {
  it('one internal-error naming them; the other findings and the features of the document stay', async () => {
    const client = new LspClient(['--stdio'], { env: { HANKE_TEST_THROW_IN_RULE: 'facts' } });
    await client.initialize('en');
    const uri = 'untitled:facts-002';
    const p = await client.open(uri, example('002'));
    const internal = p.diagnostics.filter((d) => d.code === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].message).toContain('project period');
    expect(p.diagnostics.map((d) => d.code)).toContain('final-report-missing');
    expect(await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } })).toHaveLength(9);
    expect(client.logs.filter((l) => l.includes(uri) && l.includes('rule facts failed'))).toHaveLength(1);
    expect(await client.shutdown()).toBe(0);
  }, 60_000);
});

describe('a huge document does not hold up the others', () => {
  it('requests for a small document are answered while a 1.1 MB Kunnat line is analysed (waits measured in bench/)', async () => {
    const client = new LspClient();
    await client.initialize('en');
    const small = 'untitled:small';
    await client.open(small, example('001'));
    const hugeUri = 'untitled:huge';
    let done = false;
    const huge = client.open(hugeUri, nearMissKunnat()).then((p) => {
      done = true;
      return p;
    });
    let answered = 0;
    while (!done) {
      const syms = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
      expect(syms).toHaveLength(9);
      answered++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const p = await huge;
    expect(p.diagnostics.filter((d) => d.code === 'unknown-municipality')).toHaveLength(501);
    expect(answered).toBeGreaterThan(0);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});

describe('a huge document is analysed in a worker thread', () => {
  it('same diagnostics as the core; a rule failing there is logged once with its stack; hover and symbols of the document answer', async () => {
    const client = new LspClient(['--stdio'], { env: { HANKE_TEST_THROW_IN_RULE: 'geography-mismatch' } });
    await client.initialize('en');
    const text = nearMissKunnat();
    const uri = 'untitled:huge-worker';
    const p = await client.open(uri, text);
    injectRuleFaults(['geography-mismatch']);
    let here: ReturnType<typeof analyze>['findings'];
    try {
      here = analyze(text).findings;
    } finally {
      injectRuleFaults([]);
    }
    const asKeys = (xs: { code?: unknown; rule?: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
      xs.map((d) => `${String(d.code ?? d.rule)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();
    expect(asKeys(p.diagnostics)).toEqual(asKeys(here));
    expect(p.diagnostics.filter((d) => d.code === 'internal-error')).toHaveLength(1);
    // Logged from the worker's analysis (its stack names the worker's entry), once per document and rule.
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    const logs = client.logs.filter((l) => l.includes(uri));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('rule geography-mismatch failed');
    expect(logs[0]).toContain('analyzeForReply');
    // The document's own features: its model is parsed on the main thread when asked for.
    const td = { textDocument: { uri } };
    expect(await client.request<unknown[]>('textDocument/documentSymbol', td)).toHaveLength(9);
    const line = text.split('\n').findIndex((l) => l.startsWith('Kunnat:'));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { ...td, position: { line, character: 'Kunnat: '.length + 2 } });
    expect(JSON.stringify(hover?.contents)).toContain(text.split('\n')[line].slice('Kunnat: '.length).split(',')[0]);
    expect(await client.shutdown()).toBe(0);
  }, 120_000);
});

describe('configuration the server must not trust', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hanke-lsp-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['FIFO', 'link to /dev/zero'] as const) {
    it(`.hankerc.json that is a ${kind}: the document is linted, the configuration reported broken, other documents answered`, async () => {
      const sub = join(dir, kind === 'FIFO' ? 'fifo' : 'zero');
      mkdirSync(sub);
      const rc = join(sub, '.hankerc.json');
      if (kind === 'FIFO') execFileSync('mkfifo', [rc]);
      else symlinkSync('/dev/zero', rc);
      const client = new LspClient();
      await client.initialize('en');
      const configDiags = client.nextDiagnostics(fileUri(rc));
      const p = await client.open(fileUri(join(sub, 'a.txt')), example('002'));
      expect(p.diagnostics.map((d) => d.code)).toContain('final-report-missing');
      const c = await configDiags;
      expect(c.diagnostics[0].message).toMatch(/not a regular file/);
      const other = await client.open('untitled:other', example('000'));
      expect(other.diagnostics).toEqual([]);
      expect(await client.shutdown()).toBe(0);
    }, 30_000);
  }
});

describe('hanke.locale set to a value that is not a locale', () => {
  for (const value of ['sv', 'FI']) {
    it(`"${value}": reported once, the default used; diagnostics have messages, hover and completion work`, async () => {
      const client = new LspClient();
      client.settings = { hanke: { locale: value } };
      const warnings: string[] = [];
      client.conn.onNotification('window/showMessage', (m: { message: string }) => void warnings.push(m.message));
      await client.initialize('en');
      const uri = `untitled:locale-${value}`;
      const text = example('000').replace('Organisaatiotyyppi: Valtion', 'Organisatiotyyppi: Valtion');
      const p = await client.open(uri, text);
      expect(p.diagnostics.length).toBeGreaterThan(0);
      for (const d of p.diagnostics) expect(typeof d.message === 'string' && d.message.length > 0).toBe(true);
      expect(p.diagnostics.find((d) => d.code === 'unknown-field')!.message).toMatch(/Unknown field/);
      const code = text.split('\n').findIndex((l) => l.startsWith('Hankekoodi:'));
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: { line: code, character: 3 } });
      expect(hover).not.toBeNull();
      const axis = text.split('\n').findIndex((l) => l.startsWith('Toimintalinja:'));
      const completion = await client.request<{ items: unknown[] } | unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: axis, character: 'Toimintalinja: '.length } });
      expect(Array.isArray(completion) ? completion.length : completion.items.length).toBeGreaterThan(0);
      await client.open(`${uri}-2`, example('001'));
      const mentions = [...warnings, ...client.logs].filter((m) => m.includes('hanke.locale') && m.includes(JSON.stringify(value)));
      expect(mentions.length).toBeGreaterThan(0);
      expect(warnings.filter((m) => m.includes('hanke.locale'))).toHaveLength(1);
      expect(await client.shutdown()).toBe(0);
    }, 30_000);
  }
});
