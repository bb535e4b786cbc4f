import type { Rule } from '../types';

export const PRINCIPLES_RULES: readonly Rule[] = [];
