// Shared by the horizontal-principles and status rules.
import type { ScoreNode, TextLine } from '../../model';
import { SCORE_MAX, SCORE_MIN } from '../../schema';

/** A score written as a whole number within SCORE_MIN…SCORE_MAX, else undefined. */
export function scoreValue(s: ScoreNode): number | undefined {
  // One or two ASCII digits (what /^\d{1,2}$/ accepts), read without a regex: every
  // 8.2 score of every document passes here, some of them several times.
  const raw = s.raw;
  if (raw.length < 1 || raw.length > 2) return undefined;
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n >= SCORE_MIN && n <= SCORE_MAX ? n : undefined;
}

/** Lines that say something: a lone `-` (the published form's "nothing") does not. */
export function hasText(lines: readonly TextLine[]): boolean {
  return lines.some((l) => !/^[-–—\s]*$/.test(l.text));
}
