export interface Rng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
  /** `n` distinct elements of `xs`, in random order. */
  sample<T>(xs: readonly T[], n: number): T[];
}

/** A seeded generator (mulberry32). */
export function rng(seed: number): Rng;
