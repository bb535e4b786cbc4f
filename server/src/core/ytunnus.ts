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

/** A well-formed Y-tunnus with the right check digit. */
export function isValidYTunnus(s: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(s);
  return !!m && yTunnusCheckDigit(m[1]) === Number(m[2]);
}
