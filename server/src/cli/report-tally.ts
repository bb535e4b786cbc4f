// `hanke report`, the data: what the page shows, counted and summed from the linted files
// (findings by severity and by rule, amounts, the projects of the funding chart). Pure
// and separately testable; report-html.ts renders it. (The page's own script counts the
// rows it shows itself: it runs in the browser and cannot import this.)
import { countBySeverity, type SeverityCounts } from '../core/tally';
import type { ReportEntry, ReportInput } from './report-html';

/** The funding chart shows at most this many projects (the largest planned first). */
export const MAX_CHART_PROJECTS = 60;

/** A project of the funding chart. */
export interface Funded {
  /** The id of its row on the page (`p1`, `p2`, … in input order). */
  anchor: string;
  label: string;
  title: string;
  planned: number | null;
  granted: number | null;
  realised: number | null;
}

/** Findings of one rule over every file. */
export interface RuleCount extends SeverityCounts {
  rule: string;
}

export interface ReportTally {
  /** The entries that hold a description (with a summary), in input order. */
  described: ReportEntry[];
  /** Entries without a summary (unreadable, not a description). */
  others: number;
  /** Files without any finding. */
  clean: number;
  /** Findings of every file by severity. */
  totals: SeverityCounts;
  /** Each entry's findings by severity, in input order. */
  perEntry: SeverityCounts[];
  /** Findings by rule, the most frequent first (ties by rule id). */
  byRule: RuleCount[];
  /** Sums over the descriptions (null when no description gives the amount). */
  sums: { plannedPublic: number | null; grantedEuState: number | null; realisedPublic: number | null };
  /** The projects with any amount, in input order, and those the chart shows. */
  funded: Funded[];
  chartRows: Funded[];
}

/** Sum of the known values; null when none is known. */
export function sumOf(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) : null;
}

const total = (c: SeverityCounts) => c.errors + c.warnings + c.other;

export function tallyReport(input: Pick<ReportInput, 'entries'>): ReportTally {
  const described = input.entries.filter((e) => e.summary);
  const perEntry = input.entries.map((e) => countBySeverity(e.diagnostics));
  const totals: SeverityCounts = { errors: 0, warnings: 0, other: 0 };
  for (const c of perEntry) {
    totals.errors += c.errors;
    totals.warnings += c.warnings;
    totals.other += c.other;
  }
  const byRule = new Map<string, RuleCount>();
  for (const e of input.entries) {
    for (const d of e.diagnostics) {
      let c = byRule.get(d.rule);
      if (!c) byRule.set(d.rule, (c = { rule: d.rule, errors: 0, warnings: 0, other: 0 }));
      countBySeverity([d], c);
    }
  }
  const ruleCounts = [...byRule.values()];
  ruleCounts.sort((a, b) => total(b) - total(a) || (a.rule < b.rule ? -1 : 1));

  const anchors = new Map(input.entries.map((e, i) => [e, `p${i + 1}`]));
  const funded: Funded[] = described
    .map((e) => ({
      anchor: anchors.get(e)!,
      label: `${e.summary!.code ?? ''} ${e.summary!.name ?? ''}`.trim() || e.file,
      title: `${e.summary!.code ?? ''} ${e.summary!.name ?? ''}`.trim() || e.file,
      planned: e.summary!.amounts.plannedPublic,
      granted: e.summary!.amounts.grantedEuState,
      realised: e.summary!.amounts.realisedPublic,
    }))
    .filter((r) => r.planned !== null || r.granted !== null || r.realised !== null);
  const chartRows = funded.length > MAX_CHART_PROJECTS ? [...funded].sort((a, b) => (b.planned ?? 0) - (a.planned ?? 0)).slice(0, MAX_CHART_PROJECTS) : funded;

  return {
    described,
    others: input.entries.length - described.length,
    clean: input.entries.filter((e) => e.diagnostics.length === 0).length,
    totals,
    perEntry,
    byRule: ruleCounts,
    sums: {
      plannedPublic: sumOf(described.map((e) => e.summary!.amounts.plannedPublic)),
      grantedEuState: sumOf(described.map((e) => e.summary!.amounts.grantedEuState)),
      realisedPublic: sumOf(described.map((e) => e.summary!.amounts.realisedPublic)),
    },
    funded,
    chartRows,
  };
}
