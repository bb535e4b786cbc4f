// textDocument/completion: the core's completion entries as CompletionItems.
import { type CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { type CompletionEntry, type CompletionKind, completionsAt } from '../../core/completion';
import { linesOf, markdownToPlainText, type Positions } from './client';
import type { Feature, FeatureContext } from './register';

export const TRIGGER_CHARACTERS = [':', ',', ' '];

const KIND: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  section: CompletionItemKind.Module,
  choice: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  place: CompletionItemKind.Constant,
};

export function toCompletionItem(e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    textEdit: { range: e.range, newText: e.newText },
    insertTextFormat: InsertTextFormat.PlainText,
    filterText: e.filterText,
    sortText: e.sortText,
    preselect: e.preselect,
  };
}

/** A completion item for a client: its edit range in the client's encoding, documentation in a format it shows. */
function forClient(item: CompletionItem, markdown: boolean, positions: Positions, lines: ReturnType<typeof linesOf>): CompletionItem {
  const out = { ...item };
  if (item.textEdit && 'range' in item.textEdit) out.textEdit = { ...item.textEdit, range: positions.rangeToClient(lines, item.textEdit.range) };
  if (!markdown && item.documentation && typeof item.documentation === 'object') {
    out.documentation = { kind: MarkupKind.PlainText, value: markdownToPlainText(item.documentation.value) };
  }
  return out;
}

export function registerCompletion({ connection, documents, analysis, caps, positions }: FeatureContext): Feature {
  connection.onCompletion(async (params): Promise<CompletionList> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { isIncomplete: false, items: [] };
    const { a, s } = await analysis(document);
    const lines = linesOf(document.getText());
    const entries = completionsAt(a.doc, a.facts, positions().fromClient(lines, params.position), s.locale);
    return { isIncomplete: false, items: entries.map(toCompletionItem).map((i) => forClient(i, caps().markdownCompletionDocs, positions(), lines)) };
  });
  return { capabilities: () => ({ completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false } }) };
}
