import type { Rule } from '../types';
import { encoding } from './encoding';
import { notADescription } from './not-a-description';
import { unreadable } from './unreadable';

/** Checks of a file as a whole: they read the file's facts (`ctx.file`), made where files are read. */
export const FILE_RULES: readonly Rule[] = [notADescription, unreadable, encoding];
