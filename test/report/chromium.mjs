// What the two report scripts (screenshot.mjs, scale.mjs) share: where the built CLI and
// Debian's Chromium are, a headless Chromium through playwright-core, a page that records
// every network request and every console error or warning, and a list of checks.
//
// Environment: HANKE_CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const CLI = path.join(REPO, 'dist/cli.js');
export const CHROMIUM = process.env.HANKE_CHROMIUM || '/usr/bin/chromium';

const require = createRequire(import.meta.url);

/** Exits with code 2 when the CLI has not been built. */
export function requireBuild() {
  if (!fs.existsSync(CLI)) {
    console.error(`no ${CLI}: run npm run build first`);
    process.exit(2);
  }
}

/** Headless Chromium without sandbox, GPU or background traffic (nothing but the page goes on the network). */
export function launchChromium() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A new 1400×900 page. `requests` collects every request that is not to a file: URL,
 * `problems` every console error or warning and uncaught page error (CSP violations are
 * console errors).
 */
export async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, requests, problems };
}

/** Checks printed one a line (`ok` or `FAIL`, name, detail) to `log`; `failed()` counts the failures. */
export function checker(log = console.log) {
  let failed = 0;
  return {
    check(name, ok, detail = '') {
      log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
      if (!ok) failed++;
    },
    failed: () => failed,
  };
}
