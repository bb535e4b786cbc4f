// `hanke report`: one self-contained HTML file with inline SVG charts, everything escaped.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, example, hanke, removeDir, tempDir } from './helpers';

/** Debian's Chromium, as test/report/*.mjs use it; the tests that draw the page are skipped without it. */
const CHROMIUM = process.env.HANKE_CHROMIUM || '/usr/bin/chromium';

interface PageData {
  entries: { f: string; c?: string | null }[];
}
const dataOf = (html: string): PageData => JSON.parse(/<script type="application\/json" id="hanke-data">([^<]*)<\/script>/.exec(html)![1]);
/** The text of an element of the page as written (before its script runs), tags dropped. */
const textOf = (html: string, re: RegExp) => (re.exec(html)?.[1] ?? '').replace(/<[^>]*>/g, '');
/** A totals card: its value and the line below it (no-break spaces as spaces). */
const cardOf = (html: string, k: string) => {
  const m = new RegExp(`<div class="card[^"]*"><div class="k">${k}</div><div class="v"[^>]*>([^<]*)</div><div class="s">([^<]*)</div>`).exec(html);
  return m && { v: m[1], s: m[2].replace(/\u00a0/g, ' ') };
};

/** Two descriptions with the same name in two folders and an input that cannot be read, given relative to the run. */
function twoYears(): string {
  const d = join(tmp, 'years');
  for (const [i, y] of [
    [0, '2020'],
    [1, '2021'],
  ] as const) {
    mkdirSync(join(d, y), { recursive: true });
    copyFileSync(example(i), join(d, y, 'a.txt'));
  }
  return d;
}

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
    // The totals card and the table count the description and the unreadable file apart, in Finnish.
    expect(cardOf(html, 'Hankkeet')).toEqual({ v: '1', s: '0 ilman huomautuksia · + 1 tarkistamatta' });
    expect(html).not.toContain('ei tarkistettu');
    expect(textOf(html, /<span id="count"[^>]*>(.*?)<\/span>/)).toBe('1/1 hanketta + 1/1 tarkistamatta');
    // The reason on stderr too, as lint prints it.
    expect(r.stderr).toContain(`hanke: ${join(tmp, 'puuttuu.txt')}: virhe: Tiedostoa ei voi lukea: tiedostoa ei ole.\n`);
    expect(r.stderr).not.toMatch(/ohitettu/);
  });

  it('counts projects and the files that could not be linted apart; shows each path as given', () => {
    const d = twoYears();
    const r = hanke(['report', '-o', 'r.html', '2020/a.txt', '2021', 'missing.txt'], { cwd: d });
    expect(r.status).toBe(2);
    const html = readFileSync(join(d, 'r.html'), 'utf8');
    expect(cardOf(html, 'Projects')).toEqual({ v: '2', s: '2 without findings · + 1 not linted' });
    expect(textOf(html, /<span id="count"[^>]*>(.*?)<\/span>/)).toBe('2 of 2 projects + 1 of 1 not linted');
    // The paths as given (as lint prints them), the folders told apart; the unreadable file has no code.
    const { entries } = dataOf(html);
    expect(entries.map((e) => [e.f, e.c ?? null])).toEqual([
      ['2020/a.txt', 'S21368'],
      [join('2021', 'a.txt'), 'S20015'],
      ['missing.txt', null],
    ]);
    expect(html).toMatch(/Matches code, name, applicant, status, file path,/);
  });

  it.skipIf(!existsSync(CHROMIUM))('the table drawn: the paths as given, no code for an unreadable file, the count as filtered', { timeout: 60_000 }, async () => {
    const d = twoYears();
    expect(hanke(['report', '-o', 'drawn.html', '2020/a.txt', '2021/a.txt', 'missing.txt'], { cwd: d }).status).toBe(2);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(join(d, 'drawn.html')).href);
      await page.waitForSelector('html[data-ready="1"]');
      // In the page (a string: the tests are compiled without the DOM's types).
      const table = (): Promise<{ rows: { file: string; code: string; link: string; linkText: string }[]; count: string }> =>
        page.evaluate(`(() => {
          const col = (k) => [...document.querySelectorAll('#projects thead th')].findIndex((th) => th.getAttribute('data-key') === k);
          const rows = [...document.querySelectorAll('#projects tbody tr.r')].map((tr) => ({
            file: tr.cells[col('file')].textContent,
            code: tr.cells[col('code')].textContent,
            link: tr.querySelector('a').getAttribute('href'),
            linkText: tr.querySelector('a').textContent,
          }));
          return { rows, count: document.getElementById('count').textContent };
        })()`);
      const all = await table();
      expect(all.rows).toEqual([
        { file: '2020/a.txt', code: 'S21368', link: '#p1', linkText: 'S21368' },
        { file: '2021/a.txt', code: 'S20015', link: '#p2', linkText: 'S20015' },
        // Not linted: a dash for the code; the row's link is its path.
        { file: 'missing.txt', code: '—', link: '#p3', linkText: 'missing.txt' },
      ]);
      expect(all.count).toBe('2 of 2 projects + 1 of 1 not linted');
      // The folder can be filtered for; the count says what is shown of each.
      await page.fill('#filter', '2021/');
      const y2021 = await table();
      expect(y2021.rows.map((r) => r.file)).toEqual(['2021/a.txt']);
      expect(y2021.count).toBe('1 of 2 projects + 0 of 1 not linted');
      await page.fill('#filter', 'missing');
      expect((await table()).count).toBe('0 of 2 projects + 1 of 1 not linted');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!existsSync(CHROMIUM))('--docs-url: the rule links of the chart and of each finding go there', { timeout: 60_000 }, async () => {
    const out = join(tmp, 'docs-url.html');
    expect(hanke(['report', '--docs-url', 'https://intra.example.fi/ohjeet/{rule}.html', '-o', out, EXAMPLES_DIR]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('href="https://intra.example.fi/ohjeet/final-report-missing.html"');
    expect(html).not.toContain('github.com');
    const plain = join(tmp, 'docs-base.html');
    expect(hanke(['report', '--docs-url', 'https://intra.example.fi/rules/', '-o', plain, EXAMPLES_DIR]).status).toBe(0);
    expect(readFileSync(plain, 'utf8')).toContain('href="https://intra.example.fi/rules/final-report-missing.md"');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(pathToFileURL(out).href);
      await page.waitForSelector('html[data-ready="1"]');
      // Every description's findings opened: each rule link of a finding.
      const links = (): Promise<string[]> =>
        page.evaluate(`(() => {
          for (const d of document.querySelectorAll('details.item')) d.open = true;
          return [...document.querySelectorAll('.details a.rule')].map((a) => a.getAttribute('href'));
        })()`);
      let hrefs = await links();
      for (let k = 0; k < 20 && hrefs.length === 0; k++) {
        await page.waitForTimeout(100);
        hrefs = await links();
      }
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs).toContain('https://intra.example.fi/ohjeet/final-report-missing.html');
      for (const h of hrefs) expect(h).toMatch(/^https:\/\/intra\.example\.fi\/ohjeet\/[a-z-]+\.html$/);
    } finally {
      await browser.close();
    }
  });

  it('cannot write the file: exit 2', () => {
    const r = hanke(['report', '-o', join(tmp, 'no/such/dir/r.html'), EXAMPLES_DIR]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
  });
});
