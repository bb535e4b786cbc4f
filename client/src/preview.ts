// The live preview: a webview beside the editor showing the description as its public
// project page reads. The page itself comes from the server (hanke/preview, rendered by
// core/preview.ts); this module only frames it: a strict CSP (no network, only this
// page's own inline style and script, by nonce), VS Code's theme colours, updates as the
// text changes, scrolling to where the cursor is, and moving the cursor where the page
// is clicked. It uses only the vscode API, so it runs in the browser extension too.
import { type Disposable, l10n, Range, Selection, type TextDocument, type TextEditor, TextEditorRevealType, Uri, ViewColumn, type WebviewPanel, window, workspace } from 'vscode';
import { type BaseLanguageClient, RequestType } from 'vscode-languageclient/node';
import { LANGUAGE_ID, type PreviewParams, type PreviewResult, Requests, Views } from '../../server/src/core/protocol';
import { nonce, previewShell } from './preview-shell';

const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>(Requests.preview);

/** Messages from the page. */
type FromPage = { type: 'ready' } | { type: 'reveal'; line: number };

/**
 * One preview panel that shows the `hanke` document it was opened for, and the next one
 * whose editor becomes active.
 */
export class Preview implements Disposable {
  private panel: WebviewPanel | undefined;
  private uri: Uri | undefined;
  private subscriptions: Disposable[] = [];
  private inFlight = false;
  private again = false;
  private pendingSection: string | undefined;

  constructor(
    private readonly client: () => Promise<BaseLanguageClient>,
    private readonly log: (s: string) => void,
  ) {}

  /** Opens (or reveals) the preview beside the editor, at `section` if given. */
  async show(uri: Uri, section?: string): Promise<void> {
    this.pendingSection = section;
    if (!this.panel) this.create();
    else this.panel.reveal(ViewColumn.Beside, true);
    this.setDocument(uri);
    await this.refresh();
  }

  private create(): void {
    const panel = window.createWebviewPanel(
      Views.preview,
      l10n.t('Preview'),
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        // No files of the extension or of the disk: the page is self-contained.
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    this.panel = panel;
    panel.webview.html = previewShell(panel.webview.cspSource, nonce(), l10n.t('Loading…'));
    this.subscriptions.push(
      panel.onDidDispose(() => this.disposePanel()),
      panel.webview.onDidReceiveMessage((m: FromPage) => this.onMessage(m)),
      workspace.onDidChangeTextDocument((e) => {
        if (this.uri && e.document.uri.toString() === this.uri.toString()) void this.refresh();
      }),
      window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === LANGUAGE_ID && editor.document.uri.toString() !== this.uri?.toString()) {
          this.setDocument(editor.document.uri);
          void this.refresh();
        }
      }),
      window.onDidChangeTextEditorSelection((e) => {
        if (this.isOurs(e.textEditor.document) && e.selections[0]) void panel.webview.postMessage({ type: 'line', line: e.selections[0].active.line });
      }),
    );
  }

  private isOurs(doc: TextDocument): boolean {
    return !!this.uri && doc.uri.toString() === this.uri.toString();
  }

  private setDocument(uri: Uri): void {
    this.uri = uri;
    if (this.panel) this.panel.title = l10n.t('Preview {0}', uri.path.split('/').pop() ?? '');
  }

  private editorOf(uri: Uri): TextEditor | undefined {
    return window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  }

  /** Asks the server for the page of the current text; one request at a time, the last edit always shown. */
  private async refresh(): Promise<void> {
    if (!this.panel || !this.uri) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      do {
        this.again = false;
        const c = await this.client();
        const r = await c.sendRequest(PreviewRequest, { uri: c.code2ProtocolConverter.asUri(this.uri) });
        if (!this.panel) return;
        if (!r) continue;
        const line = this.editorOf(this.uri)?.selection.active.line;
        await this.panel.webview.postMessage({ type: 'update', html: r.html, version: r.version, line });
        if (this.pendingSection) {
          await this.panel.webview.postMessage({ type: 'section', number: this.pendingSection });
          this.pendingSection = undefined;
        }
      } while (this.again);
    } catch (e) {
      this.log(`[preview] ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      this.inFlight = false;
    }
  }

  private async onMessage(m: FromPage): Promise<void> {
    if (m.type === 'ready') {
      // The page (re)loaded: a new panel, or a hidden one shown again.
      await this.refresh();
    } else if (m.type === 'reveal' && this.uri && Number.isInteger(m.line)) {
      const editor = this.editorOf(this.uri) ?? (await window.showTextDocument(this.uri, { viewColumn: ViewColumn.One, preserveFocus: false }));
      const pos = editor.document.lineAt(Math.min(Math.max(0, m.line), editor.document.lineCount - 1)).range.start;
      editor.selection = new Selection(pos, pos);
      editor.revealRange(new Range(pos, pos), TextEditorRevealType.InCenterIfOutsideViewport);
      await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
  }

  private disposePanel(): void {
    for (const s of this.subscriptions) s.dispose();
    this.subscriptions = [];
    this.panel = undefined;
    this.uri = undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
  }
}

/** The document the command is for: its argument (a URI or a string), else the active `hanke` editor. */
export function previewTarget(arg: unknown): Uri | undefined {
  if (arg instanceof Uri) return arg;
  if (typeof arg === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(arg)) return Uri.parse(arg, true);
  const editor = window.activeTextEditor;
  return editor && editor.document.languageId === LANGUAGE_ID ? editor.document.uri : undefined;
}
