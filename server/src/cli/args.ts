// The command line: each command's options, its usage text in Finnish and English, and
// a parser that knows them, so that `hanke <command> --help` prints that command's
// usage and a mistyped command or flag gets a "did you mean" (exit 2, like any usage
// error). Pure: strings in, values or a UsageError out.
import type { Locale } from '../core/config';
import type { Texts } from '../core/schema';
import { closest } from '../core/util/similarity';

/** A usage or I/O error: one line in the user's language, exit code 2. */
export class UsageError extends Error {
  /** `io`: not a mistake on the command line (no pointer to the usage). */
  constructor(
    readonly texts: Texts,
    readonly io = false,
  ) {
    super(texts.en);
  }
  text(locale: Locale): string {
    return this.texts[locale];
  }
}

export const tx = (fi: string, en: string): Texts => ({ fi, en });

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** A string option that may be given more than once (values collected in order). */
  multiple?: boolean;
  /** Placeholder of the value in the usage text. */
  arg?: string;
  help: Texts;
  /** Another name for an option (listed in the usage under the main name). */
  aliasOf?: string;
  /** Not listed in the usage (kept for compatibility). */
  hidden?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

export interface CommandSpec {
  name: string;
  usage: string;
  summary: Texts;
  options: OptionSpecs;
  /** Paragraphs after the options. */
  notes?: Texts[];
}

export type Values = Record<string, string | boolean | string[] | undefined>;

const COMMON: OptionSpecs = {
  locale: { type: 'string', arg: 'fi|en', help: tx('viestien kieli (oletus: .hankerc.json, sitten LANG)', 'message language (default: from .hankerc.json, then LANG)') },
  help: { type: 'boolean', short: 'h', help: tx('tämä ohje', 'this help') },
};

const RUN: OptionSpecs = {
  config: { type: 'string', arg: '<file>', help: tx('käytä tätä asetustiedostoa .hankerc.json-haun sijaan', 'use this configuration instead of .hankerc.json lookup') },
  rule: { type: 'string', multiple: true, arg: '<id>:<severity|off>', help: tx('säännön vakavuus (toistettavissa; ohittaa asetukset)', "a rule's severity (repeatable; overrides the configuration)") },
  'ignore-pattern': {
    type: 'string',
    multiple: true,
    arg: '<glob>',
    help: tx('jätä kansioista löytyvät vastaavat tiedostot pois (toistettavissa; myös .hankeignore)', 'leave matching files out of folder walks (repeatable; also .hankeignore)'),
  },
  jobs: {
    type: 'string',
    short: 'j',
    arg: '<n>|auto',
    help: tx('säikeet (oletus auto: kaikki ytimet suurille ajoille; 1 = vain yksi säie)', 'threads (default auto: all cores for large runs; 1 = one thread only)'),
  },
  progress: { type: 'boolean', help: tx('edistymispalkki (päätteessä pitkille ajoille; --no-progress: ei palkkia)', 'progress bar (on a terminal for long runs; --no-progress: none)') },
  'stdin-filename': {
    type: 'string',
    arg: '<name>',
    help: tx('vakiosyötteen (-) tiedostonimi tulosteessa ja asetusten haussa', 'the name of standard input (-) in the output and for the configuration lookup'),
  },
};

/** The notes every command that reads descriptions shares: standard input, and an output file inside a linted folder. */
const INPUT_NOTES: Texts[] = [
  tx(
    'Syöte - lukee yhden kuvauksen vakiosyötteestä (ainoana syötteenä); --stdin-filename antaa sille nimen.',
    'The input - reads one description from standard input (as the only input); --stdin-filename names it.',
  ),
  tx(
    'Tulostiedosto, jonka kansion läpikäynti tai hakulauseke löytää ja joka ei ole hankkeen kuvaus (esim. aiempi raportti), ei ole syöte: se jätetään pois, ja sen päälle kirjoitetaan vain valitsimella --force. Kuvauksen tai syötteeksi nimetyn tiedoston päälle ei kirjoiteta koskaan.',
    'An output file that a folder walk or a glob finds and that is not a description (an earlier report, say) is not one of the inputs: it is left out, and replaced only with --force. A description, or a file named as an input, is never written over.',
  ),
];

