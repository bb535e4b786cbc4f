// How the web extension (vscode.dev, github.dev, code-server's web worker extension host)
// starts the language server: dist/web/server.js in a Web Worker, built from the same
// core as the Node server. There is no file system in the worker, so the server asks
// the client for .hankerc.json (hanke/findConfig), which reads it with workspace.fs.
import { type ExtensionContext, Uri, workspace } from 'vscode';
import { type BaseLanguageClient, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CONFIG_FILE } from '../../server/src/core/config';
import { type FindConfigParams, type FindConfigResult, LANGUAGE_ID, Requests } from '../../server/src/core/protocol';

// The repository type-checks against Node's types, not the DOM's: the Web Worker
// constructor of the extension host, as far as it is used here.
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function newLanguageClient(context: ExtensionContext, clientOptions: LanguageClientOptions): BaseLanguageClient {
  const worker = new Worker(Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true));
  // Documents of every scheme: vscode-vfs on vscode.dev, vscode-remote in code-server, untitled.
  const options: LanguageClientOptions = { ...clientOptions, documentSelector: [{ language: LANGUAGE_ID }] };
  const client = new LanguageClient(LANGUAGE_ID, 'Hanke', options, worker);
  client.onRequest(Requests.findConfig, (p: FindConfigParams) => findConfigFile(p.uri));
  return client;
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
