#!/usr/bin/env node
// Renders `hanke report` of the five published examples in a real browser (Debian's
// Chromium through playwright-core) and checks what a reviewer gets: the page loads
// with no network request and no console error or CSP violation, the charts are drawn,
// sorting and filtering the project table work. Saves test/report/report.png
// (a full-page screenshot; git-ignored).
//
//   npm run build && node test/report/screenshot.mjs [--locale fi|en] [--keep]
//
// Environment: HANKE_CHROMIUM (default /usr/bin/chromium; see chromium.mjs), HANKE_EXAMPLES_DIR (default
// <repo>/examples).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checker, CLI, HERE, launchChromium, openPage, REPO, requireBuild } from './chromium.mjs';

const EXAMPLES = process.env.HANKE_EXAMPLES_DIR || path.join(REPO, 'examples');
const args = process.argv.slice(2);
const locale = args.includes('--locale') ? args[args.indexOf('--locale') + 1] : 'en';
const keep = args.includes('--keep');
// --parts <dir>: also save the page in viewport-high pieces (for looking at it closely).
const partsDir = args.includes('--parts') ? args[args.indexOf('--parts') + 1] : undefined;
const OUT_PNG = path.join(HERE, locale === 'en' ? 'report.png' : `report-${locale}.png`);

const { check, failed } = checker();

requireBuild();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hanke-report-'));
const html = path.join(tmp, 'report.html');
execFileSync(process.execPath, [CLI, 'report', '--locale', locale, '--out', html, EXAMPLES], { stdio: ['ignore', 'inherit', 'inherit'] });
check('report written', fs.existsSync(html), html);

const browser = await launchChromium();
try {
  const { page, requests, problems } = await openPage(browser);
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.waitForTimeout(200);

  const info = await page.evaluate(() => ({
    svgs: document.querySelectorAll('svg.chart').length,
    bars: document.querySelectorAll('svg.chart rect.bar').length,
    rows: document.querySelectorAll('#projects tbody tr.r').length,
    articles: document.querySelectorAll('.details details.item').length,
    external: [...document.querySelectorAll('[src],link[href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href')),
    ruleLinks: [...document.querySelectorAll('a.rule')].map((a) => a.getAttribute('href')),
  }));
  check('two inline SVG charts', info.svgs === 2, String(info.svgs));
  check('charts have bars', info.bars >= 15, `${info.bars} bars`);
  check('five projects in the table', info.rows === 5, String(info.rows));
  check('five detail sections', info.articles === 5, String(info.articles));
  check('no external assets', info.external.length === 0, info.external.join(', '));
  check('findings link to rule pages', info.ruleLinks.length > 0 && info.ruleLinks.every((h) => /\/docs\/rules\/[a-z-]+\.md$/.test(h)), info.ruleLinks.join(', '));

  // Sorting: planned public funding, largest first on the first click (a number column).
  const codes = () => page.$$eval('#projects tbody tr.r td.code', (tds) => tds.map((td) => td.textContent));
  const plannedCol = await page.$$eval('#projects thead th', (ths) => ths.findIndex((th) => th.getAttribute('data-key') === 'planned'));
  const planned = () => page.$$eval('#projects tbody tr.r', (trs, i) => trs.map((tr) => Number(tr.cells[i].textContent.replace(/[^0-9]/g, ''))), plannedCol);
  await page.click('#projects th[data-key=planned] button');
  const desc = await planned();
  check(
    'sorts descending first',
    desc.every((v, i) => i === 0 || desc[i - 1] >= v),
    desc.join(' '),
  );
  check('aria-sort says so', (await page.getAttribute('#projects th[data-key=planned]', 'aria-sort')) === 'descending');
  await page.click('#projects th[data-key=planned] button');
  const asc = await planned();
  check(
    'then ascending',
    asc.every((v, i) => i === 0 || asc[i - 1] <= v),
    asc.join(' '),
  );
  await page.click('#projects th[data-key=planned] button');
  const sortedCodes = await codes();

  // Filtering: a name, a file name, a rule id.
  const shown = () => page.$$eval('#projects tbody tr.r', (trs) => trs.length);
  await page.fill('#filter', 'KasvuPOK');
  check('filter narrows the table', (await shown()) === 1, String(await shown()));
  await page.fill('#filter', '004_c6454f714b590c05');
  check('filter finds a file name', (await shown()) === 1, String(await shown()));
  await page.fill('#filter', 'final-report-missing');
  check('filter finds a rule id', (await shown()) === 2, String(await shown()));
  await page.fill('#filter', '');

  await page.locator('#filter').blur();
  // Screenshot of the page as a reviewer first sees it (sorted by planned funding, largest first).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: OUT_PNG, fullPage: true });
  if (partsDir) {
    fs.mkdirSync(partsDir, { recursive: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 1; y < height; y += 900, i++) {
      await page.screenshot({ path: path.join(partsDir, `part-${i}.png`), fullPage: true, clip: { x: 0, y, width: 1400, height: Math.min(900, height - y) } });
    }
  }
  check('screenshot saved', fs.existsSync(OUT_PNG), `${path.relative(REPO, OUT_PNG)} (${sortedCodes.join(', ')})`);

  check('no network requests', requests.length === 0, requests.join(', '));
  check('no console errors or CSP violations', problems.length === 0, problems.join(' | '));
} finally {
  await browser.close();
  if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
}
console.log(failed() ? `${failed()} check(s) failed` : 'all checks passed');
process.exit(failed() ? 1 : 0);