const WRITE: OptionSpecs = {
  force: {
    type: 'boolean',
    help: tx(
      'korvaa olemassa oleva tiedosto (ei koskaan syötetiedostoa; nimettyyn putkeen tai laitteeseen kuten /dev/null kirjoitetaan ilman sitäkin)',
      'overwrite an existing file (never one of the inputs; a named pipe or a device such as /dev/null is written into without it)',
    ),
  },
};

const DOCS_URL: OptionSpecs = {
  'docs-url': {
    type: 'string',
    arg: '<base>',
    help: tx('sääntöjen ohjesivujen osoite linkkejä varten (<base>/<rule>.md tai {rule} osoitteessa)', 'base address of the rule pages for links (<base>/<rule>.md, or {rule} in it)'),
  },
};

export const COMMANDS: Record<string, CommandSpec> = {
  lint: {
    name: 'lint',
    usage: 'hanke lint [options] <file|dir|glob|->...',
    summary: tx('tarkistaa kuvaukset (kansioista *.txt ja *.hanke)', 'lint descriptions (folders: *.txt, *.hanke)'),
    options: {
      format: { type: 'string', short: 'f', arg: 'stylish|json|sarif', help: tx('tulosteen muoto (oletus: stylish)', 'output format (default: stylish)') },
      'output-file': { type: 'string', short: 'o', arg: '<file>', help: tx('kirjoita tulos tiedostoon (-: vakiotuloste)', 'write the report to a file (-: standard output)') },
      'max-warnings': { type: 'string', arg: '<n>', help: tx('poistumiskoodi 1, jos varoituksia on enemmän kuin n (-1: ei rajaa)', 'exit 1 when there are more than n warnings (-1: no limit)') },
      quiet: { type: 'boolean', short: 'q', help: tx('vain virheet', 'report errors only') },
      fix: { type: 'boolean', help: tx('tee turvalliset korjaukset tiedostoihin ja raportoi loput', 'apply the safe fixes to the files and report what is left') },
      'fix-dry-run': { type: 'boolean', help: tx('näytä korjattu teksti JSON-muodossa (output), kirjoittamatta', 'print the fixed text as JSON ("output"), writing nothing') },
      cache: { type: 'boolean', help: tx('käytä muuttumattomien tiedostojen tuloksia uudelleen (.hankecache)', 'reuse the results of unchanged files (kept in .hankecache)') },
      'cache-location': { type: 'string', arg: '<file>', help: tx('välimuistitiedosto (oletus: .hankecache)', 'the cache file (default: .hankecache)') },
      'cache-strategy': {
        type: 'string',
        arg: 'metadata|content',
        help: tx('muuttumaton = sama koko ja aika (oletus) tai sama sisältö', 'unchanged = same size and time (default), or same contents'),
      },
      color: { type: 'boolean', help: tx('värit (oletus: vain päätteessä; --no-color tai NO_COLOR=1: ei värejä)', 'colours (default: on a terminal only; --no-color or NO_COLOR=1: none)') },
      ...DOCS_URL,
      ...RUN,
      ...WRITE,
      ...COMMON,
    },
    notes: [
      tx(
        'Poistumiskoodit: 0 ei virheitä, 1 virheitä (tai liikaa varoituksia), 2 käyttövirhe tai lukukelvoton syöte.',
        'Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable input.',
      ),
      tx(
        'Argumentti, josta ei löydy yhtään tarkistettavaa tiedostoa (hakulauseke ilman osumia tai kansio ilman *.txt- ja *.hanke-tiedostoja), ilmoitetaan kerran lukukelvottomana (unreadable, poistumiskoodi 2).',
        'An argument that yields no file to lint (a glob that matches nothing, a folder without *.txt and *.hanke files) is reported once as unreadable (exit code 2).',
      ),
      ...INPUT_NOTES,
    ],
  },
  export: {
    name: 'export',
    usage: 'hanke export [options] <file|dir|glob|->...',
    summary: tx('kuvausten keskeiset tiedot CSV- tai JSON-muodossa', "the descriptions' key values as CSV or JSON"),
    options: {
      format: { type: 'string', short: 'f', arg: 'csv|json', help: tx('muoto (oletus: csv)', 'output format (default: csv)') },
      out: { type: 'string', short: 'o', arg: '<file>', help: tx('kirjoita tiedostoon vakiotulosteen sijaan (-: vakiotuloste)', 'write to a file instead of stdout (-: standard output)') },
      'output-file': { type: 'string', aliasOf: 'out', help: tx('sama kuin --out', 'same as --out') },
      delimiter: { type: 'string', short: 'd', arg: '<c>', help: tx('CSV-kenttien erotin: , (oletus) ; | tai tab', 'CSV field separator: , (default) ; | or tab') },
      decimal: { type: 'string', arg: '. | ,', help: tx('CSV:n desimaalierotin (oletus: , kun --delimiter ";", muuten .)', "CSV decimal separator (default: , with --delimiter ';', else .)") },
      bom: { type: 'boolean', help: tx('CSV alkaa UTF-8-tavujärjestysmerkillä (Excel)', 'start the CSV with a UTF-8 byte order mark (Excel)') },
      ...RUN,
      ...WRITE,
      ...COMMON,
    },
    notes: [
      tx(
        'CSV:n sarakkeiden nimet ovat englanninkieliset ja totuusarvot true/false; --locale fi antaa suomenkieliset otsikot ja Kyllä/Ei (Exceliin). JSON-avaimet ovat aina englanninkieliset.',
        'CSV column keys are English and booleans true/false; --locale fi gives Finnish headers and Kyllä/Ei (for Excel). JSON keys are always English.',
      ),
      tx('Poistumiskoodi: 0, tai 2 käyttövirheestä tai lukukelvottomasta syötteestä.', 'Exit code: 0, or 2 for a usage error or unreadable input.'),
      ...INPUT_NOTES,
    ],
  },
  report: {
    name: 'report',
    usage: 'hanke report [options] <file|dir|glob|->...',
    summary: tx('yksi itsenäinen HTML-sivu tarkastajalle', 'one self-contained HTML page for a reviewer'),
    options: {
      out: {
        type: 'string',
        short: 'o',
        arg: '<file>',
        help: tx('kirjoitettava HTML-tiedosto (oletus: hanke-report.html; -: vakiotuloste)', 'the HTML file to write (default: hanke-report.html; -: standard output)'),
      },
      'output-file': { type: 'string', aliasOf: 'out', help: tx('sama kuin --out', 'same as --out') },
      title: { type: 'string', arg: '<text>', help: tx('sivun otsikko', "the page's title") },
      ...DOCS_URL,
      ...RUN,
      ...WRITE,
      ...COMMON,
    },
    notes: [tx('Poistumiskoodi: 0, tai 2 käyttövirheestä tai lukukelvottomasta syötteestä.', 'Exit code: 0, or 2 for a usage error or unreadable input.'), ...INPUT_NOTES],
  },
  new: {
    name: 'new',
    usage: 'hanke new [--output <file>]',
    summary: tx('tulostaa uuden, tyhjän kuvauspohjan', 'print a new, empty description skeleton'),
    options: {
      output: {
        type: 'string',
        short: 'o',
        arg: '<file>',
        help: tx('kirjoita tiedostoon (ei korvaa olemassa olevaa ilman --force; -: vakiotuloste)', 'write to a file (an existing one only with --force; -: standard output)'),
      },
      out: { type: 'string', aliasOf: 'output', help: tx('sama kuin --output', 'same as --output') },
      // `new` reads no inputs: its --force only replaces an existing file.
      force: { type: 'boolean', help: tx('korvaa olemassa oleva tiedosto', 'overwrite an existing file') },
      ...COMMON,
    },
  },
  docs: {
    name: 'docs',
    usage: 'hanke docs [<rule>]',
    summary: tx('näyttää säännön ohjesivun, suomenkielinen osio ensin (toimii ilman verkkoyhteyttä)', "print a rule's documentation page (works offline; with --locale fi its Finnish section first)"),
    options: { ...COMMON },
  },
  lsp: {
    name: 'lsp',
    usage: 'hanke lsp --stdio | --node-ipc | --socket=<port> | --pipe=<name>',
    summary: tx('käynnistää kielipalvelimen', 'start the language server'),
    options: {
      stdio: { type: 'boolean', help: tx('vakiosyöte ja -tuloste', 'standard input and output') },
      'node-ipc': { type: 'boolean', help: tx('Noden IPC-kanava (child_process.fork)', "Node's IPC channel (child_process.fork)") },
      socket: { type: 'string', arg: '<port>', help: tx('yhdistä asiakkaan TCP-porttiin (127.0.0.1)', "connect to the client's TCP port (127.0.0.1)") },
      pipe: { type: 'string', arg: '<name>', help: tx('yhdistä asiakkaan nimettyyn putkeen tai socket-tiedostoon', "connect to the client's named pipe or socket file") },
      clientProcessId: { type: 'string', arg: '<pid>', hidden: true, help: tx('asiakkaan prosessi', "the client's process") },
      ...COMMON,
    },
  },
};

