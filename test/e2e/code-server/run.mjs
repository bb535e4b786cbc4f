#!/usr/bin/env node
// Real-editor end-to-end test: VS Code (code-server, installed by setup.sh) in
// Debian's Chromium, driven by Playwright. It loads the built extension as an
// unpacked folder, opens a workspace with the published examples and one faulty
// description, and checks what a user sees: language mode, Problems, Outline,
// hover, quick fix.
//
//   node test/e2e/code-server/run.mjs              # the real build (needs dist/)
//   node test/e2e/code-server/run.mjs --stand-in   # the fixture stand-in extension
//   options: --keep (keep the temp dir and print its path), --extension <dir>
//            (an unpacked extension folder to load instead), --only a,b,...,
//            --web (the extension in the browser's web worker extension host: its
//            "browser" entry and the server in a Web Worker; screenshots in screenshots/web/)
//
// Environment: HANKE_E2E_CACHE / HANKE_E2E_CODE_SERVER_DIR (where setup.sh put
// code-server), HANKE_E2E_CHROMIUM (default /usr/bin/chromium), HANKE_EXAMPLES_DIR
// (default <repo>/examples), HANKE_E2E_DEADLINE_S (whole-run limit, default 600).
//
// Every step is named and reported; the run ends with `N passed, N failed` and
// exits 1 if any step failed. code-server and the browser are always stopped.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cleanup, CHROMIUM, CHROMIUM_ARGS, CS_VERSION, loopbackOnly, prerequisites, QUIET_SETTINGS, startCodeServer, tail } from './host.mjs';
import { freePort, httpStatus, ProcessGroup, withTimeout } from './net.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const SCREENSHOTS = path.join(REPO, 'test/e2e/screenshots', process.argv.includes('--web') ? 'web' : '');
const STAND_IN = path.join(REPO, 'test/e2e/fixtures/stand-in-extension');
const EXAMPLES = process.env.HANKE_EXAMPLES_DIR || path.join(REPO, 'examples');
const DEADLINE_S = Number(process.env.HANKE_E2E_DEADLINE_S || 600);

// The sections every description has (SPEC.md §1), as the Outline should list them.
const SECTIONS = [
  '1 Hanke',
  '2 Hakijan perustiedot',
  '3 Suunnitelman mukainen tiivistelmä toteutuksesta',
  '4 Hankkeen kohderyhmät',
  '5 Projektin julkinen rahoitus, euroa',
  '6 Maantieteellinen kohdealue',
  '7 Hakemusvaiheessa ilmoitettavat arviot hankekohtaisista seurantiedoista',
  '8 Horisontaaliset periaatteet',
  '9 Loppuraportin tiivistelmä',
];
const SECTION5 = SECTIONS[4];
const EXAMPLE = '000_fd82c0a4482b2871.txt';
const FAULTY = 'faulty_missing_section_5.txt';
const LANGUAGE_ALIAS = 'ESR project description'; // the language name of package.nls.json (code-server runs in English)

// ---------------------------------------------------------------------------
// arguments

const argv = process.argv.slice(2);
const opt = { standIn: false, keep: false, extension: null, only: null, web: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--stand-in') opt.standIn = true;
  else if (a === '--keep') opt.keep = true;
  else if (a === '--extension') opt.extension = path.resolve(argv[++i] ?? '');
  else if (a === '--only') opt.only = new Set((argv[++i] ?? '').split(','));
  else if (a === '--web') opt.web = true;
  else if (a === '-h' || a === '--help') {
    console.log(
      fs
        .readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 18)
        .join('\n'),
    );
    process.exit(0);
  } else fatal(`unknown argument: ${a}`);
}

// ---------------------------------------------------------------------------
// small helpers

