// The server as clients other than VS Code see it: each client here has the shape of a
// real one (a minimal client that states no capabilities, Neovim 0.7 sending byte
// columns back, a client that never answers workspace/configuration, a client that
// prefers UTF-8, clients with LSP 3.17 pull diagnostics) and drives dist/server.js over stdio.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-jsonrpc/node';
import { example } from '../helpers/examples';
import { fileUri, LspClient, type Published } from '../helpers/lsp-client';

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
interface Action {
  title: string;
  kind?: string;
  command?: string | { command: string; arguments?: unknown[] };
  edit?: { changes: Record<string, { range: Range; newText: string }[]> };
  arguments?: unknown[];
}

const clients: LspClient[] = [];
function client(opts?: { answerConfiguration?: boolean }): LspClient {
  const c = new LspClient(['--stdio'], opts);
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients.splice(0)) await c.shutdown();
});

/** Example 001 with "Kyllä" misspelt after a label full of ä and ö: an invalid-choice with a safe quick fix. */
const FAULTY = example('001').replace('sukupuolinäkökulmasta: Kyllä', 'sukupuolinäkökulmasta: Kylä');
const FAULTY_LINE = FAULTY.split('\n').findIndex((l) => l.includes('sukupuolinäkökulmasta: Kylä'));
const utf8Col = (line: string, units: number) => Buffer.byteLength(line.slice(0, units), 'utf8');

/** What Neovim 0.7 sends back: the diagnostic with its columns counted in bytes. */
function inBytes(text: string, r: Range): Range {
  const lines = text.split('\n');
  return {
    start: { line: r.start.line, character: utf8Col(lines[r.start.line], r.start.character) },
    end: { line: r.end.line, character: utf8Col(lines[r.end.line], r.end.character) },
  };
}

const NEOVIM_07 = {
  workspace: { configuration: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
    publishDiagnostics: { relatedInformation: true },
  },
  window: { showDocument: { support: false } },
};

