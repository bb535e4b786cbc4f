// Entry point of the language server in a browser's Web Worker (dist/web/server.js, for
// the web extension): the same session and core as the Node server, over the worker's
// messages. There is no file system here: .hankerc.json (hanke/findConfig) and, for the
// workspace lint, files that are not open (hanke/readFile) are read by the client.
import { BrowserMessageReader, BrowserMessageWriter, type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { parseConfig } from '../core/config';
import { looksLikeDescription } from '../core/detect';
import { analyze } from '../core/lint';
import { type FindConfigParams, type FindConfigResult, type ReadFileParams, type ReadFileResult, Requests } from '../core/protocol';
import { toDiagnostic } from './handlers/convert';
import { lifecycle } from './handlers/lifecycle';
import { type ConfigFile, type ServerHost, serve } from './handlers/session';

// The worker's global scope (the repository type-checks against Node's types, not the DOM's).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

export function browserHost(connection: Connection): ServerHost {
  const cache = new Map<string, Promise<ConfigFile | undefined>>();
  const read = async (uri: string): Promise<ConfigFile | undefined> => {
    if (uri.startsWith('untitled:')) return undefined;
    const found = await connection.sendRequest<FindConfigResult>(Requests.findConfig, { uri } satisfies FindConfigParams);
    return found ? { uri: found.uri, result: parseConfig(found.text, found.uri) } : undefined;
  };
  return {
    findConfig(uri: string) {
      const dir = uri.replace(/\/[^/]*$/, '/');
      let hit = cache.get(dir);
      if (!hit) {
        hit = read(uri);
        cache.set(dir, hit);
      }
      return hit;
    },
    clearConfig: () => cache.clear(),
    /** Like the CLI on a file found in a folder: a text that is not a description is skipped. */
    async lintFile(uri, settings) {
      const read = await connection.sendRequest<ReadFileResult>(Requests.readFile, { uri } satisfies ReadFileParams).catch(() => null);
      if (!read) return undefined;
      const text = read.text.replace(/^\uFEFF/, '');
      if (!looksLikeDescription(text)) return undefined;
      return { diagnostics: analyze(text, settings.config).findings.map((f) => toDiagnostic(f, settings.locale)), text };
    },
  };
}

const life = lifecycle();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: life.strategy });
life.attach(connection);
serve(connection, browserHost(connection));
