// The `hanke` command: `hanke lint`, `hanke export` and `hanke report` for reviewers,
// `hanke docs` for the rule pages, `hanke lsp --stdio` for editors. A thin adapter over
// the same core as the language server (SPEC.md §3). The same bundle also runs as the
// lint worker thread.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type HankeConfig, type Locale, localeFrom, mergeConfigs, parseConfig, pick, SETTINGS, settingMeant } from './core/config';
import { isDocsBase } from './core/docs';
import type { RuleSetting } from './core/lint';
import { CATALOGUE } from './core/rules';
import { ConfigLocator, MAX_FILE_BYTES } from './node/files';
import { COMMANDS, type CommandSpec, commandHelp, didYouMean, mainHelp, parseCommand, tx, unknownCommand, UsageError, type Values } from './cli/args';
import { readConfigFileSync } from './node/config-file';
import { expandInputs } from './node/inputs';
import { Ignorer } from './node/ignore';
import type { FileResult, Outcome, SkipReason, Task } from './cli/lint-files';
import { addToTotals, emptyTotals, SEVERITY, StylishFormatter, type Totals } from './cli/format-stylish';
import { JsonFormatter } from './cli/format-json';
import { SarifFormatter } from './cli/format-sarif';
import { autoWorkers, canUseWorkers, isLintWorker, type PlannedTask, runTasks, startWorker } from './cli/pool';
import { Output, Progress } from './cli/output';
import { CsvWriter, JsonExportWriter } from './cli/export';
import { renderReport, type ReportEntry, type ReportGroups } from './cli/report-html';
import { AtomicFile, checkOutput, realInputs, realTarget, writeFileAtomic } from './cli/write-file';
import { readDescription, SKIP_REASONS } from './node/read-file';
import { nodeNet } from './node/builtins';
import { forTerminal } from './cli/terminal';
import type { FixMode } from './cli/fix';
import { acrossFiles } from './cli/cross-files';
import { type CacheStrategy, DEFAULT_CACHE_FILE, LintCache, withCache } from './cli/cache';
import { descriptionTemplate } from './core/template';
import { injectRuleFaults } from './core/lint';
import { isAnalysisWorker, runAnalysisWorker } from './lsp/analysis-worker';
import pkg from '../../package.json';

/** The language of help, usage errors and notes, before the configuration is read. */
let uiLocale: Locale = 'en';

const say = (fi: string, en: string) => (uiLocale === 'fi' ? fi : en);

/** A one-line note on stderr (escaped for the terminal). */
function note(line: string): void {
  process.stderr.write(`hanke: ${forTerminal(line)}\n`);
}

function envLocale(): Locale | undefined {
  return localeFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
}

/** `--locale` from the arguments, if given (checked here so that even usage errors follow it). */
function localeFlag(argv: readonly string[]): Locale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--locale' ? argv[i + 1] : a.startsWith('--locale=') ? a.slice(9) : undefined;
    if (v === undefined) continue;
    if (v !== 'fi' && v !== 'en') {
      uiLocale = envLocale() ?? 'en';
      throw new UsageError(tx(`--locale on fi tai en, ei "${v}"`, `--locale must be fi or en, not "${v}"`));
    }
    return v;
  }
  return undefined;
}

function detectLocale(flag: Locale | undefined, config: HankeConfig | undefined, locator: ConfigLocator): Locale {
  return flag ?? config?.locale ?? locator.find(process.cwd())?.result.config.locale ?? envLocale() ?? 'en';
}

function loadConfigFile(path: string): HankeConfig {
  // Only a regular file of at most 1 MiB: --config /dev/zero or a FIFO is an error, not a hang.
  const read = readConfigFileSync(path);
  if (!read.ok) throw new UsageError(tx(`--config ${path}: tiedostoa ei voi lukea: ${read.reason.fi}`, `cannot read --config ${path}: ${read.reason.en}`), true);
  const { config, errors } = parseConfig(read.text, path);
  if (errors.length) throw new UsageError({ fi: errors.map((e) => pick(e.message, 'fi')).join('; '), en: errors.map((e) => pick(e.message, 'en')).join('; ') });
  return config;
}

