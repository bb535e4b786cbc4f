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
    expect(html).toContain('<table id="projects">');
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
  });

  it('Finnish, with files that cannot be read listed, and exit code 2 for them', () => {
    const out = join(tmp, 'fi.html');
    const r = hanke(['report', '--locale', 'fi', '-o', out, example(4), join(tmp, 'puuttuu.txt')]);
    expect(r.status).toBe(2);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<title>ESR-hankekuvaukset — tarkastusraportti</title>');
    expect(html).toContain('Tiedostoa ei voi lukea: tiedostoa ei ole.');
  });

  it('cannot write the file: exit 2', () => {
    const r = hanke(['report', '-o', join(tmp, 'no/such/dir/r.html'), EXAMPLES_DIR]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
  });
});
