#!/usr/bin/env node
// Runs the extension-host suite (index.js) inside code-server's extension host, with
// the built extension as the extension under development:
//
//   node test/e2e/suite/run-code-server.mjs [--keep] [--only a,d] [--dev <dir>] [--tests <path>] [--web]
//
// 1. stages a snapshot of the built extension (package.json, dist/, …) and the
//    workspace of workspace.mjs in a temp dir;
// 2. starts code-server on a free loopback port (installed by ../code-server/setup.sh);
// 3. loads, in headless Chromium (Playwright), the workbench URL whose `payload`
//    parameter names the extension as extensionDevelopmentPath and the suite as
//    extensionTestsPath (code-server's CLI rejects those flags; see README);
// 4. streams the suite's output (it appends every line to $HANKE_SUITE_LOG, which
//    this script tails), waits for the workbench to call window.codeAutomationExit
//    with the suite's result, and prints the suite's JSON report;
// 5. exits 0 only if the suite passed (codeAutomationExit(0) and a report with no
//    failure), 1 if it failed or never finished, 2 for a usage or staging error.
//
// --web runs the extension in the browser's web worker extension host (its "browser"
// entry, the server in a Web Worker) instead of the Node extension host: the payload's
// extensionDevelopmentKind=web; the suite itself still runs in the Node host and sees
// the extension only through the vscode API.
// --dev <dir> loads that extension folder as is instead of a snapshot of the repo;
// --tests <path> runs another run(): Promise<void> suite; --only passes
// HANKE_SUITE_ONLY; --keep keeps the temp dir (VS Code logs, code-server.log).
// Environment: HANKE_E2E_CACHE / HANKE_E2E_CODE_SERVER_DIR, HANKE_E2E_CHROMIUM,
// HANKE_EXAMPLES_DIR, HANKE_E2E_DEADLINE_S (whole run, default 300).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO, SUITE, stageExtension, stageWorkspace } from './workspace.mjs';
import { Cleanup, CHROMIUM, CHROMIUM_ARGS, CS_VERSION, loopbackOnly, prerequisites, QUIET_SETTINGS, startCodeServer, tail } from '../code-server/host.mjs';
import { freePort, httpStatus, ProcessGroup, withTimeout } from '../code-server/net.mjs';

const healthy = async (url) => (await httpStatus(url)) === 200;

const DEADLINE_S = Number(process.env.HANKE_E2E_DEADLINE_S || 300);

