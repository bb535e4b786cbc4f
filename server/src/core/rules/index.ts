// The registry: every rule, in the order of SPEC.md's catalogue. Each group lists its
// own rules in its folder's index.
import { STRUCTURE_RULES } from './structure';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...STRUCTURE_RULES];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