/** `--rule id:severity` (repeatable), checked against the rule catalogue. */
function ruleOverrides(specs: readonly string[]): Record<string, RuleSetting> {
  const ids = CATALOGUE.map((r) => r.id);
  const out: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    // Rule ids have no colon: the first one ends the id (`empty-field:off:x` is a bad severity, not a bad id).
    const colon = spec.indexOf(':');
    if (colon <= 0) throw new UsageError(tx(`--rule ottaa muodon <sääntö>:<vakavuus>, ei "${spec}"`, `--rule takes <rule>:<severity>, not "${spec}"`));
    const id = spec.slice(0, colon).trim();
    const setting = spec.slice(colon + 1).trim();
    if (!ids.includes(id)) {
      const near = didYouMean(id, ids);
      throw new UsageError(
        near
          ? tx(`--rule: tuntematon sääntö "${id}"; tarkoititko "${near}"?`, `--rule: unknown rule "${id}"; did you mean "${near}"?`)
          : tx(`--rule: tuntematon sääntö "${id}"; komento hanke docs luettelee säännöt`, `--rule: unknown rule "${id}"; hanke docs lists the rules`),
      );
    }
    if (!(SETTINGS as readonly string[]).includes(setting)) {
      const near = settingMeant(setting);
      throw new UsageError(
        tx(
          `--rule ${id}: vakavuus on ${SETTINGS.join(', ')}, ei "${setting}"${near ? `; tarkoititko "${id}:${near}"?` : ''}`,
          `--rule ${id}: the severity is ${SETTINGS.join(', ')}, not "${setting}"${near ? `; did you mean "${id}:${near}"?` : ''}`,
        ),
      );
    }
    out[id] = setting as RuleSetting;
  }
  return out;
}

interface Plan {
  tasks: PlannedTask[];
  configs: HankeConfig[];
  locale: Locale;
  workers: number;
  /** `--jobs auto`: a run in one thread may read ahead on a second one (node/read-ahead.ts); `--jobs 1` uses one thread only. */
  readAhead: boolean;
  progress: boolean;
}

