// The language server: wires LSP requests to the pure core through thin handlers.
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection,
  type Diagnostic,
  DiagnosticSeverity,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type HankeConfig, type Locale, localeFrom, pick, validateRules } from './core/config';
import { CONFIG_SECTION, type HankeSettings, type LintFilesParams, type LintFilesResult, Requests, type TemplateParams, type TemplateResult } from './core/protocol';
import { foldingRanges, outline } from './core/outline';
import { descriptionTemplate } from './core/template';
import { fromCliDiagnostic, toDiagnostic, toSymbol } from './handlers/convert';
import { registerEditorFeatures } from './handlers/register';
import { ConfigLocator } from './node/files';
import { lintFile } from './cli/lint-files';
import { injectRuleFaults } from './core/lint';
import { type Analysis, AnalysisCache, combine, type DocumentSettings } from './state';
import pkg from '../../package.json';

/** A document whose lint took longer is linted in slices of about this long, yielding in between. */
const LINT_SLICE_MILLIS = 10;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Documents larger than this are linted after a pause proportional to the last lint's cost. */
const INSTANT_MILLIS = 25;
const MAX_DEBOUNCE = 400;

export function startServer(): void {
  // An editor keeps the server running for hours with many documents open, while each
  // request is small: a smaller young generation and tighter heap growth keep the
  // resident memory about 40 % lower (1 000 open descriptions: 178 → 107 MB, see
  // bench/) at no measurable cost in editing latency.
  setFlagsFromString('--optimize-for-size');
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  // A rule that fails on a document: its stack is logged once per document and rule (not on every keystroke).
  const loggedFailures = new Set<string>();
  const cache = new AnalysisCache(undefined, (uri, rule, e) => {
    const key = `${uri}\u0000${rule}`;
    if (loggedFailures.has(key)) return;
    loggedFailures.add(key);
    connection.console.error(`hanke: rule ${rule} failed on ${uri} (reported as internal-error; the other rules ran):\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  });
  if (process.env.HANKE_TEST_THROW_IN_RULE) injectRuleFaults(process.env.HANKE_TEST_THROW_IN_RULE.split(','));
  const locator = new ConfigLocator();
  const settingsCache = new Map<string, Promise<DocumentSettings>>();
  const pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  const configDiagnostics = new Set<string>();
  let clientLocale: Locale = 'en';
  let canPullConfig = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = localeFrom(params.locale) ?? 'en';
    canPullConfig = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        documentSymbolProvider: { label: 'Hanke' },
        foldingRangeProvider: true,
        ...editor.capabilities,
      },
      serverInfo: { name: 'hanke', version: pkg.version },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfig) {
      void connection.client.register(
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        { method: 'workspace/didChangeConfiguration' } as any,
        undefined,
      ).catch(() => undefined);
    }
  });

  async function fileConfig(uri: string): Promise<HankeConfig | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    // Read without blocking, only as a regular file of at most 1 MiB (a FIFO or /dev/zero is a broken configuration).
    const found = await locator.findAsync(dirname(path));
    if (!found) return undefined;
    const configUri = pathToFileURL(found.path).toString();
    const diags: Diagnostic[] = found.result.errors.map((e) => {
      const line = 0;
      return {
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'hanke',
        code: 'config',
        message: pick(e.message, clientLocale),
      };
    });
    if (diags.length || configDiagnostics.has(configUri)) {
      configDiagnostics.add(configUri);
      void connection.sendDiagnostics({ uri: configUri, diagnostics: diags });
    }
    return found.result.config;
  }

  async function fetchSettings(uri: string): Promise<DocumentSettings> {
    let editorSettings: HankeSettings = {};
    if (canPullConfig) {
      try {
        editorSettings = ((await connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })) as HankeSettings) ?? {};
      } catch {
        editorSettings = {};
      }
    }
    const fromFile = await fileConfig(uri);
    const { rules, errors } = validateRules(editorSettings.rules ?? {}, 'hanke.rules');
    for (const e of errors) connection.console.warn(pick(e.message, clientLocale));
    const localeSetting = checkedLocale(editorSettings.locale);
    const locale: Locale = localeSetting ?? fromFile?.locale ?? clientLocale;
    return combine(fromFile, rules, locale);
  }

  /** Invalid hanke.locale values already reported (once each, not per document). */
  const reportedLocales = new Set<string>();

  /** The hanke.locale setting when it is "fi" or "en"; anything else but "auto" is reported and the default used. */
  function checkedLocale(value: unknown): Locale | undefined {
    if (value === undefined || value === null || value === 'auto') return undefined;
    if (value === 'fi' || value === 'en') return value;
    const shown = JSON.stringify(value) ?? String(value);
    if (!reportedLocales.has(shown)) {
      reportedLocales.add(shown);
      const message = clientLocale === 'fi'
        ? `hanke.locale: arvo ${shown} ei kelpaa (sallitut: "auto", "fi", "en"); käytetään oletusta.`
        : `hanke.locale: invalid value ${shown} (allowed: "auto", "fi", "en"); using the default.`;
      connection.console.warn(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
    }
    return undefined;
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
  async function analysis(document: TextDocument): Promise<{ a: Analysis; s: DocumentSettings }> {
    const s = await settingsFor(document.uri);
    // A huge document is linted in slices: requests for other documents do not wait on it.
    return { a: await cache.getSliced(document, s.config, yieldToEventLoop, LINT_SLICE_MILLIS), s };
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    const { a, s } = await analysis(document);
    // A newer version arrived while settings were fetched: its own validation publishes.
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    void connection.sendDiagnostics({ uri: document.uri, version, diagnostics: a.findings.map((f) => toDiagnostic(f, s.locale)) });
  }

  function schedule(document: TextDocument): void {
    const prev = pending.get(document.uri);
    if (prev) {
      clearTimeout(prev as NodeJS.Timeout);
      clearImmediate(prev as NodeJS.Immediate);
    }
    const last = cache.peek(document.uri);
    const run = () => {
      pending.delete(document.uri);
      const doc = documents.get(document.uri);
      if (doc) validate(doc).catch((e) => connection.console.error(`hanke: validation failed: ${String(e)}`));
    };
    // Typical documents lint in well under a millisecond: publish at once. Huge ones wait
    // a little, in proportion to what the last lint cost, so typing stays fluid.
    if (!last || last.millis < INSTANT_MILLIS) pending.set(document.uri, setImmediate(run));
    else pending.set(document.uri, setTimeout(run, Math.min(MAX_DEBOUNCE, last.millis * 2)));
  }

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    const p = pending.get(e.document.uri);
    if (p) {
      clearTimeout(p as NodeJS.Timeout);
      clearImmediate(p as NodeJS.Immediate);
    }
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    for (const key of loggedFailures) if (key.startsWith(`${e.document.uri}\u0000`)) loggedFailures.delete(key);
    settingsCache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** Settings or a .hankerc.json changed: forget what was read and relint the open documents. */
  function reloadConfiguration(): void {
    settingsCache.clear();
    locator.clear();
    reportedLocales.clear();
    cache.invalidateAll();
    for (const d of documents.all()) schedule(d);
  }
  connection.onDidChangeConfiguration(reloadConfiguration);
  connection.onDidChangeWatchedFiles(reloadConfiguration);

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    return outline(a.doc).map(toSymbol);
  });

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
    let errors = 0;
    let warnings = 0;
    let files = 0;
    for (const uri of params?.uris ?? []) {
      if (token.isCancellationRequested) break;
      if (documents.get(uri)) continue; // open documents are linted live
      let path: string;
      try {
        path = fileURLToPath(uri);
      } catch {
        continue;
      }
      const s = await settingsFor(uri);
      const r = lintFile(path, { locale: s.locale, config: s.config, fromWalk: true });
      if (!r) continue;
      files++;
      for (const d of r.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
      void connection.sendDiagnostics({ uri, diagnostics: r.diagnostics.map((d, i) => fromCliDiagnostic(d, r.meta.docsUrls[i])) });
    }
    return { files, errors, warnings };
  });

  const editor = registerEditorFeatures({
    connection,
    documents,
    analysis,
  });

  documents.listen(connection);
  connection.listen();
}

