import type { Rule } from '../types';
import { dateOrder } from './date-order';
import { dateOutOfProgramme } from './date-out-of-programme';
import { invalidChoice } from './invalid-choice';
import { invalidDate } from './invalid-date';
import { invalidEmail } from './invalid-email';
import { invalidNumber } from './invalid-number';
import { invalidPhone } from './invalid-phone';
import { invalidPostalCode } from './invalid-postal-code';
import { invalidProjectCode } from './invalid-project-code';
import { invalidUrl } from './invalid-url';
import { invalidYTunnus } from './invalid-y-tunnus';
import { unusualValue } from './unusual-value';

/** The value rules, in the order of SPEC.md's catalogue. */
export const VALUES_RULES: readonly Rule[] = [
  invalidYTunnus,
  invalidProjectCode,
  invalidDate,
  dateOrder,
  dateOutOfProgramme,
  invalidPostalCode,
  invalidPhone,
  invalidEmail,
  invalidUrl,
  invalidNumber,
  invalidChoice,
  unusualValue,
];
