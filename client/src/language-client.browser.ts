// How the web extension (vscode.dev, github.dev, code-server's web worker extension host)
// starts the language server: dist/web/server.js in a Web Worker, built from the same
// core as the Node server. There is no file system in the worker, so the server asks
// the client for .hankerc.json (hanke/findConfig), which reads it with workspace.fs.
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { BaseLanguageClient, BrowserMessageReader, BrowserMessageWriter, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { CONFIG_FILE } from '../../server/src/core/config';
import { type FindConfigParams, type FindConfigResult, LANGUAGE_ID, type ReadFileParams, type ReadFileResult, Requests } from '../../server/src/core/protocol';

/** Files larger than this are not read for the workspace lint (as the CLI refuses them). */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

// The repository type-checks against Node's types, not the DOM's: the few browser
// globals used here.
interface WebWorker {
  terminate(): void;
}
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };

/** The language client of the web extension: a new worker for each start of the server. */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: WebWorker | undefined;

  constructor(
    options: LanguageClientOptions,
    private readonly script: Uri,
  ) {
    // The id `hanke` makes the client honour the `hanke.trace.server` setting.
    super(LANGUAGE_ID, 'Hanke', options);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    this.worker?.terminate();
    const worker = (this.worker = await startWorker(this.script));
    return { reader: new BrowserMessageReader(worker as Port), writer: new BrowserMessageWriter(worker as Port) };
  }
}

/**
 * A Web Worker running the server script. From a web address (vscode.dev) directly; from
 * anywhere else — code-server serves the extension as vscode-remote:, from which the
 * worker extension host refuses to start workers — from the script's bytes, read with
 * workspace.fs.
 */
async function startWorker(script: Uri): Promise<WebWorker> {
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true));
  const code = await workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
}

export function newLanguageClient(context: ExtensionContext, clientOptions: LanguageClientOptions): BaseLanguageClient {
  // Documents of every scheme: vscode-vfs on vscode.dev, vscode-remote in code-server, untitled.
  const options: LanguageClientOptions = { ...clientOptions, documentSelector: [{ language: LANGUAGE_ID }] };
  const client = new WorkerLanguageClient(options, Uri.joinPath(context.extensionUri, 'dist/web/server.js'));
  client.onRequest(Requests.findConfig, (p: FindConfigParams) => findConfigFile(p.uri));
  client.onRequest(Requests.readFile, (p: ReadFileParams) => readTextFile(p.uri));
  return client;
}

/** The workspace lint reads files of any scheme through workspace.fs (no file system in the worker). */
export function lintableUri(uri: Uri): boolean {
  void uri;
  return true;
}

/** A file's text for the workspace lint (UTF-8; the CLI's encoding checks need Node). */
async function readTextFile(uri: string): Promise<ReadFileResult> {
  try {
    const bytes = await workspace.fs.readFile(Uri.parse(uri, true));
    if (bytes.length > MAX_FILE_BYTES) return null;
    return { text: new TextDecoder('utf-8').decode(bytes) };
  } catch {
    return null;
  }
}

/** The .hankerc.json nearest to a document, in its folder or above, up to its workspace folder. */
export async function findConfigFile(uri: string): Promise<FindConfigResult> {
  let doc: Uri;
  try {
    doc = Uri.parse(uri, true);
  } catch {
    return null;
  }
  if (doc.scheme === 'untitled') return null;
  const top = workspace.getWorkspaceFolder(doc)?.uri;
  let dir = Uri.joinPath(doc, '..');
  for (;;) {
    const candidate = Uri.joinPath(dir, CONFIG_FILE);
    try {
      const bytes = await workspace.fs.readFile(candidate);
      return { uri: candidate.toString(), text: new TextDecoder('utf-8').decode(bytes) };
    } catch {
      // Not there (or not readable): look one folder up.
    }
    if (top && dir.path.replace(/\/$/, '') === top.path.replace(/\/$/, '')) return null;
    const parent = Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return null;
    dir = parent;
  }
}
