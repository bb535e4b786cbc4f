// Core results → LSP types. The only place that knows both.
import { Diagnostic, DiagnosticSeverity, DocumentSymbol, SymbolKind, TextEdit } from 'vscode-languageserver';
import type { Locale } from '../core/config';
import type { Finding } from '../core/lint';
import type { OutlineNode } from '../core/outline';
import type { Severity, TextEdit as CoreEdit } from '../core/rules/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding, locale: Locale): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: f.docsUrl },
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
