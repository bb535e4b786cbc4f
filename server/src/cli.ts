// The `hanke` command: `hanke lint`, `hanke export` and `hanke report` for reviewers,
// `hanke lsp --stdio` for editors. A thin adapter over the same core as the language
// server (SPEC.md §3). The same bundle also runs as the lint worker thread.
import { parseArgs } from 'node:util';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { type HankeConfig, type Locale, localeFrom, mergeConfigs, parseConfig, pick } from './core/config';
import { ConfigLocator } from './node/files';
import { readConfigFileSync } from './node/config-file';
import { expandInputs } from './cli/inputs';
import type { FileResult, Outcome, SkipReason } from './cli/lint-files';
import { addToTotals, emptyTotals, StylishFormatter, type Totals } from './cli/format-stylish';
import { JsonFormatter } from './cli/format-json';
import { SarifFormatter } from './cli/format-sarif';
import { autoWorkers, canUseWorkers, isLintWorker, type PlannedTask, runTasks, startWorker } from './cli/pool';
import { Output, Progress } from './cli/output';
import { CsvWriter, JsonExportWriter } from './cli/export';
import { renderReport, type ReportEntry } from './cli/report-html';
import { descriptionTemplate } from './core/template';
import { injectRuleFaults } from './core/lint';
import pkg from '../../package.json';

const HELP = `hanke ${pkg.version} — ESR-hankekuvausten tarkistin / linter for ESR project descriptions

Usage:
  hanke lint [options] <file|dir|glob>...     lint descriptions (folders: *.txt, *.hanke)
  hanke export [options] <file|dir|glob>...   the descriptions' key values as CSV or JSON
  hanke report [options] <file|dir|glob>...   one self-contained HTML page for a reviewer
  hanke new [--output <file>]                 print a new, empty description skeleton
  hanke lsp --stdio                           start the language server (also --node-ipc, --socket=<port>)
  hanke --help | --version

Common options:
  --locale fi|en                message language (default: from .hankerc.json, then LANG)
  --config <file>               use this configuration instead of .hankerc.json lookup
  --jobs <n>|auto               worker threads (default auto: all cores for large runs; 1 = none)
  --no-progress                 no progress bar (shown on a terminal for long runs)

Lint options:
  --format stylish|json|sarif   output format (default: stylish)
  --max-warnings <n>            exit 1 when there are more than n warnings
  --quiet                       report errors only
  --no-color                    no colours (also NO_COLOR=1); colours only on a terminal

Export options:
  --format csv|json             output format (default: csv)
  --out, -o <file>              write to a file instead of stdout
  --delimiter <c>               CSV field separator: , (default) ; or tab
  --decimal . | ,               CSV decimal separator (default: , with --delimiter ';', else .)
  --bom                         start the CSV with a UTF-8 byte order mark (Excel)

Report options:
  --out, -o <file>              the HTML file to write (default: hanke-report.html)
  --title <text>                the page's title

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable input.
(export and report: 0, or 2 for a usage error or unreadable input.)
Rules: https://github.com/hanke-tools/hanke/tree/main/docs/rules
`;

class UsageError extends Error {}

function detectLocale(flag: string | undefined, config: HankeConfig | undefined, locator: ConfigLocator): Locale {
  if (flag !== undefined) {
    if (flag !== 'fi' && flag !== 'en') throw new UsageError(`--locale must be fi or en, not "${flag}"`);
    return flag;
  }
  return (
    config?.locale ??
    locator.find(process.cwd())?.result.config.locale ??
    localeFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ??
    'en'
  );
}

function loadConfigFile(path: string): HankeConfig {
  // Only a regular file of at most 1 MiB: --config /dev/zero or a FIFO is an error, not a hang.
  const read = readConfigFileSync(path);
  if (!read.ok) throw new UsageError(`cannot read --config ${path}: ${read.reason}`);
  const { config, errors } = parseConfig(read.text, path);
  if (errors.length) throw new UsageError(errors.map((e) => pick(e.message, 'en')).join('\n'));
  return config;
}

