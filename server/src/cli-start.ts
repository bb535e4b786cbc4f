// The `hanke` command's entry (dist/cli.js): starts the CLI bundle (dist/cli-main.js) with a
// V8 code cache, so that a run does not parse and compile its megabyte of JavaScript
// again (about a third of start-up). Node 22.1 and later keep the cache themselves
// (`module.enableCompileCache()`); on older Node the bundle is compiled here with the
// cache kept in a folder of the user's own under the temporary folder, one file per
// bundle (its size and time) and Node version. V8 checks a cache before using it and
// rejects one that does not fit; a cache that cannot be read or written is simply not
// used. Worker threads start from this file too.
import Module, { createRequire } from 'node:module';
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { isReadAheadWorker, runReadAhead } from './node/read-ahead';

const MAIN = join(__dirname, 'cli-main.js');

/** Tells the bundle it was started as the command (not required by another module), and from where. */
(globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.entry')] = __filename;

interface ModuleInternals {
  enableCompileCache?: () => unknown;
  wrap(src: string): string;
  _nodeModulePaths(dir: string): string[];
  _cache: Record<string, unknown>;
}
const M = Module as unknown as ModuleInternals;

/** This user's own cache folder (0700), or undefined when there is none to trust. */
function cacheFolder(): string | undefined {
  const uid = process.getuid?.();
  const dir = join(tmpdir(), `hanke-compile-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    // Another user's folder, one others may write into, or a link to a folder, is never read from.
    if (!st.isDirectory() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The cached code, when the file is this user's own and not writable by others. */
function readOwn(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && (st.uid !== uid || (st.mode & 0o022) !== 0))) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes the caches of other builds or Node versions (an upgrade, a rebuild) when this
 * one writes its own, so that the folder holds one build's caches, not every build's.
 */
function forgetOtherBuilds(dir: string, bundle: string): void {
  try {
    for (const f of readdirSync(dir)) {
      if (!f.startsWith(bundle) && /\.bin(\.\d+\.tmp)?$/.test(f)) unlinkSync(join(dir, f));
    }
  } catch {
    // left for the next time
  }
}

/** The commands that lint a batch of files and end: most of a run's CPU time goes to warming up. */
const BATCH_COMMANDS = new Set(['lint', 'export', 'report']);

/**
 * A batch run spends much of its CPU time in V8's optimising compiler, and most of that in
 * inlining (about 230 functions optimised in a run, each with its callees copied in). A
 * smaller inlining budget makes the optimised code a little slower but ready sooner:
 * measured on 3 000 and 10 000 descriptions, 10–20 % less CPU time and 5–15 % less wall
 * time (alternating runs by hand, session 13). Set before any of the bundle is compiled, so the code cache,
 * which records the flags, always sees the same ones; flags are process-wide, so worker
 * threads share it. The language server (`hanke lsp`) runs for hours and keeps V8's default.
 */
function tuneForBatch(): void {
  if (isMainThread && BATCH_COMMANDS.has(process.argv[2] ?? '')) setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
}

function start(): void {
  tuneForBatch();
  if (typeof M.enableCompileCache === 'function') {
    try {
      M.enableCompileCache();
    } catch {
      // no cache: compiled as usual
    }
    require(MAIN);
    return;
  }
  const src = readFileSync(MAIN, 'utf8');
  const dir = cacheFolder();
  let base: string | undefined;
  let bundle = '';
  let cached: Buffer | undefined;
  let full = false;
  if (dir) {
    const st = statSync(MAIN);
    // One cache per command: each holds what its runs compile. A run that linted files (not
    // all from the --cache) leaves a `full` one, with the parser and the rules compiled.
    const command = /^[a-z]{1,12}$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
    bundle = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}-`;
    base = join(dir, `${bundle}${command}`);
    cached = readOwn(`${base}-full.bin`);
    full = cached !== undefined;
    cached ??= readOwn(`${base}.bin`);
  }
  // The bundle holds no import() of a module outside it (a vm script has no loader for one: test/cli/start.test.ts).
  const script = new Script(M.wrap(src), { filename: MAIN, cachedData: cached });
  const mod = new Module(MAIN, module);
  mod.filename = MAIN;
  mod.paths = M._nodeModulePaths(__dirname);
  M._cache[MAIN] = mod;
  const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  if (base && isMainThread) {
    const stem = base;
    const rejected = cached === undefined || script.cachedDataRejected === true;
    // Made at exit: the cache then holds the functions this run compiled, not only the top level.
    process.once('exit', () => {
      const flags = globalThis as { [k: symbol]: unknown };
      if (flags[Symbol.for('hanke.cli.known')] !== true) return; // a mistyped command: nothing worth keeping
      const linted = flags[Symbol.for('hanke.cli.linted')] === true;
      const target = linted && (!full || rejected) ? `${stem}-full.bin` : rejected ? `${stem}.bin` : undefined;
      if (!target) return;
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, target);
      } catch {
        // not cached this time
      }
      forgetOtherBuilds(dir!, bundle);
    });
  }
  fn.call(mod.exports, mod.exports, createRequire(MAIN), mod, MAIN, __dirname);
  mod.loaded = true;
}

// The read-ahead thread of a batch run needs none of the CLI bundle.
if (isReadAheadWorker()) runReadAhead();
else start();
