// The Y-tunnus (Finnish business ID) check digit, shared by the rule, hovers and exports.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check digit of a Y-tunnus (business ID) with these seven digits, or undefined when
 * no check digit makes them valid (the weighted sum leaves remainder 1).
 */
export function yTunnusCheckDigit(digits: string): number | undefined {
  if (!/^\d{7}$/.test(digits)) return undefined;
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += WEIGHTS[i] * Number(digits[i]);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return undefined;
  return 11 - r;
}

export type YTunnusStatus =
  | { kind: 'valid' }
  /** Not `NNNNNNN-C`. */
  | { kind: 'format' }
  /** Well-formed, but the check digit should be `expected`. */
  | { kind: 'checkDigit'; expected: number }
  /** Well-formed, but no check digit makes the seven digits valid. */
  | { kind: 'noValidId' };

/** What a Y-tunnus written exactly as `s` is (the rule, the hover and the export all ask this). */
export function yTunnusStatus(s: string): YTunnusStatus {
  const m = /^(\d{7})-(\d)$/.exec(s);
  if (!m) return { kind: 'format' };
  const expected = yTunnusCheckDigit(m[1]);
  if (expected === undefined) return { kind: 'noValidId' };
  return expected === Number(m[2]) ? { kind: 'valid' } : { kind: 'checkDigit', expected };
}

/** A well-formed Y-tunnus with the right check digit. */
export function isValidYTunnus(s: string): boolean {
  return yTunnusStatus(s).kind === 'valid';
}
