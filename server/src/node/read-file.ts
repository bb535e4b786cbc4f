// Reading a file from disk as the CLI and the server's workspace lint both do: the bytes
// decoded (UTF-8 with a BOM, UTF-16 with a BOM, mostly UTF-8 with its stray bytes marked,
// else Windows-1252), binary and size checks, and whether it holds a description. What
// it finds about the file as a whole becomes the facts the file rules read (`FileFacts`).
// Never throws for bad input.
import { type DocumentKeys, documentKeys } from '../core/cross-document';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { HankeConfig } from '../core/config';
import { analyze, type Finding, lintFileFacts } from '../core/lint';
import type { FileFacts, Unreadable } from '../core/rules/types';
import type { Texts } from '../core/schema';
import { systemReason } from './errors';
import { decode, type InvalidByte, looksLikeDescription, MAX_FILE_BYTES, type ReadOutcome } from './files';

/** Why a file found by walking a folder was not linted (`not-a-file`: a FIFO, a socket or a device, never opened). */
export type SkipReason = 'binary' | 'empty' | 'not-a-description' | 'not-a-file';

/** Each reason as the notes, the stylish output and the report name it. */
export const SKIP_REASONS: Readonly<Record<SkipReason, Texts>> = {
  binary: { fi: 'binääritiedosto', en: 'binary' },
  empty: { fi: 'tyhjä', en: 'empty' },
  'not-a-description': { fi: 'ei hankkeen kuvaus', en: 'not a description' },
  'not-a-file': { fi: 'ei tavallinen tiedosto', en: 'not a regular file' },
};

const HEAD_BYTES = 8192;

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type Read =
  /** `bytes`: what was read; absent for a text read ahead on another thread (node/read-ahead.ts: valid UTF-8, never used by --fix). */
  | { kind: 'text'; text: string; encoding: Encoding; invalid?: InvalidByte[]; bytes?: Uint8Array }
  | { kind: 'binary' }
  | { kind: 'unreadable'; reason: Texts }
  | { kind: 'too-large'; size: number; head: ReadOutcome };

function readHead(path: string | Buffer): ReadOutcome {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    const head = buf.subarray(0, n);
    if (head.includes(0)) return { kind: 'binary' };
    // A multi-byte character may be cut at the end: decode leniently.
    return { kind: 'text', text: new TextDecoder('utf-8').decode(head), encoding: 'utf-8' };
  } finally {
    closeSync(fd);
  }
}

const NOT_REGULAR: Texts = { fi: 'ei tavallinen tiedosto', en: 'not a regular file' };
/** A pipe, a terminal or a socket named as a file (`/dev/stdin`, `<(…)`): standard input is read with `-`. */
const A_STREAM: Texts = { fi: 'ei tavallinen tiedosto (vakiosyötteen voi lukea nimellä -)', en: 'not a regular file (to read standard input, give -)' };
const IS_A_DIRECTORY: Texts = { fi: 'on kansio', en: 'is a directory' };
const BROKEN_LINK: Texts = { fi: 'symbolinen linkki osoittaa olemattomaan tiedostoon', en: 'broken symbolic link' };

/** Reads a file as the CLI does: UTF-8 (BOM allowed), UTF-16 with a BOM, else Windows-1252. */
export function readInput(path: string | Buffer): Read {
  let fd: number | undefined;
  try {
    // Non-blocking, so that opening a FIFO without a writer does not hang (it is then refused below).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) return { kind: 'unreadable', reason: IS_A_DIRECTORY };
    if (!st.isFile()) return { kind: 'unreadable', reason: st.isFIFO() || st.isCharacterDevice() || st.isSocket() ? A_STREAM : NOT_REGULAR };
    if (st.size > MAX_FILE_BYTES) return { kind: 'too-large', size: st.size, head: readHead(path) };
    // One read of the bytes; valid UTF-8 is recognised natively (SIMD) before it is decoded,
    // which costs less than decoding first and then searching the text for U+FFFD and NUL.
    return decodeBytes(readFileSync(fd));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        if (lstatSync(path).isSymbolicLink()) return { kind: 'unreadable', reason: BROKEN_LINK };
      } catch {
        // not there at all
      }
    }
    return { kind: 'unreadable', reason: systemReason(e, 'read') };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** UTF-16 with a byte-order mark, else as `decode` reads bytes (binary, UTF-8 or Windows-1252). */