/** Every option name (with `--`) of every command, for "did you mean" across commands. */
function optionNames(specs: OptionSpecs): string[] {
  const names: string[] = [];
  for (const [name, o] of Object.entries(specs)) {
    names.push(`--${name}`);
    if (o.type === 'boolean' && name !== 'help') names.push(`--no-${name}`);
  }
  return names;
}

/** The closest of `candidates` to `input`, if it is a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  return closest(input, candidates, (c) => c, Math.max(2, Math.floor(input.length / 4)))?.item;
}

/**
 * Parses a command's arguments. `--name value`, `--name=value`, `-o value`, `-ovalue`,
 * `--no-<flag>`; `--` ends the options; `-` alone is an input (standard input).
 */
export function parseCommand(cmd: CommandSpec, argv: readonly string[]): { values: Values; positionals: string[] } {
  const specs = cmd.options;
  const values: Values = {};
  const positionals: string[] = [];
  const byShort = new Map<string, string>();
  for (const [name, o] of Object.entries(specs)) if (o.short) byShort.set(o.short, name);
  const set = (name: string, v: string | boolean) => {
    const spec = specs[name];
    const key = spec.aliasOf ?? name;
    if (spec.multiple && typeof v === 'string') values[key] = [...((values[key] as string[] | undefined) ?? []), v];
    else values[key] = v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
    } else {
      const long = byShort.get(a[1]);
      if (!long) throw unknownOption(cmd, a);
      name = long;
      if (a.length > 2) inline = a.slice(2);
    }
    const spec = specs[name];
    if (!spec && name.startsWith('no-') && specs[name.slice(3)]?.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(tx(`--${name} ei ota arvoa`, `--${name} takes no value`));
      set(name.slice(3), false);
      continue;
    }
    if (!spec) throw unknownOption(cmd, a.startsWith('--') ? `--${name}` : a);
    if (spec.type === 'boolean') {
      if (inline !== undefined) {
        if (!a.startsWith('--')) throw new UsageError(tx(`${a.slice(0, 2)} ei ota arvoa`, `${a.slice(0, 2)} takes no value`));
        throw new UsageError(tx(`--${name} ei ota arvoa`, `--${name} takes no value`));
      }
      set(name, true);
      continue;
    }
    let v = inline;
    if (v === undefined) {
      const next = argv[i + 1];
      // A negative number is a value (`--max-warnings -1`), never a flag.
      if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d+$/.test(next) && name !== 'delimiter' && name !== 'decimal')) {
        throw new UsageError(tx(`--${name} tarvitsee arvon${spec.arg ? ` (${localUsage(spec.arg, 'fi')})` : ''}`, `--${name} needs a value${spec.arg ? ` (${spec.arg})` : ''}`));
      }
      v = next;
      i++;
    }
    set(name, v);
  }
  return { values, positionals };
}

