// textDocument/hover: the core's hover summary as Markdown.
import { type Hover, MarkupKind } from 'vscode-languageserver';
import { deriveFacts } from '../core/facts';
import { hoverAt } from '../core/hover';
import type { Feature, FeatureContext } from './register';

export function registerHover({ connection, documents, analysis }: FeatureContext): Feature {
  connection.onHover(async (params): Promise<Hover | null> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { a, s } = await analysis(document);
    const h = hoverAt(a.doc, deriveFacts(a.doc), a.findings, params.position, s.locale);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  });
  return { capabilities: { hoverProvider: true } };
}
