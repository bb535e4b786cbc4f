// Reading descriptions from disk, for the CLI and the server's workspace lint:
// decoding bytes (UTF-8, else Windows-1252 with a warning), binary detection, config
// lookup. Files are read by `readInput` in cli/lint-files.ts and folders walked by
// cli/inputs.ts.
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, type ConfigResult, parseConfig } from '../core/config';
import { looksLikeDescription } from '../core/detect';
import { type ConfigRead, readConfigFile, readConfigFileSync } from './config-file';

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

/** Finds `.hankerc.json` walking up from `dir`; results are cached per folder. Read only as a regular file of at most 1 MiB. */
export class ConfigLocator {
  private cache = new Map<string, { path: string; result: ConfigResult } | null>();

  find(dir: string): { path: string; result: ConfigResult } | null {
    const abs = resolve(dir);
    const hit = this.cache.get(abs);
    if (hit !== undefined) return hit;
    let found: { path: string; result: ConfigResult } | null;
    const candidate = join(abs, CONFIG_FILE);
    if (existsSync(candidate)) found = { path: candidate, result: configResult(candidate, readConfigFileSync(candidate)) };
    else {
      const parent = dirname(abs);
      found = parent === abs ? null : this.find(parent);
    }
    this.cache.set(abs, found);
    return found;
  }

  /** `find` for the language server: the file is read without blocking the event loop. */
  async findAsync(dir: string): Promise<{ path: string; result: ConfigResult } | null> {
    const abs = resolve(dir);
    const hit = this.cache.get(abs);
    if (hit !== undefined) return hit;
    let found: { path: string; result: ConfigResult } | null;
    const candidate = join(abs, CONFIG_FILE);
    if (existsSync(candidate)) found = { path: candidate, result: configResult(candidate, await readConfigFile(candidate)) };
    else {
      const parent = dirname(abs);
      found = parent === abs ? null : await this.findAsync(parent);
    }
    this.cache.set(abs, found);
    return found;
  }

  clear(): void {
    this.cache.clear();
  }
}

function configResult(path: string, read: ConfigRead): ConfigResult {
  if (read.ok) return parseConfig(read.text, path);
  return { config: {}, errors: [{ message: { fi: `${path}: asetuksia ei voi lukea: ${read.reason}.`, en: `${path}: cannot read the configuration: ${read.reason}.` } }] };
}
