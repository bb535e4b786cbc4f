// Recognising a description by its content (the published files are plain .txt).
import { PREAMBLE, SECTIONS } from './schema';
import { foldForCompare } from './util/similarity';

const HEAD_LINES = 40;
const HEAD_CHARS = 8192;

const banner = foldForCompare(PREAMBLE.banner);
const titleSuffix = foldForCompare(PREAMBLE.titleSuffix);
const firstHeading = foldForCompare(`${SECTIONS[0].number} ${SECTIONS[0].title}`);
const firstLabel = SECTIONS[0].fields?.[0] ? foldForCompare(SECTIONS[0].fields[0].label) + ':' : undefined;

/**
 * True when the first lines of `text` look like an ESR project description: the
 * preamble banner or title, or the heading of section 1 followed by one of its
 * labels. Reads at most the first 40 non-blank lines of the first 8 kB, line by line,
 * so it is cheap on any file (a published description answers on its first line).
 */
export function looksLikeDescription(text: string): boolean {
  if (text.length === 0) return false;
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  let pos = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seen = 0;
  let sawHeading = false;
  while (pos < head.length && seen < HEAD_LINES) {
    let end = pos;
    while (end < head.length && head.charCodeAt(end) !== 10 && head.charCodeAt(end) !== 13) end++;
    const l = foldForCompare(head.slice(pos, end));
    pos = end + 1;
    if (l.length === 0) continue;
    seen++;
    if (l === banner || l.endsWith(titleSuffix)) return true;
    if (l === firstHeading) sawHeading = true;
    else if (sawHeading && firstLabel && l.startsWith(firstLabel)) return true;
  }
  return false;
}
