import type { Rule } from '../types';

export const VALUES_RULES: readonly Rule[] = [];
