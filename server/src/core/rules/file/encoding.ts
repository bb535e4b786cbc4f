import type { Position } from '../../model';
import { type Rule, type RuleFinding, t } from '../types';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const encoding: Rule = {
  id: 'encoding',
  category: 'file',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä.', 'The file is not UTF-8; it was read as Windows-1252.'),
  input: 'file',
  check({ file }) {
    if (file?.kind !== 'description') return [];
    if (file.invalid?.length) {
      // A mostly-UTF-8 file: one finding on each byte that is not UTF-8.
      const at = positionsOf(
        file.text,
        file.invalid.map((x) => x.index),
      );
      return file.invalid.map((x, i): RuleFinding => {
        const shown = JSON.stringify(file.text.slice(x.index, x.index + 1));
        return {
          range: { start: at[i], end: { line: at[i].line, character: at[i].character + 1 } },
          message: t(
            `Tavu ${hex(x.byte)} ei ole UTF-8-merkistöä; se luettiin Windows-1252-merkkinä ${shown}. Tallenna tiedosto UTF-8-muodossa.`,
            `Byte ${hex(x.byte)} is not UTF-8; it was read as the Windows-1252 character ${shown}. Save the file as UTF-8.`,
          ),
        };
      });
    }
    if (file.encoding === 'utf-8') return [];
    const message =
      file.encoding === 'windows-1252'
        ? t('Tiedosto ei ole UTF-8-muodossa; se luettiin Windows-1252-merkistönä. Tallenna se UTF-8-muodossa.', 'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8.')
        : t('Tiedosto on UTF-16-muodossa. Tallenna se UTF-8-muodossa.', 'The file is UTF-16. Save it as UTF-8.');
    return [{ range: START, message }];
  },
};

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Line and character of each offset (ascending) of `text` (line breaks as the parser sees them: CRLF, CR, LF). */
function positionsOf(text: string, offsets: readonly number[]): Position[] {
  const out: Position[] = [];
  let line = 0;
  let lineStart = 0;
  let i = 0;
  for (const off of offsets) {
    for (; i < off; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < off) {
        i++;
        line++;
        lineStart = i + 1;
      } else if (c === 10 || c === 13) {
        line++;
        lineStart = i + 1;
      }
    }
    out.push({ line, character: off - lineStart });
  }
  return out;
}
