// Counting findings by severity: one place for the summary, the CLI's totals and the report.
import type { Severity } from './rules/types';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  /** Info and hint. */
  other: number;
}

/** Adds each item's severity to `into` (a fresh zero count when not given) and returns it. */
export function countBySeverity(items: Iterable<{ severity: Severity }>, into: SeverityCounts = { errors: 0, warnings: 0, other: 0 }): SeverityCounts {
  for (const x of items) {
    if (x.severity === 'error') into.errors++;
    else if (x.severity === 'warning') into.warnings++;
    else into.other++;
  }
  return into;
}
