// The applicant's cockpit over LSP: inlay hints (textDocument/inlayHint), code lenses
// (textDocument/codeLens) and the page of the live preview (hanke/preview). Thin
// adapters over core/cockpit.ts and core/preview.ts; each is announced only to a client
// that supports it.
import { type CodeLens, type InlayHint, InlayHintKind } from 'vscode-languageserver';
import { CODE_LENS_KINDS, type CockpitLocale, codeLenses, cockpitFigures, INLAY_HINT_KINDS, inlayHints } from '../../core/cockpit';
import { renderDescriptionHtml } from '../../core/preview';
import { Commands, type HankeInitializationOptions, type HankeSettings, type PreviewParams, type PreviewResult, Requests } from '../../core/protocol';
import type { DocumentSettings } from '../state';
import { linesOf } from './client';
import type { Feature, FeatureContext } from './register';

type View = NonNullable<DocumentSettings['view']>;

/** Only booleans of the known kinds are taken; anything else keeps the default (shown). */
function switches(kinds: readonly string[], ...sources: unknown[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    for (const k of kinds) {
      const v = (src as Record<string, unknown>)[k];
      if (typeof v === 'boolean') out[k] = v;
    }
  }
  return out;
}

/** The view settings: the editor's `hanke.inlayHints.*` / `hanke.codeLenses.*` over the `initializationOptions`. */
export function viewSettings(init: HankeInitializationOptions, settings: HankeSettings): View {
  return {
    inlayHints: switches(INLAY_HINT_KINDS, init.inlayHints, settings.inlayHints),
    codeLenses: switches(CODE_LENS_KINDS, init.codeLenses, settings.codeLenses),
  };
}

export function registerCockpit({ connection, documents, analysis, caps, positions }: FeatureContext): Feature {
  connection.languages.inlayHint.on(async (params): Promise<InlayHint[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a, s } = await analysis(document);
    if (!a.description) return [];
    const lines = linesOf(document.getText());
    const range = positions().rangeFromClient(lines, params.range);
    return inlayHints(a.doc, a.facts, a.findings, s.view?.inlayHints ?? {}, s.locale as CockpitLocale)
      .filter((h) => h.position.line >= range.start.line && h.position.line <= range.end.line)
      .map((h) => ({ position: positions().toClient(lines, h.position), label: h.label, kind: InlayHintKind.Parameter, tooltip: h.tooltip, paddingLeft: true }));
  });

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { a, s } = await analysis(document);
    if (!a.description) return [];
    const lines = linesOf(document.getText());
    return codeLenses(a.doc, a.facts, a.findings, s.view?.codeLenses ?? {}, s.locale as CockpitLocale).map((l) => ({
      range: positions().rangeToClient(lines, l.range),
      // VS Code opens the preview at the section; elsewhere the lens is a label (an empty command is not run).
      command: caps().runsPreviewCommand ? { title: l.title, command: Commands.showPreview, arguments: [params.textDocument.uri, l.section] } : { title: l.title, command: '' },
    }));
  });

  connection.onRequest(Requests.preview, async (params: PreviewParams): Promise<PreviewResult | null> => {
    const document = documents.get(params?.uri);
    if (!document) return null;
    const { a, s } = await analysis(document);
    const html = renderDescriptionHtml(a.doc, a.facts, a.findings, s.locale as CockpitLocale, cockpitFigures(a.doc, a.facts, a.findings));
    return { version: a.version, html, sections: a.doc.sections.map((x) => ({ number: x.heading.number, line: x.heading.line })) };
  });

  return {
    capabilities: (c) => ({
      ...(c.inlayHints ? { inlayHintProvider: true } : {}),
      ...(c.codeLens ? { codeLensProvider: { resolveProvider: false } } : {}),
    }),
    settingsChanged() {
      if (caps().inlayHintRefresh) connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
      if (caps().codeLensRefresh) connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  };
}
