// Valid UTF-8 bytes as text, the fast way: for the files (node/files.ts) and the cache
// file (cli/cache.ts).
import { isAscii, transcode } from 'node:buffer';

/** Bytes of a file's start in which a NUL makes it binary. */
export const BINARY_PROBE_BYTES = 8192;

/**
 * Valid UTF-8 bytes as text. ASCII is read byte for byte; other text is converted to
 * UTF-16 by ICU and read from that, which gives the same string five to ten times faster
 * than V8's own UTF-8 decoding of Finnish text (Node 20: about 7 µs instead of 35 µs for
 * an 11 kB description). Without ICU (a Node built without Intl) it is decoded as usual.
 * The string never shares memory with `b`: the caller may reuse it.
 */
export function utf8Text(b: Buffer): string {
  if (isAscii(b)) return b.toString('latin1');
  try {
    return transcode(b, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return b.toString('utf8');
  }
}
