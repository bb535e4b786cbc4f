// A minimal stand-in for the `vscode` module, for timing the extension's activation
// outside the editor (bench/activation.cjs). It implements what dist/client.js and
// vscode-languageclient touch while loading and activating: events, disposables, URIs,
// configuration defaults, an output channel, command registration. Calls cost next to
// nothing, as in the real extension host, where they only queue messages to the window.
// Classes the client only extends or reads constants from are made on first access.
'use strict';

class Disposable {
  constructor(onDispose) {
    this.onDispose = onDispose;
  }
  dispose() {
    const f = this.onDispose;
    this.onDispose = undefined;
    f?.();
  }
  static from(...items) {
    return new Disposable(() => items.forEach((d) => d?.dispose?.()));
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener, thisArg, disposables) => {
      const f = thisArg ? listener.bind(thisArg) : listener;
      this.listeners.add(f);
      const d = new Disposable(() => this.listeners.delete(f));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(e) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}

class Uri {
  constructor(scheme, path) {
    this.scheme = scheme;
    this.path = path;
    this.fsPath = path;
  }
  static file(path) {
    return new Uri('file', path);
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, [base.path.replace(/\/+$/, ''), ...parts].join('/'));
  }
  static parse(s) {
    const i = s.indexOf(':');
    return new Uri(s.slice(0, i), s.slice(i + 1).replace(/^\/\//, ''));
  }
  with() {
    return this;
  }
  toString() {
    return `${this.scheme}://${this.path}`;
  }
}

const event = () => new EventEmitter().event;
const noop = () => undefined;

/** Unknown members of a namespace: `onDid…`/`onWill…` are events, anything else a registration. */
function namespace(members) {
  return new Proxy(members, {
    get(target, p) {
      if (p in target || typeof p === 'symbol') return target[p];
      const value = /^on(Did|Will)/.test(p) ? event() : () => new Disposable();
      target[p] = value;
      return value;
    },
  });
}

/** A class the client extends or reads static constants (enums, kinds) from. */
function autoClass(name) {
  const C = class {};
  Object.defineProperty(C, 'name', { value: name });
  return new Proxy(C, {
    get(target, p) {
      if (p in target || typeof p === 'symbol') return target[p];
      return `${name}.${String(p)}`;
    },
  });
}

function createVscode(options = {}) {
  const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: noop, update: async () => undefined };
  const output = { name: 'Hanke', append: noop, appendLine: noop, replace: noop, clear: noop, show: noop, hide: noop, dispose: noop };
  const watcher = () => ({ onDidCreate: event(), onDidChange: event(), onDidDelete: event(), dispose: noop });
  const api = {
    Disposable,
    EventEmitter,
    Uri,
    version: options.version ?? '1.95.0',
    env: namespace({ language: options.language ?? 'en', appName: 'bench', appRoot: '', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined }),
    window: namespace({ createOutputChannel: () => output, activeTextEditor: undefined, visibleTextEditors: [], showErrorMessage: async () => undefined }),
    workspace: namespace({
      textDocuments: [],
      workspaceFolders: undefined,
      getConfiguration: () => configuration,
      createFileSystemWatcher: watcher,
    }),
    languages: namespace({ createDiagnosticCollection: () => ({ set: noop, delete: noop, clear: noop, forEach: noop, dispose: noop }) }),
    commands: namespace({ registerCommand: () => new Disposable(), executeCommand: async () => undefined }),
    extensions: namespace({ all: [], getExtension: noop }),
  };
  return new Proxy(api, {
    get(target, p) {
      if (p in target || typeof p === 'symbol') return target[p];
      return (target[p] = autoClass(String(p)));
    },
  });
}

module.exports = { createVscode };
