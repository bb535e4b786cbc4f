// Core results → LSP types. The only place that knows both.
import { Diagnostic, DiagnosticSeverity, DocumentSymbol, SymbolKind, TextEdit } from 'vscode-languageserver';
import type { Locale } from '../core/config';
import type { CliDiagnostic } from '../cli/lint-files';
import type { Finding } from '../core/lint';
import type { OutlineNode } from '../core/outline';
import type { Severity, TextEdit as CoreEdit } from '../core/rules/types';

/**
 * Where diagnostics link each rule's page: under the base the client gave in
 * `initializationOptions.docsBase` (the VS Code extension passes its bundled docs/rules/,
 * so the links work offline), else the core's documentation URL.
 */
let docsBase: string | undefined;

export function setDocsBase(options: unknown): void {
  const base = (options as { docsBase?: unknown } | null | undefined)?.docsBase;
  docsBase = typeof base === 'string' && /^[a-z][a-z0-9+.-]*:\S*\/$/i.test(base) ? base : undefined;
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

/**
 * A diagnostic of a file read from disk (the CLI's 1-based lines and columns, end column
 * exclusive) as an LSP diagnostic, for the workspace lint.
 */
export function fromCliDiagnostic(d: CliDiagnostic, docsUrl: string): Diagnostic {
  return {
    range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    severity: SEVERITY[d.severity],
    code: d.rule,
    codeDescription: { href: docsHref(d.rule, docsUrl) },
    source: 'hanke',
    message: d.message,
  };
}

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: docsHref(f.rule, f.docsUrl) },
    source: 'hanke',
    message: f.message[locale],
  };
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

export function toTextEdit(e: CoreEdit): TextEdit {
  return { range: e.range, newText: e.newText };
}
