// The web extension's server (dist/web/server.js) as the browser runs it: a Web Worker
// speaking LSP through postMessage. Here the worker is a Node worker thread with the
// few Web Worker globals the bundle uses (self.postMessage, self.onmessage), so the
// same bundle that ships is driven by a real JSON-RPC client; .hankerc.json comes from
// the client (hanke/findConfig), as the extension reads it with workspace.fs.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, type MessageConnection, PortMessageReader, PortMessageWriter } from 'vscode-jsonrpc/node';
import { example } from '../helpers/examples';
import type { Published } from '../helpers/lsp-client';

const WEB_CLIENT = resolve(__dirname, '../../dist/web/client.js');
const WEB_SERVER = resolve(__dirname, '../../dist/web/server.js');
/** The budget for what the browser downloads: client + worker together. */
const BUDGET = 1_000_000;

describe('web bundles', () => {
  it('package.json names the web client next to the desktop one, and the .vsix keeps both', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { main: string; browser: string };
    expect(pkg.main).toBe('./dist/client.js');
    expect(resolve(__dirname, '../..', pkg.browser)).toBe(WEB_CLIENT);
    expect(readFileSync(resolve(__dirname, '../../.vscodeignore'), 'utf8')).toMatch(/^!dist\/web\/\*\.js$/m);
  });

  it(`client + worker stay within ${BUDGET} bytes`, () => {
    const total = statSync(WEB_CLIENT).size + statSync(WEB_SERVER).size;
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it('need nothing from Node: the client requires only vscode, the worker nothing', () => {
    const required = (file: string) => [...new Set([...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
    expect(required(WEB_CLIENT)).toEqual(['vscode']);
    expect(required(WEB_SERVER)).toEqual([]);
  });
});

/** The Web Worker globals the bundle uses, on a worker thread. */
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = {
  postMessage: (m) => parentPort.postMessage(m),
  addEventListener: () => undefined,
  set onmessage(fn) { parentPort.on('message', (data) => fn({ data })); },
};
require(workerData.server);
`;

describe('the language server in a Web Worker', () => {
  let worker: Worker;
  let conn: MessageConnection;
  const published = new Map<string, Published>();
  const waiters: { uri: string; resolve: (p: Published) => void }[] = [];
  const configRequests: string[] = [];

  beforeAll(async () => {
    worker = new Worker(BOOT, { eval: true, workerData: { server: WEB_SERVER } });
    conn = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      published.set(p.uri, p);
      for (const w of waiters.splice(0)) w.uri === p.uri ? w.resolve(p) : waiters.push(w);
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onRequest('client/registerCapability', () => null);
    // What the extension answers from workspace.fs: a .hankerc.json in the folder of kuvaus.txt.
    conn.onRequest('hanke/findConfig', (p: { uri: string }) => {
      configRequests.push(p.uri);
      return p.uri.endsWith('/kuvaus.txt') ? { uri: 'vscode-vfs://github/org/repo/.hankerc.json', text: '{ "rules": { "empty-field": "error" } }' } : null;
    });
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
    await conn.sendNotification('initialized', {});
  });
  afterAll(async () => {
    await conn.sendRequest('shutdown');
    conn.dispose();
    await worker.terminate();
  });

  const open = (uri: string, text: string) =>
    new Promise<Published>((res) => {
      waiters.push({ uri, resolve: res });
      void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hanke', version: 1, text } });
    });

  it('lints with the settings of the .hankerc.json the client read', async () => {
    const p = await open('vscode-vfs://github/org/repo/kuvaus.txt', example('004'));
    expect(p.diagnostics.map((d) => [d.code, d.severity])).toEqual([['empty-field', 1]]);
    expect(configRequests).toContain('vscode-vfs://github/org/repo/kuvaus.txt');
    const q = await open('vscode-vfs://github/org/repo/muu/toinen.txt', example('004'));
    expect(q.diagnostics.map((d) => [d.code, d.severity])).toEqual([['empty-field', 2]]);
  });

  it('gives the outline and hovers from the same core', async () => {
    const uri = 'vscode-vfs://github/org/repo/kuvaus.txt';
    const syms = await conn.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(syms.map((s) => s.name.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const line = example('004')
      .split('\n')
      .findIndex((l) => l.startsWith('Hankekoodi:'));
    const h = await conn.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 14 } });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toMatch(/S\d{5}/);
  });

  it('refuses the workspace lint of unopened files (no file system in a worker) without failing', async () => {
    const r = await conn.sendRequest('hanke/lintFiles', { uris: ['vscode-vfs://github/org/repo/other.txt'] });
    expect(r).toEqual({ files: 0, errors: 0, warnings: 0 });
  });
});
