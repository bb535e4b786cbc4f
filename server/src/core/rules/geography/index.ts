import type { Rule } from '../types';
import { geographyMismatch } from './geography-mismatch';
import { regionOutsideProgramme } from './region-outside-programme';
import { unknownMunicipality } from './unknown-municipality';
import { unknownRegion } from './unknown-region';
import { unknownSubregion } from './unknown-subregion';

export const GEOGRAPHY_RULES: readonly Rule[] = [unknownRegion, unknownSubregion, unknownMunicipality, geographyMismatch, regionOutsideProgramme];
