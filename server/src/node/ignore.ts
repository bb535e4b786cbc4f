// Leaving files out of folder walks: `--ignore-pattern <glob>` (relative to the current
// folder) and `.hankeignore` files, in gitignore syntax: `#` comments, `!` to take a
// pattern back, a trailing `/` for folders only, a pattern with a `/` at its start or
// middle is relative to the file's folder, one without matches a name at any depth;
// `*`, `?`, `[a-z]`, `[!a-z]`, `**/`, `/**/`, `/**` and `\` escapes. An ignored folder is
// not entered, so nothing inside it can be taken back (as in git).
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const IGNORE_FILE = '.hankeignore';

export interface IgnoreRule {
  /** The folder the pattern is relative to (absolute). */
  base: string;
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
  /** The line as written, for messages. */
  source: string;
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A gitignore pattern (without `!` and trailing `/`) as a regular expression body. */
function patternBody(pat: string): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i]);
    } else if (c === '*') {
      if (pat[i + 1] === '*' && (i === 0 || pat[i - 1] === '/') && (i + 2 === pat.length || pat[i + 2] === '/')) {
        if (i + 2 === pat.length) {
          // `/**` at the end: everything inside.
          re += '.*';
          i++;
        } else {
          // `**/`: zero or more folders.
          re += '(?:[^/]*/)*';
          i += 2;
        }
      } else {
        while (pat[i + 1] === '*') i++;
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = pat.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let body = pat.slice(i + 1, close);
        const neg = body.startsWith('!') || body.startsWith('^');
        if (neg) body = body.slice(1);
        re += `[${neg ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\//g, '')}]`;
        i = close;
      }
    } else re += escapeRe(c);
  }
  return re;
}

/** Parses one line; undefined for blank lines and comments. */
export function parseIgnoreLine(line: string, base: string): IgnoreRule | undefined {
  let l = line.replace(/\r$/, '');
  // Trailing spaces do not count unless escaped.
  l = l.replace(/(?<!\\) +$/, '');
  if (l === '' || l.startsWith('#')) return undefined;
  let negate = false;
  if (l.startsWith('!')) {
    negate = true;
    l = l.slice(1);
  } else if (l.startsWith('\\!') || l.startsWith('\\#')) l = l.slice(1);
  let dirOnly = false;
  if (l.endsWith('/') && !l.endsWith('\\/')) {
    dirOnly = true;
    l = l.replace(/\/+$/, '');
  }
  if (l === '') return undefined;
  const anchored = l.includes('/');
  if (l.startsWith('/')) l = l.slice(1);
  const body = patternBody(l);
  const re = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { base, re, negate, dirOnly, source: line };
}

export function parseIgnore(text: string, base: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const line of text.split('\n')) {
    const r = parseIgnoreLine(line, base);
    if (r) rules.push(r);
  }
  return rules;
}

/** Whether `path` (absolute) is ignored by `rules`: the last matching rule decides. */
export function isIgnored(rules: readonly IgnoreRule[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (ignored !== r.negate) continue; // cannot change the outcome
    const rel = relative(r.base, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
    if (r.re.test(sep === '/' ? rel : rel.split(sep).join('/'))) ignored = !r.negate;
  }
  return ignored;
}

/**
 * The ignore rules in force while walking: those of `--ignore-pattern` and of the
 * current folder's `.hankeignore`, plus each walked folder's own `.hankeignore`
 * (each file read once).
 */
export class Ignorer {
  private readonly loaded = new Set<string>();
  readonly root: IgnoreRule[];

  constructor(patterns: readonly string[] = [], cwd = process.cwd(), readCwdFile = true) {
    const base = resolve(cwd);
    this.root = [];
    if (readCwdFile) this.root.push(...this.load(base));
    for (const p of patterns) {
      const r = parseIgnoreLine(p, base);
      if (r) this.root.push(r);
    }
  }

  private load(dir: string): IgnoreRule[] {
    const file = join(dir, IGNORE_FILE);
    let key: string;
    try {
      key = realpathSync(file);
    } catch {
      return [];
    }
    if (this.loaded.has(key)) return [];
    this.loaded.add(key);
    try {
      // A regular file of reasonable size only (a FIFO or /dev/zero must not hang the walk).
      const text = readSmallFile(key);
      return text === undefined ? [] : parseIgnore(text, dir);
    } catch {
      return [];
    }
  }

  /** The rules for the entries of `dir`, given those of its parent; `hasFile` when it holds a .hankeignore. */
  enter(dir: string, parent: readonly IgnoreRule[], hasFile: boolean): readonly IgnoreRule[] {
    if (!hasFile) return parent;
    const own = this.load(resolve(dir));
    return own.length ? [...parent, ...own] : parent;
  }
}

function readSmallFile(path: string): string | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > 1024 * 1024) return undefined;
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
