// textDocument/formatting: the core's minimal formatting edits (none for a text that is
// not a description: a shopping list opened as .txt is left as it is).
import type { TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../../core/format';
import { linesOf } from './client';
import { parse } from '../../core/parser';
import { toTextEdit } from './convert';
import type { Feature, FeatureContext } from './register';

export function registerFormatting({ connection, documents, analysis, positions }: FeatureContext): Feature {
  connection.onDocumentFormatting(async (params): Promise<TextEdit[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    if (!a.description) return [];
    // The text the model was parsed from (the line endings of each line come from it).
    const text = document.getText();
    const lines = linesOf(text);
    return formatEdits(a.version === document.version ? a.doc : parse(text), text)
      .map(toTextEdit)
      .map((e) => ({ ...e, range: positions().rangeToClient(lines, e.range) }));
  });
  return { capabilities: () => ({ documentFormattingProvider: true }) };
}
