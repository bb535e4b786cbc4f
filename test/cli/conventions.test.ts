// The CLI conventions of version 2 (SPEC.md §3 "Additions"): --fix and --fix-dry-run,
// standard input, --rule, --ignore-pattern and .hankeignore, per-command --help,
// "did you mean", one rule for inputs that yield no file, `hanke docs`, --docs-url,
// and Finnish throughout with --locale fi.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, example, hanke, REPO, removeDir, tempDir, toCp1252 } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('hanke-conv-');
});
afterAll(() => removeDir(tmp));

let n = 0;
function dir(): string {
  const d = join(tmp, `c${n++}`);
  mkdirSync(d);
  return d;
}

type Entry = { file: string; diagnostics: { rule: string; severity: string; line: number }[]; output?: string };
const json = (stdout: string) => JSON.parse(stdout) as Entry[];

/** Example 000 (Y-tunnus 2296962-1) with the Y-tunnus written as the VAT number. */
const original = () => readFileSync(example(0), 'utf8');
const withVat = (t: string) => t.replace('Y-tunnus: 2296962-1', 'Y-tunnus: FI22969621');
const crlfBom = (t: string) => '\uFEFF' + t.replace(/\n/g, '\r\n');

describe('--fix', () => {
  it('rewrites FI22969621 to 2296962-1 and leaves every other byte as it was (LF; CRLF with a BOM)', () => {
    const d = dir();
    expect(original()).toContain('Y-tunnus: 2296962-1');
    const lf = join(d, 'lf.txt');
    const crlf = join(d, 'crlf.txt');
    writeFileSync(lf, withVat(original()));
    writeFileSync(crlf, crlfBom(withVat(original())));
    chmodSync(crlf, 0o640);
    // Two copies of one description share its code: the check across files is not the point here.
    const before = hanke(['lint', '--format', 'json', '--rule', 'duplicate-project-code:off', lf, crlf]);
    expect(before.status).toBe(1);
    expect(json(before.stdout).map((e) => e.diagnostics.map((x) => x.rule))).toEqual([['invalid-y-tunnus'], ['invalid-y-tunnus']]);
    const r = hanke(['lint', '--fix', '--format', 'json', '--rule', 'duplicate-project-code:off', lf, crlf]);
    expect(r.status).toBe(0);
    expect(json(r.stdout)).toEqual([
      { file: lf, diagnostics: [] },
      { file: crlf, diagnostics: [] },
    ]);
    expect(r.stderr).toBe('hanke: fixed 2 files\n');
    expect(readFileSync(lf)).toEqual(Buffer.from(original(), 'utf8'));
    expect(readFileSync(crlf)).toEqual(Buffer.from(crlfBom(original()), 'utf8'));
    expect(statSync(crlf).mode & 0o777).toBe(0o640);
    expect(readdirSync(d).sort()).toEqual(['crlf.txt', 'lf.txt']);
    // Nothing left to fix: a second run changes nothing.
    const again = hanke(['lint', '--fix', lf, crlf]);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(readFileSync(lf)).toEqual(Buffer.from(original(), 'utf8'));
  });

  it('a Windows-1252 file is fixed and written back in Windows-1252; a file with stray bytes is left alone', () => {
    const d = dir();
    const cp = join(d, 'cp.txt');
    writeFileSync(cp, toCp1252(withVat(original())));
    const r = hanke(['lint', '--fix', '--format', 'json', cp]);
    expect(json(r.stdout)[0].diagnostics.map((x) => x.rule)).toEqual(['encoding']);
    expect(readFileSync(cp)).toEqual(toCp1252(original()));

    const stray = join(d, 'stray.txt');
    const bytes = Buffer.from(withVat(original()), 'utf8');
    const at = bytes.indexOf('Jakeluosoite: ') + 14;
    const content = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe4]), bytes.subarray(at)]);
    writeFileSync(stray, content);
    const s = hanke(['lint', '--fix', '--format', 'json', stray]);
    expect(s.status).toBe(1);
    expect(s.stderr).toMatch(/^hanke: .*stray\.txt: not fixed: the file has bytes that cannot be written back unchanged/);
    expect(
      json(s.stdout)[0]
        .diagnostics.map((x) => x.rule)
        .sort(),
    ).toEqual(['encoding', 'invalid-y-tunnus']);
    expect(readFileSync(stray)).toEqual(content);
  });

  it('--fix-dry-run prints the fixed text as "output" and writes nothing', () => {
    const d = dir();
    const f = join(d, 'a.txt');
    const g = join(d, 'b.txt');
    writeFileSync(f, crlfBom(withVat(original())));
    copyFileSync(example(1), g);
    const r = hanke(['lint', '--fix-dry-run', f, g]);
    expect(r.status).toBe(0);
    const out = json(r.stdout);
    expect(out[0]).toEqual({ file: f, diagnostics: [], output: original().replace(/\n/g, '\r\n') });
    expect(out[1]).toEqual({ file: g, diagnostics: [] });
    expect(readFileSync(f, 'utf8')).toBe(crlfBom(withVat(original())));
    expect(hanke(['lint', '--fix-dry-run', '--format', 'stylish', f]).status).toBe(2);
    expect(hanke(['lint', '--fix', '--fix-dry-run', f]).status).toBe(2);
  });
});

