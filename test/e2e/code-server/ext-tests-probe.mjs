#!/usr/bin/env node
// Probe: can a @vscode/test-electron-style suite (an --extensionTestsPath module
// exporting run(): Promise<void>) run inside code-server's extension host?
// Tries (1) code-server's CLI flags and (2) the web workbench's `payload` URL
// query parameter, once with a passing and once with a failing run(), and prints
// what happened. Findings are written up in test/e2e/README.md.
//
//   node test/e2e/code-server/ext-tests-probe.mjs      (needs setup.sh first)
//   node test/e2e/code-server/ext-tests-probe.mjs --dev <extension dir> --tests <tests path>
//       runs that suite once in code-server's extension host (payload route) and
//       exits with its code: 0 when run() resolved, 1 when it rejected.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CS_ENTRY } from './host.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const DEV = path.join(REPO, 'test/e2e/fixtures/stand-in-extension');
const TESTS = path.join(REPO, 'test/e2e/fixtures/ext-tests');
const { chromium } = createRequire(path.join(REPO, 'package.json'))('playwright-core');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
}

function prepare(extraEnv = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hanke-ext-probe-'));
  fs.mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
  fs.mkdirSync(path.join(tmp, 'ext'));
  fs.mkdirSync(path.join(tmp, 'ws'));
  fs.writeFileSync(path.join(tmp, 'ud/User/settings.json'), '{"security.workspace.trust.enabled": false}');
  const out = path.join(tmp, 'result.json');
  const env = { ...process.env, ...extraEnv, HANKE_EXT_TEST_OUT: out, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(tmp, 'xdg'), XDG_DATA_HOME: path.join(tmp, 'xdg') };
  const args = ['--auth', 'none', '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'ext'), '--disable-telemetry', '--disable-update-check'];
  return { tmp, out, env, args };
}

async function cliFlags() {
  console.log('== 1. code-server CLI flags');
  const port = await freePort();
  for (const [dev, tests] of [
    ['--extensionDevelopmentPath', '--extensionTestsPath'],
    ['--extension-development-path', '--extension-tests-path'],
  ]) {
    const { tmp, env, args } = prepare();
    const r = spawnSync(process.execPath, [CS_ENTRY, ...args, '--bind-addr', `127.0.0.1:${port}`, dev, DEV, tests, TESTS, path.join(tmp, 'ws')], { env, encoding: 'utf8', timeout: 20_000 });
    console.log(`$ code-server ... ${dev} <ext> ${tests} <tests>\n  exit ${r.status ?? r.signal}: ${(r.stdout + r.stderr).trim().split('\n').slice(-1)[0]}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function viaPayload(fail, dev = DEV, tests = TESTS) {
  console.log(`\n== 2${fail ? 'b' : 'a'}. web workbench ?payload= with a ${fail ? 'FAILING' : 'passing'} run()`);
  const { tmp, out, env, args } = prepare(fail ? { HANKE_EXT_TEST_FAIL: '1' } : {});
  const port = await freePort();
  const log = fs.openSync(path.join(tmp, 'cs.log'), 'a');
  const cs = spawn(process.execPath, [CS_ENTRY, ...args, '--bind-addr', `127.0.0.1:${port}`, path.join(tmp, 'ws')], { env, detached: true, stdio: ['ignore', log, log] });
  let context;
  try {
    for (let i = 0; i < 120; i++) {
      const ok = await new Promise((r) =>
        http
          .get(`http://127.0.0.1:${port}/healthz`, (res) => {
            res.resume();
            r(res.statusCode === 200);
          })
          .on('error', () => r(false)),
      );
      if (ok) break;
      await sleep(500);
    }
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await context.route(
      (u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname) && /^(https?|wss?):$/.test(u.protocol),
      (r) => r.abort(),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    // The web workbench reports the end of an extension test run by calling
    // window.codeAutomationExit(code, logs) when it exists (as @vscode/test-web does),
    // and forwards the extension host's console to window.codeAutomationLog.
    let exitCode = null;
    const forwarded = [];
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      forwarded.push(`${type}: ${JSON.stringify(args).slice(0, 200)}`);
    });
    page.on('console', (m) => {
      if (/failing on purpose|Extension Host/i.test(m.text())) forwarded.push(`console.${m.type()}: ${m.text().slice(0, 200)}`);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(dev)],
      ['extensionTestsPath', remote(tests)],
    ]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.join(tmp, 'ws'))}&payload=${encodeURIComponent(payload)}`;
    console.log(`open /?folder=...&payload=${payload}`);
    await page.goto(url);
    const t0 = Date.now();
    while (Date.now() - t0 < 90_000 && exitCode === null) await sleep(250);
    console.log(`window.codeAutomationExit called with: ${exitCode ?? 'nothing within 90s'} (after ${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    const about = forwarded.filter((l) => /failing on purpose|ext-tests|extensionTests/i.test(l));
    console.log(`forwarded console lines about the test run (${about.length} of ${forwarded.length}):\n  ${about.slice(0, 4).join('\n  ')}`);
    console.log(fs.existsSync(out) ? `run() wrote ${out}: ${fs.readFileSync(out, 'utf8').replace(/\s+/g, ' ')}` : 'run() wrote no result file');
    const lines = spawnSync('grep', ['-rhiE', 'development extension|exiting with code|failing on purpose|extensionTests', path.join(tmp, 'ud/logs')], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .slice(-6);
    console.log(`log lines:\n  ${lines.join('\n  ')}`);
    console.log(`page after the run: ${page.isClosed() ? 'closed' : `open, title "${await page.title()}"`}`);
    if (!page.isClosed()) await page.screenshot({ path: path.join(REPO, `test/e2e/screenshots/probe-ext-tests-${fail ? 'fail' : 'pass'}.png`) });
    return exitCode;
  } finally {
    await context?.close().catch(() => {});
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? path.resolve(argv[i + 1]) : null;
};
if (arg('--tests')) {
  const code = await viaPayload(false, arg('--dev') ?? DEV, arg('--tests'));
  console.log(code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed');
  process.exit(code === 0 ? 0 : 1);
}
await cliFlags();
const pass = await viaPayload(false);
const fail = await viaPayload(true);
console.log(`\nresult: passing run() -> ${pass}, failing run() -> ${fail}` + (pass === 0 && fail === 1 ? ' (the payload route runs extension tests and reports their outcome)' : ' (unexpected)'));
