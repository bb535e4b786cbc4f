// textDocument/hover: the core's hover summary as Markdown, or as plain text for a
// client that shows only plain text.
import { type Hover, MarkupKind } from 'vscode-languageserver';
import { hoverAt } from '../../core/hover';
import { linesOf, markdownToPlainText } from './client';
import type { Feature, FeatureContext } from './register';

export function registerHover({ connection, documents, analysis, caps, positions }: FeatureContext): Feature {
  connection.onHover(async (params): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { a, s } = await analysis(document);
    const lines = linesOf(document.getText());
    const h = hoverAt(a.doc, a.facts, a.findings, positions().fromClient(lines, params.position), s.locale);
    if (!h) return null;
    const contents = caps().markdownHover ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(h.markdown) };
    return { contents, range: positions().rangeToClient(lines, h.range) };
  });
  return { capabilities: () => ({ hoverProvider: true }) };
}