const COMMON_OPTIONS = {
  locale: { type: 'string' },
  config: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const;

interface Common {
  locale?: string;
  config?: string;
  jobs?: string;
  progress?: boolean;
  'no-progress'?: boolean;
}

interface Plan {
  tasks: PlannedTask[];
  configs: HankeConfig[];
  locale: Locale;
  workers: number;
  progress: boolean;
}

/** Expands the inputs and resolves each file's configuration before any output is written. */
function plan(values: Common, positionals: string[], command: string): Plan {
  if (positionals.length === 0) throw new UsageError(`no files given: hanke ${command} <file|dir|glob>...`);
  const explicit = values.config ? mergeConfigs(loadConfigFile(values.config)) : undefined;
  const locator = new ConfigLocator();
  const locale = detectLocale(values.locale, explicit, locator);
  const configs: HankeConfig[] = [explicit ?? mergeConfigs()];
  const index = new Map<string, number>();
  const tasks: PlannedTask[] = [];
  for (const t of expandInputs(positionals)) {
    let config = 0;
    if (!explicit) {
      const found = locator.find(dirname(t.file));
      if (found) {
        // A broken .hankerc.json is reported once, clearly, and stops the run before any output.
        if (found.result.errors.length) throw new UsageError(found.result.errors.map((e) => pick(e.message, locale)).join('\n'));
        let i = index.get(found.path);
        if (i === undefined) {
          i = configs.push(mergeConfigs(found.result.config)) - 1;
          index.set(found.path, i);
        }
        config = i;
      }
    }
    tasks.push({ file: t.file, fromWalk: t.fromWalk, unreadable: t.unreadable, config });
  }
  let workers: number;
  const jobs = values.jobs ?? process.env.HANKE_JOBS ?? 'auto';
  if (jobs === 'auto') workers = autoWorkers(tasks.length);
  else {
    const n = Number(jobs);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs takes a whole number 1–64 or "auto"');
    workers = n === 1 ? 0 : n;
  }
  if (!canUseWorkers()) workers = 0;
  const progress = values['no-progress'] ? false : values.progress ?? true;
  return { tasks, configs, locale, workers, progress };
}

/** Runs the plan; `each` sees every outcome in order. Reports internal errors on stderr. */
async function execute(p: Plan, summary: boolean, label: string, each: (o: Outcome) => Promise<void> | void, out?: Output): Promise<void> {
  const progress = Progress.create(p.tasks.length, p.progress, label);
  if (out && progress) {
    // When both streams are the same terminal, the bar steps aside for the output.
    out.beforeWrite = () => progress.clear();
  }
  try {
    for await (const o of runTasks(p.tasks, { locale: p.locale, summary, configs: p.configs, workers: p.workers })) {
      if (o.kind === 'result' && o.result.meta.internalError) {
        progress?.clear();
        process.stderr.write(`hanke: internal error while linting ${o.result.file}:\n${o.result.meta.internalError}\n`);
      }
      await each(o);
      progress?.tick();
    }
  } finally {
    progress?.clear();
  }
}

function useColor(values: { color?: boolean; 'no-color'?: boolean }): boolean {
  if (values['no-color']) return false;
  if (values.color !== undefined) return values.color;
  return !!process.stdout.isTTY && !process.env.NO_COLOR;
}

async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      format: { type: 'string', short: 'f', default: 'stylish' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  } as const);
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}" (stylish, json, sarif)`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  const p = plan(values, positionals, 'lint');
  const out = new Output(process.stdout);
  const stylish = format === 'stylish' ? new StylishFormatter(out, { color: useColor(values), locale: p.locale }) : undefined;
  const json = format === 'json' ? new JsonFormatter(out) : undefined;
  const sarif = format === 'sarif' ? new SarifFormatter(out, p.locale) : undefined;
  const totals: Totals = emptyTotals();
  let unreadable = false;

  await execute(
    p,
    false,
    'files',
    async (o) => {
      if (o.kind === 'skipped') {
        totals.skipped++;
        stylish?.skip(o.file, o.reason);
        sarif?.skip(o.file, o.reason);
        return;
      }
      const r: FileResult = o.result;
      if (values.quiet) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
      if (r.meta.unreadable || r.meta.internalError) unreadable = true;
      addToTotals(totals, r);
      stylish?.file(r);
      json?.file(r);
      sarif?.file(r);
      await out.maybeFlush();
    },
    out,
  );
  stylish?.end(totals);
  json?.end();
  sarif?.end();
  await out.flush();

  if (unreadable) return 2;
  if (totals.errors > 0) return 1;
  if (maxWarnings >= 0 && totals.warnings > maxWarnings) {
    process.stderr.write(
      p.locale === 'fi'
        ? `hanke: liikaa varoituksia (${totals.warnings}, enintään ${maxWarnings} sallittu)\n`
        : `hanke: too many warnings (${totals.warnings}, at most ${maxWarnings} allowed)\n`,
    );
    return 1;
  }
  return 0;
}

/** Stdout, or a file written through a stream (its errors are usage errors). */
async function openOut(path: string | undefined): Promise<{ out: Output; close: () => Promise<void> }> {
  if (!path) return { out: new Output(process.stdout), close: async () => {} };
  const stream = createWriteStream(path);
  await Promise.race([
    once(stream, 'open'),
    once(stream, 'error').then(([e]) => {
      throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
    }),
  ]);
  return {
    out: new Output(stream),
    close: async () => {
      stream.end();
      await once(stream, 'finish');
    },
  };
}

function noteSkipsAndFailures(locale: Locale, file: string, what: SkipReason | 'failed', message?: string): void {
  const fi = locale === 'fi';
  const why: Record<SkipReason | 'failed', string> = fi
    ? { binary: 'binääritiedosto', empty: 'tyhjä', 'not-a-description': 'ei hankkeen kuvaus', failed: message ?? '' }
    : { binary: 'binary', empty: 'empty', 'not-a-description': 'not a description', failed: message ?? '' };
  process.stderr.write(`hanke: ${fi ? 'ohitettu' : 'skipped'} ${file}: ${why[what]}\n`);
}

