// A real JSON-RPC client for the built server (dist/server.js) over stdio.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code?: string | number;
    severity?: number;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    data?: unknown;
  }[];
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  private waiters: { uri: string; version?: number; resolve: (p: Published) => void }[] = [];
  readonly published = new Map<string, Published>();
  stderr = '';
  /** Answers for workspace/configuration requests. */
  settings: Record<string, unknown> = {};
  /** Requests the server sent to the client, in order (method and params). */
  readonly received: { method: string; params: unknown }[] = [];

  /** window/logMessage texts, in order. */
  readonly logs: string[] = [];

  /**
   * `answerConfiguration: false` makes a client that never answers workspace/configuration
   * (the request stays pending, as with a client that ignores it); `env` is added to the
   * server's environment.
   */
  constructor(args: string[] = ['--stdio'], opts: { answerConfiguration?: boolean; env?: Record<string, string> } = {}) {
    this.proc = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}) });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.received.push({ method: 'workspace/configuration', params: p });
      if (opts.answerConfiguration === false) return new Promise(() => undefined);
      return p.items.map((i) => this.settings[i.section ?? ''] ?? null);
    });
    for (const method of ['client/registerCapability', 'workspace/applyEdit', 'window/showDocument', 'workspace/diagnostic/refresh']) {
      this.conn.onRequest(method, (params: unknown) => {
        this.received.push({ method, params });
        if (method === 'workspace/applyEdit') return { applied: true };
        if (method === 'window/showDocument') return { success: true };
        return null;
      });
    }
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.listen();
  }

  async initialize(locale = 'en', configuration = true): Promise<{ capabilities: Record<string, unknown> }> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: {
        workspace: { configuration },
        // What VS Code states (the parts the server looks at); other shapes: initializeWith.
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } } },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return r as { capabilities: Record<string, unknown> };
  }

  /** Sends `initialize` with exactly these parameters (a client of some other shape), then `initialized`. */
  async initializeWith(params: Record<string, unknown>): Promise<{ capabilities: Record<string, unknown> }> {
    const r = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, ...params });
    await this.conn.sendNotification('initialized', {});
    return r as { capabilities: Record<string, unknown> };
  }

  nextDiagnostics(uri: string, version?: number): Promise<Published> {
    return new Promise((res) => this.waiters.push({ uri, version, resolve: res }));
  }

  async open(uri: string, text: string, version = 1): Promise<Published> {
    const p = this.nextDiagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'hanke', version, text } });
    return p;
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<Published> {
    const p = this.nextDiagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return p;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((res) => this.proc.once('exit', (code) => res(code)));
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}
