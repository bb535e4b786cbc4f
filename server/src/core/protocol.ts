// Names shared by the language server and the VS Code client: custom requests,
// commands, the code action kind, the diagnostics' source, the preview's view type,
// the initialization options and the configuration section. Pure declarations, no
// runtime dependency. Every `hanke/…` and `hanke.…` id the client or the server's
// lsp/ side uses is declared here (test/unit/protocol-names.test.ts checks).

export const LANGUAGE_ID = 'hanke';
export const CONFIG_SECTION = 'hanke';
/** The `source` of every diagnostic the server publishes (the client filters the Problems panel by it). */
export const DIAGNOSTIC_SOURCE = 'hanke';

/** Custom requests the server answers beyond the LSP standard. */
export const Requests = {
  /** params: { locale?: 'fi' | 'en' } → { text: string } — a complete new description skeleton. */
  template: 'hanke/template',
  /**
   * params: { uris: string[] } → { files: number; errors: number; warnings: number }.
   * The server reads each file (file: URIs), lints it and publishes its diagnostics, so
   * findings of files that are not open show in the Problems panel.
   */
  lintFiles: 'hanke/lintFiles',
  /**
   * Server → client, in the browser (no file system in the Web Worker):
   * params: { uri: string } → { uri: string; text: string } | null — the .hankerc.json
   * nearest to the document, read by the client through workspace.fs.
   */
  findConfig: 'hanke/findConfig',
  /**
   * Server → client, in the browser, for the workspace lint: params: { uri: string } →
   * { text: string } | null — a file's text, read by the client through workspace.fs.
   */
  readFile: 'hanke/readFile',
  /**
   * params: { uri: string } → PreviewResult | null — the description rendered as its
   * public project page (core/preview.ts), for the live preview.
   */
  preview: 'hanke/preview',
} as const;

export interface PreviewParams {
  uri: string;
}
export interface PreviewResult {
  /** The document version the page shows. */
  version: number;
  /** An HTML fragment (no scripts, no external resources). */
  html: string;
  /** Each section's number and heading line, in document order (scroll sync). */
  sections: { number: string; line: number }[];
}

export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { text: string } | null;

export interface FindConfigParams {
  uri: string;
}
export type FindConfigResult = { uri: string; text: string } | null;

export interface TemplateParams {
  locale?: 'fi' | 'en';
}
export interface TemplateResult {
  text: string;
}
export interface LintFilesParams {
  uris: string[];
}
export interface LintFilesResult {
  files: number;
  errors: number;
  warnings: number;
}

/** Commands contributed by the client (package.json `contributes.commands`). */
export const Commands = {
  newDescription: 'hanke.newDescription',
  lintWorkspace: 'hanke.lintWorkspace',
  openRuleDocs: 'hanke.openRuleDocumentation',
  restartServer: 'hanke.restartServer',
  /** Opens the live preview beside the editor; arguments: [uri?, section number?]. */
  showPreview: 'hanke.showPreview',
} as const;

/** Commands the server itself executes (workspace/executeCommand), for clients that do not apply edits or open documents themselves. */
export const ServerCommands = {
  /** arguments: [WorkspaceEdit] — applied with workspace/applyEdit. */
  applyEdit: 'hanke.server.applyEdit',
  /** arguments: [url] — opened with window/showDocument. */
  showDocumentation: 'hanke.server.showRuleDocumentation',
} as const;

/** Methods the server uses inside itself, never sent over the wire (declared here so that every `hanke/` id has one home). */
export const InternalMethods = {
  /** A refused request is turned into this method, so that the connection answers it with an error (lsp/handlers/lifecycle.ts). */
  refused: '$/hanke/refused',
} as const;

/** Code action kinds beyond the standard ones. */
export const CodeActionKinds = {
  /** Every safe fix of the document (`editor.codeActionsOnSave`: `source.fixAll.hanke`). */
  fixAll: 'source.fixAll.hanke',
} as const;

/** Webview view types of the client. */
export const Views = {
  /** The live preview panel (client/src/preview.ts). */
  preview: 'hanke.preview',
} as const;

/** What the VS Code extension (or any client) says about itself in `initializationOptions`. */
export interface HankeInitializationOptions {
  /** Commands the client runs itself (the extension: `hanke.openRuleDocumentation`, `hanke.showPreview`). */
  clientCommands?: string[];
  /**
   * 'push': publish diagnostics even when the client could pull them. The extension asks
   * for this: VS Code's client pulls only for documents shown in an editor tab, and it
   * lints the rest of the workspace on request (`hanke/lintFiles`).
   */
  diagnostics?: 'push' | 'pull';
  /** A folder URI (ending in `/`) holding `<rule>.md` for each rule: the diagnostics' documentation links point there. */
  docsBase?: string;
  /**
   * The `hanke` settings for a client without workspace/configuration (Neovim 0.7's
   * `init_options`): locale, rules, inlay hints, code lenses. A later
   * workspace/didChangeConfiguration carrying `{ hanke: … }` replaces them.
   */
  locale?: HankeSettings['locale'];
  rules?: HankeSettings['rules'];
  inlayHints?: Record<string, boolean>;
  codeLenses?: Record<string, boolean>;
}

/** The settings the server reads (`hanke.*`). */
export interface HankeSettings {
  /** rule id → severity override or 'off'. */
  rules?: Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>;
  /** 'auto' follows the editor's display language. */
  locale?: 'auto' | 'fi' | 'en';
  /** Inlay hints by kind (`period`, `financing`, `municipalities`, `scores`); all on by default. */
  inlayHints?: Record<string, boolean>;
  /** Code lenses by kind (`project`, `financing`, `geography`); all on by default. */
  codeLenses?: Record<string, boolean>;
}
