import type { Rule } from '../types';
import { authorityFundMismatch } from './authority-fund-mismatch';
import { axisFundMismatch } from './axis-fund-mismatch';
import { axisNotYetAvailable } from './axis-not-yet-available';
import { objectiveAxisMismatch } from './objective-axis-mismatch';
import { programmeNameMismatch } from './programme-name-mismatch';
import { unknownPriorityAxis } from './unknown-priority-axis';

export const PROGRAMME_RULES: readonly Rule[] = [unknownPriorityAxis, objectiveAxisMismatch, programmeNameMismatch, axisFundMismatch, axisNotYetAvailable, authorityFundMismatch];