export function decodeBytes(buf: Uint8Array): Read {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    try {
      // The text keeps its BOM (U+FEFF), as UTF-8 text does: it is dropped where the text is linted.
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(buf);
      return { kind: 'text', text, encoding: le ? 'utf-16le' : 'utf-16be', bytes: buf };
    } catch {
      return { kind: 'binary' };
    }
  }
  const r = decode(buf);
  return r.kind === 'text' ? { ...r, bytes: buf } : r;
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
}

/** Where a file's bytes come from: its path, or bytes read already (standard input). */
export interface FileSource {
  path: string | Buffer;
  bytes?: Uint8Array;
  /** The file's text, read ahead on another thread (node/read-ahead.ts): valid UTF-8, decoded. */
  text?: string;
  /** Known to be unreadable without reading it (e.g. a glob matching nothing). */
  unreadable?: Unreadable;
  /** Found by a walk and neither a file nor a folder (inputs.ts): skipped without being opened. */
  notAFile?: boolean;
}

export type DescriptionRead =
  /** Found by walking a folder and not a description: not linted at all. */
  | { kind: 'skipped'; reason: SkipReason }
  /** No description in it (unreadable, binary, empty, not a description): only the file rules apply. */
  | { kind: 'file'; facts: FileFacts }
  /** A description: its text without a BOM, and how it was read. */
  | { kind: 'description'; read: Extract<Read, { kind: 'text' }>; text: string; bom: number };

/** Reads a file and decides whether it holds a description; `fromWalk`: skip what is not one. */
export function readDescription(src: FileSource, fromWalk: boolean): DescriptionRead {
  const unreadable = (reason: Texts): DescriptionRead => ({ kind: 'file', facts: { kind: 'unreadable', reason } });
  if (src.unreadable) return { kind: 'file', facts: { kind: 'unreadable', ...src.unreadable } };
  // Opening a FIFO would disturb whatever writes to it; a walk only meets such names by chance.
  if (src.notAFile) return fromWalk ? { kind: 'skipped', reason: 'not-a-file' } : unreadable(NOT_REGULAR);
  const read: Read = src.text !== undefined ? { kind: 'text', text: src.text, encoding: 'utf-8' } : src.bytes ? decodeBytes(src.bytes) : readInput(src.path);
  if (read.kind === 'unreadable') return unreadable(read.reason);
  if (read.kind === 'too-large') {
    const head = read.head;
    if (fromWalk && (head.kind !== 'text' || !looksLikeDescription(head.text))) {
      return { kind: 'skipped', reason: head.kind === 'binary' ? 'binary' : 'not-a-description' };
    }
    const size = megabytes(read.size);
    const max = megabytes(MAX_FILE_BYTES);
    return unreadable({ fi: `tiedosto on liian suuri (${size} Mt, enintään ${max} Mt)`, en: `the file is too large (${size} MB, at most ${max} MB)` });
  }
  if (read.kind === 'binary') return fromWalk ? { kind: 'skipped', reason: 'binary' } : { kind: 'file', facts: { kind: 'binary' } };
  const text = read.text.replace(/^\uFEFF/, '');
  if (!looksLikeDescription(text)) {
    const empty = text.trim() === '';
    if (fromWalk) return { kind: 'skipped', reason: empty ? 'empty' : 'not-a-description' };
    return { kind: 'file', facts: { kind: 'not-a-description', empty } };
  }
  return { kind: 'description', read, text, bom: read.text.length - text.length };
}

/** The file facts of a description whose linted text is `body` (the text read, or what --fix made of it). */
export function descriptionFacts(d: Extract<DescriptionRead, { kind: 'description' }>, body: string): FileFacts {
  // The stray bytes' offsets hold for the text read, not for a text --fix rewrote.
  const invalid = d.read.invalid?.length && body === d.text ? d.read.invalid.map((x) => ({ index: x.index - d.bom, byte: x.byte })) : undefined;
  return { kind: 'description', encoding: d.read.encoding, text: body, ...(invalid ? { invalid } : {}) };
}

/**
 * The server's workspace lint of a file on disk: the findings the CLI reports for it (the
 * same reading and file rules), and its text; undefined when it holds no description.
 */
export function lintDiskFile(path: string, config: HankeConfig): { findings: Finding[]; text?: string; keys?: DocumentKeys } | undefined {
  const got = readDescription({ path }, true);
  if (got.kind === 'skipped') return undefined;
  if (got.kind === 'file') return { findings: lintFileFacts(got.facts, config) };
  const { doc, findings } = analyze(got.text, config, { file: descriptionFacts(got, got.text) });
  return { findings, text: got.text, keys: documentKeys(doc) };
}
