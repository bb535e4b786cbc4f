// Recognising a description by its content (the published files are plain .txt).
import { PREAMBLE, SECTIONS } from './schema';
import { foldForCompare } from './util/similarity';

const HEAD_LINES = 40;

/**
 * True when the first lines of `text` look like an ESR project description: the
 * preamble banner or title, or the heading of section 1 followed by one of its
 * labels. Reads at most the first 40 non-blank lines, so it is cheap on any file.
 */
export function looksLikeDescription(text: string): boolean {
  if (text.length === 0) return false;
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  const lines = head
    .split(/\r\n|\r|\n/)
    .map((l) => foldForCompare(l))
    .filter((l) => l.length > 0)
    .slice(0, HEAD_LINES);
  const banner = foldForCompare(PREAMBLE.banner);
  const titleSuffix = foldForCompare(PREAMBLE.titleSuffix);
  const first = SECTIONS[0];
  const firstHeading = foldForCompare(`${first.number} ${first.title}`);
  const firstLabel = first.fields?.[0] ? foldForCompare(first.fields[0].label) + ':' : undefined;
  let sawHeading = false;
  for (const l of lines) {
    if (l === banner || l.endsWith(titleSuffix)) return true;
    if (l === firstHeading) sawHeading = true;
    else if (sawHeading && firstLabel && l.startsWith(firstLabel)) return true;
  }
  return false;
}
