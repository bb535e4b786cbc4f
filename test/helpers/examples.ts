// The five real descriptions of the repository's examples/, read once for the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The five published descriptions, unchanged (test/unit/examples.test.ts checks their bytes). */
export const EXAMPLES_DIR = resolve(__dirname, '../../examples');

export const EXAMPLES: { name: string; text: string }[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(EXAMPLES_DIR, name), 'utf8') }));

export function example(prefix: string): string {
  const e = EXAMPLES.find((x) => x.name.startsWith(prefix));
  if (!e) throw new Error(`no example ${prefix}`);
  return e.text;
}

/** 1-based line number of the first line equal to (or starting with) `start`. */
export function lineOf(text: string, start: string): number {
  const i = text.split(/\r\n|\n/).findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${start}`);
  return i + 1;
}

/** Replace the first line starting with `start` by `replacement` lines (none = delete it). */
export function editLine(text: string, start: string, ...replacement: string[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line starting with ${start}`);
  lines.splice(i, 1, ...replacement);
  return lines.join('\n');
}
