import type { Rule } from '../types';

export const PROGRAMME_RULES: readonly Rule[] = [];
