// SARIF 2.1.0 for code-scanning tools: one run, the rule catalogue as driver rules.
import type { Locale } from '../core/config';
import { ruleDocsUrl } from '../core/docs';
import { FILE_CHECK_LIST } from '../core/file-checks';
import { RULES } from '../core/rules';
import type { Severity } from '../core/rules/types';
import type { FileResult } from './lint-files';
import pkg from '../../../package.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: FileResult[], locale: Locale): object {
  const catalogue = [...RULES, ...FILE_CHECK_LIST];
  const index = new Map(catalogue.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hanke',
            version: pkg.version,
            informationUri: 'https://github.com/hanke-tools/hanke',
            rules: catalogue.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description[locale] },
              fullDescription: { text: `${r.description.en} / ${r.description.fi}` },
              helpUri: ruleDocsUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.rule,
            ruleIndex: index.get(d.rule) ?? -1,
            level: LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/') },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
