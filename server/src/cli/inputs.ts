// Turns the command line's paths into files: files as given, directories walked
// (sorted; *.txt and *.hanke), and glob patterns (*, **, ?, [..]) expanded without a
// dependency. Nothing here throws for bad input: a missing path or an unreadable
// folder becomes a task that the linter reports as `unreadable`.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Texts } from '../core/schema';
import { hasDescriptionExtension } from '../node/files';
import type { Task } from './lint-files';

const GLOB_CHARS = /[*?[]/;

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface WalkSink {
  file(path: string): void;
  /** A folder that cannot be listed. */
  unreadable(path: string, why: Texts): void;
}

function why(e: unknown): Texts {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { fi: 'kansion sisältöä ei voi lukea (ei oikeutta)', en: 'cannot list the folder (permission denied)' };
  return { fi: `kansion sisältöä ei voi lukea (${code ?? e})`, en: `cannot list the folder (${code ?? e})` };
}

/**
 * Every file below `dir` in sorted order (names compared by code unit), skipping
 * node_modules and dot folders. Symbolic links to files are followed; links to folders
 * too, once (cycles are cut by the real path).
 */
function walk(dir: string, sink: WalkSink, accept: (name: string) => boolean, seen = new Set<string>()): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    real = resolve(dir);
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    sink.unreadable(dir, why(e));
    return;
  }
  entries.sort(byName);
  for (const e of entries) {
    const p = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        // A dangling link with a description's name is reported as unreadable.
        isFile = true;
      }
    }
    if (isDir) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p, sink, accept, seen);
    } else if (isFile && accept(e.name)) sink.file(p);
  }
}

/** Files matching a glob pattern, sorted; `**` crosses folders. */
export function expandGlob(pattern: string, sink?: WalkSink): string[] {
  const norm = pattern.split(sep).join('/');
  const parts = norm.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
  const re = globToRegExp(parts.slice(firstGlob).join('/'));
  const files: string[] = [];
  walk(base, { file: (f) => files.push(f), unreadable: (p, w) => sink?.unreadable(p, w) }, () => true);
  const matched = files.filter((f) => re.test(relative(base, f).split(sep).join('/')));
  for (const f of matched) sink?.file(f);
  return matched;
}

const NO_MATCH: Texts = { fi: 'mikään tiedosto ei vastaa hakulauseketta', en: 'no files match the pattern' };

/**
 * Expands the arguments into tasks in the order given (each folder's files sorted).
 * A file named twice is linted once, where it first appears.
 */
export function expandInputs(args: readonly string[]): Task[] {
  const out: Task[] = [];
  const seen = new Set<string>();
  const add = (t: Task) => {
    const key = t.unreadable ? `\0${t.file}` : resolve(t.file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(t);
  };
  const sink = (fromWalk: boolean): WalkSink => ({
    file: (file) => add({ file, fromWalk }),
    unreadable: (file, w) => add({ file, fromWalk, unreadable: w }),
  });
  for (const a of args) {
    let isDir = false;
    let exists = false;
    try {
      isDir = statSync(a).isDirectory();
      exists = true;
    } catch {
      exists = existsSync(a);
    }
    if (exists && isDir) walk(a, sink(true), hasDescriptionExtension);
    else if (!exists && GLOB_CHARS.test(a)) {
      if (expandGlob(a, sink(true)).length === 0) add({ file: a, fromWalk: false, unreadable: NO_MATCH });
    } else add({ file: a, fromWalk: false });
  }
  return out;
}
