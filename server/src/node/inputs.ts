// Turns the command line's paths into files: files as given, directories walked
// (sorted; *.txt and *.hanke), and glob patterns (*, **, ?, [..]) expanded without a
// dependency. Nothing here throws for bad input: a missing path or an unreadable
// folder becomes a task that the linter reports as `unreadable`. Names that are not valid
// UTF-8 are kept as bytes (Buffer paths), so such files are read like any other.
import { isUtf8 } from 'node:buffer';
import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Texts } from '../core/schema';
import type { Unreadable } from '../core/rules/types';
import { hasDescriptionExtension } from './files';
import { systemReason } from './errors';
import { IGNORE_FILE, type IgnoreRule, Ignorer, isIgnored } from './ignore';

/** One input to lint: a file named on the command line or found by a walk. */
export interface Task {
  /** The path as it is printed. */
  file: string;
  /** Found by walking a folder or by a glob: skip files that are not descriptions. */
  fromWalk: boolean;
  /** Set when the input is known to be unreadable without reading it (e.g. a glob matching nothing). */
  unreadable?: Unreadable;
  /** The path's bytes, when the name is not valid UTF-8 (`file` then shows it lossily). */
  raw?: Uint8Array;
  /** Found by a walk with a description's name, but a FIFO, a socket or a device: skipped (with a note), never opened. */
  notAFile?: boolean;
  /** The content, read already (standard input). */
  bytes?: Uint8Array;
}

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
        re +=
          '[' +
          glob
            .slice(i + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

interface WalkSink {
  /** A file found; `raw` holds its path's bytes when its name is not valid UTF-8; `key` names the file itself (realKey); `notAFile`: a FIFO, socket or device. */
  file(path: string, raw?: Buffer, key?: string, notAFile?: boolean): void;
  /** A folder that cannot be listed. */
  unreadable(path: string, why: Texts): void;
}

function why(e: unknown): Texts {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return systemReason(e, 'read');
  const r = systemReason(e, 'read');
  return { fi: `sen tiedostoja ei voi luetella (${r.fi})`, en: `cannot list its files (${r.en})` };
}

interface Entry {
  /** As printed (a name that is not valid UTF-8 shows U+FFFD for its stray bytes). */
  name: string;
  /** The name's bytes, when they are not valid UTF-8 or the folder's path is not. */
  raw?: Buffer;
  dirent: Dirent | Dirent<Buffer>;
}

/** The folder's entries; names that are not valid UTF-8 are listed by their bytes. */
function listFolder(dir: string, rawDir: Buffer | undefined): Entry[] {
  if (!rawDir) {
    const list = readdirSync(dir, { withFileTypes: true });
    if (!list.some((e) => e.name.includes('\uFFFD'))) return list.map((e) => ({ name: e.name, dirent: e }));
  }
  const list = readdirSync(rawDir ?? dir, { withFileTypes: true, encoding: 'buffer' }) as unknown as Dirent<Buffer>[];
  return list.map((e) => {
    const name = e.name.toString('utf8');
    const raw = rawDir || !isUtf8(e.name) ? e.name : undefined;
    return { name, raw, dirent: e };
  });
}

/**
 * What names a file once, however it is reached (through a symbolic link to it or to a
 * folder above it, with `..`, by another spelling of its path): its real path. Paths kept
 * as bytes (names that are not valid UTF-8) are keyed by those bytes. Undefined when the
 * path cannot be resolved (the file is then keyed by its path as given).
 */
function realKey(path: string | Buffer): string | undefined {
  try {
    return typeof path === 'string' ? realpathSync(path) : `\u0001${realpathSync(path, { encoding: 'buffer' }).toString('latin1')}`;
  } catch {
    return undefined;
  }
}

/** `real` (a folder's real path, or its key) ready for a name to be appended. */
const withSep = (real: string) => (real.endsWith(sep) ? real : real + sep);

const joinRaw = (dir: Buffer | string, name: Buffer) => Buffer.concat([typeof dir === 'string' ? Buffer.from(dir) : dir, Buffer.from(sep), name]);

export interface WalkOptions {
  accept: (name: string) => boolean;
  ignorer?: Ignorer;
}

/**
 * Every file below `dir` in sorted order (names compared by code unit), skipping
 * node_modules, dot folders and what the ignore rules leave out. Symbolic links to
 * files are followed; links to folders too, once (cycles are cut by the real path). Each
 * file goes to the sink with its realKey, made from the folder's real path and its name
 * (a syscall only for a link or a name kept as bytes).
 */
function walk(dir: string, rawDir: Buffer | undefined, sink: WalkSink, o: WalkOptions, rules: readonly IgnoreRule[], seen = new Set<string>()): void {
  let real: string;
  try {
    real = rawDir ? realpathSync(rawDir, { encoding: 'buffer' }).toString('latin1') : realpathSync(dir);
  } catch {
    real = resolve(dir);
  }
  if (seen.has(real)) return;
  seen.add(real);
  const realPrefix = withSep(real);
  let entries: Entry[];
  try {
    entries = listFolder(dir, rawDir);
  } catch (e) {
    sink.unreadable(dir, why(e));
    return;
  }
  entries.sort(byName);
  const here = o.ignorer
    ? o.ignorer.enter(
        dir,
        rules,
        entries.some((e) => e.name === IGNORE_FILE),
      )
    : rules;
  const abs = resolve(dir);
  // `join(dir, name)` and `resolve(dir, name)` for a plain name (never `.`, `..` or with a
  // separator, as a folder lists them), each made once per folder instead of once per file.
  const prefix = join(dir, 'x').slice(0, -1);
  const absPrefix = withSep(abs);
  for (const { name, raw, dirent } of entries) {
    const p = prefix + name;
    const rawPath = raw ? joinRaw(rawDir ?? dir, raw) : undefined;
    let isDir = dirent.isDirectory();
    let isFile = dirent.isFile();
    const link = dirent.isSymbolicLink();
    // A FIFO, a socket or a device with a description's name: listed (then skipped with a note), never opened.
    let special = !isDir && !isFile && !link;
    if (link) {
      try {
        const st = statSync(rawPath ?? p);
        isDir = st.isDirectory();
        isFile = st.isFile();
        special = !isDir && !isFile;
      } catch {
        // A dangling link with a description's name is reported as unreadable.
        isFile = true;
      }
    }
    if (isDir) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (here.length && isIgnored(here, absPrefix + name, true)) continue;
      walk(p, rawPath, sink, o, here, seen);
    } else if ((isFile || special) && o.accept(name) && !(here.length && isIgnored(here, absPrefix + name, false))) {
      sink.file(p, rawPath, (link || rawPath ? realKey(rawPath ?? p) : realPrefix + name) ?? absPrefix + name, special);
    }
  }
}

