// The registry: every rule, in the order of SPEC.md's catalogue, the file checks last. Each
// group lists its own rules in its folder's index. Configuration, the JSON schema, the docs,
// SARIF and the editor's settings all read this one list.
import { FILE_RULES } from './file';
import { FINANCING_RULES } from './financing';
import { GEOGRAPHY_RULES } from './geography';
import { PRINCIPLES_RULES } from './principles';
import { PROGRAMME_RULES } from './programme';
import { STRUCTURE_RULES } from './structure';
import { CROSS_DOCUMENT_RULE_LIST } from '../cross-document';
import type { Rule, RuleInfo } from './types';
import { VALUES_RULES } from './values';

export const RULES: readonly Rule[] = [...STRUCTURE_RULES, ...VALUES_RULES, ...PROGRAMME_RULES, ...FINANCING_RULES, ...GEOGRAPHY_RULES, ...PRINCIPLES_RULES, ...FILE_RULES];

/**
 * The whole catalogue: the rules above and the checks across documents (which run where
 * several files are linted together). Configuration, the JSON schema, the docs, SARIF, the
 * editor's settings and the CLI's rule names read this list.
 */
export const CATALOGUE: readonly RuleInfo[] = [...RULES, ...CROSS_DOCUMENT_RULE_LIST];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
