import type { Rule } from '../types';
import { encoding } from './encoding';
import { internalError } from './internal-error';
import { notADescription } from './not-a-description';
import { unreadable } from './unreadable';

/** Checks of a file as a whole: they read the file's facts (`ctx.file`), made where files are read; and the linter's own `internal-error`. */
export const FILE_RULES: readonly Rule[] = [notADescription, unreadable, encoding, internalError];
