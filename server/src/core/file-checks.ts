// Findings about a file as a whole, made where files are read (CLI, workspace lint):
// it is not a description, it cannot be read, or it is not UTF-8; and the one the linter
// makes when a rule fails on a document (a bug: the other rules still ran). They carry
// rule ids like any rule, have docs pages, and can be configured like any rule.
import type { Severity } from './rules/types';
import type { Texts } from './schema';

export interface FileCheck {
  id: string;
  defaultSeverity: Severity;
  description: Texts;
}

export const FILE_CHECKS = {
  notADescription: {
    id: 'not-a-description',
    defaultSeverity: 'error',
    description: { fi: 'Tiedosto ei ole hankkeen kuvaus (tai on binääritiedosto).', en: 'The file is not a project description (or is binary).' },
  },
  unreadable: {
    id: 'unreadable',
    defaultSeverity: 'error',
    description: { fi: 'Tiedostoa ei voi lukea.', en: 'The file cannot be read.' },
  },
  encoding: {
    id: 'encoding',
    defaultSeverity: 'warning',
    description: { fi: 'Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä.', en: 'The file is not UTF-8; it was read as Windows-1252.' },
  },
  internalError: {
    id: 'internal-error',
    defaultSeverity: 'error',
    description: { fi: 'Sääntö kaatui tätä kuvausta tarkistaessaan (ohjelmavirhe); muut säännöt tarkistettiin.', en: 'A rule failed while checking this description (a bug); the other rules ran.' },
  },
} as const satisfies Record<string, FileCheck>;

export const FILE_CHECK_LIST: readonly FileCheck[] = Object.values(FILE_CHECKS);
