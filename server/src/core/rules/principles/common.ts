// Shared by the horizontal-principles and status rules.
import type { TextLine } from '../../model';

/** Lines that say something: a lone `-` (the published form's "nothing") does not. */
export function hasText(lines: readonly TextLine[]): boolean {
  return lines.some((l) => !/^[-–—\s]*$/.test(l.text));
}
