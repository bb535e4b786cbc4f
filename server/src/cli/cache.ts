// `hanke lint --cache` (ESLint's meaning): the result of each file is kept in a cache
// file and reused while the file is unchanged: same size and modification time
// (`--cache-strategy metadata`, the default) or same contents (`content`, a hash).
// The whole cache is void when the tool (its code and its data: the running bundle is
// hashed), the locale or the kind of run change; an entry is void when its file's
// configuration changes. The results are cached before the checks across documents,
// with each file's keys for them, so those checks are redone over every file each run.
//
// A cache file that cannot be read or is not one (corrupt, truncated, another tool's)
// is ignored with a warning, and a file that is not a hanke cache is never overwritten.
// The cache is written atomically (a temporary file renamed over it), only when it
// changed; a failure to write it is a warning, never an error.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import type { Texts } from '../core/schema';
import type { HankeConfig, Locale } from '../core/config';
import type { DocumentKeys, KeyValue } from '../core/cross-document';
import { ruleDocsUrl } from '../core/docs';
import type { CliDiagnostic, Outcome, SkipReason } from './lint-files';
import type { PlannedTask } from './pool';

export type CacheStrategy = 'metadata' | 'content';

export const DEFAULT_CACHE_FILE = '.hankecache';
/** Every cache file starts with these bytes; a file that does not is not ours to overwrite. */
const MAGIC = '{"hankeCache":1,';
const FORMAT = 4;

/** size, mtime, content hash (or 0), configuration hash, outcome. Arrays: the cache is read whole on every run. */
type Entry = [number, number, string | 0, string, Stored];

/** An outcome without the file name (printed as given each time) and without what follows from the rule ids. */
type Stored = { s: SkipReason } | { d: CliDiagnostic[]; k?: StoredKeys };
type StoredKey = [string, number, number, number, number];
type StoredKeys = { c?: StoredKey; y?: StoredKey; a?: StoredKey };

function storeKey(k: KeyValue | undefined): StoredKey | undefined {
  return k && [k.value, k.range.start.line, k.range.start.character, k.range.end.line, k.range.end.character];
}

function loadKey(k: StoredKey | undefined): KeyValue | undefined {
  return k && { value: k[0], range: { start: { line: k[1], character: k[2] }, end: { line: k[3], character: k[4] } } };
}

function encode(o: Outcome): Stored {
  if (o.kind === 'skipped') return { s: o.reason };
  // Copies in the order of --format json, read back as they are.
  const d = o.result.diagnostics.map((x): CliDiagnostic => ({ rule: x.rule, severity: x.severity, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, message: x.message }));
  const keys = o.result.meta.keys;
  if (!keys) return { d };
  const k: StoredKeys = {};
  if (keys.code) k.c = storeKey(keys.code);
  if (keys.yTunnus) k.y = storeKey(keys.yTunnus);
  if (keys.applicant) k.a = storeKey(keys.applicant);
  return { d, k };
}

function isDiagnostic(x: CliDiagnostic): boolean {
  return typeof x === 'object' && x !== null && typeof x.rule === 'string' && typeof x.line === 'number' && typeof x.message === 'string';
}

function decode(s: Stored, file: string): Outcome {
  if ('s' in s) return { kind: 'skipped', file, reason: s.s };
  if (!Array.isArray(s.d) || !s.d.every(isDiagnostic)) throw new Error('not a cache entry');
  // A new array (the checks across documents add to it); the objects are not changed.
  const diagnostics = s.d.slice();
  let keys: DocumentKeys | undefined;
  if (s.k) {
    keys = {};
    if (s.k.c) keys.code = loadKey(s.k.c);
    if (s.k.y) keys.yTunnus = loadKey(s.k.y);
    if (s.k.a) keys.applicant = loadKey(s.k.a);
  }
  return { kind: 'result', result: { file, diagnostics, meta: { docsUrls: diagnostics.map((x) => ruleDocsUrl(x.rule)), unreadable: false, keys } } };
}

/** The first line of a cache file; then one line per file: its key (JSON), a tab, its entry (JSON). */
interface CacheHeader {
  hankeCache: 1;
  key: string;
  strategy: CacheStrategy;
}

export interface CacheOptions {
  location: string;
  strategy: CacheStrategy;
  /** Tool version. */
  version: string;
  locale: Locale;
  configs: readonly HankeConfig[];
  /** A warning for the user, in both languages (the caller picks one). */
  warn: (message: Texts) => void;
}

/**
 * The cache's key of a file: its absolute path, not normalised (resolving 10 000 paths
 * costs more than the rest of a lookup; a file named two ways is merely linted again).
 */
