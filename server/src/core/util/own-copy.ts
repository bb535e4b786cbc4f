/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a substring
 * of 13 or more characters as a view into its whole parent string, so a string sliced from
 * a document and kept (a cache key, a value kept until the end of a run) would keep the
 * whole document alive. Concatenating makes a new flat string, which the slice then views
 * instead. Shorter strings are copies already.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Stores `value` under `text` in a memo that outlives the document the text was cut from:
 * the key is a copy (ownCopy), so no document stays alive through the memo, and the memo
 * starts again when it holds `max` entries, so it stays small however many documents pass.
 */
export function rememberText<V>(memo: Map<string, V>, text: string, value: V, max: number): void {
  if (memo.size >= max) memo.clear();
  memo.set(ownCopy(text), value);
}
