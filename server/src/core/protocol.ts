// Names shared by the language server and the VS Code client: custom requests,
// commands and the configuration section. Pure declarations, no runtime dependency.

export const LANGUAGE_ID = 'hanke';
export const CONFIG_SECTION = 'hanke';

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