function keyOf(file: string): string {
  return isAbsolute(file) ? file : CWD + file;
}
const CWD = join(process.cwd(), sep);

function sha(s: string | Buffer): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 22);
}

/** The tool's code and data as this process runs them. */
let toolHashMemo: string | undefined;
function toolHash(): string {
  if (toolHashMemo === undefined) {
    try {
      toolHashMemo = sha(readFileSync(__filename));
    } catch {
      toolHashMemo = 'unknown';
    }
  }
  return toolHashMemo;
}

function startsWithMagic(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(MAGIC.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8') === MAGIC;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export class LintCache {
  readonly path: string;
  private readonly key: string;
  private readonly configHashes: string[];
  /** The entries read, as text: parsed when asked for, written back as they are when unchanged. */
  private old = new Map<string, string>();
  /** Entries of this run (made from the outcomes when they come: those are changed later, by cross-document findings and --quiet). */
  private readonly fresh = new Map<string, string>();
  private changed = false;
  /** False when the file there is not a hanke cache: it is left alone. */
  private writable = true;
  hits = 0;
  misses = 0;

  constructor(private readonly o: CacheOptions) {
    this.path = resolve(o.location);
    this.key = sha(JSON.stringify([FORMAT, o.version, toolHash(), o.locale]));
    this.configHashes = o.configs.map((c) => sha(JSON.stringify(c)));
    this.load();
  }

  private load(): void {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (code === 'EISDIR') {
        this.writable = false;
        this.o.warn({
          fi: `välimuistin paikka ${this.o.location} on kansio; välimuistia ei käytetä (anna tiedoston nimi)`,
          en: `the cache location ${this.o.location} is a folder; no cache is used (give a file name)`,
        });
        return;
      }
      this.o.warn({
        fi: `välimuistia ${this.o.location} ei voi lukea (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); kaikki tiedostot tarkistetaan`,
        en: `cannot read the cache ${this.o.location} (${(e as Error).message}); linting every file`,
      });
      return;
    }
    if (!text.startsWith(MAGIC)) {
      this.writable = false;
      this.o.warn({
        fi: `${this.o.location} ei ole hanken välimuisti; sitä ei käytetä eikä muuteta (poista se tai anna toinen --cache-location)`,
        en: `${this.o.location} is not a hanke cache; it is ignored and left as it is (delete it, or give another --cache-location)`,
      });
      return;
    }
    const lines = text.split('\n');
    let header: CacheHeader;
    try {
      header = JSON.parse(lines[0]) as CacheHeader;
    } catch {
      this.changed = true;
      this.o.warn({
        fi: `välimuisti ${this.o.location} on vioittunut; kaikki tiedostot tarkistetaan ja se kirjoitetaan uudelleen`,
        en: `the cache ${this.o.location} is damaged; linting every file and writing it anew`,
      });
      return;
    }
    if (header.key !== this.key || header.strategy !== this.o.strategy) {
      this.changed = true; // another version, data, locale or strategy: start again
      return;
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const tab = line.indexOf('\t');
      if (tab < 0) {
        if (line !== '') this.changed = true; // a damaged line: its file is linted again
        continue;
      }
      try {
        this.old.set(JSON.parse(line.slice(0, tab)) as string, line.slice(tab + 1));
      } catch {
        this.changed = true;
      }
    }
  }

  /** The cached outcome of a task when its file is unchanged; otherwise remembers what to store. */
  lookup(task: PlannedTask): Outcome | undefined {
    if (task.unreadable) return undefined;
    const abs = keyOf(task.file);
    let size: number;
    let mtime: number;
    try {
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      return undefined;
    }
    const config = this.configHashes[task.config] ?? '';
    const raw = this.old.get(abs);
    let prev: Entry | undefined;
    try {
      prev = raw === undefined ? undefined : (JSON.parse(raw) as Entry);
    } catch {
      prev = undefined; // a damaged entry: the file is linted again
    }
    let hash: string | undefined;
    if (this.o.strategy === 'content') {
      try {
        hash = sha(readFileSync(abs));
      } catch {
        return undefined;
      }
    }
    const same = prev !== undefined && Array.isArray(prev) && prev[3] === config && prev[0] === size && (this.o.strategy === 'content' ? prev[2] === hash : prev[1] === mtime);
    // The stat taken before linting: a file changed while it is linted is linted again next time.
    const pending = { size, mtime, hash, config };
    if (same && prev) {
      let outcome: Outcome | undefined;
      try {
        outcome = decode(prev[4], task.file);
      } catch {
        outcome = undefined; // a damaged entry: the file is linted again
      }
      if (outcome) {
        this.hits++;
        if (this.o.strategy === 'content' && prev[1] !== mtime) {
          prev[1] = mtime;
          this.changed = true;
          this.fresh.set(abs, JSON.stringify(prev));
        } else this.fresh.set(abs, raw!);
        return outcome;
      }
    }
    this.misses++;
    this.pending.set(task, { abs, ...pending });
    return undefined;
  }

  private readonly pending = new Map<PlannedTask, { abs: string; size: number; mtime: number; hash?: string; config: string }>();

  /** Stores the outcome of a task that `lookup` missed. Results of internal errors and unreadable files are not kept. */
  store(task: PlannedTask, outcome: Outcome): void {
    const p = this.pending.get(task);
    if (!p) return;
    this.pending.delete(task);
    if (outcome.kind === 'result' && (outcome.result.meta.unreadable || outcome.result.meta.internalError)) return;
    const entry: Entry = [p.size, p.mtime, p.hash ?? 0, p.config, encode(outcome)];
    this.fresh.set(p.abs, JSON.stringify(entry));
    this.changed = true;
  }

  /**
   * Writes the cache when it changed: the entries of this run (files no longer linted
   * drop out only when something else changed). Atomic; failures are warnings.
   * `inputs` are the run's files: the cache is never written over one of them.
   */
  save(inputs: readonly PlannedTask[]): void {
    const dropped = this.old.size !== this.fresh.size;
    if (!this.writable || !(this.changed || dropped)) return;
    const name = basename(this.path);
    if (inputs.some((t) => basename(t.file) === name && resolve(t.file) === this.path)) {
      this.o.warn({
        fi: `välimuistia ei kirjoiteta tiedoston ${this.o.location} päälle: se on yksi tarkistetuista tiedostoista`,
        en: `not writing the cache over ${this.o.location}: it is one of the files linted`,
      });
      return;
    }
    if (!this.isOursOrAbsent()) {
      this.o.warn({
        fi: `${this.o.location} ei ole hanken välimuisti; sitä ei muuteta (poista se tai anna toinen --cache-location)`,
        en: `${this.o.location} is not a hanke cache; it is left as it is (delete it, or give another --cache-location)`,
      });
      return;
    }
    const parts: string[] = [`${MAGIC}"key":${JSON.stringify(this.key)},"strategy":${JSON.stringify(this.o.strategy)}}`];
    // JSON never holds a raw tab or line break: one line per file, the key before a tab.
    for (const [k, v] of this.fresh) parts.push(`${JSON.stringify(k)}\t${v}`);
    const text = parts.join('\n') + '\n';
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, this.path);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      this.o.warn({
        fi: `välimuistia ${this.o.location} ei voi kirjoittaa (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); tuloksia ei tallenneta`,
        en: `cannot write the cache ${this.o.location} (${(e as Error).message}); the results are not cached`,
      });
    }
  }

  private isOursOrAbsent(): boolean {
    try {
      statSync(this.path);
    } catch {
      return true;
    }
    return startsWithMagic(this.path);
  }
}