/** The bytes of each argument as the process received them, where they are not valid UTF-8 (Linux). */
function rawArguments(args: readonly string[]): (Buffer | undefined)[] | undefined {
  if (!args.some((a) => a.includes('\uFFFD'))) return undefined;
  const raw: Buffer[] = [];
  try {
    const all = readFileSync('/proc/self/cmdline');
    let start = 0;
    for (let i = 0; i < all.length; i++) {
      if (all[i] === 0) {
        raw.push(all.subarray(start, i));
        start = i + 1;
      }
    }
  } catch {
    return undefined;
  }
  // The command line is node, its options, the script, then process.argv.slice(2).
  const given = process.argv.slice(2);
  const bytes = raw.slice(raw.length - given.length);
  if (bytes.length !== given.length) return undefined;
  // Each positional argument is found in order among the arguments it was parsed from.
  let from = 0;
  return args.map((a) => {
    const j = given.indexOf(a, from);
    if (j < 0) return undefined;
    from = j + 1;
    return a.includes('\uFFFD') && bytes[j].toString('utf8') === a ? bytes[j] : undefined;
  });
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    const b = c as Buffer;
    size += b.length;
    if (size > MAX_FILE_BYTES) throw new UsageError(tx('vakiosyöte on liian suuri', 'standard input is too large'), true);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Expands the inputs and resolves each file's configuration before any output is written. */
async function plan(values: Values, positionals: string[], command: string, flagLocale: Locale | undefined): Promise<Plan> {
  if (positionals.length === 0) throw new UsageError(tx(`tiedostoja ei annettu: hanke ${command} <tiedosto|kansio|hakulauseke|->...`, `no files given: hanke ${command} <file|dir|glob|->...`));
  const stdin = positionals.includes('-');
  if (stdin && positionals.length > 1) throw new UsageError(tx('- (vakiosyöte) on ainoa syöte, kun sitä käytetään', '- (standard input) must be the only input'));
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError(tx('--stdin-filename käytetään syötteen - kanssa', '--stdin-filename goes with - (standard input)'));
  const explicit = typeof values.config === 'string' ? mergeConfigs(loadConfigFile(values.config)) : undefined;
  const locator = new ConfigLocator();
  const locale = detectLocale(flagLocale, explicit, locator);
  uiLocale = locale;
  const overrides = ruleOverrides((values.rule as string[] | undefined) ?? []);
  const configs: HankeConfig[] = [mergeConfigs(explicit, { rules: overrides })];
  const index = new Map<string, number>();
  const tasks: PlannedTask[] = [];
  let inputs: Task[];
  if (stdin) {
    const name = (values['stdin-filename'] as string | undefined) ?? '<stdin>';
    inputs = [{ file: name, fromWalk: false, bytes: await readStdin() }];
  } else {
    const ignorer = new Ignorer((values['ignore-pattern'] as string[] | undefined) ?? []);
    inputs = expandInputs(positionals, { raw: rawArguments(positionals), ignorer });
  }
  // A folder's files come one after another: its configuration is looked up once.
  let lastDir: string | undefined;
  let lastFound: ReturnType<ConfigLocator['find']> = null;
  for (const t of inputs) {
    let config = 0;
    if (!explicit) {
      const dir = t.bytes && values['stdin-filename'] === undefined ? process.cwd() : dirname(t.file);
      if (dir !== lastDir) {
        lastFound = locator.find(dir);
        lastDir = dir;
      }
      const found = lastFound;
      if (found) {
        // A broken .hankerc.json is reported once, clearly, and stops the run before any output.
        if (found.result.errors.length) {
          throw new UsageError({ fi: found.result.errors.map((e) => pick(e.message, 'fi')).join('; '), en: found.result.errors.map((e) => pick(e.message, 'en')).join('; ') });
        }
        let i = index.get(found.path);
        if (i === undefined) {
          i = configs.push(mergeConfigs(found.result.config, { rules: overrides })) - 1;
          index.set(found.path, i);
        }
        config = i;
      }
    }
    tasks.push({ ...t, config });
  }
  let workers: number;
  const jobs = (values.jobs as string | undefined) ?? process.env.HANKE_JOBS ?? 'auto';
  if (jobs === 'auto') workers = autoWorkers(tasks.length);
  else {
    const n = Number(jobs);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(tx('--jobs ottaa kokonaisluvun 1–64 tai "auto"', '--jobs takes a whole number 1–64 or "auto"'));
    workers = n - 1; // the main thread lints too
  }
  if (!canUseWorkers() || stdin) workers = 0;
  const progress = values.progress !== false;
  return { tasks, configs, locale, workers, readAhead: jobs === 'auto', progress };
}

/** Runs the plan; `each` sees every outcome in order. Reports internal errors on stderr. */
async function execute(p: Plan, summary: boolean, each: (o: Outcome) => Promise<void> | void, out?: Output, fix?: FixMode, groups?: (g: ReportGroups) => void, cache?: LintCache): Promise<void> {
  const progress = Progress.create(p.tasks.length, p.progress, p.locale === 'fi' ? 'tiedostoa' : 'files');
  if (out && progress) {
    // When both streams are the same terminal, the bar steps aside for the output.
    out.beforeWrite = () => progress.clear();
  }
  try {
    // With a cache, only the changed files are linted (workers only when they are many).
    const run = (ts: PlannedTask[]) =>
      runTasks(ts, {
        locale: p.locale,
        summary,
        configs: p.configs,
        workers: ts.length === p.tasks.length ? p.workers : Math.min(p.workers, autoWorkers(ts.length)),
        readAhead: p.readAhead,
        fix,
      });
    // The bar counts files as they are linted (results of several files wait for the checks across them).
    const tick = () => progress?.tick();
    for await (const batch of acrossFiles(cache ? withCache(p.tasks, cache, run) : run(p.tasks), p.tasks, p.configs, p.locale, groups, tick)) {
      for (const o of batch) {
        if (o.kind === 'result' && o.result.meta.internalError) {
          progress?.clear();
          process.stderr.write(
            `hanke: ${p.locale === 'fi' ? 'sisäinen virhe tarkistettaessa tiedostoa' : 'internal error while linting'} ${forTerminal(o.result.file)}:\n${o.result.meta.internalError}\n`,
          );
        }
        // Awaited only when it waits for something (output to flush): no promise per file otherwise.
        const wait = each(o);
        if (wait) await wait;
      }
    }
  } finally {
    progress?.clear();
  }
}

function useColor(values: Values): boolean {
  if (values.color !== undefined) return values.color as boolean;
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}

function docsBase(values: Values): string | undefined {
  const base = values['docs-url'] as string | undefined;
  if (base !== undefined && !isDocsBase(base))
    throw new UsageError(tx(`--docs-url on täydellinen http(s)- tai file-osoite, ei "${base}"`, `--docs-url takes an absolute http(s) or file URL, not "${base}"`));
  return base;
}

/** A sink that writes a file atomically (the report of `-o`), presented as a stream to Output. */
function fileStream(f: AtomicFile): NodeJS.WritableStream {
  return { write: (s: string) => (f.write(s), true) } as unknown as NodeJS.WritableStream;
}

const taskPath = (t: Task) => (t.raw ? Buffer.from(t.raw) : t.file);

/** The real paths of the plan's files (not of unreadable inputs or standard input). */
const planInputs = (p: Plan) => realInputs(p.tasks.filter((t) => !t.unreadable && !t.bytes).map(taskPath));

/**
 * Leaves a file the command writes itself (its output, its cache) out of the inputs when
 * a folder walk or a glob found it and it is not a description, as an earlier report or
 * cache in the linted folder: the next run neither lints it nor refuses to replace it. A
 * description, or a file named explicitly, stays an input.
 */
function leaveOutOwnFile(target: string, p: Plan): void {
  // Only files of the same name are resolved (a real path for each of 10 000 files would cost more than the run).
  const name = basename(target);
  const own = p.tasks.find((t) => t.fromWalk && !t.unreadable && !t.bytes && basename(t.file) === name && realInputs([taskPath(t)]).has(target));
  if (own && readDescription({ path: taskPath(own), notAFile: own.notAFile }, true).kind === 'skipped') p.tasks = p.tasks.filter((t) => t !== own);
}

/** Checks the output file against the inputs (see checkOutput), an earlier output found by the walk left out. */
function checkOutputAmongInputs(path: string, p: Plan, force: boolean): void {
  leaveOutOwnFile(realTarget(path), p);
  checkOutput(path, planInputs(p), force);
}

/** `-o -`: standard output, as for the inputs (a file named `-` is written as `./-`). */
const STDOUT = '-';

/** Where a command writes: stdout, or a file checked against the inputs and written atomically. */
function openOut(path: string | undefined, p: Plan, force: boolean): { out: Output; file?: AtomicFile } {
  if (!path || path === STDOUT) return { out: new Output(process.stdout) };
  checkOutputAmongInputs(path, p, force);
  const file = new AtomicFile(path, force);
  return { out: new Output(fileStream(file)), file };
}

async function runLint(cmd: CommandSpec, values: Values, positionals: string[], flagLocale: Locale | undefined): Promise<number> {
  if (values.fix && values['fix-dry-run']) throw new UsageError(tx('--fix ja --fix-dry-run eivät käy yhdessä', '--fix and --fix-dry-run cannot be used together'));
  const dryRun = !!values['fix-dry-run'];
  const format = (values.format as string | undefined) ?? (dryRun ? 'json' : 'stylish');
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(tx(`tuntematon --format "${format}" (stylish, json, sarif)`, `unknown --format "${format}" (stylish, json, sarif)`));
  if (dryRun && format !== 'json') throw new UsageError(tx('--fix-dry-run tulostaa JSON-muodossa (--format json)', '--fix-dry-run prints JSON (--format json)'));
  if (values.fix && positionals.includes('-')) throw new UsageError(tx('--fix ei voi kirjoittaa vakiosyötteeseen; käytä --fix-dry-run', '--fix cannot write to standard input; use --fix-dry-run'));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    // -1: no limit (the default, as ESLint's).
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1)
      throw new UsageError(tx('--max-warnings ottaa kokonaisluvun ≥ 0 (tai -1: ei rajaa)', '--max-warnings takes a whole number ≥ 0 (or -1: no limit)'));
  }
  const base = docsBase(values);
  const p = await plan(values, positionals, cmd.name, flagLocale);
  const fix: FixMode | undefined = values.fix ? 'write' : dryRun ? 'dry-run' : undefined;
  // Fixing rewrites files: their results are not taken from (nor kept in) the cache.
  const cache = fix ? undefined : lintCache(values, p);
  const { out, file } = openOut(values['output-file'] as string | undefined, p, !!values.force);
  const stylish = format === 'stylish' ? new StylishFormatter(out, { color: file ? false : useColor(values), locale: p.locale, quiet: !!values.quiet }) : undefined;
  const json = format === 'json' ? new JsonFormatter(out) : undefined;
  const sarif = format === 'sarif' ? new SarifFormatter(out, p.locale, base) : undefined;
  const totals: Totals = emptyTotals();
  let unreadable = false;
  let fixedFiles = 0;

  try {
    await execute(
      p,
      false,
      (o) => {
        if (o.kind === 'skipped') {
          totals.skipped++;
          stylish?.skip(o.file, o.reason);
          sarif?.skip(o.file, o.reason);
          return;
        }
        const r: FileResult = o.result;
        if (r.meta.notFixed) note(`${r.file}: ${pick(r.meta.notFixed, p.locale)}`);
        if (r.meta.fixed) fixedFiles++;
        if (values.quiet) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
        if (r.meta.unreadable || r.meta.internalError) unreadable = true;
        if (r.meta.unreadableWhy) noteUnreadable(p.locale, r);
        addToTotals(totals, r);
        stylish?.file(r);
        json?.file(r);
        sarif?.file(r);
        return out.maybeFlush();
      },
      file ? undefined : out,
      fix,
      undefined,
      cache,
    );
    cache?.save(p.tasks);
    stylish?.end(totals);
    json?.end();
    sarif?.end();
    await out.flush();
    file?.commit();
  } finally {
    file?.abort();
  }
  const fi = p.locale === 'fi';
  if (fix === 'write' && fixedFiles) note(fi ? `korjattiin ${fixedFiles} ${fixedFiles === 1 ? 'tiedosto' : 'tiedostoa'}` : `fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`);

  if (unreadable) return 2;
  if (totals.errors > 0) return 1;
  if (maxWarnings >= 0 && totals.warnings > maxWarnings) {
    note(fi ? `liikaa varoituksia (${totals.warnings}, enintään ${maxWarnings} sallittu)` : `too many warnings (${totals.warnings}, at most ${maxWarnings} allowed)`);
    return 1;
  }
  return 0;
}