/** Files matching a glob pattern, sorted; `**` crosses folders. */
export function expandGlob(pattern: string, sink?: WalkSink, ignorer?: Ignorer): string[] {
  const norm = pattern.split(sep).join('/');
  const parts = norm.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
  const re = globToRegExp(parts.slice(firstGlob).join('/'));
  // A pattern whose fixed part does not exist matches nothing (reported once, by the caller).
  if (!existsSync(base)) return [];
  const files: { path: string; raw?: Buffer; key?: string; notAFile?: boolean }[] = [];
  walk(
    base,
    undefined,
    { file: (f, raw, key, notAFile) => files.push({ path: f, raw, key, notAFile }), unreadable: (p, w) => sink?.unreadable(p, w) },
    { accept: () => true, ignorer },
    ignorer?.root ?? [],
  );
  const matched = files.filter((f) => re.test(relative(base, f.path).split(sep).join('/')));
  for (const f of matched) sink?.file(f.path, f.raw, f.key, f.notAFile);
  return matched.map((f) => f.path);
}

const NO_MATCH: Unreadable = { reason: { fi: 'mikään tiedosto ei vastaa hakulauseketta', en: 'no files match the pattern' }, input: 'pattern' };
const NO_FILES: Unreadable = {
  reason: { fi: 'siinä ei ole *.txt- eikä *.hanke-tiedostoja, tai ne kaikki on jätetty pois', en: 'it has no *.txt or *.hanke files, or all of them are ignored' },
  input: 'empty-folder',
};

