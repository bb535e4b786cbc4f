// The `hanke` command: `hanke lint` for reviewers, `hanke lsp --stdio` for editors.
// A thin adapter over the same core as the language server (SPEC.md §3).
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type HankeConfig, type Locale, localeFrom, mergeConfigs, parseConfig, pick } from './core/config';
import { ConfigLocator } from './node/files';
import { expandInputs } from './cli/inputs';
import { type FileResult, lintFile } from './cli/lint-files';
import { formatStylish } from './cli/format-stylish';
import { descriptionTemplate } from './core/template';
import pkg from '../../package.json';

const HELP = `hanke ${pkg.version} — ESR-hankekuvausten tarkistin / linter for ESR project descriptions

Usage:
  hanke lint [options] <file|dir|glob>...   lint descriptions (*.txt, *.hanke in directories)
  hanke new [--output <file>]                 print a new, empty description skeleton
  hanke lsp --stdio                           start the language server (also --node-ipc, --socket=<port>)
  hanke --help | --version

Lint options:
  --format stylish|json|sarif   output format (default: stylish)
  --locale fi|en                message language (default: from .hankerc.json, then LANG)
  --config <file>               use this configuration instead of .hankerc.json lookup
  --max-warnings <n>            exit 1 when there are more than n warnings
  --quiet                       report errors only
  --no-color                    no colours (also NO_COLOR=1); colours only on a terminal

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable input.
Rules: https://github.com/hanke-tools/hanke/tree/main/docs/rules
`;

class UsageError extends Error {}

function detectLocale(flag: string | undefined, config: HankeConfig | undefined): Locale {
  if (flag !== undefined) {
    const l = localeFrom(flag);
    if (flag !== 'fi' && flag !== 'en') throw new UsageError(`--locale must be fi or en, not "${flag}"`);
    return l!;
  }
  return config?.locale ?? localeFrom(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ?? 'en';
}

function loadConfigFile(path: string): HankeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --config ${path}: ${(e as Error).message}`);
  }
  const { config, errors } = parseConfig(text, path);
  if (errors.length) throw new UsageError(errors.map((e) => pick(e.message, 'en')).join('\n'));
  return config;
}

async function runLint(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'stylish' },
      locale: { type: 'string' },
      config: { type: 'string' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    },
  });
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}" (stylish, json, sarif)`);
  if (positionals.length === 0) throw new UsageError('no files given: hanke lint <file|dir|glob>...');
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  const explicit = values.config ? loadConfigFile(values.config) : undefined;
  const locale = detectLocale(values.locale, explicit);
  const locator = new ConfigLocator();

  // Broken .hankerc.json files found on the way are reported once, clearly, and stop the run.
  const results: FileResult[] = [];
  const skipped: string[] = [];
  for (const input of expandInputs(positionals)) {
    if (!explicit) {
      const found = locator.find(dirname(input.file));
      if (found?.result.errors.length) throw new UsageError(found.result.errors.map((e) => pick(e.message, locale)).join('\n'));
    }
    const r = lintFile(input.file, { locale, config: explicit ? mergeConfigs(explicit) : undefined, locator, fromWalk: input.fromWalk });
    if (!r) {
      skipped.push(input.file);
      continue;
    }
    if (values.quiet) r.diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
    results.push(r);
  }

  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const unreadable = results.some((r) => r.meta.unreadable);

  if (format === 'json') {
    process.stdout.write(JSON.stringify(results.map((r) => ({ file: r.file, diagnostics: r.diagnostics }))) + '\n');
  } else if (format === 'sarif') {
    const { formatSarif } = await import('./cli/format-sarif');
    process.stdout.write(JSON.stringify(formatSarif(results, locale), null, 2) + '\n');
  } else {
    const color = values['no-color'] ? false : values.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR);
    process.stdout.write(formatStylish(results, { color, locale, skipped }));
  }
  if (unreadable) return 2;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) return 1;
  return 0;
}

async function runNew(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { output: { type: 'string', short: 'o' } } });
  const text = descriptionTemplate();
  if (values.output) {
    const { writeFileSync, existsSync } = await import('node:fs');
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
        process.stdout.write(HELP);
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

if (require.main === module) {
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
