// `hanke report`'s data (cli/report-tally.ts), apart from the HTML: counts by severity and
// by rule, the clean files, the sums and the projects of the funding chart.
import { describe, expect, it } from 'vitest';
import { toCli } from '../../server/src/cli/lint-files';
import type { ReportEntry } from '../../server/src/cli/report-html';
import { MAX_CHART_PROJECTS, sumOf, tallyReport } from '../../server/src/cli/report-tally';
import { analyze } from '../../server/src/core/lint';
import type { Severity } from '../../server/src/core/rules/types';
import { summarize } from '../../server/src/core/summary';
import { countBySeverity, countEachSeverity } from '../../server/src/core/tally';
import { EXAMPLES } from '../helpers/examples';

const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const diag = (rule: string, severity: Severity) => toCli(rule, severity, at0, rule);

function entryOf(file: string, text: string, extra: ReturnType<typeof diag>[] = []): ReportEntry {
  const { doc, facts, findings } = analyze(text);
  const diagnostics = [...findings.map((f) => toCli(f.rule, f.severity, f.range, f.message.en)), ...extra];
  return { file, diagnostics, summary: summarize(doc, facts, findings) };
}

describe('report tally', () => {
  const examples = EXAMPLES.map((e) => entryOf(e.name, e.text));

  it('the five examples: three findings (warnings), two clean files, every amount summed', () => {
    const t = tallyReport({ entries: examples });
    expect(t.described).toHaveLength(5);
    expect(t.others).toBe(0);
    expect(t.totals).toEqual({ errors: 0, warnings: 3, other: 0 });
    expect(t.clean).toBe(2);
    expect(t.byRule).toEqual([
      { rule: 'final-report-missing', errors: 0, warnings: 2, other: 0 },
      { rule: 'empty-field', errors: 0, warnings: 1, other: 0 },
    ]);
    expect(t.perEntry.map((c) => c.errors + c.warnings + c.other)).toEqual(examples.map((e) => e.diagnostics.length));
    expect(t.sums.plannedPublic).toBe(sumOf(examples.map((e) => e.summary!.amounts.plannedPublic)));
    expect(t.sums.plannedPublic).toBeGreaterThan(0);
    expect(t.funded.map((f) => f.anchor)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(t.chartRows).toBe(t.funded);
  });

  it('info and hint count as other; rules are ordered by count, then by id', () => {
    const mixed = entryOf('x.txt', EXAMPLES[0].text, [diag('b-rule', 'info'), diag('b-rule', 'hint'), diag('a-rule', 'warning'), diag('a-rule', 'error'), diag('c-rule', 'error')]);
    const t = tallyReport({ entries: [mixed] });
    expect(t.totals).toEqual({ errors: 2, warnings: 1, other: 2 });
    expect(t.byRule.map((r) => [r.rule, r.errors, r.warnings, r.other])).toEqual([
      ['a-rule', 1, 1, 0],
      ['b-rule', 0, 0, 2],
      ['c-rule', 1, 0, 0],
    ]);
    expect(t.clean).toBe(0);
  });

  it('a file without a description is counted apart and adds no amount; no amount at all sums to null', () => {
    const unreadable: ReportEntry = { file: 'broken.txt', diagnostics: [diag('unreadable', 'error')] };
    const t = tallyReport({ entries: [unreadable] });
    expect(t.described).toEqual([]);
    expect(t.others).toBe(1);
    expect(t.totals.errors).toBe(1);
    expect(t.sums).toEqual({ plannedPublic: null, grantedEuState: null, realisedPublic: null });
    expect(t.funded).toEqual([]);
  });

  it(`the chart shows the ${MAX_CHART_PROJECTS} largest planned budgets of more projects`, () => {
    const base = examples[0];
    const many: ReportEntry[] = Array.from({ length: MAX_CHART_PROJECTS + 5 }, (_, i) => ({
      ...base,
      file: `${i}.txt`,
      summary: { ...base.summary!, amounts: { ...base.summary!.amounts, plannedPublic: (i + 1) * 1000 } },
    }));
    const t = tallyReport({ entries: many });
    expect(t.funded).toHaveLength(MAX_CHART_PROJECTS + 5);
    expect(t.chartRows).toHaveLength(MAX_CHART_PROJECTS);
    expect(t.chartRows[0].planned).toBe((MAX_CHART_PROJECTS + 5) * 1000);
    expect(Math.min(...t.chartRows.map((r) => r.planned!))).toBe(6000);
  });

  it('sumOf skips the unknown values', () => {
    expect(sumOf([1, null, 2])).toBe(3);
    expect(sumOf([null])).toBeNull();
    expect(sumOf([])).toBeNull();
  });
});

describe('countEachSeverity', () => {
  it('counts each of the four severities apart; countBySeverity folds info and hint into other', () => {
    const items = (['error', 'hint', 'warning', 'info', 'hint', 'error'] as const).map((severity) => ({ severity }));
    expect(countEachSeverity(items)).toEqual({ error: 2, warning: 1, info: 1, hint: 2 });
    expect(countBySeverity(items)).toEqual({ errors: 2, warnings: 1, other: 3 });
    expect(countEachSeverity([])).toEqual({ error: 0, warning: 0, info: 0, hint: 0 });
  });
});
