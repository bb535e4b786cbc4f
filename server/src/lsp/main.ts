// The language server in Node: the session of ./handlers/session.ts over the transport
// given on the command line (--stdio, --node-ipc or --socket=<port>), reading
// .hankerc.json and workspace files from disk.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, type MessageReader, type MessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { expandInputs } from '../node/inputs';
import { toDiagnostic } from './handlers/convert';
import { lifecycle } from './handlers/lifecycle';
import { type ConfigFile, type ServerHost, serve, type WorkspaceFile } from './handlers/session';
import { ConfigLocator } from '../node/files';
import { lintDiskFile } from '../node/read-file';
import { injectRuleFaults } from '../core/lint';
import { AnalysisWorker } from './analysis-worker';

/** Starts the server on the transport of the command line, or on the given one (`hanke lsp --socket/--pipe`). */
export function startServer(transport?: { reader: MessageReader; writer: MessageWriter }): void {
  // An editor keeps the server running for hours with many documents open, while each
  // request is small: a smaller young generation and tighter heap growth keep the
  // resident memory about 40 % lower (1 000 open descriptions: 178 → 107 MB, see
  // bench/) at no measurable cost in editing latency.
  setFlagsFromString('--optimize-for-size');
  const life = lifecycle();
  const connection = transport
    ? createConnection(ProposedFeatures.all, transport.reader, transport.writer, { messageStrategy: life.strategy })
    : createConnection(ProposedFeatures.all, { messageStrategy: life.strategy });
  life.attach(connection);
  // Testing only: rules made to throw, to see that a failing rule does not take the document down.
  if (process.env.HANKE_TEST_THROW_IN_RULE) injectRuleFaults(process.env.HANKE_TEST_THROW_IN_RULE.split(','));
  serve(connection, nodeHost());
}

/** A file: URI as a path, or undefined for any other scheme. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The rule pages shipped beside the bundle (dist/../docs/rules/ in the package and the .vsix). */
function bundledDocsBase(): string | undefined {
  const dir = join(__dirname, '..', 'docs', 'rules');
  return existsSync(join(dir, 'missing-section.md')) ? `${pathToFileURL(dir).toString()}/` : undefined;
}

/**
 * Huge documents are analysed in a worker thread running this same bundle (dist/server.js,
 * or dist/cli.js for `hanke lsp`: both start the worker when they are one); from source
 * (tests) there is no bundle, and they are linted in slices on the main thread.
 */
function analysisWorker(): AnalysisWorker | undefined {
  const script = __filename;
  return script.endsWith('.js') && existsSync(script) ? new AnalysisWorker(script) : undefined;
}

export function nodeHost(): ServerHost {
  const locator = new ConfigLocator();
  return {
    bundledDocsBase: bundledDocsBase(),
    analyzeOffThread: analysisWorker()?.analyze,
    async findConfig(uri: string): Promise<ConfigFile | undefined> {
      const path = pathOf(uri);
      if (path === undefined) return undefined;
      // Read without blocking, only as a regular file of at most 1 MiB (a FIFO or /dev/zero is a broken configuration).
      const found = await locator.findAsync(dirname(path));
      return found ? { uri: pathToFileURL(found.path).toString(), result: found.result } : undefined;
    },
    clearConfig: () => locator.clear(),
    async lintFile(uri, settings, withText) {
      const path = pathOf(uri);
      if (path === undefined) return undefined;
      // The CLI's reading (encodings, binary and size checks, file rules) and findings.
      const r = lintDiskFile(path, settings.config);
      if (!r) return undefined;
      const diagnostics = r.findings.map((f) => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { data, ...d } = toDiagnostic(f, settings.locale);
        return d;
      });
      return withText ? { diagnostics, keys: r.keys, text: r.text } : { diagnostics, keys: r.keys };
    },
    workspaceFiles(folderUris: string[]): WorkspaceFile[] {
      const dirs = folderUris.map(pathOf).filter((p): p is string => p !== undefined);
      if (!dirs.length) return [];
      const out: WorkspaceFile[] = [];
      for (const t of expandInputs(dirs)) {
        if (t.unreadable || t.notAFile) continue;
        try {
          const st = statSync(t.file);
          out.push({ uri: pathToFileURL(t.file).toString(), stamp: `${st.mtimeMs}:${st.size}` });
        } catch {
          // Gone since the walk: nothing to report.
        }
      }
      return out;
    },
  };
}
