// `hanke lint --cache` (ESLint's meaning): the result of each file is kept in a cache
// file and reused while the file is unchanged: same size and modification time
// (`--cache-strategy metadata`, the default) or same contents (`content`, a hash).
// The whole cache is void when the tool (its code and its data: the running bundle is
// hashed), the locale or the kind of run change; an entry is void when its file's
// configuration changes. The results are cached before the checks across documents,
// with each file's keys for them, so those checks are redone over every file each run.
//
// A cache file that cannot be read or is not one (corrupt, truncated, another tool's)
// is ignored with a warning, and a file that is not a hanke cache is never overwritten;
// damaged entries are a warning too (their files are linted again). A cache location that
// is one of the files to lint is not used at all. The cache is written atomically (a
// temporary file renamed over it), only when it changed; a failure to write it is a
// warning, never an error. Entries of files not linted in a run are kept (a run over one
// file does not void the cache of its folder); those whose files are gone are dropped
// when the cache is next written anew.
import { nodeCrypto } from '../node/builtins';
import { isUtf8 } from 'node:buffer';
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve, sep } from 'node:path';
import type { Texts } from '../core/schema';
import type { HankeConfig, Locale } from '../core/config';
import type { DocumentKeys, KeyValue } from '../core/cross-document';
import type { Range } from '../core/model';
import { type Outcome, pack, PackedResult, type SkipReason } from './lint-files';
import type { PlannedTask } from './pool';
import { systemReason } from '../node/errors';
import { utf8Text } from '../node/utf8';

export type CacheStrategy = 'metadata' | 'content';

export const DEFAULT_CACHE_FILE = '.hankecache';
/** Every cache file starts with these bytes; a file that does not is not ours to overwrite. */
const MAGIC = '{"hankeCache":1,';
/** Part of the cache's key: a cache of another format is void (started again, silently). */
const FORMAT = 6;

// One line per file, fields separated by tabs (JSON never holds a raw tab or line break):
//   <file's key, JSON> TAB <check> TAB <size> TAB <mtime> TAB <content hash or 0> TAB <configuration hash> TAB <outcome>
// where the outcome is `s` TAB <skip reason>, or `r` TAB <errors> TAB <warnings> TAB <other>
// TAB <keys for the checks across documents: a JSON array, or empty> TAB <the diagnostics as
// --format json prints them>; for a file that is not a description the configuration hash
// ends with `/w` or `/n` (found by a walk or named: see sameConfig). <check> is a checksum of the rest of the line: the diagnostics'
// JSON is printed as it is, so a damaged line must never be taken.

/** An entry's fields before its outcome, and the outcome's text (parsed only on a hit). */
interface Parsed {
  size: number;
  mtime: number;
  hash: string;
  config: string;
  outcome: string;
}

const KEY_NAMES = ['code', 'yTunnus', 'applicant'] as const;

/** The keys as one flat JSON array: for each of code, Y-tunnus, applicant, its value and range, or 0. */
export function storeKeys(keys: DocumentKeys): string {
  const flat: (string | number)[] = [];
  for (const name of KEY_NAMES) {
    const k = keys[name];
    if (k) flat.push(k.value, k.range.start.line, k.range.start.character, k.range.end.line, k.range.end.character);
    else flat.push(0);
  }
  return JSON.stringify(flat);
}

/**
 * A stored key: its value (the checks across documents compare every file's) and where it
 * is, made into a range only when asked for (a finding on it): most files' never are.
 */
