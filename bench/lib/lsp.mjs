// A JSON-RPC client for the built language server over stdio (the same protocol an
// editor speaks), for the benchmarks and the fuzz sessions.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

export class Server {
  /**
   * @param {string} serverJs path of dist/server.js
   * @param {{ args?: string[], nodeArgs?: string[] }} [opts]
   */
  constructor(serverJs, opts = {}) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), serverJs, ...(opts.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr += String(d)));
    this.exited = new Promise((res) => this.proc.once('exit', (code, signal) => res({ code, signal })));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    /** uri → { version, at, count } of the last publishDiagnostics */
    this.published = new Map();
    this.waiters = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.published.set(p.uri, { version: p.version, at, diagnostics: p.diagnostics });
      if (this.waiters.length === 0) return;
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
          w.resolve({ ...p, at });
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('window/showMessage', () => undefined);
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  /** Sends initialize + initialized; resolves with the capabilities and the time from spawn to the answer. */
  async initialize(configuration = true) {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      capabilities: {
        workspace: { configuration },
        textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
      },
    });
    const answeredAfter = performance.now() - this.spawnedAt;
    await this.conn.sendNotification('initialized', {});
    return { capabilities: result.capabilities, answeredAfter };
  }

  /** The diagnostics of `uri` at `version` or later: those already published, else the next ones. */
  diagnostics(uri, version) {
    const last = this.published.get(uri);
    if (last && version !== undefined && last.version !== undefined && last.version >= version) {
      return Promise.resolve({ uri, version: last.version, diagnostics: last.diagnostics, at: last.at });
    }
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  open(uri, text, version = 1) {
    const p = this.diagnostics(uri, version);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hanke', version, text } });
    return p;
  }

  /** Sends a didChange without waiting. */
  change(uri, version, contentChanges) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params, token) {
    return token ? this.conn.sendRequest(method, params, token) : this.conn.sendRequest(method, params);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  /** Resident set size of the server process in bytes (Linux /proc; undefined elsewhere). */
  rss() {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit; resolves with the exit code (null when it had to be killed). */
  async shutdown(timeoutMs = 5000) {
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), timeoutMs);
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill('SIGKILL');
    }
    const { code } = await this.exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}
