import { type Rule, t } from '../types';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const unreadable: Rule = {
  id: 'unreadable',
  category: 'file',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Tiedostoa ei voi lukea.', 'The file cannot be read.'),
  input: 'file',
  check({ file }) {
    if (file?.kind !== 'unreadable') return [];
    return [{ range: START, message: t(`Tiedostoa ei voi lukea: ${file.reason.fi}.`, `Cannot read the file: ${file.reason.en}.`) }];
  },
};