describe('standard input', () => {
  it('- reads the description from stdin, named by --stdin-filename, configuration looked up from that name', () => {
    const d = dir();
    writeFileSync(join(d, '.hankerc.json'), JSON.stringify({ rules: { 'invalid-y-tunnus': 'warning' } }));
    const input = withVat(original());
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { input, encoding: 'utf8', cwd: REPO });
    const plain = run(['-']);
    expect(plain.status).toBe(1);
    expect(json(plain.stdout)).toMatchObject([{ file: '<stdin>', diagnostics: [{ rule: 'invalid-y-tunnus', severity: 'error' }] }]);
    const named = run(['--stdin-filename', join(d, 'hakemus.txt'), '-']);
    expect(named.status).toBe(0);
    expect(json(named.stdout)).toMatchObject([{ file: join(d, 'hakemus.txt'), diagnostics: [{ rule: 'invalid-y-tunnus', severity: 'warning' }] }]);
    const dry = run(['--fix-dry-run', '-']);
    expect(json(dry.stdout)[0].output).toBe(original());
    expect(run(['--fix', '-']).status).toBe(2);
    expect(run(['-', example(0)]).status).toBe(2);
  });
});

describe('--rule, --ignore-pattern and .hankeignore', () => {
  it('--rule id:severity overrides the configuration; unknown ids and severities are usage errors with a suggestion', () => {
    const files = EXAMPLES.map((_, i) => example(i));
    const off = hanke(['lint', '--format', 'json', '--rule', 'final-report-missing:off', ...files]);
    expect(json(off.stdout).flatMap((e) => e.diagnostics.map((x) => x.rule))).toEqual(['empty-field']);
    const err = hanke(['lint', '--format', 'json', '--rule', 'empty-field:error', '--rule=final-report-missing:info', ...files]);
    expect(err.status).toBe(1);
    expect(
      json(err.stdout)
        .flatMap((e) => e.diagnostics.map((x) => `${x.rule}:${x.severity}`))
        .sort(),
    ).toEqual(['empty-field:error', 'final-report-missing:info', 'final-report-missing:info']);
    const typo = hanke(['lint', '--rule', 'empty-feild:off', files[0]]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/unknown rule "empty-feild"; did you mean "empty-field"\?/);
    expect(hanke(['lint', '--rule', 'empty-field:loud', files[0]]).status).toBe(2);
    expect(hanke(['lint', '--rule', 'empty-field', files[0]]).status).toBe(2);
    // ESLint's word gets the setting meant; a second colon belongs to the severity, not the id.
    expect(hanke(['lint', '--rule', 'empty-field:warn', files[0]]).stderr).toMatch(/the severity is error, warning, info, hint, off, not "warn"; did you mean "empty-field:warning"\?/);
    expect(hanke(['lint', '--rule', 'empty-field:off:x', files[0]]).stderr).toMatch(/--rule empty-field: the severity is .*, not "off:x"/);
  });

  it('.hankeignore (in the current folder and in walked folders) and --ignore-pattern leave files out of walks, not files named explicitly', () => {
    const d = dir();
    for (const f of ['a.txt', 'luonnos-1.txt', 'keep.txt', 'old/x.txt', 'sub/y.txt', 'sub/z.txt']) {
      mkdirSync(join(d, f, '..'), { recursive: true });
      copyFileSync(example(0), join(d, f));
    }
    writeFileSync(join(d, '.hankeignore'), '# drafts\nluonnos-*.txt\nold/\n');
    writeFileSync(join(d, 'sub/.hankeignore'), '*.txt\n!z.txt\n');
    const files = (args: string[], cwd = d) => json(hanke(['lint', '--format', 'json', ...args], { cwd }).stdout).map((e) => e.file);
    expect(files(['.'])).toEqual(['a.txt', 'keep.txt', 'sub/z.txt']);
    // From elsewhere, the walked folder's own .hankeignore applies.
    expect(files([d], REPO)).toEqual(['a.txt', 'keep.txt', 'sub/z.txt'].map((f) => join(d, f)));
    expect(files(['.', '--ignore-pattern', 'keep.txt', '--ignore-pattern=a.*'])).toEqual(['sub/z.txt']);
    expect(files(['**/*.txt'])).toEqual(['a.txt', 'keep.txt', 'sub/z.txt']);
    expect(files(['luonnos-1.txt', 'old/x.txt'])).toEqual(['luonnos-1.txt', 'old/x.txt']);
  });

  it('a glob that matches nothing and a folder without descriptions are reported once each, exit 2', () => {
    const d = dir();
    mkdirSync(join(d, 'empty'));
    const r = hanke(['lint', '--format', 'json', 'nomatch/*.txt', 'empty', '*.nope'], { cwd: d });
    expect(r.status).toBe(2);
    expect(json(r.stdout).map((e) => [e.file, e.diagnostics.map((x) => x.rule)])).toEqual([
      ['nomatch/*.txt', ['unreadable']],
      ['empty', ['unreadable']],
      ['*.nope', ['unreadable']],
    ]);
    const stylish = hanke(['lint', 'nomatch/*.txt'], { cwd: d });
    expect(stylish.stdout.match(/nomatch/g)).toHaveLength(1);
  });
});

