// `hanke report`: one self-contained HTML file with inline SVG charts, everything escaped.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, example, hanke, removeDir, tempDir } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

describe('report', () => {
  it('writes one self-contained HTML file with inline SVG charts and links to the rule pages', () => {
    const out = join(tmp, 'report.html');
    const r = hanke(['report', '--out', out, EXAMPLES_DIR]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (5 descriptions)`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    for (const code of ['S21368', 'S20015', 'S21576', 'S21888', 'S22335']) expect(html).toContain(code);
    expect(html).toContain('href="https://github.com/hanke-tools/hanke/blob/main/docs/rules/final-report-missing.md"');
    // Self-contained: no external stylesheet, script, image or font; a CSP forbids loading any.
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\bsrc=|@import|url\(/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(html).toMatch(/<table id="projects"[^>]* aria-rowcount="6"/);
    expect(html).toContain('<th scope="col" class="num" data-key="errors" aria-sort="none"><button type="button">Errors</button></th>');
    expect(html).toMatch(/@media print\{/);
  });

  it('holds the descriptions once, as JSON the page draws from: file names, codes, findings', () => {
    const out = join(tmp, 'data.html');
    expect(hanke(['report', '--out', out, EXAMPLES_DIR]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const m = /<script type="application\/json" id="hanke-data">([^<]*)<\/script>/.exec(html);
    expect(m).not.toBeNull();
    const data = JSON.parse(m![1]);
    expect(data.entries).toHaveLength(5);
    expect(data.entries.map((e: { f: string }) => e.f.split(/[\\/]/).pop())).toEqual([
      '000_fd82c0a4482b2871.txt',
      '001_c147123f3233b9d8.txt',
      '002_c7f847b1d9114a65.txt',
      '003_7c242a97482f2b72.txt',
      '004_c6454f714b590c05.txt',
    ]);
    const rulesOf = (e: { d: [number, number, number, number, string][] }) => e.d.map((d) => data.rules[d[3]]);
    expect(data.entries.map(rulesOf)).toEqual([[], [], ['final-report-missing'], ['final-report-missing'], ['empty-field']]);
    expect(data.entries[0]).toMatchObject({ c: 'S21368', E: 0, W: 0 });
    // Each code once in the data (no repeated markup per description).
    expect(m![1].match(/"S21368"/g)).toHaveLength(1);
  });

  it('escapes everything taken from the descriptions', () => {
    const f = join(tmp, 'evil.txt');
    writeFileSync(
      f,
      readFileSync(example(0), 'utf8')
        .replace(/^Hankkeen nimi: .*$/m, 'Hankkeen nimi: <script>alert(1)</script> & "quotes" \'x\'')
        .replace(/^Hakijan virallinen nimi: .*$/m, 'Hakijan virallinen nimi: </style><img src=x onerror=alert(2)>'),
    );
    const out = join(tmp, 'evil.html');
    expect(hanke(['report', '-o', out, f]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;x&#39;');
    expect(html.match(/<script>/g)).toHaveLength(1); // ours only
    // In the data block, `<` is written \u003c, so nothing there can end the block.
    expect(html).toContain('\\u003cscript>alert(1)\\u003c/script> & \\"quotes\\"');
  });

  it('Finnish, with files that cannot be read listed, and exit code 2 for them', () => {
    const out = join(tmp, 'fi.html');
    const r = hanke(['report', '--locale', 'fi', '-o', out, example(4), join(tmp, 'puuttuu.txt')]);
    expect(r.status).toBe(2);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<title>ESR-hankekuvaukset — tarkastusraportti</title>');
    expect(html).toContain('Tiedostoa ei voi lukea: tiedostoa ei ole.');
    // The reason on stderr too, as lint prints it.
    expect(r.stderr).toContain(`hanke: ${join(tmp, 'puuttuu.txt')}: virhe: Tiedostoa ei voi lukea: tiedostoa ei ole.\n`);
    expect(r.stderr).not.toMatch(/ohitettu/);
  });

  it('cannot write the file: exit 2', () => {
    const r = hanke(['report', '-o', join(tmp, 'no/such/dir/r.html'), EXAMPLES_DIR]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
  });
});
