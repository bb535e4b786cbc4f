// The protocol's lifecycle, enforced before any handler runs: a request before
// `initialize` is refused with ServerNotInitialized (-32002) and one after `shutdown`
// with InvalidRequest; notifications then are dropped, except `exit`. vscode-languageserver
// answers them all, so the check sits in the connection's message strategy, which sees
// every incoming message first.
import { type Connection, ErrorCodes, Message, type MessageStrategy, type RequestMessage, ResponseError } from 'vscode-languageserver';
import { InternalMethods } from '../../core/protocol';

/** Internal method a refused request is turned into, so that the connection answers it with an error. */
const REFUSED = InternalMethods.refused;

interface Refusal {
  code: number;
  message: string;
}

export interface Lifecycle {
  strategy: MessageStrategy;
  /** Installs the handler that answers refused requests. */
  attach(connection: Connection): void;
}

export function lifecycle(): Lifecycle {
  let state: 'new' | 'running' | 'shut down' = 'new';
  const refuse = (m: RequestMessage, r: Refusal): RequestMessage => ({ ...m, method: REFUSED, params: r });
  return {
    strategy: {
      handleMessage(message: Message, next: (message: Message) => void): void {
        if (Message.isRequest(message)) {
          if (message.method === 'initialize') {
            if (state !== 'new') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' }));
            state = 'running';
            return next(message);
          }
          if (state === 'new') return next(refuse(message, { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: ${message.method} before initialize.` }));
          if (state === 'shut down') return next(refuse(message, { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: ${message.method} after shutdown.` }));
          if (message.method === 'shutdown') state = 'shut down';
          return next(message);
        }
        if (Message.isNotification(message) && message.method !== 'exit' && state !== 'running') return;
        next(message);
      },
    },
    attach(connection: Connection): void {
      connection.onRequest(REFUSED, (r: Refusal) => new ResponseError(r.code, r.message));
    },
  };
}
