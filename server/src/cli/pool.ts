// Runs the per-file work (read, decode, lint, summarise) in this thread or in worker
// threads, and hands the outcomes back in the order of the tasks, as soon as each one
// and all before it are done. The worker is this same bundle (dist/cli.js) started with
// `workerData.hankeWorker`; it needs nothing but the tasks and the configurations.
//
// Memory stays flat: at most a few batches per worker are in flight or waiting to be
// emitted, whatever the number of files.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { HankeConfig, Locale } from '../core/config';
import { unreadable } from '../core/rules/file/unreadable';
import { ReadAhead } from '../node/read-ahead';
import type { FixMode } from './fix';
import { type FileResult, type Outcome, pack, PackedResult, processFile, type Task } from './lint-files';

export interface PlannedTask extends Task {
  /** Index into `RunOptions.configs`. */
  config: number;
}

export interface RunOptions {
  locale: Locale;
  summary: boolean;
  configs: HankeConfig[];
  /** Worker threads to use; 0 lints in this thread. */
  workers: number;
  /** Linting in this thread, files may be read ahead on a second one (readAhead below). */
  readAhead?: boolean;
  fix?: FixMode;
}

interface WorkerInit {
  hankeWorker: true;
  locale: Locale;
  summary: boolean;
  configs: HankeConfig[];
  fix?: FixMode;
}

interface BatchMessage {
  id: number;
  tasks: PlannedTask[];
}

interface DoneMessage {
  id: number;
  outcomes: WireOutcome[];
}

/**
 * An outcome as it crosses to the main thread: the diagnostics as one JSON string (cheaper
 * to clone than many small objects, and printed by --format json as they are).
 */
type WireOutcome = Exclude<Outcome, { kind: 'result' }> | { kind: 'result'; result: WireResult; summary?: Extract<Outcome, { kind: 'result' }>['summary'] };
interface WireResult {
  file: string;
  packed: ReturnType<typeof pack>;
  meta: FileResult['meta'];
  output?: string;
}

function toWire(o: Outcome): WireOutcome {
  if (o.kind !== 'result') return o;
  const r = o.result;
  const result: WireResult = { file: r.file, packed: r.packed ?? pack(r.diagnostics), meta: r.meta };
  if (r.output !== undefined) result.output = r.output;
  return o.summary ? { kind: 'result', result, summary: o.summary } : { kind: 'result', result };
}

function fromWire(o: WireOutcome): Outcome {
  if (o.kind !== 'result') return o;
  const r = o.result;
  const result = new PackedResult(r.file, r.packed, r.meta, r.output);
  return o.summary ? { kind: 'result', result, summary: o.summary } : { kind: 'result', result };
}

/**
 * A main-thread outcome as it is kept until the output, like a worker's: the diagnostics
 * packed into one JSON string (their messages may hold parts of the file's text) and the
 * summary copied, so that nothing kept holds on to the file's text.
 */
function kept(o: Outcome): Outcome {
  if (o.kind !== 'result') return o;
  const r = o.result;
  const result = new PackedResult(r.file, r.packed ?? pack(r.diagnostics), r.meta, r.output);
  return o.summary ? { kind: 'result', result, summary: structuredClone(o.summary) } : { kind: 'result', result };
}

/**
 * Below this many files, starting workers costs more than it saves. Each worker warms up
 * its own JIT, and one thread already keeps more than one core busy (V8 collects garbage
 * and compiles on helper threads: its CPU time is about 1.3× its wall time). On 2 cores a
 * worker beside the main thread made 10 000 descriptions about 10 % slower, not faster
 * (measured in two sessions since the main thread lints too and keeps less in memory;
 * bench/RESULTS.md); since the rules' first pass got cheaper (session 14) it is a little
 * quicker than one thread alone, but one thread with a reader beside it (readAhead below)
 * is quicker still, for less CPU time (docs/reviewers.md), so 2 cores lint in one thread.
 * With more cores the warm-up is shared
 * by more workers and pays off: from 1 500 files on 3 cores, 400 on 4 or more.
 */
