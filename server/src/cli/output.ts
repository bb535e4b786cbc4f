// Buffered writing to stdout (or a file) that respects back-pressure, and the progress
// bar on stderr. Output is written as files complete: the buffer is flushed when it is
// large or a moment has passed, so a terminal sees results promptly and a pipe gets
// few, large writes.
import { once } from 'node:events';

export interface Sink {
  write(s: string): void;
}

export class Output implements Sink {
  private parts: string[] = [];
  private size = 0;
  private last = Date.now();
  /** Called before anything reaches the stream (the progress bar clears itself). */
  beforeWrite?: () => void;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly maxBuffer = 64 * 1024,
    private readonly maxDelayMs = 100,
  ) {}

  write(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.size += s.length;
  }

  /**
   * Flushes when the buffer is large or old (waiting for 'drain' when the stream asks to);
   * otherwise returns nothing to wait for (no promise per file of a batch run).
   */
  maybeFlush(): Promise<void> | undefined {
    if (this.size >= this.maxBuffer || (this.size > 0 && Date.now() - this.last >= this.maxDelayMs)) return this.flush();
    return undefined;
  }

  async flush(): Promise<void> {
    this.last = Date.now();
    if (this.size === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.beforeWrite?.();
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

/** A string collector with the same interface (for tests and in-memory formatting). */
export class StringSink implements Sink {
  text = '';
  write(s: string): void {
    this.text += s;
  }
}

/**
 * `[████████░░░░░░░░]  40% 4012/10000 files` on stderr, redrawn at most ten times a second.
 * Only on a terminal, and only for runs longer than a screenful of files.
 */
export class Progress {
  private shown = false;
  private lastDraw = 0;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static create(total: number, enabled: boolean, label: string): Progress | undefined {
    const err = process.stderr;
    if (!enabled || !err.isTTY) return undefined;
    const rows = err.rows || 24;
    if (total <= rows) return undefined;
    return new Progress(total, label, err);
  }

  tick(n = 1): void {
    this.done += n;
    const now = Date.now();
    if (now - this.lastDraw >= 100 || this.done === this.total) this.draw(now);
  }

  private draw(now: number): void {
    this.lastDraw = now;
    const cols = Math.max(40, (this.stream.columns || 80) - 1);
    const count = `${this.done}/${this.total} ${this.label}`;
    const width = Math.max(10, Math.min(40, cols - count.length - 8));
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const pct = `${Math.floor((this.done / Math.max(1, this.total)) * 100)}%`.padStart(4);
    this.stream.write(`\r\u001b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct} ${count}`);
    this.shown = true;
  }

  /** Removes the bar (before other output, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\u001b[2K');
    this.shown = false;
    this.lastDraw = 0;
  }
}