/** `--cache`, `--cache-location <file>`, `--cache-strategy metadata|content`. */
function lintCache(values: Values, p: Plan): LintCache | undefined {
  const strategy = (values['cache-strategy'] as string | undefined) ?? 'metadata';
  if (strategy !== 'metadata' && strategy !== 'content')
    throw new UsageError(tx(`--cache-strategy on metadata tai content, ei "${strategy}"`, `--cache-strategy is metadata or content, not "${strategy}"`));
  if (!values.cache) return undefined;
  const location = (values['cache-location'] as string | undefined) ?? DEFAULT_CACHE_FILE;
  if (location === '') throw new UsageError(tx('--cache-location tarvitsee tiedoston nimen', '--cache-location needs a file name'));
  const target = realTarget(location);
  const output = values['output-file'] as string | undefined;
  if (output !== undefined && output !== STDOUT && realTarget(output) === target)
    throw new UsageError(tx(`--cache-location ja --output-file ovat sama tiedosto (${location})`, `--cache-location and --output-file are the same file (${location})`));
  // A cache in the linted folder (a .txt name) is the command's own file, not an input.
  leaveOutOwnFile(target, p);
  return new LintCache({
    location,
    strategy: strategy as CacheStrategy,
    version: pkg.version,
    locale: p.locale,
    configs: p.configs,
    inputs: p.tasks,
    warn: (m) => process.stderr.write(`hanke: ${p.locale === 'fi' ? 'välimuisti' : 'cache'}: ${forTerminal(pick(m, p.locale))}\n`),
  });
}