describe('help and "did you mean"', () => {
  it("hanke <command> --help prints that command's usage and exits 0", () => {
    for (const cmd of ['lint', 'export', 'report', 'new', 'docs', 'lsp']) {
      const r = hanke([cmd, '--help']);
      expect(r.status, cmd).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: hanke ${cmd}`));
      expect(r.stdout).not.toMatch(/hanke-tools/);
    }
    const lint = hanke(['lint', '--help']).stdout;
    for (const flag of [
      '--fix',
      '--fix-dry-run',
      '--stdin-filename',
      '--output-file',
      '--rule',
      '--ignore-pattern',
      '--format',
      '--max-warnings',
      '--quiet',
      '--color',
      '--jobs',
      '--progress',
      '--docs-url',
      '--locale',
      '--config',
    ])
      expect(lint).toContain(flag);
    expect(hanke(['help', 'export']).stdout).toBe(hanke(['export', '-h']).stdout);
    const top = hanke(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).not.toMatch(/hanke-tools/);
    expect(top.stdout).toMatch(/hanke docs <rule>/);
  });

  it('a mistyped command or flag: a suggestion, exit 2, nothing on stdout', () => {
    const cases: [string[], RegExp][] = [
      [['lnit', 'x'], /^hanke: unknown command "lnit"; did you mean "lint"\?/],
      [['exprot'], /did you mean "export"\?/],
      [['lint', '--fromat', 'json', 'x'], /^hanke: unknown option --fromat; did you mean --format\?/],
      [['lint', '--ignore-patern', 'x', 'y'], /did you mean --ignore-pattern\?/],
      [['export', '--qiet', 'x'], /unknown option --qiet/],
      [['lint', '--bom', 'x'], /--bom: it is an option of "hanke export"/],
    ];
    for (const [args, re] of cases) {
      const r = hanke(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});

describe('hanke docs and --docs-url', () => {
  it("prints a rule's bundled page; an unknown rule gets a suggestion; no argument lists the rules", () => {
    const r = hanke(['docs', 'invalid-y-tunnus']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(REPO, 'docs/rules/invalid-y-tunnus.md'), 'utf8'));
    const typo = hanke(['docs', 'invalid-ytunnus']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/unknown rule "invalid-ytunnus"; did you mean "invalid-y-tunnus"\?/);
    const list = hanke(['docs']);
    expect(list.status).toBe(0);
    for (const f of readdirSync(join(REPO, 'docs/rules'))) expect(list.stdout).toContain(f.replace(/\.md$/, ''));
    // Read relative to the script, whatever the current folder.
    expect(hanke(['docs', 'encoding'], { cwd: tmp }).status).toBe(0);
  });

  it('in Finnish the page opens with its Finnish section; nothing of the page is lost', () => {
    for (const rule of ['invalid-y-tunnus', 'missing-field', 'encoding']) {
      const page = readFileSync(join(REPO, `docs/rules/${rule}.md`), 'utf8');
      const r = hanke(['docs', '--locale', 'fi', rule]);
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
      expect(lines.slice(0, 4)).toEqual([`# ${rule}`, expect.stringMatching(/^\*\*Severity:\*\*/), '## Suomeksi', expect.stringMatching(/[äö]/)]);
      expect(lines).toContain('## In English');
      // The same lines, in another order (and the one heading added).
      const own = page.split('\n').filter((l) => l.trim() !== '');
      expect([...lines].sort()).toEqual([...own, '## In English'].sort());
      // The English page is printed as it is.
      expect(hanke(['docs', '--locale', 'en', rule]).stdout).toBe(page);
    }
  });

  it('SARIF links to rule pages only under --docs-url', () => {
    const plain = hanke(['lint', '--format', 'sarif', example(2)]);
    expect(plain.stdout).not.toMatch(/hanke-tools|helpUri/);
    const linked = JSON.parse(hanke(['lint', '--format', 'sarif', '--docs-url', 'https://intra.example.fi/hanke/rules/', example(2)]).stdout);
    const rules = linked.runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(rules.find((r) => r.id === 'final-report-missing')!.helpUri).toBe('https://intra.example.fi/hanke/rules/final-report-missing.md');
    expect(hanke(['lint', '--docs-url', 'not a url', example(2)]).status).toBe(2);
  });
});

