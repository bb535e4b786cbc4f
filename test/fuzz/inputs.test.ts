// Odd inputs, through the core and through the built CLI: empty, only white space,
// only headings, NUL bytes, invalid UTF-8, mixed line endings, a 100 000-character
// line, a BOM, lone surrogates. Nothing throws, every range is inside its document,
// and the CLI answers every file in its JSON with an exit code of the contract.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/lint';
import { example } from '../helpers/examples';
import { modelProblems } from './support';

const CLI = resolve(__dirname, '../../dist/cli.js');
const ex = example('001').replace(/\r\n?/g, '\n');
const headings = [
  '1 Hanke',
  '2 Hakijan perustiedot',
  '3 Suunnitelman mukainen tiivistelmä toteutuksesta',
  '4 Hankkeen kohderyhmät',
  '4.1 Varsinaiset kohderyhmät',
  '4.2 Välilliset kohderyhmät',
  '5 Projektin julkinen rahoitus, euroa',
  '6 Maantieteellinen kohdealue',
  '7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista',
  '7.1 Osallistuvien yritysten lukumäärä',
  '7.2 Osallistuvien henkilöiden lukumäärä',
  '8 Horisontaaliset periaatteet',
  '8.1 Sukupuolten tasa-arvo',
  '8.2 Kestävä kehitys',
  '9 Loppuraportin tiivistelmä',
];

/** Text inputs for the core (and, written as UTF-8, for the CLI). */
const TEXTS: Record<string, string> = {
  empty: '',
  'one newline': '\n',
  'only spaces': '   \t  \u00a0 ',
  'only blank lines': '\n\n\r\n\r\n\r\r',
  'only headings': headings.join('\n'),
  'only headings, CRLF, doubled': [...headings, ...headings].join('\r\n'),
  'headings without titles': headings.map((h) => h.split(' ')[0]).join('\n'),
  'NUL bytes': ex.replace(/a/g, '\0'),
  'NUL only': '\0'.repeat(100),
  'mixed line endings': ex
    .split('\n')
    .map((l, i) => l + ['\n', '\r\n', '\r'][i % 3])
    .join(''),
  'CR only': ex.replace(/\n/g, '\r'),
  BOM: `\uFEFF${ex}`,
  'BOM on every line': ex.replace(/^/gm, '\uFEFF'),
  '100 000-character line in free text': ex.replace(/^(3 Suunnitelman[^\n]*\n\n)/m, `$1${'sana '.repeat(20_000)}\n`),
  '100 000-character value': ex.replace(/^Hankkeen nimi: [^\n]*/m, `Hankkeen nimi: ${'x'.repeat(100_000)}`),
  '100 000-character label': ex.replace(/^(Y-tunnus: [^\n]*)/m, `$1\n\n${'x'.repeat(100_000)}: y`),
  '100 000 digits as an amount': ex.replace(/^(Myönnetty EU- ja valtion rahoitus: )[^\n]*/m, `$1${'9'.repeat(100_000)}`),
  '100 000-character 8.2 line': ex.replace(/^(Ekologinen kestävyys)$/m, `$1\n${'1 '.repeat(50_000)}`),
  'lone surrogates': ex.replace(/ä/g, '\ud800').replace(/ö/g, '\udfff'),
  'tabs for spaces': ex.replace(/ /g, '\t'),
  'no-break spaces for spaces': ex.replace(/ /g, '\u00a0'),
  'every line doubled': ex.replace(/^(.*)$/gm, '$1\n$1'),
  'truncated mid-line': ex.slice(0, Math.floor(ex.length / 2)),
};

describe('odd inputs through the core', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(name, () => {
      const { doc, findings } = analyze(text);
      expect(modelProblems(text, doc, findings)).toEqual([]);
    });
  }
});

describe('odd inputs through the CLI (hanke lint --format json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hanke-inputs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Files as bytes: the texts above as UTF-8, plus bytes that are not UTF-8 at all. */
  const files: Record<string, Buffer> = {
    ...Object.fromEntries(Object.entries(TEXTS).map(([k, v]) => [k, Buffer.from(v, 'utf8')])),
    'invalid UTF-8 (Latin-1 bytes)': Buffer.from(ex, 'latin1'),
    'invalid UTF-8 (truncated sequences)': Buffer.concat([Buffer.from(ex.slice(0, 500), 'utf8'), Buffer.from([0xc3, 0x0a, 0xe2, 0x82, 0x0a, 0xff, 0xfe, 0x0a]), Buffer.from(ex.slice(500), 'utf8')]),
    'UTF-16 with BOM': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ex, 'utf16le')]),
    'random bytes': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  };
  const names = Object.keys(files);
  const paths = names.map((_, i) => join(dir, `${String(i).padStart(2, '0')}.txt`));
  names.forEach((n, i) => writeFileSync(paths[i], files[n]));

  it('answers every file, given one by one on the command line, without an internal error', () => {
    expect(existsSync(CLI), 'run npm run build first').toBe(true);
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--locale', 'en', ...paths], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|at .*\.js:\d+/);
    expect([0, 1, 2]).toContain(r.status);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: { rule: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    expect(out.map((f) => f.file)).toEqual(paths);
    for (const f of out) {
      for (const d of f.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
        expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
      }
    }
    const byName = (n: string) => out[names.indexOf(n)].diagnostics.map((d) => d.rule);
    // SPEC §3: a file that is not valid UTF-8 is read as Windows-1252, linted, and warned about.
    expect(byName('invalid UTF-8 (Latin-1 bytes)')).toContain('encoding');
    // Empty and binary files are reported, not linted.
    expect(byName('empty')).toEqual(['not-a-description']);
    expect(byName('random bytes')).toEqual(['not-a-description']);
  }, 60_000);

  it('walks a folder of such files without an internal error', () => {
    const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError/);
    expect([0, 1, 2]).toContain(r.status);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  }, 60_000);
});