const t0 = Date.now();
const stamp = () => `[suite ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;
const log = (...a) => console.log(stamp(), ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function fatal(msg) {
  console.error(`suite: ${msg}`);
  process.exit(2);
}

// ---------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
const opt = { keep: false, only: '', dev: null, tests: SUITE, web: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--keep') opt.keep = true;
  else if (a === '--only') opt.only = argv[++i] ?? '';
  else if (a === '--dev') opt.dev = path.resolve(argv[++i] ?? '');
  else if (a === '--tests') opt.tests = path.resolve(argv[++i] ?? '');
  else if (a === '--web') opt.web = true;
  else if (a === '-h' || a === '--help') {
    console.log(
      fs
        .readFileSync(new URL(import.meta.url), 'utf8')
        .split('\n')
        .slice(1, 24)
        .join('\n'),
    );
    process.exit(0);
  } else fatal(`unknown argument: ${a}`);
}

const chromium = prerequisites(REPO, fatal);
if (!fs.existsSync(opt.tests)) fatal(`no test suite at ${opt.tests}`);

// ---------------------------------------------------------------- helpers

/** Prints what was appended to `file` since the last call. */
function follower(file) {
  let offset = 0;
  let partial = '';
  return () => {
    let buf;
    try {
      const fd = fs.openSync(file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        if (size <= offset) return;
        buf = Buffer.alloc(size - offset);
        fs.readSync(fd, buf, 0, buf.length, offset);
        offset = size;
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return; // not written yet
    }
    const text = partial + buf.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop();
    for (const l of lines) console.log(`${stamp()} | ${l}`);
  };
}

// ---------------------------------------------------------------- processes and cleanup

let tmpRoot = null;
const codeServer = new ProcessGroup();
let context = null;
const cleaner = new Cleanup(() => ({ context, group: codeServer, tmpRoot, keep: opt.keep, log }));
const cleanup = () => cleaner.run();
process.on('exit', () => codeServer.kill('SIGKILL'));
let stopReason = null;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (stopReason) {
      await withTimeout(cleanup(), 10_000, 'cleanup').catch(() => {});
      process.exit(130);
    }
    stopReason = `interrupted by ${sig}`;
  });
}
setTimeout(() => {
  stopReason ??= `the whole run exceeded ${DEADLINE_S}s (HANKE_E2E_DEADLINE_S)`;
}, DEADLINE_S * 1000).unref();

// ---------------------------------------------------------------- main

async function main() {
  tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'hanke-suite-'));
  const userData = path.join(tmpRoot, 'user-data');
  const workspace = path.join(tmpRoot, 'workspace');
  const csLog = path.join(tmpRoot, 'code-server.log');
  const suiteLog = path.join(tmpRoot, 'suite.log');
  const report = path.join(tmpRoot, 'suite-report.json');
  await fsp.mkdir(path.join(userData, 'User'), { recursive: true });
  await fsp.mkdir(path.join(tmpRoot, 'extensions'));
  await fsp.writeFile(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        ...QUIET_SETTINGS,
        'files.autoSave': 'off',
        // --web: the extension (it has a "browser" entry) goes to the web worker extension host.
        ...(opt.web ? { 'remote.extensionKind': { 'hanke-tools.hanke': ['web'] } } : {}),
      },
      null,
      2,
    ),
  );

  let dev;
  try {
    dev = opt.dev ? { dir: opt.dev, id: '(as given)' } : await stageExtension(path.join(tmpRoot, 'extension'));
    await stageWorkspace(workspace);
  } catch (e) {
    console.error(`suite: ${e.message}`);
    return 2;
  }
  log(`extension ${dev.id} ${dev.version ?? ''} from ${dev.dir}; suite ${path.relative(REPO, opt.tests) || opt.tests}; workspace ${workspace}`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const csProc = startCodeServer(codeServer, {
    port,
    tmpRoot,
    userData,
    extensionsDir: path.join(tmpRoot, 'extensions'),
    logFile: csLog,
    // The extension host inherits these; the suite reads them.
    env: { HANKE_SUITE_LOG: suiteLog, HANKE_SUITE_REPORT: report, HANKE_SUITE_ONLY: opt.only, HANKE_SUITE_HOST: opt.web ? 'web' : 'node' },
  });
  csProc.on('exit', (code, sig) => {
    if (!cleaner.started) log(`code-server exited unexpectedly (${sig ?? code})`);
  });
  log(`code-server ${CS_VERSION} starting on ${base}`);
  for (let end = Date.now() + 60_000; !(await healthy(`${base}/healthz`));) {
    if (csProc.exitCode !== null || Date.now() > end || stopReason) {
      console.error(`suite: code-server did not start\n--- ${csLog}\n${tail(csLog, 30)}`);
      return 1;
    }
    await sleep(250);
  }
  log('code-server is up');

  context = await withTimeout(
    chromium.launchPersistentContext(path.join(tmpRoot, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
    }),
    60_000,
    'launching Chromium',
  );
  await loopbackOnly(context);
  const page = context.pages()[0] ?? (await context.newPage());
  let exit = null;
  let vscodeLogs = null;
  const consoleLines = [];
  // The web workbench calls window.codeAutomationExit(code, logs) when the extension
  // tests are done (after run() resolved: 0, or rejected: 1), with its log files.
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    exit = code;
    vscodeLogs = logs;
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /Extension Host|hanke/i.test(m.text())) consoleLines.push(`${m.type()}: ${m.text().slice(0, 400)}`);
  });
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message.slice(0, 400)}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(dev.dir)], ['extensionTestsPath', remote(opt.tests)], ...(opt.web ? [['extensionDevelopmentKind', 'web']] : [])]);
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  const follow = follower(suiteLog);
  const loaded = Date.now();
  await page.goto(url, { timeout: 60_000 });
  log('workbench page loaded; waiting for the suite');
  while (exit === null && !stopReason && !page.isClosed()) {
    follow();
    await sleep(200);
  }
  follow();
  const waited = ((Date.now() - loaded) / 1000).toFixed(1);

  let result = null;
  try {
    result = JSON.parse(fs.readFileSync(report, 'utf8'));
  } catch {
    /* none */
  }
  const ok = exit === 0 && result && result.failed === 0 && result.passed > 0;
  if (exit === null) log(`the suite did not finish: ${stopReason ?? 'the page closed'} (after ${waited}s)`);
  else log(`codeAutomationExit(${exit}) ${waited}s after the page loaded`);
  if (!ok) {
    if (!result) console.log(`no report at ${report}: the suite did not run to its end`);
    console.log(`--- code-server output (last lines)\n${tail(csLog, 15)}`);
    const interesting = (vscodeLogs || []).flatMap((f) =>
      String(f.contents ?? '')
        .split('\n')
        .filter((l) => /hanke|\[error\]|extensionTests|exiting with code/i.test(l))
        .map((l) => `${f.relativePath}: ${l}`),
    );
    if (interesting.length) console.log(`--- VS Code log lines about the run (${interesting.length}, last 30)\n${interesting.slice(-30).join('\n')}`);
    if (consoleLines.length) console.log(`--- browser console (${consoleLines.length}, last 20)\n${consoleLines.slice(-20).join('\n')}`);
    if (vscodeLogs && opt.keep) {
      for (const f of vscodeLogs) {
        const p = path.join(tmpRoot, 'workbench-logs', String(f.relativePath));
        fs.mkdirSync(path.dirname(p), { recursive: true });
        fs.writeFileSync(p, String(f.contents ?? ''));
      }
    }
  }
  // The summary is printed last (after cleanup); its last line is `N passed, N failed`.
  if (result) {
    summary.push(`\nSummary (VS Code ${result.vscode}, suite ${(result.ms / 1000).toFixed(1)}s, codeAutomationExit ${exit}):`);
    for (const t of result.tests)
      summary.push(
        `  ${t.skipped ? 'SKIP' : t.ok ? 'PASS' : 'FAIL'}  ${t.name} (${(t.ms / 1000).toFixed(1)}s)${t.skipped ? `: ${t.detail}` : t.ok ? '' : `\n        ${t.error.split('\n').join('\n        ')}`}`,
      );
  }
  summary.push(result && exit !== null ? `${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ''}` : '0 passed, 1 failed');
  return ok ? 0 : 1;
}

const summary = [];
let code;
try {
  code = await main();
} catch (e) {
  console.error(`suite: ${e.stack || e.message}`);
  summary.push('0 passed, 1 failed');
  code = 1;
} finally {
  await withTimeout(cleanup(), 20_000, 'cleanup').catch(() => {});
}
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
if (summary.length) console.log(summary.join('\n'));
process.exit(code);
