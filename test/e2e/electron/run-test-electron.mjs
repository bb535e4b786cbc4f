#!/usr/bin/env node
// Runs an extension-host test suite in desktop VS Code (Electron) with
// @vscode/test-electron. Needs either a VS Code on this machine or internet:
//
//   HANKE_VSCODE_EXECUTABLE=/usr/share/code/code node test/e2e/electron/run-test-electron.mjs
//       uses that VS Code (`vscodeExecutablePath`); no download
//   HANKE_VSCODE_VERSION=1.100.3 node test/e2e/electron/run-test-electron.mjs
//       downloads that version (default: stable) into ${HANKE_E2E_CACHE:-~/.cache/hanke-e2e}/vscode-test
//       (outside the repo) — needs internet
//
// Options: --tests <path> (default test/e2e/fixtures/ext-tests, a Mocha-less
// run(): Promise<void>), --dev <extension dir> (default: the repo, i.e. the
// built extension in dist/), --stand-in (use the fixture stand-in extension).
// On a headless Linux box run it under `xvfb-run -a`. See test/e2e/README.md.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { runTests, downloadAndUnzipVSCode } = createRequire(path.join(REPO, 'package.json'))('@vscode/test-electron');

const argv = process.argv.slice(2);
const arg = (name) => { const i = argv.indexOf(name); return i >= 0 ? path.resolve(argv[i + 1]) : null; };
const extensionDevelopmentPath = arg('--dev')
  ?? (argv.includes('--stand-in') ? path.join(REPO, 'test/e2e/fixtures/stand-in-extension') : REPO);
const extensionTestsPath = arg('--tests') ?? path.join(REPO, 'test/e2e/fixtures/ext-tests');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hanke-test-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.mkdirSync(workspace);
const examples = path.resolve(REPO, '../shared/examples');
if (fs.existsSync(examples)) fs.cpSync(examples, workspace, { recursive: true });

try {
  let vscodeExecutablePath = process.env.HANKE_VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    const version = process.env.HANKE_VSCODE_VERSION || 'stable';
    console.log(`downloading VS Code ${version} (needs internet) ...`);
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(process.env.HANKE_E2E_CACHE || path.join(os.homedir(), '.cache/hanke-e2e'), 'vscode-test'), timeout: 60_000 });
  }
  console.log(`VS Code: ${vscodeExecutablePath}`);
  const code = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath,
    extensionTestsEnv: { HANKE_EXT_TEST_OUT: path.join(tmp, 'result.json') },
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      `--user-data-dir=${path.join(tmp, 'user-data')}`,
      `--extensions-dir=${path.join(tmp, 'extensions')}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  if (fs.existsSync(path.join(tmp, 'result.json'))) console.log(fs.readFileSync(path.join(tmp, 'result.json'), 'utf8'));
  console.log(code === 0 ? '1 passed, 0 failed' : '0 passed, 1 failed');
  process.exitCode = code === 0 ? 0 : 1;
} catch (e) {
  console.error(`test-electron: ${e.message ?? e}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