async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      format: { type: 'string', short: 'f', default: 'csv' },
      out: { type: 'string', short: 'o' },
      delimiter: { type: 'string', short: 'd' },
      decimal: { type: 'string' },
      bom: { type: 'boolean', default: false },
    },
  } as const);
  const format = values.format!;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`unknown --format "${format}" (csv, json)`);
  let delimiter = values.delimiter ?? ',';
  if (delimiter === '\\t' || delimiter.toLowerCase() === 'tab') delimiter = '\t';
  if (![',', ';', '\t', '|'].includes(delimiter)) throw new UsageError('--delimiter is one of , ; | or tab');
  const decimal = (values.decimal ?? (delimiter === ';' ? ',' : '.')) as '.' | ',';
  if (decimal !== '.' && decimal !== ',') throw new UsageError('--decimal is . or ,');
  if (decimal === delimiter) throw new UsageError('--decimal and --delimiter must differ');
  if (format === 'json' && (values.bom || values.delimiter || values.decimal)) throw new UsageError('--bom, --delimiter and --decimal are for --format csv');
  const p = plan(values, positionals, 'export');
  const { out, close } = await openOut(values.out);
  const writer = format === 'csv' ? new CsvWriter(out, { delimiter, decimal, bom: values.bom! }) : new JsonExportWriter(out);
  let unreadable = false;
  await execute(
    p,
    true,
    'files',
    async (o) => {
      if (o.kind === 'skipped') return noteSkipsAndFailures(p.locale, o.file, o.reason);
      if (!o.summary) {
        if (o.result.meta.unreadable || o.result.meta.internalError) unreadable = true;
        return noteSkipsAndFailures(p.locale, o.result.file, 'failed', o.result.diagnostics[0]?.message ?? '');
      }
      writer.add({ file: o.result.file, summary: o.summary });
      await out.maybeFlush();
    },
    values.out ? undefined : out,
  );
  writer.end();
  await out.flush();
  await close();
  return unreadable ? 2 : 0;
}

async function runReport(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      out: { type: 'string', short: 'o', default: 'hanke-report.html' },
      title: { type: 'string' },
    },
  } as const);
  const p = plan(values, positionals, 'report');
  const entries: ReportEntry[] = [];
  const skipped: { file: string; reason: SkipReason }[] = [];
  let unreadable = false;
  await execute(p, true, 'files', (o) => {
    if (o.kind === 'skipped') skipped.push({ file: o.file, reason: o.reason });
    else {
      if (o.result.meta.unreadable || o.result.meta.internalError) unreadable = true;
      entries.push({ file: o.result.file, diagnostics: o.result.diagnostics, summary: o.summary });
    }
  });
  const html = renderReport({ entries, skipped, locale: p.locale, title: values.title, generated: new Date(), version: pkg.version });
  try {
    writeFileSync(values.out!, html);
  } catch (e) {
    throw new UsageError(`cannot write ${values.out}: ${(e as Error).message}`);
  }
  const described = entries.filter((e) => e.summary).length;
  process.stderr.write(
    p.locale === 'fi' ? `hanke: raportti ${values.out} (${described} kuvausta)\n` : `hanke: wrote ${values.out} (${described} description${described === 1 ? '' : 's'})\n`,
  );
  return unreadable ? 2 : 0;
}

async function runNew(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { output: { type: 'string', short: 'o' } } });
  const text = descriptionTemplate();
  if (values.output) {
    const { existsSync } = await import('node:fs');
    if (existsSync(values.output)) throw new UsageError(`${values.output} exists; not overwriting`);
    writeFileSync(values.output, text);
  } else process.stdout.write(text);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'lint':
        return await runLint(rest);
      case 'export':
        return await runExport(rest);
      case 'report':
        return await runReport(rest);
      case 'new':
        return await runNew(rest);
      case 'lsp': {
        if (!rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
          throw new UsageError('hanke lsp needs a transport: --stdio, --node-ipc or --socket=<port>');
        }
        const { startServer } = await import('./server-main');
        startServer();
        return -1; // keeps running
      }
      case '--version':
      case '-v':
      case 'version':
        process.stdout.write(`${pkg.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        (cmd === undefined ? process.stderr : process.stdout).write(HELP);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`hanke: ${(e as Error).message}\nRun "hanke --help" for usage.\n`);
      return 2;
    }
    throw e;
  }
}

// Testing fault isolation: the named rules throw (in the main thread and in workers).
if (process.env.HANKE_TEST_THROW_IN_RULE) injectRuleFaults(process.env.HANKE_TEST_THROW_IN_RULE.split(','));

if (isLintWorker()) {
  startWorker();
} else if (require.main === module) {
  // A closed pipe (`hanke lint … | head`) ends the run quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`hanke: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