export function workerThreshold(cores: number): number {
  return cores >= 4 ? 400 : cores === 3 ? 1500 : Infinity;
}
const MAX_WORKERS = 8;

/**
 * How many worker threads `--jobs auto` starts for `files` files. The main thread lints
 * too, between handing out batches and printing: one core each, and one bundle fewer to
 * load and warm up than a worker per core.
 */
export function autoWorkers(files: number): number {
  const cores = availableParallelism();
  if (files < workerThreshold(cores)) return 0;
  return Math.min(cores, MAX_WORKERS) - 1;
}

/** The bundle can start itself as a worker only when it runs as built JavaScript. */
export function canUseWorkers(): boolean {
  return /\.c?js$/.test(__filename);
}

let linted = false;

/** The file a worker starts from: the command's entry (it loads this bundle with its code cache), else this bundle. */
function workerEntry(): string {
  const entry = (globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.entry')];
  return typeof entry === 'string' ? entry : __filename;
}

/** processFile that turns an unexpected exception (a bug) into a diagnostic instead of ending the run. */
export function safeProcess(task: PlannedTask, configs: HankeConfig[], locale: Locale, summary: boolean, fix?: FixMode, text?: string): Outcome {
  // For the command's entry (cli-start.ts): a run that lints keeps a code cache with the core compiled.
  if (!linted) linted = (globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.linted')] = true;
  try {
    return processFile(task, configs[task.config] ?? { rules: {} }, { locale, summary, fix }, text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      kind: 'result',
      result: {
        file: task.file,
        diagnostics: [
          {
            rule: unreadable.id,
            severity: 'error',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            message: locale === 'fi' ? `Tiedostoa ei voitu tarkistaa: sisäinen virhe (${msg}). Ilmoita tästä virheestä.` : `Could not lint the file: internal error (${msg}). Please report this.`,
          },
        ],
        meta: { unreadable: true, internalError: e instanceof Error ? (e.stack ?? msg) : msg },
      },
    };
  }
}

/** Started by the CLI entry when it finds itself in a worker thread. */
export function startWorker(): void {
  const init = workerData as WorkerInit;
  parentPort!.on('message', (m: BatchMessage) => {
    const outcomes = m.tasks.map((t) => toWire(safeProcess(t, init.configs, init.locale, init.summary, init.fix)));
    parentPort!.postMessage({ id: m.id, outcomes } satisfies DoneMessage);
  });
}

export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInit> | undefined)?.hankeWorker === true;
}

function batchSize(files: number, workers: number): number {
  // Small batches at first keep the first output quick; large enough to amortise messaging.
  return Math.max(1, Math.min(32, Math.ceil(files / (workers * 16))));
}

/**
 * The outcomes of `tasks`, in their order: linted in this thread one after another (a plain
 * generator: nothing to wait for, so no promise per file), or in worker threads.
 */
export function runTasks(tasks: readonly PlannedTask[], opts: RunOptions): Iterable<Outcome> | AsyncIterable<Outcome> {
  if (opts.workers <= 0 || tasks.length === 0) return runHere(tasks, opts);
  return runInWorkers(tasks, opts);
}

function* runHere(tasks: readonly PlannedTask[], opts: RunOptions): Generator<Outcome> {
  const ahead = readAhead(tasks, opts);
  try {
    for (let i = 0; i < tasks.length; i++) yield kept(safeProcess(tasks[i], opts.configs, opts.locale, opts.summary, opts.fix, ahead?.take(i)));
  } finally {
    ahead?.close();
  }
}

/** Larger files (a description is ~15 kB) are read by the main thread as they always are: the reader's memory stays small. */
const READ_AHEAD_MAX_BYTES = 1024 * 1024;

/** Fewer files than this are read in the main thread: the reader would barely have started. */
export const READ_AHEAD_MIN = 200;

/**
 * The reader thread for a run in one thread (node/read-ahead.ts), when it can help: asked
 * for (`--jobs auto`), enough files, a core besides the main thread's, and not --fix (which
 * needs each file's bytes as read). It starts from the command's entry, so only when the
 * CLI was started as one. Measured on 2 cores (10 000 descriptions, session 14): the main
 * thread's CPU time fell by about a fifth.
 */
