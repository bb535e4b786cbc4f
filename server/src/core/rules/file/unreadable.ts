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
    const { fi, en } = file.reason;
    // Say what the input was: a folder or a pattern is not a file.
    const message =
      file.input === 'folder'
        ? t(`Kansiota ei voi lukea: ${fi}.`, `Cannot read the folder: ${en}.`)
        : file.input === 'empty-folder'
          ? t(`Kansiossa ei ole tarkistettavaa: ${fi}.`, `Nothing to lint in the folder: ${en}.`)
          : file.input === 'pattern'
            ? t(`Ei tarkistettavaa: ${fi}.`, `Nothing to lint: ${en}.`)
            : t(`Tiedostoa ei voi lukea: ${fi}.`, `Cannot read the file: ${en}.`);
    return [{ range: START, message }];
  },
};
