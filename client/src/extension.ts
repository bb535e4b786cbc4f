// The VS Code client of the hanke language server. Thin on purpose: it starts
// dist/server.js, forwards `hanke` documents and settings, and adds four commands
// and the switch of plain-text descriptions to the `hanke` language. Everything that
// knows the format (parsing, rules, messages) lives in the server.
import {
  type CancellationToken,
  commands,
  type Diagnostic,
  DiagnosticSeverity,
  env,
  type ExtensionContext,
  type FileSystemWatcher,
  l10n,
  languages,
  type OutputChannel,
  ProgressLocation,
  Range,
  type TextDocument,
  Uri,
  window,
  workspace,
} from 'vscode';
// The browser build maps this import to vscode-languageclient/browser (build.mjs): only
// what both have is used here; how the server is started is in ./language-client.
import { type BaseLanguageClient, type LanguageClientOptions, RequestType, State } from 'vscode-languageclient/node';
import { looksLikeDescription } from '../../server/src/core/detect';
import type { Severity } from '../../server/src/core/rules/types';
import { countSeverities } from '../../server/src/core/tally';
import {
  CONFIG_SECTION,
  Commands,
  DIAGNOSTIC_SOURCE,
  type HankeInitializationOptions,
  LANGUAGE_ID,
  type LintFilesParams,
  type LintFilesResult,
  Requests,
  type TemplateParams,
  type TemplateResult,
} from '../../server/src/core/protocol';
import { lintableUri, newLanguageClient } from './language-client';
import { Preview, previewTarget } from './preview';
import { docsUrlOf, isBundledPage } from './rule-docs';

const TemplateRequest = new RequestType<TemplateParams, TemplateResult, void>(Requests.template);
const LintFilesRequest = new RequestType<LintFilesParams, LintFilesResult, void>(Requests.lintFiles);

/** Files the workspace lint looks at, and what it skips. */
const LINT_GLOB = '**/*.{txt,hanke}';
const LINT_EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** URIs per `hanke/lintFiles` request: progress and cancellation between batches. */
const LINT_BATCH = 50;
/** Plain-text detection reads at most this many lines (detect.ts looks at the first 40 non-blank). */
const DETECT_LINES = 200;
/** Schemes whose plain-text documents may be switched to `hanke` (not output panes and the like). */
const DETECT_SCHEMES = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'git']);

let client: BaseLanguageClient | undefined;
let starting: Promise<void> | undefined;
let output: OutputChannel;
/** `.hankerc.json` changes, forwarded to the server (which rereads its configuration). */
let configWatcher: FileSystemWatcher;

/** The bundled rule pages (docs/rules/<id>.md in the extension), as a URI ending in `/`. */
let docsBase: string;

// ---------------------------------------------------------------- messages
// The extension's own strings follow VS Code's display language (vscode.l10n, with
// l10n/bundle.l10n.fi.json); `hanke.locale` sets the language of the server's messages,
// hovers, completion and the new-description template.

type Locale = 'fi' | 'en';

