import type { Rule } from '../types';
import { finalReportMissing } from './final-report-missing';
import { invalidScore } from './invalid-score';
import { missingJustification } from './missing-justification';
import { realizedFiguresMissing } from './realized-figures-missing';

export const PRINCIPLES_RULES: readonly Rule[] = [invalidScore, missingJustification, finalReportMissing, realizedFiguresMissing];