function noteSkipsAndFailures(locale: Locale, file: string, what: SkipReason | 'failed', message?: string): void {
  const fi = locale === 'fi';
  const why = what === 'failed' ? (message ?? '') : pick(SKIP_REASONS[what], locale);
  note(`${fi ? 'ohitettu' : 'skipped'} ${file}: ${why}`);
}

/** An input that could not be read (the run exits 2): said as `lint` reports it, `<file>: error: <message>`. */
function noteUnreadable(locale: Locale, r: FileResult): void {
  const why = r.meta.unreadableWhy;
  if (why) {
    // The rule is off: no finding, but the run still ends with exit code 2 for it.
    note(`${r.file}: ${pick(why, locale)} ${locale === 'fi' ? '(sääntö unreadable on pois päältä; poistumiskoodi on silti 2)' : '(the rule unreadable is off; the exit code is still 2)'}`);
    return;
  }
  const d = r.diagnostics[0];
  const severity = SEVERITY[locale][d?.severity ?? 'error'];
  note(`${r.file}: ${severity}: ${d?.message ?? (locale === 'fi' ? 'Tiedostoa ei voi lukea.' : 'Cannot read the file.')}`);
}

function described(n: number, locale: Locale): string {
  return locale === 'fi' ? `${n} ${n === 1 ? 'kuvaus' : 'kuvausta'}` : `${n} description${n === 1 ? '' : 's'}`;
}

async function runExport(cmd: CommandSpec, values: Values, positionals: string[], flagLocale: Locale | undefined): Promise<number> {
  const format = (values.format as string | undefined) ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError(tx(`tuntematon --format "${format}" (csv, json)`, `unknown --format "${format}" (csv, json)`));
  let delimiter = (values.delimiter as string | undefined) ?? ',';
  if (delimiter === '\\t' || delimiter.toLowerCase() === 'tab') delimiter = '\t';
  if (![',', ';', '\t', '|'].includes(delimiter)) throw new UsageError(tx('--delimiter on , ; | tai tab', '--delimiter is one of , ; | or tab'));
  const decimal = ((values.decimal as string | undefined) ?? (delimiter === ';' ? ',' : '.')) as '.' | ',';
  if (decimal !== '.' && decimal !== ',') throw new UsageError(tx('--decimal on . tai ,', '--decimal is . or ,'));
  if (decimal === delimiter) throw new UsageError(tx('--decimal ja --delimiter eivät saa olla samat', '--decimal and --delimiter must differ'));
  if (format === 'json' && (values.bom || values.delimiter !== undefined || values.decimal !== undefined)) {
    throw new UsageError(tx('--bom, --delimiter ja --decimal ovat CSV:lle (--format csv)', '--bom, --delimiter and --decimal are for --format csv'));
  }
  const p = await plan(values, positionals, cmd.name, flagLocale);
  const outPath = values.out as string | undefined;
  const { out, file } = openOut(outPath, p, !!values.force);
  // Finnish headers only when asked for on the command line: scripts keep the stable keys.
  const finnish = flagLocale === 'fi';
  const writer = format === 'csv' ? new CsvWriter(out, { delimiter, decimal, bom: !!values.bom, finnish }) : new JsonExportWriter(out);
  let unreadable = false;
  let rows = 0;
  try {
    await execute(
      p,
      true,
      async (o) => {
        if (o.kind === 'skipped') return noteSkipsAndFailures(p.locale, o.file, o.reason);
        if (!o.summary) {
          if (o.result.meta.unreadable || o.result.meta.internalError) {
            unreadable = true;
            return noteUnreadable(p.locale, o.result);
          }
          // Named explicitly but not a description: no row, and the run goes on (exit 0).
          return noteSkipsAndFailures(p.locale, o.result.file, 'failed', o.result.diagnostics[0]?.message ?? '');
        }
        writer.add({ file: o.result.file, summary: o.summary });
        rows++;
        await out.maybeFlush();
      },
      file ? undefined : out,
    );
    writer.end();
    await out.flush();
    file?.commit();
  } finally {
    file?.abort();
  }
  if (outPath && outPath !== STDOUT) note(p.locale === 'fi' ? `tiedot kirjoitettiin tiedostoon ${outPath} (${described(rows, 'fi')})` : `wrote ${outPath} (${described(rows, 'en')})`);
  return unreadable ? 2 : 0;
}

