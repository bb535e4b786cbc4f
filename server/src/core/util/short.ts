/** `s`, or its first `max - 1` characters and an ellipsis when it is longer than `max` (outline details, hovers, messages quoting a line). */
export function short(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
