// What both code-server runners (run.mjs, ../suite/run-code-server.mjs) do alike:
// find code-server and Chromium where setup.sh put them, start VS Code quiet and
// offline, start code-server in its own process group, keep the browser on loopback,
// and clean up once.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { withTimeout } from './net.mjs';

export const CS_VERSION = process.env.HANKE_E2E_CODE_SERVER_VERSION || '4.100.3';
const CACHE = process.env.HANKE_E2E_CACHE || path.join(os.homedir(), '.cache/hanke-e2e');
export const CS_DIR = process.env.HANKE_E2E_CODE_SERVER_DIR || path.join(CACHE, `code-server-${CS_VERSION}`);
export const CS_ENTRY = path.join(CS_DIR, 'out/node/entry.js');
export const CHROMIUM = process.env.HANKE_E2E_CHROMIUM || '/usr/bin/chromium';

/** playwright-core's `chromium`, once code-server and Chromium are known to be installed; `fatal(message)` otherwise. */
export function prerequisites(repo, fatal) {
  let chromium;
  try {
    ({ chromium } = createRequire(path.join(repo, 'package.json'))('playwright-core'));
  } catch (e) {
    fatal(`playwright-core not found in ${repo}/node_modules (run npm ci): ${e.message}`);
  }
  if (!fs.existsSync(path.join(CS_DIR, '.hanke-e2e-stamp')) || !fs.existsSync(CS_ENTRY)) {
    fatal(`code-server ${CS_VERSION} not installed in ${CS_DIR}: run test/e2e/code-server/setup.sh first`);
  }
  if (!fs.existsSync(CHROMIUM)) fatal(`no Chromium at ${CHROMIUM}: run test/e2e/code-server/setup.sh first`);
  return chromium;
}

/** User settings for a quiet, offline workbench: no trust prompt, start page, tips, telemetry, updates, gallery or downloads. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'json.schemaDownload.enable': false,
  'chat.commandCenter.enabled': false,
};

/**
 * Starts code-server on 127.0.0.1:`port` as the leader of `group`'s process group, its
 * output appended to `logFile`, its own state under `tmpRoot`; `folder` is opened when
 * given; `env` is added to the environment (the extension host inherits it).
 */
export function startCodeServer(group, { port, tmpRoot, userData, extensionsDir, logFile, folder, env = {} }) {
  const out = fs.openSync(logFile, 'a');
  return (group.proc = spawn(
    process.execPath,
    [
      CS_ENTRY,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ...(folder ? [folder] : []),
    ],
    {
      detached: true, // own process group, so the whole tree can be stopped
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        // No extension gallery: nothing but loopback traffic.
        EXTENSIONS_GALLERY: '{}',
        // Keep code-server's own config.yaml and state out of $HOME.
        XDG_CONFIG_HOME: path.join(tmpRoot, 'xdg-config'),
        XDG_DATA_HOME: path.join(tmpRoot, 'xdg-data'),
        ...env,
      },
    },
  ));
}

/** Chromium's command line: headless in a sandbox-less container, no background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Only loopback traffic leaves the browser. */
export function loopbackOnly(context) {
  return context.route(
    (u) => !/^(127\.0\.0\.1|localhost|\[::1\])$/.test(u.hostname) && /^(https?|wss?):$/.test(u.protocol),
    (route) => route.abort('blockedbyclient'),
  );
}

/** The last `n` lines of a log file ('' when there is none). */
export function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

/**
 * The end of a run, done once however often it is asked for: the browser closed,
 * code-server and its group stopped, the temp dir removed (kept with `keep`). `state()`
 * is read when the cleanup starts: { context, group, tmpRoot, keep, log }.
 */
export class Cleanup {
  #done = null;

  constructor(state) {
    this.state = state;
  }

  /** The cleanup has begun (code-server exiting after this is expected). */
  get started() {
    return this.#done !== null;
  }

  run() {
    this.#done ??= (async () => {
      const { context, group, tmpRoot, keep, log } = this.state();
      if (context) await withTimeout(context.close(), 10_000, 'closing the browser').catch((e) => log(`warning: ${e.message}`));
      await group.stop();
      if (tmpRoot) {
        if (keep) log(`kept temp dir: ${tmpRoot}`);
        else await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
      }
    })();
    return this.#done;
  }
}
