// Huge documents analysed off the main thread (Node host only). Parsing and linting a
// pathological description (a 1.1 MB `Kunnat:` line of 100 000 names) takes 100–300 ms
// of work that cannot be cut into short slices (one rule reads the whole list at once),
// and every request for every other document would wait for it. In the Node server such
// a document is parsed and linted in one worker thread, started when the first huge
// document arrives and stopped when it has been idle for a while; the main thread only
// sends the text and receives the findings. The browser host has no worker: there the
// server lints in slices (state.ts getSliced).
//
// The worker runs the server's own bundle (dist/server.js; server.ts sees the worker's
// role in `workerData` and calls runAnalysisWorker instead of starting a server).
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { looksLikeDescription } from '../core/detect';
import { analyze, injectRuleFaults, type RuleSetting } from '../core/lint';
import type { OffThreadAnalyzer, OffThreadResult } from './state';

const ROLE = 'hanke-analysis-worker';

interface Request {
  id: number;
  text: string;
  rules?: Readonly<Record<string, RuleSetting>>;
}

type Reply = OffThreadResult & { id: number };

/** This thread is the analysis worker that AnalysisWorker started. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

/** The worker's side: analyses each text it is sent, in order, and replies with the findings. */
export function runAnalysisWorker(): void {
  // Testing only, as in the server: rules made to throw.
  if (process.env.HANKE_TEST_THROW_IN_RULE) injectRuleFaults(process.env.HANKE_TEST_THROW_IN_RULE.split(','));
  const port = parentPort;
  if (!port) return;
  // Background work: on Linux a thread has its own nice value, and a lower priority for
  // this one leaves the CPU to the thread that answers requests when the machine is busy
  // (elsewhere setPriority(0, …) would lower the whole process: not done there).
  if (process.platform === 'linux') {
    try {
      setPriority(0, 10);
    } catch {
      // Not allowed here: the worker runs at the server's priority.
    }
  }
  port.on('message', (req: Request) => port.postMessage(analyzeForReply(req)));
}

/** Parse + lint of one text, as the server's main thread would do it (exported for tests). */
export function analyzeForReply(req: Request): Reply {
  const t0 = performance.now();
  const failures: Reply['failures'] = [];
  const description = looksLikeDescription(req.text);
  const findings = description ? analyze(req.text, { rules: req.rules, onRuleError: (rule, e) => failures.push({ rule, error: cloneableError(e) }) }).findings : [];
  return { id: req.id, findings, description, millis: performance.now() - t0, failures };
}

/** What a rule threw, as data that crosses threads (an Error's name, message and stack). */
function cloneableError(e: unknown): unknown {
  if (!(e instanceof Error)) return String(e);
  const copy = new Error(e.message);
  copy.name = e.name;
  copy.stack = e.stack;
  return copy;
}

/**
 * The main thread's side: one worker, started on first use from `script` (the server
 * bundle), stopped after `idleMillis` without work (its memory goes back). If the worker
 * cannot start or dies, `analyze` answers undefined and the caller analyses in its own
 * thread, as the browser does; a worker that failed is not started again.
 */
export class AnalysisWorker {
  private worker?: Worker;
  private broken = false;
  private nextId = 0;
  private readonly pending = new Map<number, (r: OffThreadResult | undefined) => void>();
  private idle?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly script: string,
    private readonly idleMillis = 30_000,
  ) {}

  /** As an OffThreadAnalyzer for the analysis cache. */
  readonly analyze: OffThreadAnalyzer = (text, rules) => {
    const worker = this.started();
    if (!worker) return Promise.resolve(undefined);
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const id = this.nextId++;
    return new Promise<OffThreadResult | undefined>((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, text, rules } satisfies Request);
    });
  };

  /** Stops the worker now (pending analyses answer undefined). */
  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    this.settleAll();
    if (w) void w.terminate();
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    let w: Worker;
    try {
      // Its stdout is not the protocol's: the worker never prints, and anything it did is dropped.
      w = new Worker(this.script, { workerData: { role: ROLE }, stdout: true, stderr: false });
    } catch {
      this.broken = true;
      return undefined;
    }
    w.stdout.resume();
    w.unref();
    w.on('message', (reply: Reply) => {
      const resolve = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      resolve?.(reply);
      if (this.pending.size === 0 && this.worker === w) {
        this.idle = setTimeout(() => this.stop(), this.idleMillis);
        this.idle.unref();
      }
    });
    const fail = () => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.broken = true;
      this.settleAll();
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }

  private settleAll(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(undefined);
  }
}
