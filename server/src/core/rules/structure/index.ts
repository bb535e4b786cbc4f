import type { Rule } from '../types';
import { duplicateField } from './duplicate-field';
import { duplicateSection } from './duplicate-section';
import { emptyField } from './empty-field';
import { emptySection } from './empty-section';
import { missingField } from './missing-field';
import { missingSection } from './missing-section';
import { sectionNumber } from './section-number';
import { sectionOrder } from './section-order';
import { sectionTitle } from './section-title';
import { unknownField } from './unknown-field';

export const STRUCTURE_RULES: readonly Rule[] = [missingSection, duplicateSection, sectionOrder, sectionTitle, sectionNumber, missingField, emptyField, duplicateField, unknownField, emptySection];
