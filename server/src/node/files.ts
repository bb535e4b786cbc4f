// Reading descriptions from disk, for the CLI and the server's workspace lint:
// decoding bytes (UTF-8, mostly UTF-8 with its stray bytes marked, else Windows-1252), binary detection, config
// lookup. Files are read by `readInput` in node/read-file.ts and folders walked by
// node/inputs.ts.
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, type ConfigResult, parseConfig } from '../core/config';
import { looksLikeDescription } from '../core/detect';
import { type ConfigRead, readConfigFile, readConfigFileSync } from './config-file';
import type { Texts } from '../core/schema';
import { BINARY_PROBE_BYTES, utf8Text } from './utf8';

export const DESCRIPTION_EXTENSIONS = ['.txt', '.hanke'];
/** Files above this size are not read (a description is ~15 kB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** A byte that is not valid UTF-8 in an otherwise UTF-8 file: where it is in the text, and its value. */
export interface InvalidByte {
  /** Offset (UTF-16 code units) of the character it was read as. */
  index: number;
  byte: number;
}

export type ReadOutcome = { kind: 'text'; text: string; encoding: 'utf-8' | 'windows-1252'; invalid?: InvalidByte[] } | { kind: 'binary' } | { kind: 'unreadable'; reason: Texts };

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG Encoding); 0xA0–0xFF are the same code points.
 * Written out because Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x96 → U+0096, not –).
 */
const C1_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** The Windows-1252 character of each byte 0x80–0xFF. */
export const HIGH_1252 = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i < 32 ? C1_1252[i] : 0x80 + i)).join('');

/** Windows-1252 bytes to text. */
export function decodeWindows1252(buf: Uint8Array): string {
  // eslint-disable-next-line no-control-regex
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => HIGH_1252[c.charCodeAt(0) - 0x80]);
}

/**
 * Bytes to text. Valid UTF-8 (a BOM allowed) is read as UTF-8. A file that is mostly
 * UTF-8 (it holds valid multi-byte sequences, at least as many as invalid bytes: Windows-1252
 * text almost never forms one, since its letters are followed by ASCII) is read as UTF-8 too, each invalid byte as its Windows-1252 character and
 * listed in `invalid`, so one stray byte never turns the whole document into mojibake.
 * Anything else is Windows-1252. NUL bytes at the start make it binary.
 */
export function decode(buf: Uint8Array): ReadOutcome {
  const probe = buf.subarray(0, BINARY_PROBE_BYTES);
  if (probe.includes(0)) return { kind: 'binary' };
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  // Node's native check is several times faster than a fatal TextDecoder on valid text.
  if (isUtf8(buf)) return { kind: 'text', text: utf8Text(b), encoding: 'utf-8' };
  const scan = scanUtf8(buf);
  if (scan.multiByte > 0 && scan.invalid.length <= scan.multiByte) {
    const parts: string[] = [];
    const invalid: InvalidByte[] = [];
    let length = 0;
    let from = 0;
    for (const at of scan.invalid) {
      const run = b.toString('utf8', from, at);
      const ch = HIGH_1252[buf[at] - 0x80] ?? '\uFFFD';
      parts.push(run, ch);
      length += run.length;
      invalid.push({ index: length, byte: buf[at] });
      length += ch.length;
      from = at + 1;
    }
    parts.push(b.toString('utf8', from));
    return { kind: 'text', text: parts.join(''), encoding: 'utf-8', invalid };
  }
  return { kind: 'text', text: decodeWindows1252(buf), encoding: 'windows-1252' };
}

/** Counts the valid multi-byte UTF-8 sequences and lists the offsets of the bytes that begin none. */
export function scanUtf8(buf: Uint8Array): { multiByte: number; invalid: number[] } {
  let multiByte = 0;
  const invalid: number[] = [];
  const n = buf.length;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && buf[i] >= lo && buf[i] <= hi;
  for (let i = 0; i < n;) {
    const c = buf[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (c === 0xe0) len = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if (c === 0xed) len = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (c >= 0xe1 && c <= 0xef) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (c === 0xf0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c >= 0xf1 && c <= 0xf3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (c === 0xf4) len = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len) {
      multiByte++;
      i += len;
    } else {
      invalid.push(i);
      i++;
    }
  }
  return { multiByte, invalid };
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
  return { config: {}, errors: [{ message: { fi: `${path}: asetuksia ei voi lukea: ${read.reason.fi}.`, en: `${path}: cannot read the configuration: ${read.reason.en}.` } }] };
}
