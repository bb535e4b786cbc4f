// Runs the BUILT command (dist/cli.js) as a child process, and builds fixture folders
// in a temporary directory (no committed binaries).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXAMPLES, EXAMPLES_DIR } from '../helpers/examples';

export const REPO = resolve(__dirname, '../..');
export const CLI = join(REPO, 'dist/cli.js');
export { EXAMPLES, EXAMPLES_DIR };

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js …args` with an English, colourless, worker-default environment. */
export function hanke(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const env: Record<string, string | undefined> = {
    ...process.env,
    LANG: 'en_US.UTF-8',
    LC_ALL: undefined,
    LC_MESSAGES: undefined,
    NO_COLOR: undefined,
    HANKE_JOBS: undefined,
    FORCE_COLOR: undefined,
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? REPO, env: env as NodeJS.ProcessEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'hanke-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export const example = (i: number) => join(EXAMPLES_DIR, EXAMPLES[i].name);

/** Text → Windows-1252 bytes (the characters of Finnish text and a few typographic ones). */
export function toCp1252(text: string): Buffer {
  const special: Record<number, number> = { 0x20ac: 0x80, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x0161: 0x9a, 0x017e: 0x9e };
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes.push(c);
    else if (special[c]) bytes.push(special[c]);
    else throw new Error(`no Windows-1252 byte for U+${c.toString(16)}`);
  }
  return Buffer.from(bytes);
}

/**
 * The mixed folder of the issue:
 *   a-description.txt        example 000 (clean)
 *   b-cp1252.txt             example 002 in Windows-1252 (encoding + its final-report-missing)
 *   c-binary.txt             bytes with NULs
 *   d-note.txt               a plain note
 *   e-empty.txt              empty
 *   f-broken-link.txt        a symbolic link to nothing
 *   image.png                not *.txt / *.hanke: never looked at
 *   .git/x.txt               a dot folder: never walked
 *   sub/g-joint.hanke        example 001 as .hanke, without section 7 (missing-section)
 */
export function mixedFolder(): { dir: string; files: Record<string, string> } {
  const dir = tempDir('hanke-mixed-');
  const f = (name: string) => join(dir, name);
  copyFileSync(example(0), f('a-description.txt'));
  writeFileSync(f('b-cp1252.txt'), toCp1252(readFileSync(example(2), 'utf8')));
  const bin = Buffer.alloc(4096);
  for (let i = 0; i < bin.length; i++) bin[i] = (i * 37) % 256;
  writeFileSync(f('c-binary.txt'), bin);
  writeFileSync(f('d-note.txt'), 'Muistiinpanoja: soita hakijalle maanantaina.\nKysy Y-tunnuksesta.\n');
  writeFileSync(f('e-empty.txt'), '');
  symlinkSync(join(dir, 'nowhere.txt'), f('f-broken-link.txt'));
  writeFileSync(f('image.png'), bin);
  mkdirSync(f('.git'));
  copyFileSync(example(3), f('.git/x.txt'));
  mkdirSync(f('sub'));
  writeFileSync(f('sub/g-joint.hanke'), withoutSection7(readFileSync(example(1), 'utf8')));
  return { dir, files: { a: f('a-description.txt'), b: f('b-cp1252.txt'), c: f('c-binary.txt'), d: f('d-note.txt'), e: f('e-empty.txt'), link: f('f-broken-link.txt'), g: f('sub/g-joint.hanke') } };
}

/** The description without section 7 and its subsections (one `missing-section`). */
export function withoutSection7(text: string): string {
  return text.replace(/^7 Hakemusvaiheessa[\s\S]*?(?=^8 Horisontaaliset)/m, '');
}

/** Line (1-based) of the first line starting with `start`. */
export function lineOf(text: string, start: string): number {
  const i = text.split(/\r\n|\n/).findIndex((l) => l.startsWith(start));
  if (i < 0) throw new Error(`no line ${start}`);
  return i + 1;
}

/** A minimal RFC 4180 parser (quoted cells, doubled quotes, CRLF) for checking the export. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
