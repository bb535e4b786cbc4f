// The server's view of open documents: text, parsed model and findings, computed once
// per version and shared by every request. Settings per document are cached until
// the client says they changed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type HankeConfig, type Locale, mergeConfigs } from './core/config';
import { type Finding, lintDocument } from './core/lint';
import type { HankeDocument } from './core/model';
import { parse } from './core/parser';

export interface Analysis {
  version: number;
  doc: HankeDocument;
  findings: Finding[];
  /** Milliseconds the last parse + lint took (drives the adaptive debounce). */
  millis: number;
}

export class AnalysisCache {
  private byUri = new Map<string, Analysis>();

  get(document: TextDocument, config: HankeConfig): Analysis {
    const hit = this.byUri.get(document.uri);
    if (hit && hit.version === document.version) return hit;
    const t0 = performance.now();
    const doc = parse(document.getText());
    const findings = lintDocument(doc, config);
    const a = { version: document.version, doc, findings, millis: performance.now() - t0 };
    this.byUri.set(document.uri, a);
    return a;
  }

  peek(uri: string): Analysis | undefined {
    return this.byUri.get(uri);
  }

  invalidateAll(): void {
    for (const [uri, a] of this.byUri) this.byUri.set(uri, { ...a, version: -1 });
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}

export interface DocumentSettings {
  config: HankeConfig;
  locale: Locale;
}

export function combine(fileConfig: HankeConfig | undefined, editorRules: HankeConfig['rules'], locale: Locale): DocumentSettings {
  return { config: mergeConfigs(fileConfig, { rules: editorRules }), locale };
}
