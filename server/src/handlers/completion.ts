// textDocument/completion: the core's completion entries as CompletionItems.
import { type CompletionItem, CompletionItemKind, type CompletionList, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { type CompletionEntry, type CompletionKind, completionsAt } from '../core/completion';
import { deriveFacts } from '../core/facts';
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

export function registerCompletion({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onCompletion(async (params): Promise<CompletionList> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { isIncomplete: false, items: [] };
    const { a, s } = await analysis(document);
    const entries = completionsAt(a.doc, deriveFacts(a.doc), params.position, s.locale);
    return { isIncomplete: false, items: entries.map(toCompletionItem) };
  });
  return { capabilities: { completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false } } };
}
