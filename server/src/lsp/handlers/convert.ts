// Core results → LSP types. The only place that knows both.
import { ruleDocsUrl } from '../../core/docs';
import { Diagnostic, DiagnosticSeverity, DocumentSymbol, type SymbolInformation, SymbolKind, TextEdit } from 'vscode-languageserver';
import type { Locale } from '../../core/config';
import type { Finding } from '../../core/lint';
import type { CrossFinding } from '../../core/cross-document';
import type { OutlineNode } from '../../core/outline';
import { DIAGNOSTIC_SOURCE } from '../../core/protocol';
import type { Severity, TextEdit as CoreEdit } from '../../core/rules/types';

/**
 * Where diagnostics link each rule's page: under the base the client gave in
 * `initializationOptions.docsBase` (the VS Code extension passes its bundled docs/rules/,
 * so the links work offline), else under the pages installed beside the server, else the
 * core's documentation URL.
 */
let docsBase: string | undefined;

const isFolderUri = (base: unknown): base is string => typeof base === 'string' && /^[a-z][a-z0-9+.-]*:\S*\/$/i.test(base);

export function setDocsBase(options: unknown, fallback?: string): void {
  const base = (options as { docsBase?: unknown } | null | undefined)?.docsBase;
  docsBase = isFolderUri(base) ? base : isFolderUri(fallback) ? fallback : undefined;
}

function docsHref(rule: string, fallback: string): string {
  return docsBase ? `${docsBase}${encodeURIComponent(rule)}.md` : fallback;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity of a diagnostic this server made (an absent one counts as an error, as the LSP says). */
export function severityOf(d: Pick<Diagnostic, 'severity'>): Severity {
  switch (d.severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

/** What a diagnostic carries in `data` (clients send it back untouched with a code-action request). */
export interface DiagnosticData {
  key: string;
}

/**
 * Identifies a finding by rule and range in the server's own UTF-16 columns: a client
 * that sends the diagnostic back with other columns (Neovim 0.7 counts bytes) still
 * gets the finding's quick fixes.
 */
export function findingKey(f: Pick<Finding, 'rule' | 'range'>): string {
  const r = f.range;
  return `${f.rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** A finding of the checks across documents (on a file of the workspace lint), its range in the client's columns. */
export function crossDiagnostic(f: CrossFinding, locale: Locale, range: Diagnostic['range']): Diagnostic {
  return diagnostic(f.rule, f.severity, range, f.message[locale], ruleDocsUrl(f.rule));
}

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  return { ...diagnostic(f.rule, f.severity, f.range, f.message[locale], f.docsUrl), data: { key: findingKey(f) } satisfies DiagnosticData };
}

function diagnostic(rule: string, severity: Severity, range: Diagnostic['range'], message: string, docsUrl: string): Diagnostic {
  return { range, severity: SEVERITY[severity], code: rule, codeDescription: { href: docsHref(rule, docsUrl) }, source: DIAGNOSTIC_SOURCE, message };
}

const SYMBOL: Record<OutlineNode['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  field: SymbolKind.Field,
  question: SymbolKind.Boolean,
  group: SymbolKind.Struct,
  item: SymbolKind.Number,
  partners: SymbolKind.Array,
  text: SymbolKind.String,
};

export function toSymbol(n: OutlineNode): DocumentSymbol {
  return {
    name: n.name,
    detail: n.detail,
    kind: SYMBOL[n.kind],
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(toSymbol),
  };
}

/** A symbol and its descendants as flat SymbolInformation, for clients without hierarchical symbols. */
export function toSymbolInformation(s: DocumentSymbol, uri: string, containerName?: string): SymbolInformation[] {
  const own: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(containerName ? { containerName } : {}) };
  return [own, ...(s.children ?? []).flatMap((c) => toSymbolInformation(c, uri, s.name))];
}

export function toTextEdit(e: CoreEdit): TextEdit {
  return { range: e.range, newText: e.newText };
}
