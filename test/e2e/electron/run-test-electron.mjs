#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite/index.js) in desktop VS Code
// (Electron) with @vscode/test-electron. Needs either a VS Code on this machine or
// internet:
//
//   HANKE_VSCODE_EXECUTABLE=/usr/share/code/code node test/e2e/electron/run-test-electron.mjs
//       uses that VS Code (`vscodeExecutablePath`); no download
//   HANKE_VSCODE_VERSION=1.100.3 node test/e2e/electron/run-test-electron.mjs
//       downloads that version (default: stable) into ${HANKE_E2E_CACHE:-~/.cache/hanke-e2e}/vscode-test
//       (outside the repo) — needs internet
//
// On a headless Linux box run it under `xvfb-run -a`. See test/e2e/README.md.
//
// Options: --tests <path> (default test/e2e/suite), --dev <extension dir> (default: a
// snapshot of the repo's built extension, as in run-code-server.mjs), --stand-in (the
// fixture stand-in extension), --only a,d (HANKE_SUITE_ONLY), --keep (keep the temp dir).
// The workspace is the one test/e2e/suite/workspace.mjs makes (examples + faulty files).
// Prints the suite's output and report; the last line is `N passed, N failed`.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { REPO, SUITE, stageExtension, stageWorkspace } from '../suite/workspace.mjs';

const { runTests, downloadAndUnzipVSCode, TestRunFailedError } = createRequire(path.join(REPO, 'package.json'))('@vscode/test-electron');

const argv = process.argv.slice(2);
const arg = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : null;
};
const extensionTestsPath = path.resolve(arg('--tests') ?? SUITE);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hanke-test-electron-'));
const workspace = path.join(tmp, 'workspace');
const log = path.join(tmp, 'suite.log');
const report = path.join(tmp, 'suite-report.json');
let summary = '0 passed, 1 failed';

try {
  const extensionDevelopmentPath = arg('--dev')
    ? path.resolve(arg('--dev'))
    : argv.includes('--stand-in')
      ? path.join(REPO, 'test/e2e/fixtures/stand-in-extension')
      : (await stageExtension(path.join(tmp, 'extension'))).dir;
  await stageWorkspace(workspace);

  let vscodeExecutablePath = process.env.HANKE_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    const version = process.env.HANKE_VSCODE_VERSION || 'stable';
    console.log(`downloading VS Code ${version} (needs internet) ...`);
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(process.env.HANKE_E2E_CACHE || path.join(os.homedir(), '.cache/hanke-e2e'), 'vscode-test'), timeout: 60_000 });
  }
  console.log(`VS Code: ${vscodeExecutablePath}\nextension: ${extensionDevelopmentPath}\nsuite: ${extensionTestsPath}\nworkspace: ${workspace}`);
  // runTests rejects (TestRunFailedError) when VS Code exits non-zero, i.e. when run() rejected.
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    // HANKE_EXT_TEST_OUT is for the fixtures/ext-tests probe suite.
    extensionTestsEnv: { HANKE_SUITE_LOG: log, HANKE_SUITE_REPORT: report, HANKE_SUITE_ONLY: arg('--only') ?? '', HANKE_EXT_TEST_OUT: path.join(tmp, 'result.json') },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
      // (test-electron itself adds --no-sandbox --disable-gpu-sandbox --disable-updates …)
    ],
  }).catch((e) => {
    if (!(TestRunFailedError && e instanceof TestRunFailedError) && !fs.existsSync(report)) throw e;
    console.error(`test-electron: ${e.message}`);
    return e.code ?? 1;
  });
  // test-electron pipes VS Code's output (and so the suite's console lines) as it runs;
  // the report is the authoritative result.
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    console.log(`\nSummary (VS Code ${r.vscode}, suite ${(r.ms / 1000).toFixed(1)}s, exit code ${code}):`);
    for (const t of r.tests) console.log(`  ${t.ok ? 'PASS' : 'FAIL'}  ${t.name} (${(t.ms / 1000).toFixed(1)}s)${t.ok ? '' : `\n        ${t.error.split('\n').join('\n        ')}`}`);
    summary = `${r.passed} passed, ${r.failed} failed`;
    process.exitCode = code === 0 && r.failed === 0 && r.passed > 0 ? 0 : 1;
  } else {
    if (fs.existsSync(path.join(tmp, 'result.json'))) console.log(fs.readFileSync(path.join(tmp, 'result.json'), 'utf8'));
    summary = code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed';
    process.exitCode = code === 0 ? 0 : 1;
  }
} catch (e) {
  console.error(`test-electron: ${e.message ?? e}`);
  if (fs.existsSync(log)) console.log(`--- suite output\n${fs.readFileSync(log, 'utf8')}`);
  process.exitCode = 1;
} finally {
  if (argv.includes('--keep')) console.log(`kept temp dir: ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(summary);
