// Reading a configuration file (`.hankerc.json`, `--config <file>`) safely: only a
// regular file, at most 1 MiB. A cloned folder may hold a `.hankerc.json` that is a FIFO
// (reading it would wait forever) or a link to /dev/zero (reading it would fill the
// memory): the file is opened without blocking (O_NONBLOCK: opening a FIFO does not wait
// for a writer), checked with fstat on the open descriptor (no race with a rename), and
// read with a cap. Anything else is a clear error, never a hang.
import type { Texts } from '../core/schema';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { nodeFsPromises } from './builtins';
import { systemReason } from './errors';

/** Configuration files above this size are refused. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type ConfigRead = { ok: true; text: string } | { ok: false; reason: Texts };

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What a path is when it is not a regular file: the reason, in both languages. */
function kind(st: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): Texts {
  if (st.isDirectory()) return { fi: 'se on kansio', en: 'it is a directory' };
  if (st.isFIFO()) return { fi: 'se on nimetty putki (FIFO)', en: 'it is a named pipe (FIFO)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { fi: 'se on laite', en: 'it is a device' };
  if (st.isSocket()) return { fi: 'se on socket', en: 'it is a socket' };
  return { fi: 'se ei ole tavallinen tiedosto', en: 'it is not a regular file' };
}

const notRegular = (what: Texts): Texts => ({ fi: `ei tavallinen tiedosto: ${what.fi}`, en: `not a regular file: ${what.en}` });
const tooLarge = (size: number): Texts => {
  const mib = MAX_CONFIG_BYTES / 1024 / 1024;
  const exact = size > MAX_CONFIG_BYTES + 1;
  return { fi: `suurempi kuin ${mib} MiB${exact ? `: ${size} tavua` : ''}`, en: `larger than ${mib} MiB${exact ? `: ${size} bytes` : ''}` };
};

function errorReason(e: unknown): Texts {
  if ((e as NodeJS.ErrnoException).code === 'EISDIR') return notRegular({ fi: 'se on kansio', en: 'it is a directory' });
  return systemReason(e, 'read');
}

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
    handle = await nodeFsPromises().open(path, FLAGS);
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
