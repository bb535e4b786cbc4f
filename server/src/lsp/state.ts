// The server's view of open documents: text, parsed model and findings, computed once
// per version and shared by every request. Settings per document are cached until
// the client says they changed.
//
// Memory: the findings of every open document are kept (diagnostics, code actions),
// the parsed model only for the most recently used documents. A parsed description
// takes several times the memory of its text, so with hundreds of documents open the
// models of those not being worked on are dropped and parsed again (in well under a
// millisecond) when a request needs one.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type HankeConfig, type Locale, mergeConfigs } from '../core/config';
import { looksLikeDescription } from '../core/detect';
import type { Facts } from '../core/facts';
import { analyze, analyzeSliced, type Finding } from '../core/lint';
import type { HankeDocument } from '../core/model';

export interface Analysis {
  version: number;
  doc: HankeDocument;
  /** The facts derived from `doc` (once, by analyze): hover, completion, the cockpit and the preview read them. */
  facts: Facts;
  findings: Finding[];
  /** Milliseconds the last parse + lint took (drives the adaptive debounce). */
  millis: number;
  /**
   * The text looks like a description (core/detect.ts, as in the CLI). Editors other than
   * VS Code attach by file type, so any `.txt` may arrive: the rules run only on descriptions.
   */
  description: boolean;
}

/** What an analysis made elsewhere (the Node server's worker thread) sends back: no model, which is parsed here when needed. */
export interface OffThreadResult {
  findings: Finding[];
  description: boolean;
  millis: number;
  /** Rules that threw (each has its internal-error finding): what they threw, for the log. */
  failures: { rule: string; error: unknown }[];
}

/** Parse + lint of a text elsewhere; undefined when that is not possible (then it is done here). */
export type OffThreadAnalyzer = (text: string, rules: HankeConfig['rules']) => Promise<OffThreadResult | undefined>;

/** An analysis whose model may have been dropped to save memory. */
interface Entry {
  version: number;
  /** The model and its facts, kept and dropped together. */
  model?: { doc: HankeDocument; facts: Facts };
  findings: Finding[];
  millis: number;
  description: boolean;
}

/**
 * Texts longer than this are analysed off the thread (when the host can): 100 000
 * characters lint in a few milliseconds. By size, not by the last lint's time, which a
 * garbage collection or a busy machine can stretch (and a worker thread costs memory).
 */
export const OFF_THREAD_CHARS = 100_000;

/** How many documents keep their parsed model between requests. */
export const MODELS_KEPT = 24;

export class AnalysisCache {
  private byUri = new Map<string, Entry>();
  /** URIs whose entry holds a model, least recently used first. */
  private withModel = new Set<string>();

  /**
   * `onRuleError`: a rule failed on a document (the analysis has an internal-error finding for it).
   * `offThread`: where huge documents are analysed (getSliced), when the host has such a place.
   */
  constructor(
    private readonly modelsKept = MODELS_KEPT,
    private readonly onRuleError?: (uri: string, rule: string, error: unknown) => void,
    private readonly offThread?: OffThreadAnalyzer,
  ) {}

  get(document: TextDocument, config: HankeConfig): Analysis {
    const uri = document.uri;
    const hit = this.byUri.get(uri);
    if (hit && hit.version === document.version) {
      // Same text, same findings: only the model may need parsing again (no rule runs).
      const { doc, facts } = hit.model ?? (hit.model = analyze(document.getText(), config, { lint: false }));
      this.keepModel(uri);
      // A copy: dropping the entry's model later does not take it from the caller.
      return { version: hit.version, doc, facts, findings: hit.findings, millis: hit.millis, description: hit.description };
    }
    const t0 = performance.now();
    const text = document.getText();
    const description = looksLikeDescription(text);
    const { doc, facts, findings } = analyze(text, this.withErrorLog(config, uri), { lint: description });
    const a: Analysis = { version: document.version, doc, facts, findings, millis: performance.now() - t0, description };
    this.byUri.set(uri, entryOf(a));
    this.keepModel(uri);
    return a;
  }

  /** The configuration with this cache's log of failing rules for `uri` (the configuration itself without a log). */
  private withErrorLog(config: HankeConfig, uri: string): HankeConfig {
    const log = this.onRuleError;
    return log ? { ...config, onRuleError: (rule, e) => log(uri, rule, e) } : config;
  }

  /** Analyses being computed in slices, by URI (one per document; its version with it). */
  private inFlight = new Map<string, { version: number; config: HankeConfig; promise: Promise<Analysis> }>();

