import type { Rule } from '../types';
import { financingEuExceedsPublic } from './financing-eu-exceeds-public';
import { financingGrantedExceedsPlanned } from './financing-granted-exceeds-planned';
import { financingRealizedExceedsGranted } from './financing-realized-exceeds-granted';
import { financingRealizedExceedsPlanned } from './financing-realized-exceeds-planned';

export const FINANCING_RULES: readonly Rule[] = [financingGrantedExceedsPlanned, financingRealizedExceedsGranted, financingEuExceedsPublic, financingRealizedExceedsPlanned];
