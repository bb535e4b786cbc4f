import type { Rule } from '../types';

export const FINANCING_RULES: readonly Rule[] = [];
