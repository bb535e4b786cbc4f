// How the desktop extension starts the language server: dist/server.js in Node, over IPC.
// (The browser build uses language-client.browser.ts instead: a Web Worker.)
import type { ExtensionContext, Uri } from 'vscode';
import { type BaseLanguageClient, LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../server/src/core/protocol';

export function newLanguageClient(context: ExtensionContext, clientOptions: LanguageClientOptions): BaseLanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The id `hanke` makes the client honour the `hanke.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, 'Hanke', serverOptions, clientOptions);
}

/** The workspace lint: the server reads the files itself, so only files on disk. */
export function lintableUri(uri: Uri): boolean {
  return uri.scheme === 'file';
}
