// textDocument/formatting: the core's minimal formatting edits.
import type { TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../core/format';
import { parse } from '../core/parser';
import { toTextEdit } from './convert';
import type { Feature, FeatureContext } from './register';

export function registerFormatting({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onDocumentFormatting(async (params): Promise<TextEdit[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    // The text the model was parsed from (the line endings of each line come from it).
    const text = document.getText();
    return formatEdits(a.version === document.version ? a.doc : parse(text), text).map(toTextEdit);
  });
  return { capabilities: { documentFormattingProvider: true } };
}
