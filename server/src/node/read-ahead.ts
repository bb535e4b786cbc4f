// Reading ahead on a second thread. A batch run spends about a sixth of its main thread in
// reading and decoding files (open, stat, read, close, and the UTF-8 check and decoding:
// ~35 µs of an 11 kB description), work that needs none of the linter. While the main
// thread lints one file, a small thread reads the files after it and hands their texts
// over, so on a machine with a core to spare the main thread only lints.
//
// The thread only takes the common case: a regular file of valid UTF-8, no NUL in its first
// 8 kB, not empty and not too large. For anything else (an error, a folder, a FIFO, another
// encoding, a binary file, a path given as raw bytes) it hands over nothing and the main
// thread reads the file itself as it always does, so every message and decision about a
// file stays in one place (node/read-file.ts). The text it hands over is the one the main
// thread would have read (the same checks, the same decoding as node/utf8.ts).
//
// The main thread never waits for the reader: a file whose text has not come yet (the reader
// is starting, is short of CPU time on a busy machine, or died) is read in the main thread,
// and the reader, which takes batches of files from a shared counter, goes on after it. The
// reader stays at most READ_AHEAD files ahead of the main thread, so memory stays flat
// however many files there are. This module imports nothing but Node's own modules and node/utf8.ts: the thread
// starts from the command's small entry (cli-start.ts) without loading the CLI bundle.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isMainThread, MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import { BINARY_PROBE_BYTES, utf8Units } from './utf8';

/** Slots of the shared Int32Array. */
const CURSOR = 0; // the next file nobody has claimed
const CONSUMED = 1; // files the main thread has taken (updated every BATCH files)
const STOP = 2; // 1: the reader stops (the run ended)
const SLOTS = 3;

/** Files per message from the reader. */
const BATCH = 16;
/** Most files read but not yet taken: a few batches, about 1 MB for 11 kB descriptions. */
const READ_AHEAD = 4 * BATCH;
/** The reader, READ_AHEAD files ahead, looks again after this long (no notify: waking a thread costs the main thread more than the reader's polling). */
const POLL_MS = 2;

/** How a file's text is held in a batch. */
const NONE = 0; // read it in the main thread
const LATIN1 = 1; // ASCII bytes
const UTF16 = 2; // UTF-16LE code units

interface ReadAheadInit {
  hankeReadAhead: true;
  /** The paths to read, in order; null for a task the reader leaves to the main thread. */
  files: (string | null)[];
  shared: SharedArrayBuffer;
  port: MessagePort;
  /** Larger files are left to the main thread (it reports them). */
  maxBytes: number;
}

/**
 * The texts of files `start`, `start + 1`, … each as its bytes in a buffer of its own,
 * transferred (not copied): outside V8's heap, so batches waiting to be taken cost the
 * garbage collector nothing, and each text becomes a string only when it is taken (a copy
 * of its bytes). A buffer taken is garbage of the main thread, which collects often; left
 * in the reader, whose heap is small and seldom collected, such buffers piled up (peak
 * memory +40 MB for 10 000 descriptions).
 */
interface Batch {
  start: number;
  kinds: number[];
  /** The bytes of text k (null: NONE). */
  texts: (ArrayBuffer | null)[];
}

/** The main thread's side: `take(i)` for the files in order. */
export class ReadAhead {
  private readonly state: Int32Array;
  private readonly queue: Batch[] = [];
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    shared: SharedArrayBuffer,
  ) {
    this.state = new Int32Array(shared);
  }

  /**
   * Starts the reader for `files` (in the order they will be taken; null: never read ahead)
   * from `entry`, the command's entry (it starts the reader when it finds itself in this
   * thread); undefined when a thread cannot be started.
   */
  static start(entry: string, files: (string | null)[], maxBytes: number): ReadAhead | undefined {
    try {
      const shared = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
      const { port1, port2 } = new MessageChannel();
      const init: ReadAheadInit = { hankeReadAhead: true, files, shared, port: port2, maxBytes };
      const worker = new Worker(entry, { workerData: init, transferList: [port2], stdout: false, stderr: false });
      worker.unref();
      // A reader that fails to start or dies claims nothing more: the main thread reads the rest.
      worker.on('error', () => undefined);
      return new ReadAhead(worker, port1, shared);
    } catch {
      return undefined;
    }
  }

  /**
   * The text of file `i` (files are taken in order, each once) when the reader has read it
   * already, else undefined: the caller reads the file itself. Never waits: a reader that is
   * behind (starting, or short of CPU time on a busy machine) skips what was read here.
   */
  take(i: number): string | undefined {
    const st = this.state;
    if (i % BATCH === 0) Atomics.store(st, CONSUMED, i);
    if (this.stopped) return undefined;
    let b = this.batchOf(i);
    if (!b) {
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) this.queue.push(m.message as Batch);
      b = this.batchOf(i);
    }
    if (b) {
      const k = i - b.start;
      const kind = b.kinds[k];
      if (kind === NONE) return undefined;
      return Buffer.from(b.texts[k]!).toString(kind === LATIN1 ? 'latin1' : 'utf16le');
    }
    // Not read yet: read here, and the reader goes on after it.
    for (let c = Atomics.load(st, CURSOR); c <= i;) {
      const seen = Atomics.compareExchange(st, CURSOR, c, i + 1);
      if (seen === c) break;
      c = seen;
    }
    return undefined;
  }

  /** The batch holding file `i`, if it came; batches of files before it are dropped. */
  private batchOf(i: number): Batch | undefined {
    const q = this.queue;
    while (q.length && q[0].start + q[0].kinds.length <= i) q.shift();
    return q.length && q[0].start <= i ? q[0] : undefined;
  }

  /** Stops the reader; later takes return undefined. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.queue.length = 0;
    Atomics.store(this.state, STOP, 1);
    this.port.close();
    void this.worker.terminate();
  }
}

/** Is this thread the reader? */
export function isReadAheadWorker(): boolean {
  return !isMainThread && (workerData as Partial<ReadAheadInit> | undefined)?.hankeReadAhead === true;
}

