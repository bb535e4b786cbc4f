import type { Rule } from '../types';
import { objectiveAxisMismatch } from './objective-axis-mismatch';
import { programmeNameMismatch } from './programme-name-mismatch';
import { unknownPriorityAxis } from './unknown-priority-axis';

export const PROGRAMME_RULES: readonly Rule[] = [unknownPriorityAxis, objectiveAxisMismatch, programmeNameMismatch];
