import { type Rule, t } from '../types';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const notADescription: Rule = {
  id: 'not-a-description',
  category: 'file',
  defaultSeverity: 'error',
  fixable: false,
  description: t('Tiedosto ei ole hankkeen kuvaus (tai on binääritiedosto).', 'The file is not a project description (or is binary).'),
  input: 'file',
  check({ file }) {
    if (file?.kind === 'binary') return [{ range: START, message: t('Binääritiedosto, ei hankkeen kuvaus.', 'A binary file, not a project description.') }];
    if (file?.kind !== 'not-a-description') return [];
    const message = file.empty
      ? t('Tiedosto on tyhjä.', 'The file is empty.')
      : t(
          'Tiedosto ei näytä hankkeen kuvaukselta (alusta puuttuvat kuvauksen otsikkorivit ja osio "1 Hanke").',
          'The file does not look like a project description (no preamble and no section "1 Hanke" at its start).',
        );
    return [{ range: START, message }];
  },
};