async function runReport(cmd: CommandSpec, values: Values, positionals: string[], flagLocale: Locale | undefined): Promise<number> {
  const docs = docsBase(values);
  const outPath = (values.out as string | undefined) ?? 'hanke-report.html';
  const p = await plan(values, positionals, cmd.name, flagLocale);
  const force = !!values.force;
  const toStdout = outPath === STDOUT;
  // Checked before the (possibly long) run, and again when the file is put in place.
  if (!toStdout) checkOutputAmongInputs(outPath, p, force);
  const entries: ReportEntry[] = [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  let unreadable = false;
  let groups: ReportGroups | undefined;
  const onGroups = (g: ReportGroups) => (groups = g);
  await execute(
    p,
    true,
    (o) => {
      if (o.kind === 'skipped') skipped.push({ file: o.file, reason: o.reason });
      else {
        if (o.result.meta.internalError) unreadable = true;
        if (o.result.meta.unreadable) {
          unreadable = true;
          noteUnreadable(p.locale, o.result);
        }
        entries.push({ file: o.result.file, diagnostics: o.result.diagnostics, summary: o.summary });
      }
    },
    undefined,
    undefined,
    onGroups,
  );
  const html = renderReport({ entries, skipped, groups, locale: p.locale, title: values.title as string | undefined, generated: new Date(), version: pkg.version, docsBase: docs });
  const n = entries.filter((e) => e.summary).length;
  if (toStdout) {
    const out = new Output(process.stdout);
    out.write(html);
    await out.flush();
  } else {
    writeFileAtomic(outPath, html, force);
    note(p.locale === 'fi' ? `raportti kirjoitettiin tiedostoon ${outPath} (${described(n, 'fi')})` : `wrote ${outPath} (${described(n, 'en')})`);
  }
  return unreadable ? 2 : 0;
}

function runNew(values: Values, positionals: string[]): number {
  if (positionals.length)
    throw new UsageError(tx(`ylimääräinen argumentti "${positionals[0]}" (tiedosto annetaan valitsimella --output)`, `unexpected argument "${positionals[0]}" (give the file with --output)`));
  const text = descriptionTemplate();
  const output = values.output as string | undefined;
  if (output && output !== STDOUT) {
    checkOutput(output, new Set(), !!values.force);
    writeFileAtomic(output, text, !!values.force);
  } else process.stdout.write(text);
  return 0;
}

/** The folder of the bundled rule pages: docs/rules beside dist/ (installed package) or the repository's. */
function rulePagesDir(): string | undefined {
  for (const d of [join(__dirname, '../docs/rules'), join(__dirname, '../../docs/rules')]) {
    try {
      if (readdirSync(d).some((f) => f.endsWith('.md'))) return d;
    } catch {
      // not here
    }
  }
  return undefined;
}

function runDocs(positionals: string[]): number {
  const dir = rulePagesDir();
  if (!dir) throw new UsageError(tx('sääntöjen ohjesivuja ei löydy asennuksesta', 'the rule pages are missing from this installation'), true);
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3))
    .sort();
  if (positionals.length === 0) {
    const catalogue = CATALOGUE;
    const lines = pages.map((id) => {
      const r = catalogue.find((x) => x.id === id);
      return `  ${id.padEnd(36)}${r ? r.description[uiLocale] : ''}`;
    });
    process.stdout.write(`${say('Säännöt (hanke docs <sääntö> näyttää ohjeen):', 'Rules (hanke docs <rule> prints its page):')}\n${lines.join('\n')}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(tx('anna yksi sääntö: hanke docs <sääntö>', 'give one rule: hanke docs <rule>'));
  const id = positionals[0];
  if (!pages.includes(id)) {
    // One message that says where to look, without the generic pointer to --help.
    const near = didYouMean(id, pages);
    throw new UsageError(
      near
        ? tx(`tuntematon sääntö "${id}"; tarkoititko "${near}"?`, `unknown rule "${id}"; did you mean "${near}"?`)
        : tx(`tuntematon sääntö "${id}"; komento hanke docs luettelee säännöt`, `unknown rule "${id}"; hanke docs lists the rules`),
      true,
    );
  }
  const page = readFileSync(join(dir, `${id}.md`), 'utf8');
  const text = uiLocale === 'fi' ? finnishFirst(page) : page;
  process.stdout.write(process.stdout.isTTY ? text.split('\n').map(forTerminal).join('\n') : text);
  return 0;
}

/**
 * A rule page for a Finnish reader: its `## Suomeksi` section moved up under the title and
 * the severity line, and the English text after it under `## In English` (printed as it is
 * when the page has no Finnish section).
 */
function finnishFirst(page: string): string {
  const lines = page.split('\n');
  const fi = lines.indexOf('## Suomeksi');
  if (fi < 0) return page;
  let end = lines.findIndex((l, k) => k > fi && l.startsWith('## '));
  if (end < 0) end = lines.length;
  // The head: the title, and the severity line when there is one before the Finnish section.
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title < 0 || title > fi) return page;
  const severity = lines.findIndex((l, k) => k > title && l.startsWith('**Severity:**'));
  const head = severity > title && severity < fi ? severity : title;
  const trim = (ls: string[]) => {
    let a = 0;
    let b = ls.length;
    while (a < b && ls[a].trim() === '') a++;
    while (b > a && ls[b - 1].trim() === '') b--;
    return ls.slice(a, b);
  };
  const finnish = trim(lines.slice(fi, end));
  const english = trim(lines.slice(head + 1, fi));
  const rest = lines.slice(end);
  return [...lines.slice(0, head + 1), '', ...finnish, '', ...(english.length ? ['## In English', '', ...english, ''] : []), ...rest].join('\n');
}

async function runLsp(values: Values, positionals: string[]): Promise<number> {
  if (positionals.length) throw new UsageError(tx(`ylimääräinen argumentti "${positionals[0]}"`, `unexpected argument "${positionals[0]}"`));
  const chosen = (['stdio', 'node-ipc', 'socket', 'pipe'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (chosen.length !== 1) {
    throw new UsageError(
      chosen.length === 0
        ? tx('hanke lsp tarvitsee yhteyden: --stdio, --node-ipc, --socket=<portti> tai --pipe=<nimi>', 'hanke lsp needs a transport: --stdio, --node-ipc, --socket=<port> or --pipe=<name>')
        : tx(`valitse yksi yhteys, ei ${chosen.map((c) => `--${c}`).join(' ja ')}`, `choose one transport, not ${chosen.map((c) => `--${c}`).join(' and ')}`),
    );
  }
  const kind = chosen[0];
  const { startServer } = await import('./lsp/main');
  if (kind === 'stdio') {
    startServer();
    return -1;
  }
  if (kind === 'node-ipc') {
    if (typeof process.send !== 'function' || !process.channel) {
      throw new UsageError(tx('--node-ipc: IPC-kanavaa ei ole (palvelin käynnistetään child_process.fork-kutsulla)', '--node-ipc: there is no IPC channel (start the server with child_process.fork)'));
    }
    startServer();
    return -1;
  }
  const { SocketMessageReader, SocketMessageWriter } = await import('vscode-languageserver/node');
  let socket: import('node:net').Socket;
  let where: string;
  if (kind === 'socket') {
    const v = String(values.socket);
    const port = Number(v);
    if (!/^\d+$/.test(v) || port < 1 || port > 65535) throw new UsageError(tx(`--socket ottaa portin numeron 1–65535, ei "${v}"`, `--socket takes a port number 1–65535, not "${v}"`));
    where = `127.0.0.1:${port}`;
    socket = nodeNet().createConnection(port, '127.0.0.1');
  } else {
    where = String(values.pipe);
    socket = nodeNet().createConnection(where);
  }
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const code = e.code ?? e.message;
      reject(new UsageError(tx(`yhteys kohteeseen ${where} ei onnistu (${code})`, `cannot connect to ${where} (${code})`), true));
    });
  });
  // Later socket errors end the server with one line, like the client closing it.
  socket.on('error', (e: NodeJS.ErrnoException) => {
    note(say(`yhteys katkesi (${e.code ?? e.message})`, `connection lost (${e.code ?? e.message})`));
    process.exit(2);
  });
  startServer({ reader: new SocketMessageReader(socket), writer: new SocketMessageWriter(socket) });
  return -1;
}

