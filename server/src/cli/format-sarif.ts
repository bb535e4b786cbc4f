// SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue (every rule and file
// check, with short description, help URI and default level) as the driver's rules,
// results written as files complete, skipped files as tool notifications.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../core/config';
import { ruleDocsLink } from '../core/docs';
import { CATALOGUE } from '../core/rules';
import type { Severity } from '../core/rules/types';
import type { FileResult, SkipReason } from './lint-files';
import type { Sink } from './output';
import pkg from '../../../package.json';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/** A relative path as a relative URI reference (each segment percent-encoded); an absolute one as a file: URL. */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const norm = file.split('\\').join('/');
  if (isAbsolute(file)) return { uri: pathToFileURL(resolve(file)).href };
  return {
    uri: norm
      .split('/')
      .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
      .join('/'),
    uriBaseId: SRCROOT,
  };
}

/** The rule catalogue; `helpUri` only when a documentation base is given (`--docs-url`). */
export function sarifRules(locale: Locale, docsBase?: string) {
  return CATALOGUE.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description[locale] },
    fullDescription: { text: `${r.description.en} / ${r.description.fi}` },
    ...(docsBase ? { helpUri: ruleDocsLink(r.id, docsBase) } : {}),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: ['category' in r ? String(r.category) : 'file'] },
  }));
}

const SKIP_TEXT: Record<SkipReason, { fi: string; en: string }> = {
  binary: { fi: 'Ohitettu: binääritiedosto.', en: 'Skipped: a binary file.' },
  empty: { fi: 'Ohitettu: tyhjä tiedosto.', en: 'Skipped: an empty file.' },
  'not-a-description': { fi: 'Ohitettu: ei hankkeen kuvaus.', en: 'Skipped: not a project description.' },
  'not-a-file': { fi: 'Ohitettu: ei tavallinen tiedosto (putki, pistoke tai laite).', en: 'Skipped: not a regular file (a pipe, a socket or a device).' },
};

const MARK_VALUE = '__hanke_results__';
const MARK = JSON.stringify(MARK_VALUE);

export class SarifFormatter {
  private readonly index: Map<string, number>;
  private readonly suffix: string;
  private readonly itemIndent: string;
  private first = true;
  private readonly notifications: object[] = [];
  private internalErrors = false;

  constructor(
    private readonly out: Sink,
    private readonly locale: Locale,
    docsBase?: string,
  ) {
    const rules = sarifRules(locale, docsBase);
    this.index = new Map(rules.map((r, i) => [r.id, i]));
    const skeleton = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'hanke', version: pkg.version, semanticVersion: pkg.version, rules } },
          language: locale === 'fi' ? 'fi-FI' : 'en-US',
          columnKind: 'utf16CodeUnits',
          originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(process.cwd()).href.replace(/\/?$/, '/') } },
          results: MARK_VALUE,
        },
      ],
    };
    const text = JSON.stringify(skeleton, null, 2);
    const at = text.indexOf(MARK);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const keyIndent = text.slice(lineStart).match(/^ */)![0];
    this.itemIndent = keyIndent + '  ';
    // The run object continues after the results: its invocation is written at the end.
    this.suffix = text.slice(at + MARK.length);
    out.write(text.slice(0, at) + '[');
  }

  private indent(o: object): string {
    return JSON.stringify(o, null, 2)
      .split('\n')
      .map((l) => this.itemIndent + l)
      .join('\n');
  }

  file(r: FileResult): void {
    if (r.meta.internalError) this.internalErrors = true;
    for (const d of r.diagnostics) {
      const result = {
        ruleId: d.rule,
        ruleIndex: this.index.get(d.rule) ?? -1,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(r.file),
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
      };
      if (result.ruleIndex < 0) delete (result as { ruleIndex?: number }).ruleIndex;
      this.out.write((this.first ? '\n' : ',\n') + this.indent(result));
      this.first = false;
    }
  }

  skip(file: string, reason: SkipReason): void {
    this.notifications.push({
      level: 'note',
      message: { text: SKIP_TEXT[reason][this.locale] },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(file) } }],
    });
  }

  end(): void {
    const close = this.first ? ']' : `\n${this.itemIndent.slice(2)}]`;
    const invocation = { executionSuccessful: !this.internalErrors, ...(this.notifications.length ? { toolExecutionNotifications: this.notifications } : {}) };
    // Insert `"invocations": [...]` as the run's last property.
    const runIndent = this.itemIndent.slice(2);
    const inv = JSON.stringify([invocation], null, 2)
      .split('\n')
      .map((l, i) => (i === 0 ? l : runIndent + l))
      .join('\n');
    const runEnd = this.suffix.indexOf('\n');
    this.out.write(close + `,\n${runIndent}"invocations": ${inv}` + this.suffix.slice(runEnd) + '\n');
  }
}

/** The whole log at once (for callers that have all results in memory). */
export function formatSarif(results: FileResult[], locale: Locale, docsBase?: string): object {
  let text = '';
  const f = new SarifFormatter({ write: (s) => (text += s) }, locale, docsBase);
  for (const r of results) f.file(r);
  f.end();
  return JSON.parse(text) as object;
}
