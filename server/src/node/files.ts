// Reading descriptions from disk, for the CLI and the server's workspace lint:
// decoding bytes (UTF-8, else Windows-1252 with a warning), binary detection, config
// lookup. Files are read by `readInput` in cli/lint-files.ts and folders walked by
// cli/inputs.ts.
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, type ConfigResult, parseConfig } from '../core/config';
import { looksLikeDescription } from '../core/detect';

export const DESCRIPTION_EXTENSIONS = ['.txt', '.hanke'];
/** Files above this size are not read (a description is ~15 kB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'windows-1252' }
  | { kind: 'binary' }
  | { kind: 'unreadable'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

export function decode(buf: Uint8Array): ReadOutcome {
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) return { kind: 'binary' };
  // Node's native check is several times faster than a fatal TextDecoder on valid text.
  if (isUtf8(buf)) return { kind: 'text', text: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8'), encoding: 'utf-8' };
  try {
    return { kind: 'text', text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    return { kind: 'text', text: cp1252.decode(buf), encoding: 'windows-1252' };
  }
}

export function hasDescriptionExtension(path: string): boolean {
  const l = path.toLowerCase();
  return DESCRIPTION_EXTENSIONS.some((e) => l.endsWith(e));
}

export { looksLikeDescription };

/** Finds `.hankerc.json` walking up from `dir`; results are cached per folder. */
export class ConfigLocator {
  private cache = new Map<string, { path: string; result: ConfigResult } | null>();

  find(dir: string): { path: string; result: ConfigResult } | null {
    const abs = resolve(dir);
    const hit = this.cache.get(abs);
    if (hit !== undefined) return hit;
    let found: { path: string; result: ConfigResult } | null = null;
    const candidate = join(abs, CONFIG_FILE);
    if (existsSync(candidate)) {
      let text = '';
      try {
        text = readFileSync(candidate, 'utf8');
        found = { path: candidate, result: parseConfig(text, candidate) };
      } catch (e) {
        found = { path: candidate, result: { config: {}, errors: [{ message: { fi: `${candidate}: ei voi lukea: ${String(e)}`, en: `${candidate}: cannot read: ${String(e)}` } }] } };
      }
    } else {
      const parent = dirname(abs);
      found = parent === abs ? null : this.find(parent);
    }
    this.cache.set(abs, found);
    return found;
  }

  clear(): void {
    this.cache.clear();
  }
}