describe('--locale fi: Finnish throughout', () => {
  const files = () => EXAMPLES.map((_, i) => example(i));

  it('stylish output contains no English severity word', () => {
    const d = dir();
    const f = join(d, 'virheet.txt');
    writeFileSync(f, withVat(original()).replace(/^Postinumero: .*/m, 'Postinumero: 401'));
    const r = hanke(['lint', '--locale', 'fi', '--rule', 'empty-field:info', '--rule', 'final-report-missing:hint', f, ...files()]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ virhe /);
    expect(r.stdout).toMatch(/ tieto /);
    expect(r.stdout).toMatch(/ vihje /);
    const words = r.stdout.replace(/[a-z-]+$/gm, ''); // the rule ids at the line ends
    expect(words).not.toMatch(/\b(error|errors|warning|warnings|info|hint|problems?|files?)\b/);
  });

  it('usage errors, help, notes and closing lines are Finnish', () => {
    const usage = hanke(['lint', '--locale', 'fi', '--fromat', 'json', 'x']);
    expect(usage.stderr).toBe('hanke: tuntematon valitsin --fromat; tarkoititko --format? (ohje: hanke lint --help)\n');
    const help = hanke(['lint', '--locale=fi', '--help']).stdout;
    expect(help).toMatch(/^Käyttö: hanke lint \[valitsimet\] <tiedosto\|kansio\|hakulauseke\|->/);
    expect(help).not.toMatch(/Usage|Options|<file>|default|output format/);
    expect(hanke(['lint', '--locale', 'fi', '--format']).stderr).toBe('hanke: --format tarvitsee arvon (stylish|json|sarif) (ohje: hanke lint --help)\n');
    expect(hanke(['lint', '--locale', 'fi']).stderr).toMatch(/^hanke: tiedostoja ei annettu/);
    expect(hanke(['--help'], { env: { LANG: 'fi_FI.UTF-8' } }).stdout).toMatch(/ESR-hankekuvausten tarkistin/);
    const d = dir();
    const rep = hanke(['report', '--locale', 'fi', '-o', join(d, 'raportti.html'), ...files()]);
    expect(rep.stderr).toBe(`hanke: raportti kirjoitettiin tiedostoon ${join(d, 'raportti.html')} (5 kuvausta)\n`);
    const exp = hanke(['export', '--locale', 'fi', '-o', join(d, 'vienti.csv'), files()[0]]);
    expect(exp.stderr).toBe(`hanke: tiedot kirjoitettiin tiedostoon ${join(d, 'vienti.csv')} (1 kuvaus)\n`);
    const many = hanke(['lint', '--locale', 'fi', '--max-warnings', '0', ...files()]);
    expect(many.stderr).toBe('hanke: liikaa varoituksia (3, enintään 0 sallittu)\n');
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('the progress bar on a terminal says "tiedostoa"', { timeout: 60_000 }, () => {
    const d = dir();
    for (let i = 0; i < 30; i++) copyFileSync(example(i % 5), join(d, `${String(i).padStart(3, '0')}.txt`));
    const r = spawnSync('script', ['-qec', `stty rows 10 cols 100; ${process.execPath} ${CLI} lint --locale fi --jobs 1 ${d}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', LANG: 'en_US.UTF-8', TERM: 'xterm' },
      timeout: 60_000,
    });
    expect(r.stdout).toMatch(/\r\u001b\[2K\[[█░]+\] +\d+% \d+\/30 tiedostoa/);
    expect(r.stdout).toContain('\u001b[33mvaroitus');
    expect(r.stdout).not.toMatch(/\bfiles\b|warning/);
  });

  it('export: English keys and true/false by default, Finnish headers and Kyllä/Ei with --locale fi', () => {
    const en = hanke(['export', example(0)], { env: { LANG: 'fi_FI.UTF-8' } }).stdout.split('\r\n');
    expect(en[0]).toMatch(/^file,code,name,/);
    expect(en[1]).toMatch(/,true,/);
    const fi = hanke(['export', '--locale', 'fi', '--delimiter', ';', example(0)]).stdout.split('\r\n');
    expect(fi[0]).toMatch(/^Tiedosto;Hankekoodi;Hankkeen nimi;/);
    expect(fi[0]).toContain('Y-tunnus kelvollinen');
    expect(fi[1]).toMatch(/;Kyllä;/);
    expect(fi[1]).not.toMatch(/;(true|false);/);
  });
});