const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`, ...a);
function fatal(msg) {
  console.error(`e2e: ${msg}`);
  process.exit(2);
}
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function pollUntil(fn, { timeout, interval = 250, what }) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeout / 1000}s: ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

async function copyDir(src, dst) {
  await fsp.cp(src, dst, { recursive: true, dereference: true });
}

// ---------------------------------------------------------------------------
// preconditions

const chromium = prerequisites(REPO, fatal);
if (!fs.existsSync(path.join(EXAMPLES, EXAMPLE))) fatal(`examples not found: ${EXAMPLES}/${EXAMPLE}`);

// The extension as VS Code would unpack it from a .vsix.
async function stageExtension(extensionsDir) {
  const src = opt.extension ?? (opt.standIn ? STAND_IN : REPO);
  const manifest = JSON.parse(await fsp.readFile(path.join(src, 'package.json'), 'utf8'));
  const folder = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  await fsp.mkdir(folder, { recursive: true });
  if (src === REPO) {
    for (const f of ['dist/client.js', 'dist/server.js']) {
      if (!fs.existsSync(path.join(REPO, f))) {
        throw new Error(`${f} does not exist: run \`npm run build\` first (or pass --stand-in)`);
      }
    }
    await fsp.copyFile(path.join(REPO, 'package.json'), path.join(folder, 'package.json'));
    for (const item of ['dist', 'syntaxes', 'language-configuration.json', 'images', 'README.md', 'LICENSE', 'package.nls.json', 'package.nls.fi.json', 'l10n', 'docs', 'snippets', 'media']) {
      if (fs.existsSync(path.join(REPO, item))) await copyDir(path.join(REPO, item), path.join(folder, item));
    }
  } else {
    await copyDir(src, folder);
  }
  const main = manifest.main ? path.join(folder, manifest.main) : null;
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`the manifest's main (${manifest.main}) is missing from the staged extension`);
  }
  return { folder, id: `${manifest.publisher}.${manifest.name}`, manifest };
}

// A temp copy of the examples plus one description without section 5.
async function stageWorkspace(dir) {
  await fsp.mkdir(dir, { recursive: true });
  for (const f of await fsp.readdir(EXAMPLES)) {
    if (f.endsWith('.txt')) await fsp.copyFile(path.join(EXAMPLES, f), path.join(dir, f));
  }
  const lines = (await fsp.readFile(path.join(EXAMPLES, EXAMPLE), 'utf8')).split('\n');
  const from = lines.findIndex((l) => l.startsWith(SECTION5));
  const to = lines.findIndex((l) => /^6 /.test(l));
  if (from < 0 || to < from) throw new Error(`cannot find sections 5 and 6 in ${EXAMPLE}`);
  lines.splice(from, to - from);
  await fsp.writeFile(path.join(dir, FAULTY), lines.join('\n'));
  return { exampleHeading5Line: (await fsp.readFile(path.join(dir, EXAMPLE), 'utf8')).split('\n').indexOf(SECTION5) + 1 };
}

// ---------------------------------------------------------------------------
// processes and cleanup

let tmpRoot = null;
const codeServer = new ProcessGroup();
let context = null;
const cleaner = new Cleanup(() => ({ context, group: codeServer, tmpRoot, keep: opt.keep, log }));
const cleanup = () => cleaner.run();
// Last resort on any exit path: no code-server left behind. (Playwright kills the
// browsers it launched in its own exit handler.)
process.on('exit', () => codeServer.kill('SIGKILL'));
// Stopping early (whole-run limit, or a signal): the browser is closed so the
// running step fails at once, the remaining steps are skipped, and the normal
// summary and cleanup follow. If that does not finish within 30s, stop hard.
let aborted = null;
function abort(reason, resultName) {
  if (aborted) return;
  aborted = reason;
  console.error(`e2e: ${reason}; stopping`);
  results.push({ name: resultName, ok: false, error: reason });
  context?.close().catch(() => {});
  setTimeout(async () => {
    printResults();
    await withTimeout(cleanup(), 15_000, 'cleanup').catch(() => {});
    process.exit(1);
  }, 30_000).unref();
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (!aborted) return abort(`interrupted by ${sig}`, 'run is not interrupted');
    // A second signal: stop now.
    await withTimeout(cleanup(), 10_000, 'cleanup').catch(() => {});
    process.exit(130);
  });
}
const deadline = setTimeout(() => abort(`the whole run exceeded ${DEADLINE_S}s (HANKE_E2E_DEADLINE_S)`, 'run finishes within its deadline'), DEADLINE_S * 1000);
deadline.unref();

