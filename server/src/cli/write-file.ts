// Writing the CLI's output files without ever destroying a byte: never to one of the
// command's inputs (real paths compared, files found in walked folders included), never
// over an existing file unless `--force`, and always atomically (a temporary file in the
// same folder, then a link or rename onto the name), so a reader never sees half a file
// and a failed run leaves the old file as it was.
import { accessSync, closeSync, constants, fchownSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, type Stats, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { nodeCrypto } from '../node/builtins';
import { isMainThread } from 'node:worker_threads';
import type { Texts } from '../core/schema';
import { tx, UsageError } from './args';
import { forTerminal } from './terminal';
import { systemReason } from '../node/errors';

export type PathArg = string | Buffer;

/** Why a file cannot be written, in words (a system error code only when there are none). */
export function writeReason(e: unknown): Texts {
  return systemReason(e, 'write', 'folder');
}

export function cannotWrite(path: string, e: unknown): UsageError {
  const why = writeReason(e);
  const p = forTerminal(path);
  return new UsageError(tx(`tiedostoa ${p} ei voi kirjoittaa: ${why.fi}`, `cannot write ${p}: ${why.en}`), true);
}

/** The real path of `path`, or of its folder joined with its name when it does not exist yet. */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Real paths of the inputs (files that cannot be resolved keep their absolute path). */
export function realInputs(paths: Iterable<PathArg>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    try {
      out.add(realpathSync(p));
    } catch {
      if (typeof p === 'string') out.add(resolve(p));
    }
  }
  return out;
}

/**
 * A named pipe or a character device (`/dev/null`, `/dev/stdout` on a pipe or a terminal):
 * written into, as a shell's `>` does, since no file is replaced.
 */
function isStream(st: Stats | undefined): boolean {
  return !!st && (st.isFIFO() || st.isCharacterDevice());
}

/**
 * Refuses an output path that is one of the inputs, or an existing file without
 * `--force`, or a folder, a socket or a block device. A named pipe or a character device
 * is written into (no --force: nothing is replaced). Checked before anything is linted or written.
 */
export function checkOutput(path: string, inputs: Set<string>, force: boolean): void {
  const p = forTerminal(path);
  if (inputs.has(realTarget(path))) {
    throw new UsageError(tx(`${p} on yksi syötetiedostoista; sen päälle ei kirjoiteta`, `${p} is one of the inputs; not writing over it`));
  }
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return;
  }
  const target = st.isSymbolicLink() ? safeStat(path) : st;
  if (target?.isDirectory()) throw new UsageError(tx(`${p} on kansio`, `${p} is a directory`));
  if (isStream(target)) return;
  if (target && !target.isFile()) throw new UsageError(tx(`${p} ei ole tavallinen tiedosto`, `${p} is not a regular file`), true);
  if (!force) throw new UsageError(tx(`${p} on jo olemassa; korvaa se valitsimella --force`, `${p} exists; use --force to overwrite it`));
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A file written atomically: `write` appends to a temporary file beside the target;
 * `commit` puts it in place (`force`: replacing an existing file), `abort` removes it.
 */
/**
 * Temporary files not yet committed, removed when the process exits without committing
 * them. (Not on signals: a handler would delay Ctrl-C until the lint loop yields; an
 * interrupted run may leave a hidden `.<name>.<pid>.<random>.tmp` beside the target.)
 */
const pending = new Set<string | Buffer>();
let handlersInstalled = false;

function removePending(): void {
  for (const t of pending) {
    try {
      unlinkSync(t);
    } catch {
      // gone
    }
  }
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled || !isMainThread) return;
  handlersInstalled = true;
  process.on('exit', removePending);
}

export class AtomicFile {
  private fd: number | undefined;
  private readonly temp: string = '';
  private readonly target: string = '';
  /** A named pipe or a character device: written into directly (nothing to replace, no temporary file). */
  private readonly stream: boolean = false;

  constructor(
    readonly path: string,
    private readonly force: boolean,
  ) {
    if (isStream(safeStat(path))) {
      this.stream = true;
      try {
        // Like a shell's `>`: a named pipe without a reader waits for one.
        this.fd = openSync(path, 'w');
      } catch (e) {
        throw cannotWrite(path, e);
      }
      return;
    }
    // Through a symbolic link, the file it points to is replaced (the link stays).
    this.target = realTarget(path);
    this.temp = join(dirname(this.target), `.${basename(this.target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
    try {
      this.fd = openSync(this.temp, 'wx', 0o666);
    } catch (e) {
      throw cannotWrite(path, e);
    }
    installHandlers();
    pending.add(this.temp);
  }

  write(data: string | Uint8Array): void {
    if (this.fd === undefined) return;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    try {
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (e) {
      this.abort();
      throw cannotWrite(this.path, e);
    }
  }

  commit(): void {
    if (this.fd === undefined) return;
    if (this.stream) {
      try {
        closeSync(this.fd);
      } catch (e) {
        throw cannotWrite(this.path, e);
      } finally {
        this.fd = undefined;
      }
      return;
    }
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      if (this.force) renameSync(this.temp, this.target);
      else {
        // link() refuses an existing name: no file appearing meanwhile is overwritten.
        linkSync(this.temp, this.target);
        unlinkSync(this.temp);
      }
      pending.delete(this.temp);
    } catch (e) {
      this.abort();
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        const p = forTerminal(this.path);
        throw new UsageError(tx(`${p} on jo olemassa; korvaa se valitsimella --force`, `${p} exists; use --force to overwrite it`));
      }
      throw cannotWrite(this.path, e);
    }
  }

  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
      this.fd = undefined;
    }
    if (this.stream) return;
    try {
      unlinkSync(this.temp);
    } catch {
      // not there
    }
    pending.delete(this.temp);
  }
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array, force: boolean): void {
  const f = new AtomicFile(path, force);
  f.write(data);
  f.commit();
}

/**
 * Replaces an existing file's content atomically, keeping its mode (for --fix): the
 * temporary file gets the original's permissions before it is renamed over it.
 */
export function replaceFileAtomic(path: PathArg, data: Uint8Array): void {
  const real = realpathSync(path, { encoding: 'buffer' });
  const st = statSync(real);
  // A file the user may not write is not replaced, although its folder would allow it.
  accessSync(real, constants.W_OK);
  const slash = real.lastIndexOf(0x2f);
  const tmpName = Buffer.concat([real.subarray(0, slash + 1), Buffer.from(`.hanke-fix.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`)]);
  const fd = openSync(tmpName, 'wx', st.mode & 0o7777);
  installHandlers();
  pending.add(tmpName);
  try {
    try {
      fchownSync(fd, st.uid, st.gid);
    } catch {
      // not permitted: the file keeps the writer's owner
    }
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmpName, real);
    pending.delete(tmpName);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed
    }
    try {
      unlinkSync(tmpName);
    } catch {
      // gone
    }
    pending.delete(tmpName);
    throw e;
  }
}