/** The command's name in a "see its help" pointer. */
let currentCommand: string | undefined;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  // Known before the options are read, so that even an early usage error points to the command's help.
  currentCommand = cmd !== undefined && Object.hasOwn(COMMANDS, cmd) ? cmd : undefined;
  // For the command's entry: a code cache is kept for the commands there are, not for every word typed.
  if (currentCommand !== undefined || ['--version', '-v', 'version', '--help', '-h', 'help'].includes(cmd ?? '')) {
    (globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.known')] = true;
  }
  try {
    uiLocale = envLocale() ?? 'en';
    const flagLocale = localeFlag(argv);
    uiLocale = flagLocale ?? new ConfigLocator().find(process.cwd())?.result.config.locale ?? envLocale() ?? 'en';
    switch (cmd) {
      case '--version':
      case '-v':
      case 'version':
        process.stdout.write(`${pkg.version}\n`);
        return 0;
      case undefined:
        process.stderr.write(mainHelp(pkg.version, uiLocale));
        return 2;
      case '--help':
      case '-h':
      case 'help': {
        const of = cmd === 'help' ? rest.find((a) => !a.startsWith('-')) : undefined;
        if (of !== undefined && !COMMANDS[of]) throw unknownCommand(of);
        process.stdout.write(of ? commandHelp(COMMANDS[of], uiLocale) : mainHelp(pkg.version, uiLocale));
        return 0;
      }
    }
    const spec = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : undefined;
    if (!spec) {
      if (cmd.startsWith('-')) throw new UsageError(tx(`anna ensin komento (esim. hanke lint ${cmd} ...)`, `give a command first (e.g. hanke lint ${cmd} ...)`));
      throw unknownCommand(cmd);
    }
    currentCommand = cmd;
    const { values, positionals } = parseCommand(spec, rest);
    if (values.help) {
      process.stdout.write(commandHelp(spec, uiLocale));
      return 0;
    }
    switch (cmd) {
      case 'lint':
        return await runLint(spec, values, positionals, flagLocale);
      case 'export':
        return await runExport(spec, values, positionals, flagLocale);
      case 'report':
        return await runReport(spec, values, positionals, flagLocale);
      case 'new':
        return runNew(values, positionals);
      case 'docs':
        return runDocs(positionals);
      case 'lsp':
        return await runLsp(values, positionals);
    }
    throw unknownCommand(cmd);
  } catch (e) {
    if (e instanceof UsageError) {
      const hint = e.io ? '' : say(` (ohje: hanke ${currentCommand ?? ''}${currentCommand ? ' ' : ''}--help)`, ` (see: hanke ${currentCommand ?? ''}${currentCommand ? ' ' : ''}--help)`);
      note(`${e.text(uiLocale)}${hint}`);
      return 2;
    }
    throw e;
  }
}

