// The applicant's cockpit over LSP: inlay hints and code lenses on the real examples,
// the settings that turn them off, what a client without the capabilities gets, and
// the preview page request.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { example } from '../helpers/examples';
import { LspClient, SERVER } from '../helpers/lsp-client';

interface Hint {
  position: { line: number; character: number };
  label: string;
  tooltip?: string;
  paddingLeft?: boolean;
}
interface Lens {
  range: { start: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

const VS_CODE_LIKE = {
  workspace: { configuration: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
  textDocument: { inlayHint: {}, codeLens: {}, publishDiagnostics: { versionSupport: true } },
};
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

const text000 = example('000');
const lines000 = text000.split(/\r?\n/);
const lineOf = (prefix: string) => lines000.findIndex((l) => l.startsWith(prefix));

let client: LspClient | undefined;
afterEach(async () => {
  if (client) expect(await client.shutdown()).toBe(0);
  client = undefined;
});

async function start(initializationOptions: Record<string, unknown> = {}, capabilities: Record<string, unknown> = VS_CODE_LIKE, locale = 'en') {
  expect(existsSync(SERVER), 'run npm run build first').toBe(true);
  client = new LspClient();
  const init = await client.initializeWith({ capabilities, initializationOptions, locale });
  return { c: client, caps: init.capabilities };
}

const hints = (c: LspClient, uri: string, range = WHOLE) => c.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
const lenses = (c: LspClient, uri: string) => c.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });

describe('inlay hints', () => {
  it('example 000: the period length (36) after the period, the 86 % share after the granted amount, the coverage after Kunnat, the 8.2 group totals', async () => {
    const { c, caps } = await start();
    expect(caps.inlayHintProvider).toBe(true);
    const uri = 'untitled:000';
    await c.open(uri, text000);
    const got = await hints(c, uri);
    const at = (line: number) => got.filter((h) => h.position.line === line).map((h) => h.label);
    const period = lineOf('Suunnitelman mukainen toteutusaika:');
    expect(at(period)).toEqual(['36 months']);
    expect(got.find((h) => h.position.line === period)!.position.character).toBe(lines000[period].length);
    expect(at(lineOf('Myönnetty EU- ja valtion rahoitus:'))).toEqual(['86 % of planned public']);
    expect(at(lineOf('Toteutunut EU- ja valtion rahoitus:'))).toEqual(['96 % of granted']);
    expect(at(lineOf('Kunnat:'))).toEqual(['23 municipalities in 6 sub-regions and 1 region (on 1.8.2018)']);
    expect(at(lineOf('Ekologinen kestävyys'))).toEqual(['direct 3/50 · indirect 3/50']);
    expect(got.every((h) => h.paddingLeft && h.tooltip)).toBe(true);
    // Only the lines asked for.
    const some = await hints(c, uri, { start: { line: period, character: 0 }, end: { line: period + 1, character: 0 } });
    expect(some.map((h) => h.label)).toEqual(['36 months']);
  });

  it('in Finnish: 36 kk', async () => {
    const { c } = await start({}, VS_CODE_LIKE, 'fi');
    await c.open('untitled:fi', text000);
    const got = await hints(c, 'untitled:fi');
    expect(got.map((h) => h.label)).toEqual(expect.arrayContaining(['36 kk', '86 % suunnitellusta julkisesta']));
  });

  it('hanke.inlayHints.* turn kinds off, and the server asks the client to refresh when the settings change', async () => {
    const { c } = await start();
    const refreshed: string[] = [];
    for (const m of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh'])
      c.conn.onRequest(m, () => {
        refreshed.push(m);
        return null;
      });
    c.settings.hanke = { inlayHints: { period: false, financing: false } };
    const uri = 'untitled:off';
    await c.open(uri, text000);
    let labels = (await hints(c, uri)).map((h) => h.label);
    expect(labels.some((l) => /months|%/.test(l))).toBe(false);
    expect(labels.some((l) => /municipalities/.test(l))).toBe(true);
    c.settings.hanke = { inlayHints: { period: true, financing: true, municipalities: false, scores: false } };
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    labels = (await hints(c, uri)).map((h) => h.label);
    expect(labels).toEqual(['36 months', '86 % of planned public', '96 % of granted', '83 % of planned']);
    expect(refreshed.sort()).toEqual(['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']);
  });

  it('initializationOptions turn kinds off for editors without settings', async () => {
    const { c } = await start({ inlayHints: { municipalities: false, scores: false, financing: false } }, { textDocument: { inlayHint: {} } });
    await c.open('untitled:init', text000);
    expect((await hints(c, 'untitled:init')).map((h) => h.label)).toEqual(['36 months']);
  });

  it('no hint on a value with a finding of its own', async () => {
    const { c } = await start();
    // The period ends before it starts: the finding speaks there, no length.
    const text = text000
      .replace('Alkaa 1.8.2018 ja päättyy 31.7.2021', 'Alkaa 1.8.2018 ja päättyy 31.7.2017')
      .replace('Myönnetty EU- ja valtion rahoitus: 289 500', 'Myönnetty EU- ja valtion rahoitus: 389 500');
    const p = await c.open('untitled:bad', text);
    expect(p.diagnostics.some((d) => d.range.start.line === lineOf('Suunnitelman mukainen toteutusaika:'))).toBe(true);
    const granted = lineOf('Myönnetty EU- ja valtion rahoitus:');
    expect(p.diagnostics.some((d) => d.range.start.line === granted)).toBe(true);
    const got = await hints(c, 'untitled:bad');
    expect(got.some((h) => h.position.line === lineOf('Suunnitelman mukainen toteutusaika:'))).toBe(false);
    expect(got.some((h) => h.position.line === granted)).toBe(false);
  });

  it('a client without inlay hint support is not offered them', async () => {
    const { caps } = await start({}, { textDocument: {} });
    expect(caps.inlayHintProvider).toBeUndefined();
    expect(caps.codeLensProvider).toBeUndefined();
  });
});

describe('code lenses', () => {
  it('sit on the headings of sections 1, 5 and 6, open the preview in VS Code', async () => {
    const { c, caps } = await start({ clientCommands: ['hanke.openRuleDocumentation', 'hanke.showPreview'] });
    expect(caps.codeLensProvider).toEqual({ resolveProvider: false });
    const uri = 'untitled:lens';
    await c.open(uri, text000);
    const got = await lenses(c, uri);
    expect(got.map((l) => l.range.start.line)).toEqual([lineOf('1 Hanke'), lineOf('5 Projektin julkinen rahoitus'), lineOf('6 Maantieteellinen kohdealue')]);
    expect(got.map((l) => l.command!.title)).toEqual([
      'S21368 · ESR · axis 5 · 1.8.2018–31.7.2021 (36 months) · Toiminta päättynyt',
      '✓ consistent · EU+state 86 % of planned public',
      'Keski-Suomi: 23 municipalities in 6 sub-regions and 1 region (on 1.8.2018)',
    ]);
    expect(got.map((l) => l.command!.command)).toEqual(['hanke.showPreview', 'hanke.showPreview', 'hanke.showPreview']);
    expect(got[1].command!.arguments).toEqual([uri, '5']);
  });

  it('are plain labels in a client that does not run the preview command, and count financing findings', async () => {
    const { c } = await start();
    const uri = 'untitled:plain';
    await c.open(uri, text000.replace('Myönnetty EU- ja valtion rahoitus: 289 500', 'Myönnetty EU- ja valtion rahoitus: 389 500'));
    const got = await lenses(c, uri);
    expect(got.every((l) => l.command!.command === '')).toBe(true);
    expect(got[1].command!.title).toMatch(/^\d+ financing findings? · EU\+state 116 %/);
  });

  it('hanke.codeLenses.* turn them off', async () => {
    const { c } = await start();
    c.settings.hanke = { codeLenses: { project: false, geography: false } };
    await c.open('untitled:lensoff', text000);
    const got = await lenses(c, 'untitled:lensoff');
    expect(got.map((l) => l.range.start.line)).toEqual([lineOf('5 Projektin julkinen rahoitus')]);
  });

  it('nothing on a file that is not a description', async () => {
    const { c } = await start();
    await c.open('untitled:other', 'Kauppalista\nmaitoa\n');
    expect(await lenses(c, 'untitled:other')).toEqual([]);
    expect(await hints(c, 'untitled:other')).toEqual([]);
  });
});

describe('hanke/preview', () => {
  it('renders the open document as a page and follows edits', async () => {
    const { c } = await start();
    const uri = 'untitled:preview';
    await c.open(uri, text000);
    const r = await c.request<{ version: number; html: string; sections: { number: string; line: number }[] }>('hanke/preview', { uri });
    expect(r.version).toBe(1);
    expect(r.html).toContain('<h1>Marke - palvelumarkkinoiden kehittäminen</h1>');
    expect(r.sections.map((s) => s.number)).toEqual(['1', '2', '3', '4', '4.1', '4.2', '5', '6', '7', '7.1', '7.2', '8', '8.1', '8.2', '9']);
    const line = lineOf('Hankkeen nimi:');
    await c.change(uri, 2, [{ range: { start: { line, character: 15 }, end: { line, character: 20 } }, text: 'Uusi' }]);
    const r2 = await c.request<{ version: number; html: string }>('hanke/preview', { uri });
    expect(r2.version).toBe(2);
    expect(r2.html).toContain('<h1>Uusi - palvelumarkkinoiden kehittäminen</h1>');
    expect(await c.request('hanke/preview', { uri: 'untitled:nothing' })).toBeNull();
  });
});
