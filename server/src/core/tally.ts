// Counting findings by severity: one place for the summary, the CLI's totals, the report,
// the server's workspace lint and the extension's workspace summary.
import type { Severity } from './rules/types';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  /** Info and hint. */
  other: number;
}

/** Adds each item's severity to `into` (a fresh zero count when not given) and returns it. */
export function countBySeverity(items: Iterable<{ severity: Severity }>, into?: SeverityCounts): SeverityCounts {
  return countSeverities(items, (x) => x.severity, into);
}

/** `countBySeverity` of items whose severity `severityOf` reads (an editor's diagnostics, numbered severities). */
export function countSeverities<T>(items: Iterable<T>, severityOf: (item: T) => Severity, into: SeverityCounts = { errors: 0, warnings: 0, other: 0 }): SeverityCounts {
  for (const x of items) {
    const severity = severityOf(x);
    if (severity === 'error') into.errors++;
    else if (severity === 'warning') into.warnings++;
    else into.other++;
  }
  return into;
}

/** Each severity counted apart (the hover's summary shows info and hint separately). */
export function countEachSeverity(items: Iterable<{ severity: Severity }>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const x of items) counts[x.severity]++;
  return counts;
}
