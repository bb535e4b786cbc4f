// Entry point of the language server in a browser's Web Worker (dist/web/server.js, for
// the web extension): the same session and core as the Node server, over the worker's
// messages. .hankerc.json is read by the client (hanke/findConfig); files that are not
// open are not read here (the workspace lint needs Node).
import { BrowserMessageReader, BrowserMessageWriter, type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { parseConfig } from './core/config';
import { type FindConfigParams, type FindConfigResult, Requests } from './core/protocol';
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
  };
}

const life = lifecycle();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: life.strategy });
life.attach(connection);
serve(connection, browserHost(connection));
