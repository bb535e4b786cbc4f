import type { Rule } from '../types';

export const GEOGRAPHY_RULES: readonly Rule[] = [];
