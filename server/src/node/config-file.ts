// Reading a configuration file (`.hankerc.json`, `--config <file>`) safely: only a
// regular file, at most 1 MiB. A cloned folder may hold a `.hankerc.json` that is a FIFO
// (reading it would wait forever) or a link to /dev/zero (reading it would fill the
// memory): the file is opened without blocking (O_NONBLOCK: opening a FIFO does not wait
// for a writer), checked with fstat on the open descriptor (no race with a rename), and
// read with a cap. Anything else is a clear error, never a hang.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Configuration files above this size are refused. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigRead = { ok: true; text: string } | { ok: false; reason: string };

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kind(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const notRegular = (what: string) => `not a regular file (${what})`;
const tooLarge = (size: number) => `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB (${size > MAX_CONFIG_BYTES + 1 ? `${size} bytes` : 'or more'})`;

function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ELOOP') return 'too many symbolic links';
  if (err.code === 'EISDIR') return notRegular('a directory');
  return err.code ? `${err.code}: ${err.message}` : String(err);
}

/** Reads a configuration file (synchronously: the CLI reads it before any output). */
export function readConfigFileSync(path: string): ConfigRead {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: notRegular(kind(st)) };
    if (st.size > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(st.size) };
    // The size may be wrong or grow while the file is read: never more than the cap (+1 to notice).
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (;;) {
      const r = readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
      if (n > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(n) };
    }
    return { ok: true, text: buf.subarray(0, n).toString('utf8') };
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  } finally {
    closeSync(fd);
  }
}

/** readConfigFileSync without blocking the event loop (for the language server). */
export async function readConfigFile(path: string): Promise<ConfigRead> {
  let handle;
  try {
    handle = await open(path, FLAGS);
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, reason: notRegular(kind(st)) };
    if (st.size > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(st.size) };
    const buf = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n > MAX_CONFIG_BYTES) return { ok: false, reason: tooLarge(n) };
    }
    return { ok: true, text: buf.subarray(0, n).toString('utf8') };
  } catch (e) {
    return { ok: false, reason: errorReason(e) };
  } finally {
    await handle.close();
  }
}