function unknownOption(cmd: CommandSpec, flag: string): UsageError {
  const own = optionNames(cmd.options);
  const near = didYouMean(flag, own);
  if (near) return new UsageError(tx(`tuntematon valitsin ${flag}; tarkoititko ${near}?`, `unknown option ${flag}; did you mean ${near}?`));
  const elsewhere = Object.values(COMMANDS).find((c) => c !== cmd && optionNames(c.options).includes(flag));
  if (elsewhere) return new UsageError(tx(`tuntematon valitsin ${flag}: se on komennon "hanke ${elsewhere.name}" valitsin`, `unknown option ${flag}: it is an option of "hanke ${elsewhere.name}"`));
  return new UsageError(tx(`tuntematon valitsin ${flag}`, `unknown option ${flag}`));
}

export function unknownCommand(cmd: string): UsageError {
  const near = didYouMean(cmd, [...Object.keys(COMMANDS), 'help', 'version']);
  return new UsageError(
    near ? tx(`tuntematon komento "${cmd}"; tarkoititko "${near}"?`, `unknown command "${cmd}"; did you mean "${near}"?`) : tx(`tuntematon komento "${cmd}"`, `unknown command "${cmd}"`),
  );
}

/** Placeholders of the usage texts in Finnish. */
const PLACEHOLDERS_FI: Record<string, string> = {
  '[options]': '[valitsimet]',
  '<file|dir|glob|->': '<tiedosto|kansio|hakulauseke|->',
  '<file|dir|glob>': '<tiedosto|kansio|hakulauseke>',
  '<file>': '<tiedosto>',
  '<glob>': '<hakulauseke>',
  '<id>:<severity|off>': '<sääntö>:<vakavuus|off>',
  '<base>': '<osoite>',
  '<name>': '<nimi>',
  '<text>': '<teksti>',
  '<rule>': '<sääntö>',
  '<port>': '<portti>',
  '<command>': '<komento>',
  '<n>|auto': '<n>|auto',
};