describe('a client that states no capabilities', () => {
  let c: LspClient;
  let caps: Record<string, unknown>;
  const uri = 'file:///tmp/minimal/kuvaus.txt';
  beforeAll(async () => {
    c = new LspClient();
    caps = (await c.initializeWith({ capabilities: {} })).capabilities;
    await c.open(uri, FAULTY);
  });
  afterEach(() => undefined);

  it('gets UTF-16 positions, no executeCommandProvider and a plain codeActionProvider', () => {
    expect(caps.positionEncoding).toBe('utf-16');
    expect(caps.executeCommandProvider).toBeUndefined();
    expect(caps.codeActionProvider).toBe(true);
    expect(caps.diagnosticProvider).toBeUndefined();
  });

  it('is never asked to register anything or for its configuration', () => {
    expect(c.received.map((r) => r.method)).toEqual([]);
  });

  it('gets plain-text hovers', async () => {
    const line = FAULTY.split('\n').findIndex((l) => l.startsWith('Hankekoodi:'));
    const h = await c.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 14 } });
    expect(h.contents.kind).toBe('plaintext');
    expect(h.contents.value).toContain('S20015');
    expect(h.contents.value).not.toMatch(/\*\*|\\[[\]_*]/);
  });

  it('gets completion documentation as plain text', async () => {
    // Example 001 without the Hankekoodi line: completing at its place offers the label.
    const text = FAULTY.replace(/^Hankekoodi: .*$/m, '');
    const u = 'untitled:minimal-completion';
    await c.open(u, text);
    const line = text.split('\n').findIndex((l, i, all) => l === '' && all[i - 2] === '1 Hanke');
    const list = await c.request<{ items: { label: string; documentation?: { kind: string; value: string } }[] }>('textDocument/completion', {
      textDocument: { uri: u },
      position: { line, character: 0 },
    });
    const documented = list.items.filter((i) => i.documentation);
    expect(documented.length).toBeGreaterThan(0);
    for (const i of documented) {
      expect(i.documentation!.kind).toBe('plaintext');
      expect(i.documentation!.value).not.toMatch(/\*\*|```/);
    }
  });

  it('gets flat SymbolInformation with containers instead of nested symbols', async () => {
    const syms = await c.request<{ name: string; location?: { uri: string }; children?: unknown; containerName?: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.length).toBeGreaterThan(9);
    expect(syms.every((s) => s.location?.uri === uri && s.children === undefined)).toBe(true);
    expect(syms.find((s) => s.name === 'Hankekoodi')?.containerName).toBe('1 Hanke');
  });

  it('gets no code action it cannot run (no literals, no applyEdit, no documentation command)', async () => {
    const d = c.published.get(uri)!.diagnostics.find((x) => x.code === 'invalid-choice')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions).toEqual([]);
    await c.shutdown();
  });
});

describe('a client without CodeAction literals but with applyEdit', () => {
  it('gets Commands that the server carries out with workspace/applyEdit', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: { workspace: { applyEdit: true } } })).capabilities;
    expect(caps.executeCommandProvider).toEqual({ commands: ['hanke.server.applyEdit'] });
    const uri = 'untitled:commands';
    const p = await c.open(uri, FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(typeof a.command).toBe('string');
    const fix = actions.find((a) => a.title === 'Change to "Kyllä"')!;
    expect(fix.command).toBe('hanke.server.applyEdit');
    await c.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments });
    const applied = c.received.find((r) => r.method === 'workspace/applyEdit')!.params as { edit: { changes: Record<string, { range: Range; newText: string }[]> } };
    expect(applied.edit.changes[uri]).toEqual([{ range: d.range, newText: 'Kyllä' }]);
  });
});

describe('Neovim 0.7: byte columns sent back, no dynamic registration, no showDocument', () => {
  it('finds the quick fix by the key in Diagnostic.data, and by rule and line without it', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: NEOVIM_07 })).capabilities;
    expect(caps.executeCommandProvider).toBeUndefined();
    const uri = 'file:///tmp/nvim/kuvaus.txt';
    const p = await c.open(uri, FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    expect(d.range.start).toEqual({ line: FAULTY_LINE, character: 71 });
    expect(d.data).toBeDefined();
    const bytes = inBytes(FAULTY, d.range);
    expect(bytes.start.character).toBe(75); // four ä/ö before it
    for (const sent of [
      { ...d, range: bytes },
      { ...d, range: bytes, data: undefined },
    ]) {
      const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: bytes, context: { diagnostics: [sent] } });
      const fix = actions.find((a) => a.title === 'Change to "Kyllä"');
      expect(fix?.edit?.changes[uri]).toEqual([{ range: d.range, newText: 'Kyllä' }]);
      // No way to open the documentation in this client: no such action.
      expect(actions.some((a) => typeof a.command === 'object')).toBe(false);
    }
  });

  it('is not asked to register workspace/didChangeConfiguration dynamically', async () => {
    const c = client();
    await c.initializeWith({ capabilities: NEOVIM_07 });
    await c.open('untitled:reg', FAULTY);
    expect(c.received.some((r) => r.method === 'client/registerCapability')).toBe(false);
    const d = client();
    await d.initializeWith({ capabilities: { ...NEOVIM_07, workspace: { ...NEOVIM_07.workspace, didChangeConfiguration: { dynamicRegistration: true } } } });
    await d.open('untitled:reg', FAULTY);
    expect(d.received.find((r) => r.method === 'client/registerCapability')?.params).toMatchObject({ registrations: [{ method: 'workspace/didChangeConfiguration' }] });
  });
});

describe('settings for a client that cannot answer workspace/configuration (Neovim 0.7)', () => {
  const NO_CONFIGURATION = { ...NEOVIM_07, workspace: { applyEdit: true } };

  it('reads locale and rules from initializationOptions', async () => {
    const c = client();
    await c.initializeWith({ capabilities: NO_CONFIGURATION, initializationOptions: { locale: 'fi', rules: { 'invalid-choice': 'warning' } } });
    const p = await c.open('untitled:init-options', FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    expect(d.message).toContain('ei ole sallittu arvo');
    expect(d.severity).toBe(2);
    expect(c.received.some((r) => r.method === 'workspace/configuration')).toBe(false);
  });

  it('takes the `hanke` section pushed with workspace/didChangeConfiguration, and re-lints', async () => {
    const c = client();
    await c.initializeWith({ capabilities: NO_CONFIGURATION });
    const uri = 'untitled:pushed';
    expect((await c.open(uri, FAULTY)).diagnostics.find((x) => x.code === 'invalid-choice')!.message).toContain('is not an allowed value');
    const next = c.nextDiagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { hanke: { locale: 'fi', rules: { 'invalid-choice': 'off' }, other: 1 }, otherTool: {} } });
    expect((await next).diagnostics.filter((x) => x.code === 'invalid-choice')).toEqual([]);
    // Something that is not a `hanke` section leaves the settings as they are.
    const again = c.nextDiagnostics(uri);
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await again).diagnostics.filter((x) => x.code === 'invalid-choice')).toEqual([]);
  });
});

describe('rule documentation', () => {
  it("is the extension's own command when the client says it has it", async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: { ...NEOVIM_07, window: { showDocument: { support: true } } }, initializationOptions: { clientCommands: ['hanke.openRuleDocumentation'] } }))
      .capabilities;
    expect(caps.executeCommandProvider).toBeUndefined();
    const p = await c.open('untitled:docs', FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: 'untitled:docs' }, range: d.range, context: { diagnostics: [d] } });
    const docs = actions.find((a) => typeof a.command === 'object')!;
    expect(docs.command).toEqual({ title: 'Show rule documentation', command: 'hanke.openRuleDocumentation', arguments: [d.codeDescription!.href] });
  });

  it('is a server command that opens the page with window/showDocument when the client supports it', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: { ...NEOVIM_07, window: { showDocument: { support: true } } } })).capabilities;
    expect(caps.executeCommandProvider).toEqual({ commands: ['hanke.server.showRuleDocumentation'] });
    const p = await c.open('untitled:docs', FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: 'untitled:docs' }, range: d.range, context: { diagnostics: [d] } });
    const docs = actions.find((a) => typeof a.command === 'object')!.command as { command: string; arguments: unknown[] };
    expect(docs.command).toBe('hanke.server.showRuleDocumentation');
    await c.request('workspace/executeCommand', docs);
    // The page installed beside the server, opened in the editor itself (offline).
    expect(d.codeDescription!.href).toMatch(/^file:\/\/.*\/docs\/rules\/invalid-choice\.md$/);
    expect(c.received.find((r) => r.method === 'window/showDocument')?.params).toEqual({ uri: d.codeDescription!.href, external: false });
  });
});

describe('a client that never answers workspace/configuration', () => {
  it('gets diagnostics and answers with the default settings after a short wait', async () => {
    const c = client({ answerConfiguration: false });
    await c.initializeWith({ capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } } });
    const t0 = Date.now();
    const p = await c.open('untitled:noconf', example('004'));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['empty-field']);
    // Once it did not answer, it is not waited for again.
    const t1 = Date.now();
    const q = await c.open('untitled:noconf2', FAULTY);
    expect(Date.now() - t1).toBeLessThan(1000);
    expect(q.diagnostics.map((d) => d.code)).toEqual(['invalid-choice']);
    const syms = await c.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: 'untitled:noconf' } });
    expect(syms.length).toBeGreaterThan(0);
    expect(c.received.filter((r) => r.method === 'workspace/configuration').length).toBe(1);
  });
});

describe('a document that is not a description', () => {
  it('gets one quiet hint, no formatting and no fixes; an empty one gets nothing', async () => {
    const c = client();
    await c.initialize('en');
    const uri = 'file:///tmp/notes/ostoslista.txt';
    const p = await c.open(uri, 'Ostoslista\n\nmaitoa\nleipää\nkahvia: 2 pakettia\n');
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ code: 'not-a-description', severity: 4, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(await c.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    const empty = await c.open('file:///tmp/notes/empty.txt', '');
    expect(empty.diagnostics).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('refuses requests before initialize (-32002) and after shutdown (InvalidRequest), and exits with 0', async () => {
    const c = new LspClient();
    const before = await c.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:x' } }).catch((e: unknown) => e);
    expect(before).toBeInstanceOf(ResponseError);
    expect((before as ResponseError<unknown>).code).toBe(-32002);
    await c.initialize('en');
    expect(await c.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:x' } })).toEqual([]);
    const again = await c.request('initialize', { processId: null, rootUri: null, capabilities: {} }).catch((e: unknown) => e);
    expect((again as ResponseError<unknown>).code).toBe(-32600);
    await c.request('shutdown', null);
    const after = await c.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:x' } }).catch((e: unknown) => e);
    expect((after as ResponseError<unknown>).code).toBe(-32600);
    const exited = new Promise<number | null>((res) => c.proc.once('exit', (code) => res(code)));
    await c.conn.sendNotification('exit');
    expect(await exited).toBe(0);
    c.conn.dispose();
  });
});

describe('position encoding', () => {
  it('is UTF-8 when the client prefers it: diagnostics, edits and incoming changes in bytes', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] }, textDocument: { codeAction: NEOVIM_07.textDocument.codeAction } } })).capabilities;
    expect(caps.positionEncoding).toBe('utf-8');
    const uri = 'untitled:utf8';
    const p = await c.open(uri, FAULTY);
    const d = p.diagnostics.find((x) => x.code === 'invalid-choice')!;
    expect(d.range).toEqual({ start: { line: FAULTY_LINE, character: 75 }, end: { line: FAULTY_LINE, character: 80 } });
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions.find((a) => a.title === 'Change to "Kyllä"')?.edit?.changes[uri]).toEqual([{ range: d.range, newText: 'Kyllä' }]);
    // The fix, sent as an incremental change in bytes: the finding is gone.
    const after = await c.change(uri, 2, [{ range: d.range, text: 'Kyllä' }]);
    expect(after.diagnostics).toEqual([]);
  });

  it('stays UTF-16 when the client lists UTF-16 first or nothing', async () => {
    for (const positionEncodings of [['utf-16', 'utf-8'], undefined]) {
      const c = client();
      const caps = (await c.initializeWith({ capabilities: { general: positionEncodings ? { positionEncodings } : {} } })).capabilities;
      expect(caps.positionEncoding).toBe('utf-16');
    }
  });
});

describe('hover text', () => {
  it('escapes only what Markdown needs', async () => {
    const c = client();
    await c.initializeWith({ capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
    const text = example('001').replace('Hankkeen nimi: Uutta virtaa', 'Hankkeen nimi: Marke_2 [beta] *oy* a_b');
    const uri = 'untitled:hover';
    await c.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('Hankkeen nimi:'));
    const h = await c.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 20 } });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toContain('Marke_2 [beta] \\*oy\\* a_b');
  });
});

describe('LSP 3.17 pull diagnostics', () => {
  const PULL = {
    workspace: { configuration: true, diagnostics: { refreshSupport: true } },
    textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
  };

  it('answers textDocument/diagnostic, with unchanged reports for the same version, and does not push', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: PULL })).capabilities;
    expect(caps.diagnosticProvider).toEqual({ identifier: 'hanke', interFileDependencies: false, workspaceDiagnostics: true });
    const uri = 'untitled:pull';
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hanke', version: 1, text: FAULTY } });
    const r = await c.request<{ kind: string; resultId: string; items: Published['diagnostics'] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.kind).toBe('full');
    expect(r.items.map((d) => d.code)).toEqual(['invalid-choice']);
    const again = await c.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: r.resultId });
    c.settings = { hanke: { rules: { 'invalid-choice': 'off' } } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const off = await c.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r.resultId });
    expect(off).toMatchObject({ kind: 'full', items: [] });
    expect(c.received.some((x) => x.method === 'workspace/diagnostic/refresh')).toBe(true);
    expect(c.published.has(uri)).toBe(false);
  });

  it('pushes instead when the client asks for it in initializationOptions (the extension does)', async () => {
    const c = client();
    const caps = (await c.initializeWith({ capabilities: PULL, initializationOptions: { diagnostics: 'push' } })).capabilities;
    expect(caps.diagnosticProvider).toBeUndefined();
    expect((await c.open('untitled:push', FAULTY)).diagnostics.map((d) => d.code)).toEqual(['invalid-choice']);
  });

  it('answers workspace/diagnostic for the open documents and the descriptions in the workspace folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hanke-ws-'));
    writeFileSync(join(dir, 'faulty.txt'), FAULTY);
    writeFileSync(join(dir, 'clean.txt'), example('000'));
    writeFileSync(join(dir, 'notes.txt'), 'maitoa\nleipää\n');
    const c = client();
    await c.initializeWith({ capabilities: PULL, workspaceFolders: [{ uri: fileUri(dir), name: 'ws' }] });
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:open', languageId: 'hanke', version: 1, text: example('004') } });
    const r = await c.request<{ items: { uri: string; kind: string; resultId: string; items: Published['diagnostics'] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(r.items.map((i) => [i.uri, i]));
    expect(byUri.get('untitled:open')?.items.map((d) => d.code)).toEqual(['empty-field']);
    expect(byUri.get(fileUri(join(dir, 'faulty.txt')))?.items.map((d) => d.code)).toEqual(['invalid-choice']);
    expect(byUri.get(fileUri(join(dir, 'clean.txt')))?.items).toEqual([]);
    expect(byUri.has(fileUri(join(dir, 'notes.txt')))).toBe(false);
    // Asked again with the result ids: the request is held until something changes.
    const previousResultIds = r.items.map((i) => ({ uri: i.uri, value: i.resultId }));
    const held = c.request<{ items: { uri: string; items: Published['diagnostics'] }[] }>('workspace/diagnostic', { previousResultIds });
    let answered = false;
    void held.then(() => (answered = true));
    await new Promise((res) => setTimeout(res, 300));
    expect(answered).toBe(false);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:open', version: 2 }, contentChanges: [{ text: example('000') }] });
    const next = await held;
    expect(next.items.map((i) => [i.uri, i.items.length])).toEqual([['untitled:open', 0]]);
  });

  it("gives the workspace files' columns in UTF-8 to a client that prefers it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hanke-ws8-'));
    writeFileSync(join(dir, 'faulty.txt'), FAULTY);
    const c = client();
    await c.initializeWith({ capabilities: { ...PULL, general: { positionEncodings: ['utf-8'] } }, workspaceFolders: [{ uri: fileUri(dir), name: 'ws' }] });
    const r = await c.request<{ items: { uri: string; items: Published['diagnostics'] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const d = r.items.find((i) => i.uri === fileUri(join(dir, 'faulty.txt')))!.items[0];
    expect(d.range).toEqual({ start: { line: FAULTY_LINE, character: 75 }, end: { line: FAULTY_LINE, character: 80 } });
  });
});