// ---------------------------------------------------------------------------
// steps

const results = [];
let stepNo = 0;
let page = null;
const consoleErrors = [];

async function screenshot(name) {
  if (!page) return null;
  const file = path.join(SCREENSHOTS, `${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 10_000, animations: 'disabled' });
    return path.relative(REPO, file);
  } catch (e) {
    log(`  (screenshot ${name} failed: ${e.message.split('\n')[0]})`);
    return null;
  }
}

async function step(name, fn, { timeout = 60_000, pending = false } = {}) {
  const key = name.split(' ')[0].replace(/[()]/g, '');
  if (opt.only && !opt.only.has(key) && !name.startsWith('workbench')) return;
  if (aborted) {
    results.push({ name, ok: false, skipped: true });
    log(`SKIP ${name} (${aborted})`);
    return;
  }
  const n = String(++stepNo).padStart(2, '0');
  const started = Date.now();
  log(`STEP ${name}`);
  try {
    const detail = await withTimeout(fn(), timeout, name);
    const shot = await screenshot(`${n}-${slug(name)}`);
    results.push({ name, ok: true });
    log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)${detail ? ` — ${detail}` : ''}${shot ? ` [${shot}]` : ''}`);
  } catch (e) {
    const shot = await screenshot(`${n}-${slug(name)}-FAILED`);
    results.push({ name, ok: false, error: e.message.split('\n')[0], pending });
    log(`FAIL ${name} (${((Date.now() - started) / 1000).toFixed(1)}s): ${e.message.split('\n').slice(0, 6).join('\n      ')}${shot ? `\n      screenshot: ${shot}` : ''}`);
  }
  if (page) await resetUi().catch(() => {});
}

