// The language server's session, the same in Node (lsp/main.ts) and in a browser's
// Web Worker (lsp/browser.ts): documents, settings, diagnostics (pushed, or pulled
// by clients of LSP 3.17) and the editor features, over any connection. What differs
// between the two — reading .hankerc.json and files that are not open — comes from the
// host.
import {
  type CancellationToken,
  MessageType,
  ShowMessageNotification,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Range,
  TextDocumentContentChangeEvent,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ConfigResult, type HankeConfig, type Locale, localeFrom, pick, validateRules } from '../../core/config';
import { notADescription as notADescriptionRule } from '../../core/rules/file/not-a-description';
import { foldingRanges, outline } from '../../core/outline';
import {
  CONFIG_SECTION,
  DIAGNOSTIC_SOURCE,
  type HankeInitializationOptions,
  type HankeSettings,
  type LintFilesParams,
  type LintFilesResult,
  Requests,
  type TemplateParams,
  type TemplateResult,
} from '../../core/protocol';
import { countSeverities, type SeverityCounts } from '../../core/tally';
import { descriptionTemplate } from '../../core/template';
import { type Analysis, AnalysisCache, combine, type DocumentSettings, type OffThreadAnalyzer } from '../state';
import { type ClientCaps, type LineSource, linesOf, MINIMAL_CLIENT, Positions, readClientCaps } from './client';
import { viewSettings } from './cockpit';
import { crossDiagnostic, setDocsBase, severityOf, toDiagnostic, toSymbol, toSymbolInformation } from './convert';
import { checkAcrossDocuments, type DocumentKeys } from '../../core/cross-document';
import { registerEditorFeatures } from './register';
import { version } from '../../../../package.json';

/** Documents larger than this are linted after a pause proportional to the last lint's cost. */
const INSTANT_MILLIS = 25;
const MAX_DEBOUNCE = 400;
/** How long the server waits for a `workspace/configuration` answer before using the defaults. */
export const CONFIGURATION_TIMEOUT = 1500;

/** A .hankerc.json that applies to a document. */
export interface ConfigFile {
  uri: string;
  result: ConfigResult;
}

/** A description file of the workspace, with a stamp that changes when the file does. */
export interface WorkspaceFile {
  uri: string;
  stamp: string;
}

/** What the environment provides: Node reads files itself, the browser asks the client. */
export interface ServerHost {
  /** The .hankerc.json nearest to the document, if any. */
  findConfig(uri: string): Promise<ConfigFile | undefined>;
  /** Forgets the configuration files read so far. */
  clearConfig(): void;
  /**
   * Lints a file that is not open; undefined when it is skipped (not a description) or
   * cannot be read. With `withText`, also the text the ranges refer to (for a client that
   * counts columns in UTF-8).
   */
  lintFile?(uri: string, settings: DocumentSettings, withText: boolean): Promise<{ diagnostics: Diagnostic[]; text?: string; keys?: DocumentKeys } | undefined>;
  /** The description files (.txt, .hanke) under the workspace folders. */
  workspaceFiles?(folderUris: string[]): WorkspaceFile[];
  /**
   * The folder (a URI ending in `/`) of the rule pages shipped beside the server, linked
   * when the client gives no `docsBase` of its own: editors other than VS Code then open
   * the installed page, offline.
   */
  bundledDocsBase?: string;
  /** Where huge documents are parsed and linted, off the thread that answers requests (Node: a worker thread). */
  analyzeOffThread?: OffThreadAnalyzer;
}

type Timer = ReturnType<typeof setTimeout>;

/** A document whose lint took longer is linted in slices of about this long, yielding in between. */
const LINT_SLICE_MILLIS = 10;
/** Lets other messages through (Node: after pending I/O; a Web Worker has no setImmediate). */
const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