/** A usage fragment in the locale's words. */
function localUsage(s: string, locale: Locale): string {
  if (locale !== 'fi') return s;
  return s.replace(/\[options\]|<[^>]+>(?::<[^>]+>)?/g, (m) => PLACEHOLDERS_FI[m] ?? m);
}

function optionLines(specs: OptionSpecs, locale: Locale): string[] {
  const rows: [string, string][] = [];
  for (const [name, o] of Object.entries(specs)) {
    if (o.hidden || o.aliasOf) continue;
    const aliases = Object.entries(specs)
      .filter(([, x]) => x.aliasOf === name)
      .map(([n]) => `--${n}`);
    const names = [`--${name}`, ...aliases, ...(o.short ? [`-${o.short}`] : [])].join(', ');
    rows.push([o.arg ? `${names} ${localUsage(o.arg, locale)}` : names, o.help[locale]]);
  }
  const w = Math.min(34, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows.map(([l, r]) => (l.length + 2 > w ? `  ${l}\n  ${' '.repeat(w)}${r}` : `  ${l.padEnd(w)}${r}`));
}

/** The usage of one command. */
export function commandHelp(cmd: CommandSpec, locale: Locale): string {
  const fi = locale === 'fi';
  const lines = [`${fi ? 'Käyttö' : 'Usage'}: ${localUsage(cmd.usage, locale)}`, '', cmd.summary[locale], '', fi ? 'Valitsimet:' : 'Options:', ...optionLines(cmd.options, locale)];
  for (const n of cmd.notes ?? []) lines.push('', n[locale]);
  lines.push('', fi ? 'Sääntöjen ohjeet: hanke docs <sääntö>' : 'Rule pages: hanke docs <rule>');
  return lines.join('\n') + '\n';
}

/** The top-level usage. */
export function mainHelp(version: string, locale: Locale): string {
  const fi = locale === 'fi';
  const cmds = Object.values(COMMANDS).map((c) => {
    const usage = localUsage(c.usage, locale);
    return usage.length < 46 ? `  ${usage.padEnd(46)}${c.summary[locale]}` : `  ${usage}\n  ${' '.repeat(46)}${c.summary[locale]}`;
  });
  return [
    `hanke ${version} — ${fi ? 'ESR-hankekuvausten tarkistin' : 'linter for ESR project descriptions'}`,
    '',
    `${fi ? 'Käyttö' : 'Usage'}:`,
    ...cmds,
    `  ${'hanke --help | --version'.padEnd(46)}${fi ? 'tämä ohje | versio' : 'this help | the version'}`,
    '',
    fi ? 'Komennon valitsimet: hanke <komento> --help' : "A command's options: hanke <command> --help",
    fi ? 'Sääntöjen ohjeet: hanke docs <sääntö>' : 'Rule pages: hanke docs <rule>',
    '',
  ].join('\n');
}
