// Pathological descriptions shared by the CLI and protocol tests (timed in bench/run.mjs,
// from the same generator).
import { nearMissKunnat as withNearMissKunnat } from '../../bench/lib/pathological.mjs';
import { example } from './examples';

/** Example 000 with a Kunnat line of about 1.1 MB: 100 000 real kunta names with one letter changed. */
export function nearMissKunnat(): string {
  return withNearMissKunnat(example('000'));
}