/**
 * The outcomes of `tasks` in their order: from the cache where a file is unchanged, the
 * others from `run` (given only those), stored as they come.
 */
export function withCache(tasks: readonly PlannedTask[], cache: LintCache, run: (tasks: PlannedTask[]) => AsyncIterable<Outcome>): AsyncIterable<Outcome> | Iterable<Outcome> {
  const cached = tasks.map((t) => cache.lookup(t));
  const misses = tasks.filter((_, i) => cached[i] === undefined);
  // Nothing changed: the outcomes as they are, without a generator step per file.
  if (misses.length === 0) return cached as Outcome[];
  return mixed(tasks, cached, misses, cache, run);
}

async function* mixed(
  tasks: readonly PlannedTask[],
  cached: readonly (Outcome | undefined)[],
  misses: PlannedTask[],
  cache: LintCache,
  run: (tasks: PlannedTask[]) => AsyncIterable<Outcome>,
): AsyncGenerator<Outcome> {
  const it = run(misses)[Symbol.asyncIterator]();
  try {
    for (let i = 0; i < tasks.length; i++) {
      const hit = cached[i];
      if (hit) {
        yield hit;
        continue;
      }
      const next = await it.next();
      if (next.done) throw new Error('internal error: fewer outcomes than files');
      cache.store(tasks[i], next.value);
      yield next.value;
    }
  } finally {
    // Ends the run of the misses (its worker threads stop).
    await it.return?.(undefined);
  }
}