let printed = false;
function printResults() {
  if (printed) return results.filter((r) => !r.ok).length;
  printed = true;
  const passed = results.filter((r) => r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.length - passed - skipped;
  console.log('\nSummary:');
  for (const r of results) {
    if (r.skipped) {
      console.log(`  SKIP  ${r.name}`);
      continue;
    }
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}${r.ok ? '' : `\n        ${r.error}${r.pending ? '\n        (depends on a feature that may not be implemented yet)' : ''}`}`);
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed + skipped;
}

// ---------------------------------------------------------------------------
// workbench interactions

const quickInput = () => page.locator('.quick-input-widget');
const quickInputBox = () => page.locator('.quick-input-widget .quick-input-box input');
const quickRows = () => page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

async function resetUi() {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

async function openQuickInput(text) {
  await resetUi();
  await page.keyboard.press('F1');
  await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
  await quickInputBox().fill(text);
}

/**
 * Runs a command from the palette by (part of) its label. Commands contributed by
 * extensions appear only once the extension host has registered them, and the
 * palette does not refresh while open: on "No matching commands" it is reopened.
 */
async function runCommand(label, { timeout = 15_000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    await openQuickInput(`>${label}`);
    const row = quickRows().filter({ hasText: label }).first();
    const none = quickRows().filter({ hasText: 'No matching commands' }).first();
    await row
      .or(none)
      .first()
      .waitFor({ state: 'visible', timeout: Math.max(1000, end - Date.now()) });
    if (await row.isVisible()) {
      // Enter when the match is the highlighted row, so the mouse stays where it
      // was (a click would leave it over the tab bar, raising tooltips there).
      const focusedMatch = quickRows().and(page.locator('.focused')).filter({ hasText: label });
      if (await focusedMatch.count()) await page.keyboard.press('Enter');
      else await row.click();
      await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    }
    if (Date.now() > end) throw new Error(`no command "${label}" in the command palette`);
    await resetUi();
    await page.waitForTimeout(500); // pacing between palette retries, not an assertion
  }
}

/** Opens a workspace file with Quick Open. */
async function openFile(name) {
  await openQuickInput(name);
  const row = quickRows().filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await row.click();
  await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
}

async function goToLine(line) {
  await openQuickInput(`:${line}`);
  await page.keyboard.press('Enter');
  await quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
}

const activeEditor = () => page.locator('.editor-group-container.active .monaco-editor').first();
const editorLine = (text) => activeEditor().locator('.view-line', { hasText: text }).first();

/** All rows of a (virtualised) tree, walked with the keyboard from its top. */
async function outlineTexts(rows, max = 80) {
  const seen = [];
  try {
    await rows.first().click();
    await page.keyboard.press('Home');
    const focused = rows.locator('xpath=self::*[contains(@class,"focused")]').first();
    for (let i = 0; i < max; i++) {
      const t = (await focused.innerText({ timeout: 2000 })).replace(/\s+/g, ' ').trim();
      seen.push(t);
      await page.keyboard.press('ArrowDown');
      const moved = await page
        .waitForFunction(
          (prev) => {
            const el = document.querySelector('.outline-pane .monaco-list-row.focused');
            return el && el.innerText.replace(/\s+/g, ' ').trim() !== prev;
          },
          t,
          { timeout: 1500 },
        )
        .then(
          () => true,
          () => false,
        );
      if (!moved) break;
    }
  } catch {
    /* report what was seen */
  }
  return seen.length ? seen : rowTexts(rows);
}

async function rowTexts(locator, max = 50) {
  const texts = await locator.allInnerTexts();
  return texts.slice(0, max).map((t) => t.replace(/\s+/g, ' ').trim());
}

// ---------------------------------------------------------------------------
// main

async function main() {
  await fsp.mkdir(SCREENSHOTS, { recursive: true });
  for (const f of await fsp.readdir(SCREENSHOTS)) {
    if (f.endsWith('.png')) await fsp.rm(path.join(SCREENSHOTS, f));
  }
  tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'hanke-e2e-'));
  const userData = path.join(tmpRoot, 'user-data');
  const extensionsDir = path.join(tmpRoot, 'extensions');
  const workspace = path.join(tmpRoot, 'workspace');
  const browserProfile = path.join(tmpRoot, 'chromium-profile');
  const csLog = path.join(tmpRoot, 'code-server.log');
  await fsp.mkdir(path.join(userData, 'User'), { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  await fsp.writeFile(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        ...QUIET_SETTINGS,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'outline.collapseItems': 'alwaysCollapse',
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'window.zoomLevel': 0,
        // --web: the extension (it has a "browser" entry) goes to the web worker extension host.
        ...(opt.web ? { 'remote.extensionKind': { [`${'hanke-tools'}.${'hanke'}`]: ['web'] } } : {}),
      },
      null,
      2,
    ),
  );

  let ext;
  let ws;
  try {
    ext = await stageExtension(extensionsDir);
    ws = await stageWorkspace(workspace);
  } catch (e) {
    console.error(`e2e: ${e.message}`);
    await cleanup();
    process.exit(2);
  }
  log(`extension ${ext.id} staged as ${path.basename(ext.folder)}${opt.standIn ? ' (stand-in)' : ''}`);

  // --- code-server
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const csProc = startCodeServer(codeServer, { port, tmpRoot, userData, extensionsDir, logFile: csLog, folder: workspace });
  csProc.on('exit', (code, sig) => {
    if (!cleaner.started) log(`code-server exited unexpectedly (${sig ?? code})`);
  });
  log(`code-server ${CS_VERSION} starting on ${url} (pid ${csProc.pid})`);

  try {
    await pollUntil(
      async () => {
        if (csProc.exitCode !== null) throw new Error(`code-server exited with ${csProc.exitCode}`);
        return (await httpStatus(`${url}/healthz`)) === 200;
      },
      { timeout: 60_000, what: 'code-server /healthz' },
    );
  } catch (e) {
    console.error(`e2e: code-server did not start: ${e.message}\n--- ${csLog}\n${tail(csLog, 40)}`);
    results.push({ name: 'code-server starts', ok: false, error: e.message });
    printResults();
    await cleanup();
    process.exit(1);
  }
  log('code-server is up');

  // --- browser
  try {
    context = await withTimeout(
      chromium.launchPersistentContext(browserProfile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1600, height: 1000 },
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 60_000,
      }),
      70_000,
      'launching Chromium',
    );
  } catch (e) {
    console.error(`e2e: cannot launch Chromium (${CHROMIUM}): ${e.message}`);
    results.push({ name: 'Chromium launches', ok: false, error: e.message.split('\n')[0] });
    printResults();
    await cleanup();
    process.exit(1);
  }
  context.setDefaultTimeout(20_000);
  await loopbackOnly(context);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`http ${r.status()}: ${r.url().replace(url, '')}`);
  });

  // --- checks
  await step(
    'workbench loads with the workspace',
    async () => {
      await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FAULTY }).waitFor({ timeout: 60_000 });
      // Extension host up: a status bar exists and no "Activating Extensions..." remains.
      await page.locator('.statusbar').waitFor();
      return `explorer shows ${await page.locator('.explorer-folders-view .monaco-list-row').count()} entries`;
    },
    { timeout: 120_000 },
  );

  if (opt.web) {
    await step(
      '(web) the extension runs in the web worker extension host',
      async () => {
        await openFile(EXAMPLE);
        await runCommand('Developer: Show Running Extensions', { timeout: 60_000 });
        const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'hanke' }).first();
        await row.waitFor({ timeout: 30_000 });
        const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
        if (!/web worker/i.test(text)) throw new Error(`the Running Extensions row does not say Web Worker: ${text}`);
        return text;
      },
      { timeout: 120_000 },
    );
  }

  if (opt.standIn) {
    await step('stand-in command runs (extension loaded)', async () => {
      await runCommand('Hanke stand-in: Hello', { timeout: 60_000 });
      await page.locator('.notification-toast', { hasText: 'Hello from the hanke stand-in' }).waitFor();
    });
  }

  await step('(a) a published .txt example opens in the description language', async () => {
    await openFile(EXAMPLE);
    const mode = page.locator('[id="status.editor.mode"]');
    await mode.waitFor();
    try {
      await page.locator('[id="status.editor.mode"]', { hasText: LANGUAGE_ALIAS }).waitFor({ timeout: 30_000 });
    } catch {
      throw new Error(`status bar language mode is "${(await mode.innerText()).trim()}", expected "${LANGUAGE_ALIAS}"`);
    }
    return `status bar language mode: ${(await mode.innerText()).trim()}`;
  });

  await step('(b) the Problems panel lists missing-section for the faulty file', async () => {
    await openFile(FAULTY);
    await runCommand('Focus on Problems View');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    const rows = panel.locator('.monaco-list-row');
    await rows
      .filter({ hasText: FAULTY })
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(`no problems listed for ${FAULTY}; Problems rows: ${JSON.stringify(await rowTexts(rows))}`);
      });
    await rows
      .filter({ hasText: 'missing-section' })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(`no missing-section problem; Problems rows: ${JSON.stringify(await rowTexts(rows))}`);
      });
    const hit = await rowTexts(rows.filter({ hasText: 'missing-section' }));
    return `${hit.length} missing-section row(s): ${hit[0]}`;
  });

  await step('(c) the Outline lists sections 1–9', async () => {
    await openFile(EXAMPLE);
    // Give the Outline the sidebar's height: collapse the folder pane above it.
    const folders = page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { hasText: /workspace/i });
    if (await folders.count()) await folders.first().click();
    await runCommand('Explorer: Focus on Outline View');
    const rows = page.locator('.outline-pane .monaco-list-row');
    await rows
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => {
        throw new Error('the Outline view shows no symbols');
      });
    const missing = [];
    for (const s of SECTIONS) {
      const row = rows.filter({ hasText: new RegExp(`^\\s*${escapeRe(s)}`) }).first();
      try {
        await row.waitFor({ timeout: missing.length ? 1000 : 15_000 });
      } catch {
        missing.push(s);
      }
    }
    if (missing.length) {
      throw new Error(`Outline lacks ${JSON.stringify(missing)}; it shows ${JSON.stringify(await outlineTexts(rows))}`);
    }
    return `${await rows.count()} outline rows: ${(await rowTexts(rows)).map((t) => t.split(' ')[0]).join(' ')}`;
  });

  await step(
    '(d) hovering the section 5 heading shows a financing summary',
    async () => {
      await openFile(EXAMPLE);
      await goToLine(ws.exampleHeading5Line);
      const line = editorLine(SECTION5);
      await line.waitFor();
      const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: '%' }).first();
      await line
        .locator('span')
        .first()
        .hover({ position: { x: 30, y: 5 } });
      try {
        await hover.waitFor({ timeout: 8_000 });
      } catch {
        // Second try with the keyboard command, at the cursor (start of the heading).
        await runCommand('Show or Focus Hover');
        await hover.waitFor({ timeout: 10_000 }).catch(async () => {
          const any = await rowTexts(page.locator('.monaco-hover:not(.hidden)'));
          throw new Error(`no hover containing "%" on "${SECTION5}"; hovers shown: ${JSON.stringify(any)}`);
        });
      }
      return `hover: ${(await hover.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`;
    },
    { pending: true },
  );

  await step(
    '(e) a quick fix on missing-section inserts the section 5 heading',
    async () => {
      await openFile(FAULTY);
      await runCommand('Focus on Problems View');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-section' }).first();
      await row.waitFor({ timeout: 30_000 });
      await row.click();
      await page.keyboard.press('Enter'); // reveal the problem in the editor (cursor at its range)
      await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      const items = menu.locator('.monaco-list-row.action');
      await items
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(async () => {
          const text = await page
            .locator('.action-widget, .context-view')
            .allInnerTexts()
            .catch(() => []);
          throw new Error(`no quick fixes offered at the missing-section problem${text.length ? `; shown: ${JSON.stringify(text)}` : ''}`);
        });
      const labels = await rowTexts(items);
      // The fix for section 5 if one is named so, else the first offered; chosen
      // with the keyboard as a user would (the widget's rows are re-laid out while
      // it opens, which makes mouse clicks flaky).
      const wanted = labels.findIndex((l) => /Projektin julkinen rahoitus|\b5\b/.test(l));
      const chosenLabel = labels[Math.max(0, wanted)];
      const index = await items.nth(Math.max(0, wanted)).getAttribute('data-index');
      const isFocused = menu.locator(`.monaco-list-row.action.focused[data-index="${index}"]`);
      for (let i = 0; ; i++) {
        if (
          await isFocused.waitFor({ timeout: 1000 }).then(
            () => true,
            () => false,
          )
        )
          break;
        if (i > labels.length) throw new Error(`cannot focus quick fix "${chosenLabel}" (offered: ${JSON.stringify(labels)})`);
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      await editorLine(SECTION5)
        .waitFor({ timeout: 15_000 })
        .catch(() => {
          throw new Error(`after applying "${chosenLabel}" (offered: ${JSON.stringify(labels)}) no editor line reads "${SECTION5}"`);
        });
      await runCommand('File: Save');
      const onDisk = await pollUntil(
        async () => {
          const t = await fsp.readFile(path.join(workspace, FAULTY), 'utf8');
          return new RegExp(`^${escapeRe(SECTION5)}\\s*$`, 'm').test(t) ? t : null;
        },
        { timeout: 15_000, what: `"${SECTION5}" saved to ${FAULTY}` },
      );
      // And the problem is gone from the Problems panel.
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: 'missing-section' })
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => {
          throw new Error('the missing-section problem is still listed after the fix was applied and saved');
        });
      const lines = onDisk.split('\n');
      const i = lines.findIndex((l) => l.trim() === SECTION5);
      return `applied "${chosenLabel}"; saved file line ${i + 1}: "${lines[i]}", next heading: "${lines.slice(i + 1).find((l) => /^\d /.test(l)) ?? '?'}"`;
    },
    { pending: true },
  );

  await step('(f) the commands read in English (package.nls.json); Open rule documentation previews the bundled page', async () => {
    if (opt.standIn) return 'stand-in: skipped';
    // The palette lists contributed commands once the extension host has read them; reopen until then.
    const labels = await pollUntil(
      async () => {
        await openQuickInput('>Hanke:');
        await quickRows().first().waitFor({ state: 'visible', timeout: 10_000 });
        const seen = (await rowTexts(quickRows())).filter((t) => t.includes('Hanke'));
        // Open rule documentation is listed only while a description is the active editor.
        return seen.length >= 3 ? seen : null;
      },
      { timeout: 20_000, what: 'the Hanke commands in the command palette' },
    );
    for (const want of ['Hanke: New project description', 'Hanke: Restart language server']) {
      if (!labels.some((l) => l.includes(want))) throw new Error(`no "${want}" in the command palette: ${JSON.stringify(labels)}`);
    }
    const mixed = labels.filter((l) => / \/ |%/.test(l));
    if (mixed.length) throw new Error(`command titles not localised: ${JSON.stringify(mixed)}`);
    await resetUi();
    const file = '004_c6454f714b590c05.txt';
    await openFile(file);
    await goToLine(47); // the empty field "Hakijoiden lukumäärä tai tuen siirto -menettely:"
    await activeEditor().locator('.squiggly-warning').first().waitFor({ timeout: 20_000 });
    await runCommand('Hanke: Open rule documentation');
    const tab = page.locator('.tabs-container .tab', { hasText: 'empty-field.md' }).first();
    await tab.waitFor({ timeout: 20_000 });
    const label = (await tab.innerText()).replace(/\s+/g, ' ').trim();
    if (!/preview/i.test(label)) throw new Error(`the page opened as "${label}", not in the Markdown preview`);
    // The preview (a webview, frames within frames) shows the page: its English and Finnish parts.
    const shown = await pollUntil(
      async () => {
        for (const f of page.frames()) {
          const t = await f.evaluate(() => (document.body ? document.body.innerText : '')).catch(() => '');
          if (t.includes('empty-field') && t.includes('Suomeksi')) return t;
        }
        return null;
      },
      { timeout: 20_000, what: 'the rule page rendered in the Markdown preview' },
    );
    return `palette: ${labels.length} Hanke commands (${labels.map((l) => l.split('\n')[0]).join('; ')}); tab "${label}" showing "${shown.split('\n')[0]}…"`;
  });

  await step('(g) inlay hints show the period length and the EU+state share of example 000', async () => {
    await resetUi();
    await runCommand('View: Close All Editors');
    await openFile(EXAMPLE);
    await goToLine(15);
    const period = editorLine('Suunnitelman mukainen toteutusaika');
    // Inlay hints are rendered in the line, with non-breaking spaces.
    const shown = async (l) => (await l.innerText()).replace(/\s+/g, ' ');
    await pollUntil(async () => ((await shown(period)).includes('36 months') ? true : null), { timeout: 30_000, what: 'the "36 months" inlay hint after the period' });
    await goToLine(85);
    const granted = editorLine('Myönnetty EU- ja valtion rahoitus');
    const text = await pollUntil(
      async () => {
        const t = await shown(granted);
        return t.includes('86 %') ? t : null;
      },
      { timeout: 20_000, what: 'the "86 %" inlay hint after the granted amount' },
    );
    await screenshot('inlay-hints');
    return `line: ${text.replace(/\s+/g, ' ')}`;
  });

  await step('(h) Hanke: Open Preview to the Side shows the page beside example 000 and follows an edit', async () => {
    if (opt.standIn) return 'stand-in: skipped';
    await openFile(EXAMPLE);
    await runCommand('Hanke: Open Preview to the Side');
    const pageText = (want) =>
      pollUntil(
        async () => {
          for (const f of page.frames()) {
            const t = await f.evaluate(() => (document.getElementById('page') ? document.body.innerText : '')).catch(() => '');
            if (t.includes(want)) return t;
          }
          return null;
        },
        { timeout: 30_000, what: `the preview showing "${want}"` },
      );
    const first = await pageText('Marke - palvelumarkkinoiden kehittäminen');
    if (!first.includes('86 %')) throw new Error(`the preview lacks the 86 % share: ${first.slice(0, 300)}`);
    await screenshot('preview-beside-000');
    // Edit the project name in the editor (the preview opened without taking the focus): the preview follows.
    await goToLine(9);
    await page.keyboard.press('End');
    await page.keyboard.type(' LIVE');
    const after = await pageText('Marke - palvelumarkkinoiden kehittäminen LIVE');
    await runCommand('File: Revert File').catch(() => undefined);
    return `preview: ${first.replace(/\s+/g, ' ').slice(0, 120)}…; after the edit: ${after.replace(/\s+/g, ' ').slice(0, 80)}…`;
  });

  await step('(i) the preview follows the cursor, and a click on a section in it moves the cursor there', async () => {
    if (opt.standIn) return 'stand-in: skipped';
    const heading5 = ws.exampleHeading5Line;
    await goToLine(heading5);
    const marked = (f) => f.evaluate(() => document.querySelector('#page .current')?.getAttribute('data-line') ?? null).catch(() => null);
    const frame = await pollUntil(
      async () => {
        for (const f of page.frames()) if ((await marked(f)) === String(heading5 - 1)) return f;
        return null;
      },
      { timeout: 20_000, what: `the preview marking the section 5 heading (line ${heading5})` },
    );
    await frame.locator('[data-section="6"] h2').click();
    const lines = (await fsp.readFile(path.join(EXAMPLES, EXAMPLE), 'utf8')).split('\n');
    const heading6 = lines.indexOf(SECTIONS[5]) + 1;
    const status = page.locator('[id="status.editor.selection"]');
    await pollUntil(async () => ((await status.innerText()).includes(`Ln ${heading6},`) ? true : null), { timeout: 15_000, what: `the cursor on line ${heading6} after the click` });
    return `the preview marked line ${heading5}; the click on section 6 put the cursor at "${(await status.innerText()).trim()}"`;
  });

  if (results.some((r) => !r.ok)) dumpDiagnostics(userData, csLog, tail);
}

function dumpDiagnostics(userData, csLog, tail) {
  console.log(`\n--- code-server output (last lines)\n${tail(csLog, 20)}`);
  const logs = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.log')) logs.push(p);
    }
  };
  try {
    walk(path.join(userData, 'logs'));
  } catch {
    /* none */
  }
  const lines = [];
  for (const f of logs) {
    for (const l of fs.readFileSync(f, 'utf8').split('\n')) {
      if (/hanke|\[error\]/i.test(l)) lines.push(`${path.relative(userData, f)}: ${l}`);
    }
  }
  if (lines.length) console.log(`--- extension-related log lines (${lines.length}, last 40)\n${lines.slice(-40).join('\n')}`);
  if (consoleErrors.length) console.log(`--- browser console errors (${consoleErrors.length}, first 15)\n${consoleErrors.slice(0, 15).join('\n')}`);
}

try {
  await main();
} catch (e) {
  console.error(`e2e: ${e.stack || e.message}`);
  results.push({ name: 'the run itself', ok: false, error: e.message.split('\n')[0] });
} finally {
  await cleanup();
}
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
// The summary is the last thing printed; its last line is `N passed, N failed`.
process.exit(printResults() ? 1 : 0);
