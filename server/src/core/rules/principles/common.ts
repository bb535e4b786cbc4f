// Shared by the horizontal-principles and status rules.
import type { ScoreNode, TextLine } from '../../model';
import { SCORE_MAX, SCORE_MIN } from '../../schema';

/** A score written as a whole number within SCORE_MIN…SCORE_MAX, else undefined. */
export function scoreValue(s: ScoreNode): number | undefined {
  if (!/^\d{1,2}$/.test(s.raw)) return undefined;
  const n = Number(s.raw);
  return n >= SCORE_MIN && n <= SCORE_MAX ? n : undefined;
}

/** Lines that say something: a lone `-` (the published form's "nothing") does not. */
export function hasText(lines: readonly TextLine[]): boolean {
  return lines.some((l) => !/^[-–—\s]*$/.test(l.text));
}