export interface ExpandOptions {
  /** The arguments' bytes, where they are not valid UTF-8 (from the process's raw command line). */
  raw?: readonly (Buffer | undefined)[];
  /** --ignore-pattern and .hankeignore; applies to folder walks and globs, not to files named explicitly. */
  ignorer?: Ignorer;
}

/**
 * Expands the arguments into tasks in the order given (each folder's files sorted).
 * A file named twice is linted once, where it first appears: named again, found again by a
 * walk, or reached through a symbolic link (files are told apart by their real paths, so
 * a link never makes a file a duplicate of itself). An argument that yields no
 * file — a glob matching nothing, a folder without descriptions' names — is one
 * `unreadable` task, whichever kind it is.
 */
export function expandInputs(args: readonly string[], opts: ExpandOptions = {}): Task[] {
  const out: Task[] = [];
  const seen = new Set<string>();
  const add = (t: Task, real?: string) => {
    const key = t.unreadable ? `\0${t.file}` : (real ?? (t.raw ? `\u0001${Buffer.from(t.raw).toString('latin1')}` : resolve(t.file)));
    if (seen.has(key)) return;
    seen.add(key);
    out.push(t);
  };
  let found = 0;
  const sink = (fromWalk: boolean): WalkSink => ({
    file: (file, raw, key, notAFile) => {
      found++;
      const t: Task = raw ? { file, fromWalk, raw } : { file, fromWalk };
      if (notAFile) t.notAFile = true;
      add(t, key);
    },
    unreadable: (file, w) => {
      found++;
      add({ file, fromWalk, unreadable: { reason: w, input: 'folder' } });
    },
  });
  const rootRules = opts.ignorer?.root ?? [];
  // The real paths of the named files' folders, each resolved once (a shell's glob names many files in one folder).
  const realDirs = new Map<string, string | undefined>();
  const namedKey = (a: string, link: boolean): string | undefined => {
    if (link) return realKey(a);
    const dir = dirname(a);
    let real = realDirs.get(dir);
    if (real === undefined && !realDirs.has(dir)) realDirs.set(dir, (real = realKey(dir)));
    return real === undefined ? undefined : withSep(real) + basename(a);
  };
  args.forEach((a, i) => {
    const raw = opts.raw?.[i];
    let isDir = false;
    let exists = false;
    let link = false;
    try {
      const st = lstatSync(raw ?? a);
      link = st.isSymbolicLink();
      isDir = (link ? statSync(raw ?? a) : st).isDirectory();
      exists = true;
    } catch {
      exists = existsSync(raw ?? a);
    }
    found = 0;
    if (exists && isDir) {
      walk(a, raw, sink(true), { accept: hasDescriptionExtension, ignorer: opts.ignorer }, rootRules);
      if (found === 0) add({ file: a, fromWalk: false, unreadable: NO_FILES });
    } else if (!exists && /[\\/]$/.test(a) && !existsSync(a.replace(/[\\/]+$/, '') || '/')) {
      // `missing/`: a folder was meant (`file.txt/`, a file below a file, is said as the system says it).
      add({ file: a, fromWalk: false, unreadable: { reason: { fi: 'kansiota ei ole', en: 'no such folder' }, input: 'folder' } });
    } else if (!exists && GLOB_CHARS.test(a)) {
      if (expandGlob(a, sink(true), opts.ignorer).length === 0 && found === 0) add({ file: a, fromWalk: false, unreadable: NO_MATCH });
    } else add(raw ? { file: a, fromWalk: false, raw } : { file: a, fromWalk: false }, raw ? realKey(raw) : exists ? namedKey(a, link) : undefined);
  });
  return out;
}
