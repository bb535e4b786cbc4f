// Value readings as they were written with regular expressions: the references the
// hand-written readings of core/values.ts must equal (test/unit/parser-*.test.ts).

/** parseAmount with regexes. */
export function referenceAmount(raw: string): { cents: number; grouped: boolean } | undefined {
  const grouped = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d{1,2})?$/.test(raw);
  if (!grouped && !/^\d+(?:,\d{1,2})?$/.test(raw)) return undefined;
  const [whole, frac = ''] = raw.replace(/[ \u00a0\u202f]/g, '').split(',');
  const cents = Number(whole) * 100 + Number(frac.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return undefined;
  return { cents, grouped: grouped || whole.length <= 3 };
}
