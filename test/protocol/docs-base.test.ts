// The rule pages ship with the VS Code extension: the client gives the server their folder
// (initializationOptions.docsBase) and every diagnostic links its rule's page there, so the
// links work offline. Without it the server links the pages installed beside it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, example } from '../helpers/examples';
import { fileUri, LspClient } from '../helpers/lsp-client';

const BASE = 'file:///home/u/.vscode/extensions/hanke-tools.hanke-0.1.0/docs/rules/';
const broken = () => example('001').replace('Organisaatiotyyppi: Kunta', 'Organisatiotyyppi: Kunta');

async function start(initializationOptions: unknown): Promise<LspClient> {
  const c = new LspClient();
  await c.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    locale: 'en',
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
    },
    initializationOptions,
  });
  await c.conn.sendNotification('initialized', {});
  return c;
}

describe('rule documentation links of diagnostics', () => {
  let withBase: LspClient;
  beforeAll(async () => {
    // As the extension starts it: it runs the documentation command itself.
    withBase = await start({ docsBase: BASE, clientCommands: ['hanke.openRuleDocumentation'] });
  });
  afterAll(async () => {
    expect(await withBase.shutdown()).toBe(0);
  });

  it('point at the bundled page under the client-given base', async () => {
    const p = await withBase.open('untitled:a', broken());
    const d = p.diagnostics.find((x) => x.code === 'unknown-field')!;
    expect(d.codeDescription?.href).toBe(`${BASE}unknown-field.md`);
    for (const x of p.diagnostics) expect(x.codeDescription?.href).toBe(`${BASE}${x.code}.md`);
  });

  it('the "show documentation" code action opens the same page', async () => {
    const p = await withBase.open('untitled:b', broken());
    const d = p.diagnostics.find((x) => x.code === 'unknown-field')!;
    const actions = await withBase.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri: 'untitled:b' },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const docs = actions.find((a) => a.command?.command === 'hanke.openRuleDocumentation');
    expect(docs?.command?.arguments).toEqual([`${BASE}unknown-field.md`]);
  });

  it('files linted from disk (the workspace lint) link the bundled page too', async () => {
    const uri = fileUri(join(EXAMPLES_DIR, '004_c6454f714b590c05.txt'));
    const published = withBase.nextDiagnostics(uri);
    await withBase.request('hanke/lintFiles', { uris: [uri] });
    const p = await published;
    expect(p.diagnostics.map((d) => d.codeDescription?.href)).toEqual([`${BASE}empty-field.md`]);
  });

  it('without a base, or with one that is not a folder URI, the page installed beside the server (offline)', async () => {
    // The built server (dist/server.js) has the repository's docs/rules/ beside it, as the
    // installed package and the .vsix have theirs.
    const installed = `${pathToFileURL(join(__dirname, '../../docs/rules')).toString()}/unknown-field.md`;
    expect(existsSync(fileURLToPath(installed))).toBe(true);
    for (const options of [undefined, {}, { docsBase: 42 }, { docsBase: 'no scheme/' }, { docsBase: `${BASE}x.md` }]) {
      const c = await start(options);
      const p = await c.open('untitled:c', broken());
      const d = p.diagnostics.find((x) => x.code === 'unknown-field')!;
      expect(d.codeDescription?.href, JSON.stringify(options)).toBe(installed);
      expect(await c.shutdown()).toBe(0);
    }
  });
});