class StoredKey implements KeyValue {
  constructor(
    readonly value: string,
    private readonly line: number,
    private readonly character: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}
  get range(): Range {
    return { start: { line: this.line, character: this.character }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

const notAnEntry = (): never => {
  throw new Error('not a cache entry');
};

/** The keys stored by storeKeys. Without escapes (nearly always) read by hand; else with JSON.parse. */
export function loadKeys(text: string): DocumentKeys {
  if (text.includes('\\')) return loadKeysJson(text);
  // `[` then, for each key, `0` or `"value",a,b,c,d` (JSON without escapes: the value is as written), then `]`.
  const keys: DocumentKeys = {};
  const n: number[] = [0, 0, 0, 0];
  let i = 1;
  if (text.charCodeAt(0) !== 91) notAnEntry();
  for (let k = 0; k < KEY_NAMES.length; k++) {
    if (k > 0 && text.charCodeAt(i++) !== 44) notAnEntry();
    if (text.charCodeAt(i) === 48) {
      i++;
      continue;
    }
    if (text.charCodeAt(i) !== 34) notAnEntry();
    const q = text.indexOf('"', i + 1);
    if (q < 0) notAnEntry();
    const value = text.slice(i + 1, q);
    i = q + 1;
    for (let m = 0; m < 4; m++) {
      if (text.charCodeAt(i++) !== 44) notAnEntry();
      const from = i;
      let v = 0;
      for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) v = v * 10 + (c - 48);
      // As JSON writes them: at least one digit, no leading zero, and fewer than ten.
      if (i === from || i - from > 9 || (i - from > 1 && text.charCodeAt(from) === 48)) notAnEntry();
      n[m] = v;
    }
    keys[KEY_NAMES[k]] = new StoredKey(value, n[0], n[1], n[2], n[3]);
  }
  if (i !== text.length - 1 || text.charCodeAt(i) !== 93) notAnEntry();
  return keys;
}

function loadKeysJson(text: string): DocumentKeys {
  const flat = JSON.parse(text) as unknown[];
  if (!Array.isArray(flat)) notAnEntry();
  const keys: DocumentKeys = {};
  let i = 0;
  for (const name of KEY_NAMES) {
    const v = flat[i];
    if (v === 0) {
      i++;
      continue;
    }
    const [a, b, c, d] = [flat[i + 1], flat[i + 2], flat[i + 3], flat[i + 4]];
    if (typeof v !== 'string' || typeof a !== 'number' || typeof b !== 'number' || typeof c !== 'number' || typeof d !== 'number') notAnEntry();
    keys[name] = new StoredKey(v as string, a as number, b as number, c as number, d as number);
    i += 5;
  }
  if (i !== flat.length) notAnEntry();
  return keys;
}

const SKIPS: readonly SkipReason[] = ['binary', 'empty', 'not-a-description', 'not-a-file'];

/** The outcome fields of an entry (see above). */
function encode(o: Outcome): string {
  if (o.kind === 'skipped') return `s\t${o.reason}`;
  const p = o.result.packed ?? pack(o.result.diagnostics);
  const keys = o.result.meta.keys;
  return `r\t${p.errors}\t${p.warnings}\t${p.other}\t${keys ? storeKeys(keys) : ''}\t${p.json}`;
}

const count = (s: string): number => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || s === '') notAnEntry();
  return n;
};

function decode(text: string, file: string): Outcome {
  if (text.charCodeAt(0) === 115) {
    const f = text.split('\t');
    if (f[0] === 's' && f.length === 2 && SKIPS.includes(f[1] as SkipReason)) return { kind: 'skipped', file, reason: f[1] as SkipReason };
    notAnEntry();
  }
  // r TAB errors TAB warnings TAB other TAB keys TAB json (JSON holds no raw tab).
  const a = 2;
  const b = text.indexOf('\t', a);
  const c = text.indexOf('\t', b + 1);
  const d = text.indexOf('\t', c + 1);
  const e = text.indexOf('\t', d + 1);
  if (text.charCodeAt(1) !== 9 || text.charCodeAt(0) !== 114 || b < 0 || c < 0 || d < 0 || e < 0 || text.charCodeAt(e + 1) !== 91 || text.indexOf('\t', e + 1) >= 0) notAnEntry();
  const keys = d + 1 === e ? undefined : loadKeys(text.slice(d + 1, e));
  const packed = { json: text.slice(e + 1), errors: count(text.slice(a, b)), warnings: count(text.slice(b + 1, c)), other: count(text.slice(c + 1, d)) };
  return { kind: 'result', result: new PackedResult(file, packed, { unreadable: false, keys }) };
}

/**
 * A file that is not a description is read one way when a walk finds it (skipped, not
 * reported) and another when it is named (a not-a-description finding): its entry's
 * configuration ends with how it was found, and serves only a file found the same way. A
 * description's entry serves both.
 */
