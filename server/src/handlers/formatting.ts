// textDocument/formatting: the core's minimal formatting edits.
import type { TextEdit } from 'vscode-languageserver';
import { formatEdits } from '../core/format';
import { toTextEdit } from './convert';
import type { Feature, FeatureContext } from './register';

export function registerFormatting({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onDocumentFormatting(async (params): Promise<TextEdit[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a } = await analysis(document);
    return formatEdits(a.doc).map(toTextEdit);
  });
  return { capabilities: { documentFormattingProvider: true } };
}