/** The language of the server's texts: `hanke.locale`, or the editor's display language when `auto`. */
function locale(): Locale {
  const setting = workspace.getConfiguration(CONFIG_SECTION).get<string>('locale', 'auto');
  if (setting === 'fi' || setting === 'en') return setting;
  return env.language.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs a command body; failures go to the output channel and an error message, never unhandled. */
function guarded<A extends unknown[]>(name: string, body: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (e) {
      output.appendLine(`[${name}] ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void window.showErrorMessage(`Hanke: ${errorText(e)}`);
    }
  };
}

// ---------------------------------------------------------------- the client

function createClient(context: ExtensionContext): BaseLanguageClient {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server pulls settings with workspace/configuration; this also notifies it of changes.
    synchronize: {
      configurationSection: CONFIG_SECTION,
      fileEvents: configWatcher,
    },
    // The extension runs "show rule documentation" itself. Diagnostics are pushed: VS Code's
    // client would pull them only for documents shown in a tab, and the workspace is
    // linted on request (hanke/lintFiles). Diagnostics link each rule's page bundled with
    // the extension (docsBase: works offline).
    initializationOptions: { clientCommands: [Commands.openRuleDocs, Commands.showPreview], diagnostics: 'push', docsBase } satisfies HankeInitializationOptions,
    outputChannel: output,
    // vscode-languageclient's default error handler restarts a crashed server up to
    // 4 times within 3 minutes, then gives up with a message; stated here explicitly.
    connectionOptions: { maxRestartCount: 4 },
  };
  return newLanguageClient(context, clientOptions);
}

function startClient(context: ExtensionContext): Promise<void> {
  client = createClient(context);
  starting = client.start().catch((e: unknown) => {
    output.appendLine(`The Hanke language server did not start: ${errorText(e)}`);
    throw e;
  });
  starting.catch(() => undefined); // reported above; commands await it again
  return starting;
}

/**
 * The running client: started when needed, and restarted when its start failed or it
 * stopped for good (after more crashes than the error handler restarts).
 */
async function readyClient(context: ExtensionContext): Promise<BaseLanguageClient> {
  if (!client || !starting) {
    await startClient(context);
  } else {
    try {
      await starting;
    } catch {
      await restartServer(context);
    }
    if (client?.state === State.Stopped) await restartServer(context);
  }
  return client!;
}

async function restartServer(context: ExtensionContext): Promise<void> {
  const old = client;
  if (old?.isRunning()) {
    // stop + start, as the Node client's restart() does (the browser client has no restart()).
    starting = old.stop().then(() => old.start());
    await starting;
    return;
  }
  // Never started, or its start failed: a client cannot start twice, so make a new one.
  client = undefined;
  if (old) await old.dispose(2000).catch(() => undefined);
  await startClient(context);
}

// ---------------------------------------------------------------- commands

async function newDescription(context: ExtensionContext): Promise<void> {
  const c = await readyClient(context);
  const { text } = await c.sendRequest(TemplateRequest, { locale: locale() });
  const doc = await workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await window.showTextDocument(doc);
}

/** The core's severity of an editor diagnostic. */
const SEVERITY_OF: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

async function lintWorkspace(context: ExtensionContext): Promise<void> {
  if (!workspace.workspaceFolders?.length) {
    void window.showInformationMessage(l10n.t('Hanke: open a folder or workspace first.'));
    return;
  }
  const c = await readyClient(context);
  const totals = { files: 0, errors: 0, warnings: 0 };
  let cancelled = false;
  let skipped = 0;
  await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Hanke: linting the workspace'), cancellable: true }, async (progress, token: CancellationToken) => {
    const found = await workspace.findFiles(LINT_GLOB, LINT_EXCLUDE, undefined, token);
    // The desktop server reads the files itself, so only files on disk; the web one asks the client.
    const uris = found.filter(lintableUri).sort((a, b) => a.path.localeCompare(b.path));
    skipped = found.length - uris.length;
    for (let i = 0; i < uris.length; i += LINT_BATCH) {
      if (token.isCancellationRequested) break;
      const batch = uris.slice(i, i + LINT_BATCH);
      try {
        const r = await c.sendRequest(LintFilesRequest, { uris: batch.map((u) => c.code2ProtocolConverter.asUri(u)) }, token);
        totals.files += r.files;
        totals.errors += r.errors;
        totals.warnings += r.warnings;
      } catch (e) {
        if (token.isCancellationRequested) break;
        throw e;
      }
      const done = Math.min(i + LINT_BATCH, uris.length);
      progress.report({ increment: (batch.length / uris.length) * 100, message: `${done}/${uris.length}` });
    }
    cancelled = token.isCancellationRequested;
    // The server skips files open in the editor (their findings are live): count those here.
    const open = new Set(workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID).map((d) => d.uri.toString()));
    for (const uri of uris) {
      if (!open.has(uri.toString())) continue;
      const findings = languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
      totals.files++;
      const counts = countSeverities(findings, (d) => SEVERITY_OF[d.severity]);
      totals.errors += counts.errors;
      totals.warnings += counts.warnings;
    }
  });
  await commands.executeCommand('workbench.actions.view.problems');
  const summary = l10n.t(
    'Hanke: {0} checked: {1}, {2}.',
    totals.files === 1 ? l10n.t('{0} description', totals.files) : l10n.t('{0} descriptions', totals.files),
    totals.errors === 1 ? l10n.t('{0} error', totals.errors) : l10n.t('{0} errors', totals.errors),
    totals.warnings === 1 ? l10n.t('{0} warning', totals.warnings) : l10n.t('{0} warnings', totals.warnings),
  );
  const notes = [cancelled ? l10n.t('Cancelled.') : '', skipped ? l10n.t('{0} file(s) not on disk were skipped.', skipped) : ''].filter(Boolean);
  void window.showInformationMessage([summary, ...notes].join(' '));
}

function ruleName(d: Diagnostic): string {
  const code = d.code;
  if (typeof code === 'object' && code) return String(code.value);
  return code === undefined ? '' : String(code);
}

/** The findings at the cursor (or on its line) that have documentation; asks when several. */
async function docsAtCursor(): Promise<string | undefined> {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const all = languages
    .getDiagnostics(editor.document.uri)
    .map((d) => ({ d, url: docsUrlOf(d, docsBase) }))
    .filter((x): x is { d: Diagnostic; url: string } => x.url !== undefined);
  const positions = editor.selections.map((s) => s.active);
  let here = all.filter(({ d }) => positions.some((p) => d.range.contains(p)));
  if (here.length === 0) here = all.filter(({ d }) => positions.some((p) => d.range.start.line <= p.line && p.line <= d.range.end.line));
  const unique = [...new Map(here.map((x) => [x.url, x])).values()];
  if (unique.length <= 1) return unique[0]?.url;
  const pick = await window.showQuickPick(
    unique.map((x) => ({ label: ruleName(x.d) || x.url, detail: x.d.message, url: x.url })),
    { placeHolder: l10n.t('Open the documentation of which rule?') },
  );
  return pick?.url;
}

async function openRuleDocs(arg?: unknown): Promise<void> {
  const url = docsUrlOf(arg, docsBase) ?? (await docsAtCursor());
  if (!url) {
    void window.showInformationMessage(l10n.t('Hanke: there is no finding at the cursor.'));
    return;
  }
  const uri = Uri.parse(url, true);
  if (!isBundledPage(url, docsBase)) {
    await env.openExternal(uri);
    return;
  }
  // A page bundled with the extension: its Markdown preview (the built-in Markdown
  // extension), or the page itself where there is no preview.
  try {
    await commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await window.showTextDocument(uri, { preview: true });
  }
}

// ---------------------------------------------------------------- plain-text detection

/** Documents this extension switched to `hanke` (or is switching), and those the user switched back. */
const switched = new Set<string>();
const pending = new Set<string>();
const reverted = new Set<string>();

/**
 * Switches a plain-text document that looks like a description to `hanke`. `opened` is
 * true for onDidOpenTextDocument, which is also how a change of language shows: a
 * document we switched that opens as plain text again was switched back by the user,
 * and stays plain text until it is closed.
 */
function detectPlainText(doc: TextDocument, opened = false): void {
  if (doc.languageId !== 'plaintext' || !DETECT_SCHEMES.has(doc.uri.scheme)) return;
  const key = doc.uri.toString();
  if (pending.has(key) || reverted.has(key)) return;
  if (switched.has(key)) {
    if (opened) {
      switched.delete(key);
      reverted.add(key);
    }
    return;
  }
  if (!workspace.getConfiguration(CONFIG_SECTION, doc.uri).get<boolean>('detectPlainText', true)) return;
  const head = doc.getText(new Range(0, 0, Math.min(doc.lineCount, DETECT_LINES), 0));
  if (!looksLikeDescription(head)) return;
  switched.add(key);
  pending.add(key);
  languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(
    () => pending.delete(key),
    (e: unknown) => {
      pending.delete(key);
      switched.delete(key);
      output.appendLine(`Could not switch ${key} to ${LANGUAGE_ID}: ${errorText(e)}`);
    },
  );
}

function forgetIfClosed(doc: TextDocument): void {
  const key = doc.uri.toString();
  if (!switched.has(key) && !reverted.has(key)) return;
  // A change of language closes and reopens the document at once; a real close does not.
  setTimeout(() => {
    if (!workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      switched.delete(key);
      reverted.delete(key);
    }
  }, 0);
}

// ---------------------------------------------------------------- activation

export function activate(context: ExtensionContext): void {
  output = window.createOutputChannel('Hanke');
  docsBase = `${Uri.joinPath(context.extensionUri, 'docs', 'rules').toString()}/`;
  configWatcher = workspace.createFileSystemWatcher('**/.hankerc.json');
  context.subscriptions.push(output, configWatcher);
  const preview = new Preview(
    () => readyClient(context),
    (s) => output.appendLine(s),
  );
  context.subscriptions.push(preview);

  void startClient(context).catch(() => {
    void window.showErrorMessage(l10n.t('Hanke: the language server did not start. See the "Hanke" output.'));
  });

  context.subscriptions.push(
    commands.registerCommand(
      Commands.newDescription,
      guarded('newDescription', () => newDescription(context)),
    ),
    commands.registerCommand(
      Commands.lintWorkspace,
      guarded('lintWorkspace', () => lintWorkspace(context)),
    ),
    commands.registerCommand(
      Commands.openRuleDocs,
      guarded('openRuleDocumentation', (arg?: unknown) => openRuleDocs(arg)),
    ),
    commands.registerCommand(
      Commands.restartServer,
      guarded('restartServer', () => restartServer(context)),
    ),
    commands.registerCommand(
      Commands.showPreview,
      guarded('showPreview', async (arg?: unknown, section?: unknown) => {
        const uri = previewTarget(arg);
        if (!uri) {
          void window.showInformationMessage(l10n.t('Hanke: open a project description first.'));
          return;
        }
        await preview.show(uri, typeof section === 'string' ? section : undefined);
      }),
    ),
    workspace.onDidOpenTextDocument((doc) => detectPlainText(doc, true)),
    workspace.onDidCloseTextDocument(forgetIfClosed),
    window.onDidChangeActiveTextEditor((editor) => editor && detectPlainText(editor.document)),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${CONFIG_SECTION}.detectPlainText`)) workspace.textDocuments.forEach((d) => detectPlainText(d));
    }),
  );
  for (const doc of workspace.textDocuments) detectPlainText(doc);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop().catch(() => undefined);
}