export function serve(connection: Connection, host: ServerHost): void {
  let caps: ClientCaps = MINIMAL_CLIENT;
  let positions = new Positions('utf-16');
  // Incoming edits are in the client's encoding: converted change by change.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      if (positions.encoding === 'utf-16') return TextDocument.update(document, changes, version);
      let d = document;
      for (const c of changes) {
        const change = TextDocumentContentChangeEvent.isIncremental(c) ? { range: positions.rangeFromClient(linesOfDocument(d), c.range), text: c.text } : c;
        d = TextDocument.update(d, [change], version);
      }
      return d;
    },
  });
  // A rule that fails on a document: its stack is logged once per document and rule (not on every keystroke).
  const loggedFailures = new Set<string>();
  const cache = new AnalysisCache(
    undefined,
    (uri, rule, e) => {
      const key = `${uri}\u0000${rule}`;
      if (loggedFailures.has(key)) return;
      loggedFailures.add(key);
      connection.console.error(`hanke: rule ${rule} failed on ${uri} (reported as internal-error; the other rules ran):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    },
    host.analyzeOffThread,
  );
  /** Invalid `hanke.locale` values already reported (once each). */
  const reportedLocales = new Set<string>();
  const settingsCache = new Map<string, Promise<DocumentSettings>>();
  const pending = new Map<string, Timer>();
  const configDiagnostics = new Set<string>();
  /** Files whose diagnostics hanke/lintFiles pushed: cleared when they open in a client that pulls. */
  const pushedFiles = new Set<string>();
  let clientLocale: Locale = 'en';
  let initOptions: HankeInitializationOptions = {};
  /** Settings sent with workspace/didChangeConfiguration: used when the client cannot be asked. */
  let pushedSettings: HankeSettings = {};
  let folders: string[] = [];
  /** False once the client failed to answer workspace/configuration in time. */
  let configurationAnswers = true;
  /** Bumped whenever settings change: part of every diagnostic result id. */
  let generation = 0;
  const changeListeners = new Set<() => void>();
  const changed = () => {
    for (const l of [...changeListeners]) l();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = readClientCaps(params);
    positions = new Positions(caps.encoding);
    clientLocale = localeFrom(params.locale) ?? 'en';
    initOptions = (params.initializationOptions ?? {}) as HankeInitializationOptions;
    if (initOptions && typeof initOptions === 'object') {
      const { locale, rules } = initOptions;
      pushedSettings = { ...(locale !== undefined ? { locale } : {}), ...(rules !== undefined ? { rules } : {}) };
    }
    setDocsBase(params.initializationOptions, host.bundledDocsBase);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return {
      capabilities: {
        positionEncoding: caps.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'Hanke' },
        foldingRangeProvider: true,
        ...(caps.pullDiagnostics ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        ...editor.capabilities(caps),
      },
      serverInfo: { name: 'hanke', version },
    };
  });

  connection.onInitialized(() => {
    // Only a client that supports dynamic registration of this notification is asked to.
    if (caps.configuration && caps.dynamicConfigurationChange) {
      void connection.client
        .register(
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          { method: 'workspace/didChangeConfiguration' } as any,
          undefined,
        )
        .catch(() => undefined);
    }
  });

  async function fileConfig(uri: string): Promise<HankeConfig | undefined> {
    let found: ConfigFile | undefined;
    try {
      found = await host.findConfig(uri);
    } catch (e) {
      connection.console.warn(`hanke: cannot read the configuration for ${uri}: ${String(e)}`);
      return undefined;
    }
    if (!found) return undefined;
    const diags: Diagnostic[] = found.result.errors.map((e) => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: pick(e.message, clientLocale),
    }));
    if (diags.length || configDiagnostics.has(found.uri)) {
      configDiagnostics.add(found.uri);
      void connection.sendDiagnostics({ uri: found.uri, diagnostics: diags });
    }
    return found.result.config;
  }

  /** The client's `hanke` settings; the defaults when it cannot or does not answer in time. */
  async function editorSettings(uri: string): Promise<HankeSettings> {
    if (!caps.configuration || !configurationAnswers) return pushedSettings;
    let timer: Timer | undefined;
    const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), CONFIGURATION_TIMEOUT)));
    try {
      const answer = await Promise.race([connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }) as Promise<HankeSettings | null>, timeout]);
      if (answer === 'timeout') {
        configurationAnswers = false;
        connection.console.warn(`hanke: the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT} ms; using the default settings.`);
        return pushedSettings;
      }
      return answer && typeof answer === 'object' ? answer : {};
    } catch {
      return {};
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchSettings(uri: string): Promise<DocumentSettings> {
    const [settings, fromFile] = await Promise.all([editorSettings(uri), fileConfig(uri)]);
    const { rules, errors } = validateRules(settings.rules ?? {}, 'hanke.rules');
    for (const e of errors) connection.console.warn(pick(e.message, clientLocale));
    const locale: Locale = checkedLocale(settings.locale) ?? fromFile?.locale ?? clientLocale;
    return { ...combine(fromFile, rules, locale), view: viewSettings(initOptions, settings) };
  }

  function settingsFor(uri: string): Promise<DocumentSettings> {
    let s = settingsCache.get(uri);
    if (!s) {
      s = fetchSettings(uri);
      settingsCache.set(uri, s);
    }
    return s;
  }

  /** The analysis of the document's current version (computed at most once per version). */
  /** `hanke.locale` as set, when valid; an invalid value is reported once (log and message) and the default used. */
  function checkedLocale(value: unknown): Locale | undefined {
    if (value === undefined || value === null || value === 'auto') return undefined;
    if (value === 'fi' || value === 'en') return value;
    const shown = JSON.stringify(value) ?? String(value);
    if (!reportedLocales.has(shown)) {
      reportedLocales.add(shown);
      const message =
        clientLocale === 'fi'
          ? `hanke.locale: arvo ${shown} ei kelpaa (sallitut: "auto", "fi", "en"); käytetään oletusta.`
          : `hanke.locale: invalid value ${shown} (allowed: "auto", "fi", "en"); using the default.`;
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
    }
    return undefined;
  }

  /** The analysis of the document's current version; a huge document is linted in slices that let other requests through. */
  async function analysis(document: TextDocument): Promise<{ a: Analysis; s: DocumentSettings }> {
    const s = await settingsFor(document.uri);
    return { a: await cache.getSliced(document, s.config, yieldToEventLoop, LINT_SLICE_MILLIS), s };
  }

  /** The diagnostics of an analysis, in the client's encoding. */
  function diagnosticsOf(document: TextDocument, a: Analysis, s: DocumentSettings): Diagnostic[] {
    if (!a.description) return notADescription(document, s);
    const lines = linesOf(document.getText());
    return a.findings.map((f) => {
      const d = toDiagnostic(f, s.locale);
      return { ...d, range: positions.rangeToClient(lines, d.range) };
    });
  }

  /**
   * A document that does not look like a description (any `.txt` reaches the server in
   * editors that attach by file type) gets one quiet hint at its start, never the rule
   * catalogue; an empty one gets nothing, and `not-a-description: off` silences the hint.
   */
  function notADescription(document: TextDocument, s: DocumentSettings): Diagnostic[] {
    if (document.getText().trim() === '' || s.config.rules?.[notADescriptionRule.id] === 'off') return [];
    const message =
      s.locale === 'fi'
        ? 'Tiedosto ei näytä hankkeen kuvaukselta (alusta puuttuvat kuvauksen otsikkorivit ja osio "1 Hanke"), joten sääntöjä ei tarkisteta.'
        : 'The file does not look like a project description (no preamble and no section "1 Hanke" at its start), so the rules are not checked.';
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Hint, code: notADescriptionRule.id, source: DIAGNOSTIC_SOURCE, message }];
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    const { a, s } = await analysis(document);
    // A newer version arrived while settings were fetched: its own validation publishes.
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: diagnosticsOf(document, a, s) });
  }

  function cancelPending(uri: string): void {
    const prev = pending.get(uri);
    if (prev) clearTimeout(prev);
    pending.delete(uri);
  }

  function schedule(document: TextDocument): void {
    changed();
    // A client that pulls diagnostics asks for them itself.
    if (caps.pullDiagnostics) return;
    cancelPending(document.uri);
    const last = cache.peek(document.uri);
    const run = () => {
      pending.delete(document.uri);
      const doc = documents.get(document.uri);
      if (doc) validate(doc).catch((e) => connection.console.error(`hanke: validation failed: ${String(e)}`));
    };
    // Typical documents lint in well under a millisecond: publish at once. Huge ones wait
    // a little, in proportion to what the last lint cost, so typing stays fluid.
    pending.set(document.uri, setTimeout(run, !last || last.millis < INSTANT_MILLIS ? 0 : Math.min(MAX_DEBOUNCE, last.millis * 2)));
  }

  documents.onDidOpen((e) => {
    if (pushedFiles.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    schedule(e.document);
  });
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    cancelPending(e.document.uri);
    cache.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    if (!caps.pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    changed();
  });

  /** Settings or a .hankerc.json changed: forget what was read and relint the open documents. */
  function reloadConfiguration(): void {
    generation++;
    settingsCache.clear();
    host.clearConfig();
    cache.invalidateAll();
    if (caps.pullDiagnostics) {
      changed();
      if (caps.diagnosticRefresh) connection.sendRequest('workspace/diagnostic/refresh').catch(() => undefined);
    } else for (const d of documents.all()) schedule(d);
    editor.settingsChanged?.();
  }
  connection.onDidChangeConfiguration((params) => {
    // The push model (LSP's older way, e.g. Neovim 0.7, which cannot answer
    // workspace/configuration): the `hanke` section comes with the notification.
    const pushed = (params?.settings as { [CONFIG_SECTION]?: unknown } | null | undefined)?.[CONFIG_SECTION];
    if (pushed && typeof pushed === 'object' && !Array.isArray(pushed)) pushedSettings = pushed as HankeSettings;
    reloadConfiguration();
  });
  connection.onDidChangeWatchedFiles(reloadConfiguration);

  // ---------------------------------------------------------------- pull diagnostics (LSP 3.17)

  const resultIdOf = (document: TextDocument) => `${generation}:${document.version}`;

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: 'full', items: [] };
    const resultId = resultIdOf(document);
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    const { a, s } = await analysis(document);
    return { kind: 'full', resultId, items: diagnosticsOf(document, a, s) };
  });

  /** A file that is not open: its diagnostics (in the client's encoding), what it adds to the checks across documents, and its rules. */
  async function lintClosed(
    uri: string,
  ): Promise<{ diagnostics: Diagnostic[]; keys?: DocumentKeys; rules: DocumentSettings['config']['rules']; locale: Locale; toClient: (r: Range) => Range } | undefined> {
    if (!host.lintFile) return undefined;
    const utf8 = positions.encoding !== 'utf-16';
    const settings = await settingsFor(uri);
    const r = await host.lintFile(uri, settings, utf8);
    settingsCache.delete(uri);
    if (!r) return undefined;
    const base = { keys: r.keys, rules: settings.config.rules, locale: settings.locale };
    if (!utf8 || r.text === undefined) return { ...base, diagnostics: r.diagnostics, toClient: (x) => x };
    const lines = linesOf(r.text);
    const toClient = (x: Range) => positions.rangeToClient(lines, x);
    return { ...base, diagnostics: r.diagnostics.map((d) => ({ ...d, range: toClient(d.range) })), toClient };
  }

  /** Stamps of the workspace files as last reported, so that unchanged ones are not read again. */
  const reported = new Map<string, { stamp: string; items: Diagnostic[] }>();

  async function workspaceReports(previous: Map<string, string>): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    const open = new Set<string>();
    for (const document of documents.all()) {
      open.add(document.uri);
      const resultId = resultIdOf(document);
      if (previous.get(document.uri) === resultId) continue;
      const { a, s } = await analysis(document);
      reports.push({ kind: 'full', uri: document.uri, version: document.version, resultId, items: diagnosticsOf(document, a, s) });
    }
    if (!host.workspaceFiles || !host.lintFile) return reports;
    for (const f of host.workspaceFiles(folders)) {
      if (open.has(f.uri)) continue;
      const resultId = `${generation}:${f.stamp}`;
      if (previous.get(f.uri) === resultId) continue;
      let items = reported.get(f.uri)?.stamp === resultId ? reported.get(f.uri)!.items : undefined;
      if (!items) {
        items = (await lintClosed(f.uri))?.diagnostics;
        if (!items) continue;
        reported.set(f.uri, { stamp: resultId, items });
      }
      reports.push({ kind: 'full', uri: f.uri, version: null, resultId, items });
    }
    return reports;
  }

  /** Resolves at the next change of a document or of the settings, or when the request is cancelled. */
  function nextChange(token: CancellationToken): Promise<void> {
    return new Promise((res) => {
      const done = () => {
        changeListeners.delete(done);
        sub.dispose();
        res();
      };
      const sub = token.onCancellationRequested(done);
      changeListeners.add(done);
    });
  }

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    // Nothing new: hold the request until something changes (the client asks again at once
    // otherwise), as the protocol allows for workspace diagnostics.
    for (;;) {
      const items = await workspaceReports(previous);
      if (items.length || token.isCancellationRequested || previous.size === 0) return { items };
      await nextChange(token);
    }
  });

  // ---------------------------------------------------------------- outline, folding, custom requests

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    const lines = linesOf(document.getText());
    const symbols = outline(a.doc)
      .map(toSymbol)
      .map((s) => symbolToClient(s, lines));
    return caps.hierarchicalSymbols ? symbols : symbols.flatMap((s) => toSymbolInformation(s, document.uri));
  });

  function symbolToClient<S extends { range: Diagnostic['range']; selectionRange: Diagnostic['range']; children?: S[] }>(s: S, lines: LineSource): S {
    return {
      ...s,
      range: positions.rangeToClient(lines, s.range),
      selectionRange: positions.rangeToClient(lines, s.selectionRange),
      children: s.children?.map((c) => symbolToClient(c, lines)),
    };
  }

  connection.onFoldingRanges(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    return foldingRanges(a.doc);
  });

  connection.onRequest(Requests.template, (params: TemplateParams | undefined): TemplateResult => {
    void params;
    return { text: descriptionTemplate() };
  });

  connection.onRequest(Requests.lintFiles, async (params: LintFilesParams, token): Promise<LintFilesResult> => {
    const counts: SeverityCounts = { errors: 0, warnings: 0, other: 0 };
    let files = 0;
    const linted: { uri: string; r: NonNullable<Awaited<ReturnType<typeof lintClosed>>> }[] = [];
    for (const uri of params?.uris ?? []) {
      if (token.isCancellationRequested) break;
      if (documents.get(uri)) continue; // open documents are linted live
      const r = await lintClosed(uri);
      if (r) linted.push({ uri, r });
    }
    // The checks across the linted files (duplicate-project-code, conflicting-applicant).
    const cross = checkAcrossDocuments(linted.map(({ uri, r }) => ({ file: fileLabel(uri, folders), keys: r.keys, rules: r.rules })));
    for (const f of cross.findings) {
      const { r } = linted[f.index];
      r.diagnostics.push(crossDiagnostic(f, r.locale, r.toClient(f.range)));
      r.diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
    for (const { uri, r } of linted) {
      const diagnostics = r.diagnostics;
      files++;
      countSeverities(diagnostics, severityOf, counts);
      if (caps.pullDiagnostics) pushedFiles.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    return { files, errors: counts.errors, warnings: counts.warnings };
  });

  const editor = registerEditorFeatures({
    connection,
    documents,
    analysis,
    caps: () => caps,
    positions: () => positions,
  });

  documents.listen(connection);
  connection.listen();
}

function linesOfDocument(d: TextDocument): LineSource {
  return {
    lineText(line: number): string {
      return d.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    },
  };
}

/** A workspace file as named in the messages of the checks across documents: relative to its folder, else its path. */
function fileLabel(uri: string, folders: readonly string[]): string {
  const folder = folders.find((f) => uri.startsWith(f.endsWith('/') ? f : `${f}/`));
  const rest = folder ? uri.slice(folder.length).replace(/^\//, '') : uri.replace(/^file:\/\//, '');
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