  /**
   * `get`, for the server: a huge document (OFF_THREAD_CHARS) is analysed off this thread
   * when the cache has an `offThread` analyzer (its model is parsed here only when a
   * request needs it); one whose last lint took long, or a huge one without an analyzer,
   * is parsed, then linted in slices that yield to the event loop (`pause`); either way
   * requests for other documents are answered meanwhile. Concurrent calls for one version
   * share the work.
   */
  async getSliced(document: TextDocument, config: HankeConfig, pause: () => Promise<void>, sliceMs: number): Promise<Analysis> {
    const uri = document.uri;
    const hit = this.byUri.get(uri);
    const text = document.getText();
    // Worth slicing: the last lint was slow, or (first time) the text is large (100 000 characters lint in a few ms).
    const huge = text.length > OFF_THREAD_CHARS;
    const slow = huge || (hit?.millis ?? 0) >= sliceMs;
    if ((hit && hit.version === document.version) || !slow) return this.get(document, config);
    const running = this.inFlight.get(uri);
    if (running && running.version === document.version && running.config === config) return running.promise;
    const version = document.version;
    const promise = (async () => {
      const away = this.offThread && huge ? await this.offThread(text, config.rules) : undefined;
      if (away) return this.keepNewest(uri, text, { version, findings: away.findings, millis: away.millis, description: away.description }, away.failures);
      const t0 = performance.now();
      const description = looksLikeDescription(text);
      const { doc, facts, findings } = await analyzeSliced(text, this.withErrorLog(config, uri), pause, sliceMs, { lint: description });
      const a: Analysis = { version, doc, facts, findings, millis: performance.now() - t0, description };
      if (this.storeIfNewest(uri, entryOf(a))) this.keepModel(uri);
      return a;
    })();
    this.inFlight.set(uri, { version, config, promise });
    try {
      return await promise;
    } finally {
      if (this.inFlight.get(uri)?.promise === promise) this.inFlight.delete(uri);
    }
  }

  /**
   * Stores an analysis made off this thread unless a newer version was analysed meanwhile,
   * logs its failing rules, and returns it with its model parsed on first use.
   */
  private keepNewest(uri: string, text: string, entry: Entry, failures: OffThreadResult['failures']): Analysis {
    for (const f of failures) this.onRuleError?.(uri, f.rule, f.error);
    this.storeIfNewest(uri, entry);
    let model: Entry['model'];
    const modelOf = (): NonNullable<Entry['model']> => {
      if (!model) {
        model = entry.model ?? analyze(text, {}, { lint: false });
        if (this.byUri.get(uri) === entry) {
          entry.model = model;
          this.keepModel(uri);
        }
      }
      return model;
    };
    return {
      version: entry.version,
      findings: entry.findings,
      millis: entry.millis,
      description: entry.description,
      get doc(): HankeDocument {
        return modelOf().doc;
      },
      get facts(): Facts {
        return modelOf().facts;
      },
    };
  }

  /** Stores `entry` unless a newer version of `uri` was analysed meanwhile (an invalidated one, -1, is older); true when stored. */
  private storeIfNewest(uri: string, entry: Entry): boolean {
    const now = this.byUri.get(uri);
    if (now && now.version > entry.version && now.version !== -1) return false;
    this.byUri.set(uri, entry);
    return true;
  }

  /** The last analysis of `uri`, whatever its version (its model may be gone). */
  peek(uri: string): Pick<Analysis, 'version' | 'findings' | 'millis' | 'description'> | undefined {
    return this.byUri.get(uri);
  }

  invalidateAll(): void {
    for (const [uri, a] of this.byUri) this.byUri.set(uri, { ...a, version: -1 });
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
    this.inFlight.delete(uri);
    this.withModel.delete(uri);
  }

  /** Marks `uri` as most recently used and drops the models of the least recently used beyond the limit. */
  private keepModel(uri: string): void {
    this.withModel.delete(uri);
    this.withModel.add(uri);
    while (this.withModel.size > this.modelsKept) {
      const oldest = this.withModel.values().next().value as string;
      this.withModel.delete(oldest);
      const e = this.byUri.get(oldest);
      if (e) e.model = undefined;
    }
  }
}

function entryOf(a: Analysis): Entry {
  return { version: a.version, model: { doc: a.doc, facts: a.facts }, findings: a.findings, millis: a.millis, description: a.description };
}

export interface DocumentSettings {
  config: HankeConfig;
  locale: Locale;
  /** Which inlay hints and code lenses are shown (absent: all). */
  view?: { inlayHints: Record<string, boolean>; codeLenses: Record<string, boolean> };
}

export function combine(fileConfig: HankeConfig | undefined, editorRules: HankeConfig['rules'], locale: Locale): DocumentSettings {
  return { config: mergeConfigs(fileConfig, { rules: editorRules }), locale };
}
