// The same .hankerc.json gives the same findings, severities and ranges in the editor
// (the language server over stdio) and in the CLI; a broken one is reported in both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example } from '../helpers/examples';
import { fileUri, LspClient } from '../helpers/lsp-client';

const CLI = resolve(__dirname, '../../dist/cli.js');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function workspace(config: object | string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hanke-parity-'));
  writeFileSync(join(dir, '.hankerc.json'), typeof config === 'string' ? config : JSON.stringify(config));
  const text = example('004').replace('Organisaatiotyyppi: Kunta', 'Organisatiotyyppi: Kunta').replace('6 Maantieteellinen kohdealue', '6 Maantieteelinen kohdealue');
  const file = join(dir, 'kuvaus.txt');
  writeFileSync(file, text);
  return { dir, file };
}

interface Row {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function cliRows(file: string): Row[] {
  const out = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--locale', 'en', file], { encoding: 'utf8' });
  const [res] = JSON.parse(out.stdout) as { diagnostics: Row[] }[];
  return res.diagnostics.map(({ rule, severity, line, column, endLine, endColumn }) => ({ rule, severity, line, column, endLine, endColumn }));
}

async function editorRows(file: string, text: string): Promise<Row[]> {
  const c = new LspClient();
  await c.initialize('en');
  const p = await c.open(fileUri(file), text);
  await c.shutdown();
  return p.diagnostics.map((d) => ({
    rule: String(d.code),
    severity: SEVERITY[d.severity ?? 1],
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  }));
}

describe('configuration parity between editor and CLI', () => {
  it('severity overrides and off', async () => {
    const { file } = workspace({ rules: { 'empty-field': 'off', 'unknown-field': 'error', 'section-title': 'hint' } });
    const text = readFileSync(file, 'utf8');
    const cli = cliRows(file);
    expect(cli.map((r) => `${r.rule}:${r.severity}`)).toEqual(['unknown-field:error', 'section-title:hint']);
    expect(await editorRows(file, text)).toEqual(cli);
  });

  it('without configuration both use the defaults', async () => {
    const { file } = workspace({});
    const text = readFileSync(file, 'utf8');
    const cli = cliRows(file);
    expect(cli.map((r) => `${r.rule}:${r.severity}`)).toEqual(['unknown-field:warning', 'empty-field:warning', 'section-title:warning']);
    expect(await editorRows(file, text)).toEqual(cli);
  });

  it('a broken configuration is an error in the CLI and a diagnostic on the file in the editor', async () => {
    const { dir, file } = workspace('{ "rules": { "empty-feld": "off" } ');
    const out = spawnSync(process.execPath, [CLI, 'lint', file], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/invalid JSON/);
    writeFileSync(join(dir, '.hankerc.json'), '{ "rules": { "empty-feld": "off" } }');
    const out2 = spawnSync(process.execPath, [CLI, 'lint', file], { encoding: 'utf8' });
    expect(out2.status).toBe(2);
    expect(out2.stderr).toMatch(/unknown rule "empty-feld"\. Did you mean "empty-field"\?/);

    const c = new LspClient();
    await c.initialize('en');
    const configUri = fileUri(join(dir, '.hankerc.json'));
    const configDiag = c.nextDiagnostics(configUri);
    await c.open(fileUri(file), readFileSync(file, 'utf8'));
    const d = await configDiag;
    expect(d.diagnostics[0].message).toMatch(/unknown rule "empty-feld"/);
    await c.shutdown();
  });
});