/** The reader thread: claims batches of files in order, reads them and posts their texts. */
export function runReadAhead(): void {
  const init = workerData as ReadAheadInit;
  const st = new Int32Array(init.shared);
  const files = init.files;
  const n = files.length;
  const reader = new TextReader(init.maxBytes);
  try {
    while (Atomics.load(st, STOP) === 0) {
      const c = Atomics.load(st, CURSOR);
      if (c >= n) break;
      const consumed = Atomics.load(st, CONSUMED);
      if (c - consumed >= READ_AHEAD) {
        Atomics.wait(st, CONSUMED, consumed, POLL_MS);
        continue;
      }
      const end = Math.min(c + BATCH, n);
      if (Atomics.compareExchange(st, CURSOR, c, end) !== c) continue;
      const kinds: number[] = [];
      const texts: (ArrayBuffer | null)[] = [];
      const transfer: ArrayBuffer[] = [];
      for (let i = c; i < end; i++) {
        const f = files[i];
        const got = f === null ? undefined : reader.read(f);
        kinds.push(got ? got.kind : NONE);
        texts.push(got ? got.bytes : null);
        if (got) transfer.push(got.bytes);
      }
      init.port.postMessage({ start: c, kinds, texts } satisfies Batch, transfer);
    }
  } finally {
    init.port.close();
  }
}

/** Reads files into one buffer, reused. */
class TextReader {
  private buf = Buffer.allocUnsafe(64 * 1024);
  constructor(private readonly maxBytes: number) {}

  /**
   * A regular, non-empty file of valid UTF-8 with no NUL in its first 8 kB: its text as
   * ASCII bytes (LATIN1) or UTF-16LE code units (UTF16), in a buffer of its own; else
   * undefined.
   */
  read(path: string): { kind: typeof LATIN1 | typeof UTF16; bytes: ArrayBuffer } | undefined {
    let fd: number | undefined;
    try {
      // Non-blocking, as the main thread opens files: a FIFO without a writer does not hang.
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const st = fstatSync(fd);
      if (!st.isFile() || st.size === 0 || st.size > this.maxBytes) return undefined;
      const size = st.size;
      if (this.buf.length < size) this.buf = Buffer.allocUnsafe(Math.max(size, 2 * this.buf.length));
      // At most the size stat gave, as readFileSync reads.
      let got = 0;
      while (got < size) {
        const r = readSync(fd, this.buf, got, size - got, got);
        if (r === 0) break;
        got += r;
      }
      const bytes = this.buf.subarray(0, got);
      if (got === 0 || bytes.subarray(0, BINARY_PROBE_BYTES).includes(0) || !isUtf8(bytes)) return undefined;
      // The units node/utf8.ts makes the text from: ASCII bytes (copied: the read buffer is reused), or ICU's UTF-16 (a buffer of its own, handed over whole).
      const u = utf8Units(bytes);
      if (!u) return undefined;
      if (u.encoding === 'latin1') return { kind: LATIN1, bytes: copyOf(u.units) };
      const units = u.units;
      return { kind: UTF16, bytes: units.byteOffset === 0 && units.byteLength === units.buffer.byteLength ? (units.buffer as ArrayBuffer) : copyOf(units) };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

/** The bytes in a new buffer of their own. */
function copyOf(b: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(b.length);
  new Uint8Array(copy).set(b);
  return copy;
}
