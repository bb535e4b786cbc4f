// What the connected client can do, read once from its `initialize` request. Every
// handler asks this instead of assuming VS Code: Neovim, Emacs eglot, Helix and Sublime
// LSP each leave out something VS Code has.
import type { InitializeParams, Position, Range } from 'vscode-languageserver';
import { Commands, type HankeInitializationOptions } from '../../core/protocol';

export type PositionEncoding = 'utf-16' | 'utf-8';

export interface ClientCaps {
  encoding: PositionEncoding;
  markdownHover: boolean;
  markdownCompletionDocs: boolean;
  hierarchicalSymbols: boolean;
  codeActionLiterals: boolean;
  applyEdit: boolean;
  showDocument: boolean;
  /** The client runs `hanke.openRuleDocumentation` itself. */
  runsDocsCommand: boolean;
  configuration: boolean;
  dynamicConfigurationChange: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  diagnosticVersions: boolean;
  codeDescription: boolean;
  inlayHints: boolean;
  inlayHintRefresh: boolean;
  codeLens: boolean;
  codeLensRefresh: boolean;
  /** The client runs `hanke.showPreview` itself (code lenses open the preview). */
  runsPreviewCommand: boolean;
}

/** What a client that says nothing can do: the LSP defaults. */
export const MINIMAL_CLIENT: ClientCaps = {
  encoding: 'utf-16',
  markdownHover: false,
  markdownCompletionDocs: false,
  hierarchicalSymbols: false,
  codeActionLiterals: false,
  applyEdit: false,
  showDocument: false,
  runsDocsCommand: false,
  configuration: false,
  dynamicConfigurationChange: false,
  pullDiagnostics: false,
  diagnosticRefresh: false,
  diagnosticVersions: false,
  codeDescription: false,
  inlayHints: false,
  inlayHintRefresh: false,
  codeLens: false,
  codeLensRefresh: false,
  runsPreviewCommand: false,
};

export function readClientCaps(params: Pick<InitializeParams, 'capabilities' | 'initializationOptions'>): ClientCaps {
  const c = params.capabilities ?? {};
  const td = c.textDocument ?? {};
  const options = (params.initializationOptions ?? {}) as HankeInitializationOptions;
  const encodings = c.general?.positionEncodings ?? [];
  return {
    // UTF-16 always works; UTF-8 when the client names it first (its preference).
    encoding: encodings[0] === 'utf-8' ? 'utf-8' : 'utf-16',
    markdownHover: (td.hover?.contentFormat ?? []).includes('markdown'),
    markdownCompletionDocs: (td.completion?.completionItem?.documentationFormat ?? []).includes('markdown'),
    hierarchicalSymbols: !!td.documentSymbol?.hierarchicalDocumentSymbolSupport,
    codeActionLiterals: !!td.codeAction?.codeActionLiteralSupport,
    applyEdit: !!c.workspace?.applyEdit,
    showDocument: !!c.window?.showDocument?.support,
    runsDocsCommand: Array.isArray(options.clientCommands) && options.clientCommands.includes(Commands.openRuleDocs),
    configuration: !!c.workspace?.configuration,
    dynamicConfigurationChange: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    pullDiagnostics: !!td.diagnostic && options.diagnostics !== 'push',
    diagnosticRefresh: !!c.workspace?.diagnostics?.refreshSupport,
    diagnosticVersions: !!td.publishDiagnostics?.versionSupport,
    codeDescription: !!td.publishDiagnostics?.codeDescriptionSupport,
    inlayHints: !!td.inlayHint,
    inlayHintRefresh: !!c.workspace?.inlayHint?.refreshSupport,
    codeLens: !!td.codeLens,
    codeLensRefresh: !!c.workspace?.codeLens?.refreshSupport,
    runsPreviewCommand: Array.isArray(options.clientCommands) && options.clientCommands.includes(Commands.showPreview),
  };
}

// ---------------------------------------------------------------- positions

/** Source of a document's lines, to convert columns. */
export interface LineSource {
  lineText(line: number): string;
}

/** UTF-8 bytes of the first `units` UTF-16 code units of `line`. */
export function utf16ToUtf8(line: string, units: number): number {
  let bytes = 0;
  const end = Math.min(units, line.length);
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes + Math.max(0, units - line.length);
}

/** UTF-16 code units of the first `bytes` UTF-8 bytes of `line` (a column inside a character goes to its start). */
export function utf8ToUtf16(line: string, bytes: number): number {
  let b = 0;
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    let w = 3;
    let units = 1;
    if (c < 0x80) w = 1;
    else if (c < 0x800) w = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      w = 4;
      units = 2;
    }
    if (b + w > bytes) return i;
    b += w;
    i += units;
  }
  return i + Math.max(0, bytes - b);
}

/** Converts positions between the server's UTF-16 columns and the negotiated encoding. */
export class Positions {
  constructor(readonly encoding: PositionEncoding) {}

  toClient(src: LineSource, p: Position): Position {
    if (this.encoding === 'utf-16') return p;
    return { line: p.line, character: utf16ToUtf8(src.lineText(p.line), p.character) };
  }

  fromClient(src: LineSource, p: Position): Position {
    if (this.encoding === 'utf-16') return p;
    return { line: p.line, character: utf8ToUtf16(src.lineText(p.line), p.character) };
  }

  rangeToClient(src: LineSource, r: Range): Range {
    if (this.encoding === 'utf-16') return r;
    return { start: this.toClient(src, r.start), end: this.toClient(src, r.end) };
  }

  rangeFromClient(src: LineSource, r: Range): Range {
    if (this.encoding === 'utf-16') return r;
    return { start: this.fromClient(src, r.start), end: this.fromClient(src, r.end) };
  }
}

/** The lines of a text, split once (for converting many positions of one version). */
export function linesOf(text: string): LineSource {
  let lines: string[] | undefined;
  return {
    lineText(line: number): string {
      lines ??= text.split(/\r\n|\r|\n/);
      return lines[line] ?? '';
    },
  };
}

/** Markdown as plain text, for clients that show hovers and documentation only as plain text. */
export function markdownToPlainText(md: string): string {
  return md
    .replace(/^(`{3,}|~{3,})[^\n]*\n([\s\S]*?)\n?\1[ \t]*$/gm, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[^\\\w])\*([^*\n]+)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\\\w])_([^_\n]+)_(?!\w)/g, '$1$2')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/^\s*---\s*$/gm, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