const WALKED = '/w';
const NAMED = '/n';
function sameConfig(stored: string, config: string, task: PlannedTask): boolean {
  if (stored === config) return true;
  return stored.length === config.length + 2 && stored.startsWith(config) && stored.endsWith(task.fromWalk ? WALKED : NAMED);
}

/** FNV-1a (32 bits) of a string's code units, in base 36: enough to notice a damaged line. */
function checksum(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** An entry's text after the file's key: its check, then its fields. */
function entryText(fields: string): string {
  return `${checksum(fields)}\t${fields}`;
}

/** The fields of an entry's text, or undefined when it is damaged. */
function parseEntry(text: string): Parsed | undefined {
  const t0 = text.indexOf('\t');
  const t1 = text.indexOf('\t', t0 + 1);
  const t2 = text.indexOf('\t', t1 + 1);
  const t3 = text.indexOf('\t', t2 + 1);
  const t4 = text.indexOf('\t', t3 + 1);
  if (t0 < 0 || t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0) return undefined;
  if (checksum(text.slice(t0 + 1)) !== text.slice(0, t0)) return undefined;
  const size = Number(text.slice(t0 + 1, t1));
  const mtime = Number(text.slice(t1 + 1, t2));
  if (!Number.isFinite(size) || !Number.isFinite(mtime)) return undefined;
  return { size, mtime, hash: text.slice(t2 + 1, t3), config: text.slice(t3 + 1, t4), outcome: text.slice(t4 + 1) };
}

/** The first line of a cache file (JSON); then one line per file (see above). */
interface CacheHeader {
  hankeCache: 1;
  key: string;
  strategy: CacheStrategy;
}

export interface CacheOptions {
  location: string;
  /** The run's files: a cache location that is one of them is not used (not read, never written). */
  inputs?: readonly { file: string }[];
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
  return nodeCrypto().createHash('sha256').update(s).digest('base64url').slice(0, 22);
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
  /**
   * Entries made or changed this run. When the file read was whole and of this key, and
   * every file it holds is linted again, these are appended to it (a later line wins)
   * instead of writing it all again; it is written anew when it has grown too long.
   */
  private readonly delta = new Map<string, string>();
  private appendable = false;
  /** Entry lines in the file read (an entry appended later counts again). */
  private lines = 0;
  /** False when the file there is not a hanke cache: it is left alone. */
  private writable = true;
  /** The location is one of the files linted: no cache at all. */
  private readonly unused: boolean = false;
  /** Entries found damaged (a line cut short or changed): their files are linted again; one warning. */
  private damaged = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly o: CacheOptions) {
    this.path = resolve(o.location);
    this.key = sha(JSON.stringify([FORMAT, o.version, toolHash(), o.locale]));
    this.configHashes = o.configs.map((c) => sha(JSON.stringify(c)));
    if (this.isInput(o.inputs ?? [])) {
      this.unused = true;
      this.writable = false;
      o.warn({
        fi: `välimuistin paikka ${o.location} on yksi tarkistettavista tiedostoista; välimuistia ei käytetä (anna toinen --cache-location)`,
        en: `the cache location ${o.location} is one of the files to lint; no cache is used (give another --cache-location)`,
      });
      return;
    }
    this.load();
  }

  /** Is the cache's path one of `inputs`? */
  private isInput(inputs: readonly { file: string }[]): boolean {
    const name = basename(this.path);
    return inputs.some((t) => t.file.endsWith(name) && resolve(t.file) === this.path);
  }

  private load(): void {
    let text: string;
    try {
      // Decoded as the files are (node/utf8.ts): a few megabytes, about twice as fast as V8's own decoding.
      const bytes = readFileSync(this.path);
      text = isUtf8(bytes) ? utf8Text(bytes) : bytes.toString('utf8');
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
      const why = systemReason(e, 'read');
      this.o.warn({
        fi: `välimuistia ${this.o.location} ei voi lukea (${why.fi}); kaikki tiedostot tarkistetaan`,
        en: `cannot read the cache ${this.o.location} (${why.en}); linting every file`,
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
    // The last line is empty when the file ends with its line break; otherwise the file was cut short there.
    const last = lines.length - 1;
    if (last > 0 && lines[last] !== '') {
      this.changed = true;
      this.damaged++;
    }
    for (let i = 1; i < last; i++) {
      const line = lines[i];
      const tab = line.indexOf('\t');
      if (tab < 0) {
        if (line !== '') {
          this.changed = true; // a damaged line: its file is linted again
          this.damaged++;
        }
        continue;
      }
      // A key without escapes is read without JSON.parse (most are).
      const k = line.slice(0, tab);
      let key: unknown;
      if (k.length >= 2 && k.charCodeAt(0) === 34 && k.charCodeAt(k.length - 1) === 34 && !k.includes('\\')) key = k.slice(1, -1);
      else {
        try {
          key = JSON.parse(k);
        } catch {
          key = undefined;
        }
      }
      if (typeof key === 'string') {
        this.old.set(key, line.slice(tab + 1));
        this.lines++;
      } else {
        this.changed = true;
        this.damaged++;
      }
    }
    this.appendable = !this.changed;
  }

  /** The cached outcome of a task when its file is unchanged; otherwise remembers what to store. */
  lookup(task: PlannedTask): Outcome | undefined {
    // A name that is not valid UTF-8 is shown lossily: it is not a key to trust. Standard
    // input (named or not by --stdin-filename) is not the file on disk: never looked up or kept.
    if (this.unused || task.unreadable || task.raw || task.bytes) return undefined;
    const abs = keyOf(task.file);
    let size: number;
    let mtime: number;
    try {
      // One stat per file, following links (the file's own size and time), never a realpath.
      const st = statSync(abs, { throwIfNoEntry: false });
      if (!st?.isFile()) return undefined;
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      return undefined;
    }
    const config = this.configHashes[task.config] ?? '';
    const raw = this.old.get(abs);
    const prev = raw === undefined ? undefined : parseEntry(raw); // undefined when damaged: linted again
    let hash: string | undefined;
    if (this.o.strategy === 'content') {
      try {
        hash = sha(readFileSync(abs));
      } catch {
        return undefined;
      }
    }
    const same = prev !== undefined && sameConfig(prev.config, config, task) && prev.size === size && (this.o.strategy === 'content' ? prev.hash === hash : prev.mtime === mtime);
    if (same) {
      let outcome: Outcome | undefined;
      try {
        outcome = decode(prev.outcome, task.file);
      } catch {
        outcome = undefined; // a damaged entry: the file is linted again
        this.damaged++;
      }
      if (outcome) {
        this.hits++;
        if (this.o.strategy === 'content' && prev.mtime !== mtime) {
          this.changed = true;
          const text = entryText(`${size}\t${mtime}\t${hash}\t${prev.config}\t${prev.outcome}`);
          this.fresh.set(abs, text);
          this.delta.set(abs, text);
        } else this.fresh.set(abs, raw!);
        return outcome;
      }
    }
    if (raw !== undefined && prev === undefined) {
      this.changed = true; // a damaged line: the file is written anew
      this.appendable = false;
      this.damaged++;
    }
    this.misses++;
    // The stat taken before linting: a file changed while it is linted is linted again next time.
    this.pending.set(task, { abs, size, mtime, hash, config });
    return undefined;
  }

  private readonly pending = new Map<PlannedTask, { abs: string; size: number; mtime: number; hash?: string; config: string }>();

  /** Stores the outcome of a task that `lookup` missed. Results of internal errors and unreadable files are not kept. */
  store(task: PlannedTask, outcome: Outcome): void {
    const p = this.pending.get(task);
    if (!p) return;
    this.pending.delete(task);
    if (outcome.kind === 'result' && (outcome.result.meta.unreadable || outcome.result.meta.internalError)) return;
    // What is not a description is read as the file was found: its entry says how.
    const found = outcome.kind === 'skipped' ? WALKED : outcome.result.meta.notADescription ? NAMED : '';
    const text = entryText(`${p.size}\t${p.mtime}\t${p.hash ?? 0}\t${p.config}${found}\t${encode(outcome)}`);
    this.fresh.set(p.abs, text);
    this.delta.set(p.abs, text);
    this.changed = true;
  }

  /**
   * Writes the cache when it changed: the entries of this run, and those of files not
   * linted in it (kept as they were; dropped when their files are gone and the cache is
   * written anew). Atomic; failures are warnings. `inputs` are the run's files: the cache
   * is never written over one of them.
   */
  save(inputs: readonly PlannedTask[]): void {
    if (this.damaged > 0) {
      const n = this.damaged;
      this.o.warn({
        fi: `välimuistissa ${this.o.location} oli ${n === 1 ? 'vioittunut merkintä' : `${n} vioittunutta merkintää`}; ${n === 1 ? 'sen tiedosto' : 'niiden tiedostot'} tarkistettiin uudelleen`,
        en: `the cache ${this.o.location} had ${n === 1 ? 'a damaged entry' : `${n} damaged entries`}; ${n === 1 ? 'its file was' : 'their files were'} linted again`,
      });
    }
    if (!this.writable || !this.changed) return;
    if (this.isInput(inputs)) {
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
    // Files with an entry: those read and those new in this run (new entries are all in delta).
    let live = this.old.size;
    for (const k of this.delta.keys()) if (!this.old.has(k)) live++;
    const grown = this.lines + this.delta.size > live + (live >> 2) + 16;
    if (this.appendable && this.delta.size > 0 && !grown) {
      // A few files changed: their entries are added at the end (read last, they win).
      let text = '';
      for (const [k, v] of this.delta) text += `${JSON.stringify(k)}\t${v}\n`;
      try {
        appendFileSync(this.path, text);
        return;
      } catch {
        // written anew below
      }
    }
    const parts: string[] = [`${MAGIC}"key":${JSON.stringify(this.key)},"strategy":${JSON.stringify(this.o.strategy)}}`];
    // JSON never holds a raw tab or line break: one line per file, the key before a tab.
    for (const [k, v] of this.fresh) parts.push(`${JSON.stringify(k)}\t${v}`);
    // Files not linted in this run keep their entries while they exist (one stat each, only when the cache is written anew).
    for (const [k, v] of this.old) if (!this.fresh.has(k) && parseEntry(v) !== undefined && existsSync(k)) parts.push(`${JSON.stringify(k)}\t${v}`);
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
      const why = systemReason(e, 'write', 'folder');
      this.o.warn({
        fi: `välimuistia ${this.o.location} ei voi kirjoittaa (${why.fi}); tuloksia ei tallenneta`,
        en: `cannot write the cache ${this.o.location} (${why.en}); the results are not cached`,
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
export function withCache(
  tasks: readonly PlannedTask[],
  cache: LintCache,
  run: (tasks: PlannedTask[]) => Iterable<Outcome> | AsyncIterable<Outcome>,
): AsyncIterable<Outcome> | Iterable<Outcome> | Promise<Outcome[]> {
  const cached = tasks.map((t) => cache.lookup(t));
  const misses = tasks.filter((_, i) => cached[i] === undefined);
  // Nothing changed: the outcomes as they are, without a generator step per file.
  if (misses.length === 0) return cached as Outcome[];
  // A few changed: those are linted first, then all the outcomes are handed over at once.
  if (misses.length <= FEW) return fewChanged(tasks, cached, misses, cache, run);
  return mixed(tasks, cached, misses, cache, run);
}

/** Up to this many changed files are linted before the outcomes are handed over (all are held for the checks across documents anyway). */
const FEW = 64;

async function fewChanged(
  tasks: readonly PlannedTask[],
  cached: (Outcome | undefined)[],
  misses: PlannedTask[],
  cache: LintCache,
  run: (tasks: PlannedTask[]) => Iterable<Outcome> | AsyncIterable<Outcome>,
): Promise<Outcome[]> {
  const fresh: Outcome[] = [];
  for await (const o of run(misses)) fresh.push(o);
  if (fresh.length !== misses.length) throw new Error('internal error: fewer outcomes than files');
  let k = 0;
  for (let i = 0; i < tasks.length; i++) {
    if (cached[i]) continue;
    cache.store(tasks[i], fresh[k]);
    cached[i] = fresh[k++];
  }
  return cached as Outcome[];
}

async function* mixed(
  tasks: readonly PlannedTask[],
  cached: readonly (Outcome | undefined)[],
  misses: PlannedTask[],
  cache: LintCache,
  run: (tasks: PlannedTask[]) => Iterable<Outcome> | AsyncIterable<Outcome>,
): AsyncGenerator<Outcome> {
  const source = run(misses);
  const it: Iterator<Outcome> | AsyncIterator<Outcome> = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
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