function readAhead(tasks: readonly PlannedTask[], opts: RunOptions): ReadAhead | undefined {
  const entry = (globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.entry')];
  if (!opts.readAhead || opts.fix || tasks.length < READ_AHEAD_MIN || typeof entry !== 'string' || !canUseWorkers() || availableParallelism() < 2) return undefined;
  const files = tasks.map((t) => (t.bytes || t.raw || t.unreadable || t.notAFile ? null : t.file));
  return ReadAhead.start(entry, files, READ_AHEAD_MAX_BYTES);
}

async function* runInWorkers(tasks: readonly PlannedTask[], opts: RunOptions): AsyncGenerator<Outcome> {
  const size = batchSize(tasks.length, opts.workers);
  const batches: PlannedTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) batches.push(tasks.slice(i, i + size));
  const perWorker = 2;
  const ahead = (opts.workers + 1) * 4;
  const init: WorkerInit = { hankeWorker: true, locale: opts.locale, summary: opts.summary, configs: opts.configs, fix: opts.fix };

  const done = new Map<number, Outcome[]>();
  let next = 0; // next batch to dispatch
  let emit = 0; // next batch to emit
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  interface Slot {
    worker: Worker;
    inFlight: Set<number>;
    alive: boolean;
  }
  const slots: Slot[] = [];
  /** Batches of a worker that died, to be done here. */
  const orphans: number[] = [];

  const dispatch = (slot: Slot) => {
    while (slot.alive && slot.inFlight.size < perWorker && next < batches.length && next < emit + ahead) {
      const id = next++;
      slot.inFlight.add(id);
      slot.worker.postMessage({ id, tasks: batches[id] } satisfies BatchMessage);
    }
  };
  const dispatchAll = () => slots.forEach(dispatch);

  for (let i = 0; i < opts.workers; i++) {
    const worker = new Worker(workerEntry(), { workerData: init });
    const slot: Slot = { worker, inFlight: new Set(), alive: true };
    worker.on('message', (m: DoneMessage) => {
      slot.inFlight.delete(m.id);
      done.set(m.id, m.outcomes.map(fromWire));
      dispatch(slot);
      notify();
    });
    const die = (e?: unknown) => {
      if (!slot.alive) return;
      slot.alive = false;
      if (e) {
        const why = e instanceof Error ? e.message : String(e);
        process.stderr.write(
          opts.locale === 'fi' ? `hanke: työsäie pysähtyi (${why}); sen tiedostot tarkistetaan pääsäikeessä\n` : `hanke: a worker thread stopped (${why}); its files are linted in the main thread\n`,
        );
      }
      orphans.push(...slot.inFlight);
      slot.inFlight.clear();
      notify();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(code === 0 ? undefined : new Error(`exit code ${code}`)));
    slots.push(slot);
  }

  const here = (id: number) =>
    done.set(
      id,
      batches[id].map((t) => kept(safeProcess(t, opts.configs, opts.locale, opts.summary, opts.fix))),
    );
  /** A turn of the event loop: the workers' messages are taken in. */
  const turn = () => new Promise<void>((r) => setImmediate(r));
  try {
    dispatchAll();
    while (emit < batches.length) {
      const ready = done.get(emit);
      if (ready) {
        done.delete(emit);
        emit++;
        dispatchAll();
        for (const o of ready) yield o;
        continue;
      }
      const orphaned = orphans.indexOf(emit);
      if (orphaned >= 0 || (emit >= next && !slots.some((s) => s.alive))) {
        // The batch's worker died, or no worker is left: do it here.
        if (orphaned >= 0) orphans.splice(orphaned, 1);
        if (emit >= next) next = emit + 1;
        here(emit);
        continue;
      }
      if (next < batches.length && next < emit + ahead) {
        // Waiting for a worker: lint the next batch here meanwhile.
        here(next++);
        await turn();
        continue;
      }
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    for (const s of slots) {
      s.alive = false;
      void s.worker.terminate();
    }
  }
}
