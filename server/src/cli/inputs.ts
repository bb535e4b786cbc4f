// Turns the command line's paths into files: files as given, directories walked
// (sorted), and glob patterns (*, **, ?, [..]) expanded without a dependency.
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { walkDescriptions } from '../node/files';
import { readdirSync } from 'node:fs';

export interface Input {
  /** The path as it will be printed (as given, or joined onto the directory given). */
  file: string;
  fromWalk: boolean;
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
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walkAll(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walkAll(p, out);
    } else if (e.isFile()) out.push(p);
  }
}

export function expandGlob(pattern: string): string[] {
  const norm = pattern.split(sep).join('/');
  const parts = norm.split('/');
  const firstGlob = parts.findIndex((p) => GLOB_CHARS.test(p));
  const base = parts.slice(0, firstGlob).join('/') || (norm.startsWith('/') ? '/' : '.');
  const re = globToRegExp(parts.slice(firstGlob).join('/'));
  const files: string[] = [];
  walkAll(base, files);
  return files.filter((f) => re.test(relative(base, f).split(sep).join('/')));
}

/** Expands the arguments; paths that do not exist are returned as files (they get `unreadable`). */
export function expandInputs(args: string[]): Input[] {
  const out: Input[] = [];
  for (const a of args) {
    if (existsSync(a)) {
      if (statSync(a).isDirectory()) for (const f of walkDescriptions(a)) out.push({ file: f, fromWalk: true });
      else out.push({ file: a, fromWalk: false });
    } else if (GLOB_CHARS.test(a)) {
      for (const f of expandGlob(a)) out.push({ file: f, fromWalk: true });
    } else out.push({ file: a, fromWalk: false });
  }
  return out;
}