/** stdout closed (EPIPE) or full (ENOSPC): one line, exit 2, never a stack. */
function onStdoutError(e: NodeJS.ErrnoException): void {
  const why = e.code === 'EPIPE' ? say('lukija sulki putken', 'the reader closed the pipe') : e.code === 'ENOSPC' ? say('levy on täynnä', 'no space left on the device') : (e.code ?? e.message);
  try {
    process.stderr.write(`hanke: ${say('vakiotulosteeseen ei voi kirjoittaa', 'cannot write to standard output')}: ${why} (${e.code ?? 'error'})\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(2);
}

/** Started by the command's entry (dist/cli.js, cli-start.ts), which compiles this bundle with a code cache. */
function startedAsCommand(): boolean {
  return typeof (globalThis as { [k: symbol]: unknown })[Symbol.for('hanke.cli.entry')] === 'string';
}

// Testing fault isolation: the named rules throw (in the main thread and in workers).
if (process.env.HANKE_TEST_THROW_IN_RULE) injectRuleFaults(process.env.HANKE_TEST_THROW_IN_RULE.split(','));

if (isLintWorker()) {
  startWorker();
} else if (isAnalysisWorker()) {
  runAnalysisWorker(); // `hanke lsp`: the language server's worker for huge documents (lsp/analysis-worker.ts)
} else if (require.main === module || startedAsCommand()) {
  process.stdout.on('error', onStdoutError);
  process.stderr.on('error', () => process.exit(2));
  main(process.argv.slice(2)).then(
    (code) => {
      if (code < 0) return; // a command that goes on (`hanke lsp`)
      process.exitCode = code;
      // Once everything written has been handed to the system, the process ends at once,
      // without freeing its heap first (a run over thousands of files holds tens of
      // megabytes); output still queued in a stream is left to drain as usual.
      if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
    },
    (e) => {
      process.stderr.write(`hanke: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
