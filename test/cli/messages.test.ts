// What a new user meets first (the new-user review of session 11): an output file
// written into the folder it lints, an unknown rule page, a folder with nothing to lint,
// an input that cannot be read by export and report, standard input for every command
// that reads descriptions. Each says one clear thing, in Finnish and English.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, example, hanke, parseCsv, removeDir, tempDir } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('hanke-messages-');
});
afterAll(() => removeDir(tmp));

let n = 0;

/**
 * Runs the CLI as a user without root's privileges (root reads and writes through any
 * permission): as `nobody` when the suite runs as root, else as the user.
 */
function unprivileged(args: string[], cwd: string) {
  const root = process.getuid?.() === 0;
  if (root) chmodSync(tmp, 0o755);
  const r = spawnSync(process.execPath, [root ? reachableCli() : CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', HOME: cwd },
    ...(root ? { uid: 65534, gid: 65534 } : {}),
  });
  if (r.error) throw r.error;
  return r;
}
/**
 * The CLI where `nobody` can reach it: the checkout may lie in a folder only root may
 * enter (CI copies it into a fresh mktemp folder, mode 0700), so the built entry and
 * bundle are copied into the test's own folder (0755).
 */
function reachableCli(): string {
  const bin = join(tmp, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const f of readdirSync(dirname(CLI))) if (f.endsWith('.js')) copyFileSync(join(dirname(CLI), f), join(bin, f));
  return join(bin, basename(CLI));
}

/** A fresh folder with copies of the five examples under their own names. */
function examplesCopy(): string {
  const d = join(tmp, `case-${n++}`);
  mkdirSync(d);
  EXAMPLES.forEach((e, i) => copyFileSync(example(i), join(d, e.name)));
  return d;
}

/** Exactly one line on stderr, starting with "hanke: ". */
function oneLine(stderr: string): string {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^hanke: /);
  return stderr.trimEnd();
}

type Entry = { file: string; diagnostics: { rule: string; message: string }[] };

describe('an output file inside the folder it lints', () => {
  it('lint -o out.txt . twice: the second run asks for --force; with it, the earlier report is replaced and not linted', () => {
    const d = examplesCopy();
    const first = hanke(['lint', '-o', 'out.txt', '.'], { cwd: d });
    expect(first.status).toBe(0);
    const report = readFileSync(join(d, 'out.txt'), 'utf8');
    expect(report).toMatch(/3 problems \(0 errors, 3 warnings\) in 3 of 5 files/);

    const again = hanke(['lint', '-o', 'out.txt', '.'], { cwd: d });
    expect(again.status).toBe(2);
    expect(oneLine(again.stderr)).toMatch(/^hanke: out\.txt exists; use --force to overwrite it/);
    expect(readFileSync(join(d, 'out.txt'), 'utf8')).toBe(report);

    const forced = hanke(['lint', '-o', 'out.txt', '--force', '.'], { cwd: d });
    expect(forced.status).toBe(0);
    expect(forced.stderr).toBe('');
    // The same report: out.txt is neither linted nor listed as skipped.
    expect(readFileSync(join(d, 'out.txt'), 'utf8')).toBe(report);
    expect(report).not.toMatch(/out\.txt|Skipped/);

    // Found by a glob too; JSON has no entry for it.
    const json = hanke(['lint', '-f', 'json', '-o', 'out.txt', '--force', '*.txt'], { cwd: d });
    expect(json.status).toBe(0);
    const entries = JSON.parse(readFileSync(join(d, 'out.txt'), 'utf8')) as Entry[];
    expect(entries.map((e) => e.file)).toEqual(EXAMPLES.map((e) => e.name));
  });

  it('export and report: an earlier output in the walked folder is replaced with --force, not read as an input', () => {
    const d = examplesCopy();
    expect(hanke(['export', '-o', 'kuvaukset.txt', '.'], { cwd: d }).status).toBe(0);
    const r = hanke(['export', '-o', 'kuvaukset.txt', '--force', '.'], { cwd: d });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('hanke: wrote kuvaukset.txt (5 descriptions)\n');
    expect(
      parseCsv(readFileSync(join(d, 'kuvaukset.txt'), 'utf8'))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(EXAMPLES.map((e) => e.name));
    expect(hanke(['report', '-o', 'raportti.txt', '.'], { cwd: d }).status).toBe(0);
    const again = hanke(['report', '-o', 'raportti.txt', '--force', '.'], { cwd: d });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('hanke: wrote raportti.txt (5 descriptions)\n');
  });

  it('a description there, or a file named as an input, is never written over, even with --force', () => {
    const d = examplesCopy();
    const mine = join(d, 'out.txt');
    copyFileSync(example(0), mine);
    for (const args of [
      ['lint', '-o', 'out.txt', '--force', '.'],
      ['export', '-o', 'out.txt', '--force', '*.txt'],
      ['report', '-o', 'out.txt', '--force', '.'],
    ]) {
      const r = hanke(args, { cwd: d });
      expect(r.status, args.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toMatch(/^hanke: out\.txt is one of the inputs; not writing over it/);
    }
    expect(readFileSync(mine)).toEqual(readFileSync(example(0)));
    const notes = join(d, 'notes.txt');
    writeFileSync(notes, 'muistiinpanoja\n');
    const named = hanke(['lint', '-o', 'notes.txt', '--force', 'notes.txt', '.'], { cwd: d });
    expect(named.status).toBe(2);
    expect(oneLine(named.stderr)).toMatch(/notes\.txt is one of the inputs/);
    expect(readFileSync(notes, 'utf8')).toBe('muistiinpanoja\n');
  });

  it('the help says so', () => {
    for (const cmd of ['lint', 'export', 'report']) {
      expect(hanke([cmd, '--help']).stdout).toMatch(/that is not a description \(an earlier report, say\) is not one of the inputs: it is left out, and replaced only with --force/);
      expect(hanke([cmd, '--help', '--locale', 'fi']).stdout).toMatch(/ei ole syöte: se jätetään pois, ja sen päälle kirjoitetaan vain valitsimella --force/);
    }
  });
});

describe('hanke docs <unknown rule>', () => {
  it('one message, exit 2: where to look, or the rule meant; no second note in brackets', () => {
    const none = hanke(['docs', 'nosuch']);
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(oneLine(none.stderr)).toBe('hanke: unknown rule "nosuch"; hanke docs lists the rules');
    const near = hanke(['docs', 'final-report-mising']);
    expect(near.status).toBe(2);
    expect(oneLine(near.stderr)).toBe('hanke: unknown rule "final-report-mising"; did you mean "final-report-missing"?');
    const fi = hanke(['docs', '--locale', 'fi', 'nosuch']);
    expect(fi.status).toBe(2);
    expect(oneLine(fi.stderr)).toBe('hanke: tuntematon sääntö "nosuch"; komento hanke docs luettelee säännöt');
  });
});

describe('an argument with nothing to lint is named for what it is', () => {
  it('an empty folder, a folder whose files are all ignored, a glob without matches: not "the file", exit 2', () => {
    const d = join(tmp, `nothing-${n++}`);
    mkdirSync(join(d, 'empty'), { recursive: true });
    mkdirSync(join(d, 'ignored'));
    copyFileSync(example(0), join(d, 'ignored/a.txt'));
    writeFileSync(join(d, 'ignored/.hankeignore'), '*.txt\n');
    const r = hanke(['lint', '-f', 'json', 'empty', 'ignored', 'none/*.txt'], { cwd: d });
    expect(r.status).toBe(2);
    const folder = 'Nothing to lint in the folder: it has no *.txt or *.hanke files, or all of them are ignored.';
    expect((JSON.parse(r.stdout) as Entry[]).map((e) => [e.file, e.diagnostics.map((x) => `${x.rule}: ${x.message}`)])).toEqual([
      ['empty', [`unreadable: ${folder}`]],
      ['ignored', [`unreadable: ${folder}`]],
      ['none/*.txt', ['unreadable: Nothing to lint: no files match the pattern.']],
    ]);
    const fi = hanke(['lint', '--locale', 'fi', 'empty', 'none/*.txt'], { cwd: d });
    expect(fi.status).toBe(2);
    expect(fi.stdout).toContain('Kansiossa ei ole tarkistettavaa: siinä ei ole *.txt- eikä *.hanke-tiedostoja, tai ne kaikki on jätetty pois.');
    expect(fi.stdout).toContain('Ei tarkistettavaa: mikään tiedosto ei vastaa hakulauseketta.');
    expect(fi.stdout + r.stdout).not.toMatch(/Cannot read the file|Tiedostoa ei voi lukea/);
  });

  it('a folder that cannot be listed: "Cannot read the folder", exit 2', () => {
    const d = join(tmp, `closed-${n++}`);
    mkdirSync(join(d, 'closed'), { recursive: true });
    chmodSync(join(d, 'closed'), 0o000);
    try {
      const r = unprivileged(['lint', '-f', 'json', 'closed'], d);
      expect(r.status).toBe(2);
      expect((JSON.parse(r.stdout) as Entry[])[0].diagnostics[0].message).toBe('Cannot read the folder: permission denied.');
    } finally {
      chmodSync(join(d, 'closed'), 0o755);
    }
  });
});

describe('export and report with an input that cannot be read', () => {
  it('say it as an error (they exit 2), as lint reports it — not "skipped"', () => {
    const d = examplesCopy();
    for (const cmd of ['export', 'report']) {
      const args = cmd === 'report' ? ['report', '-o', `r-${n++}.html`] : ['export'];
      const r = hanke([...args, 'missing.txt', EXAMPLES[0].name], { cwd: d });
      expect(r.status, cmd).toBe(2);
      expect(r.stderr, cmd).toMatch(/^hanke: missing\.txt: error: Cannot read the file: no such file\.$/m);
      expect(r.stderr, cmd).not.toMatch(/skipped/);
      const fi = hanke([...args, '--locale', 'fi', '--force', 'missing.txt'], { cwd: d });
      expect(fi.status, cmd).toBe(2);
      expect(fi.stderr, cmd).toMatch(/^hanke: missing\.txt: virhe: Tiedostoa ei voi lukea: tiedostoa ei ole\.$/m);
      expect(fi.stderr, cmd).not.toMatch(/ohitettu/);
    }
    // A folder with nothing to lint is said the same way.
    mkdirSync(join(d, 'empty'));
    const empty = hanke(['export', 'empty'], { cwd: d });
    expect(empty.status).toBe(2);
    expect(oneLine(empty.stderr)).toBe('hanke: empty: error: Nothing to lint in the folder: it has no *.txt or *.hanke files, or all of them are ignored.');
  });

  it('a file named explicitly that is not a description is still a skip for export (no row, exit 0)', () => {
    const d = examplesCopy();
    writeFileSync(join(d, 'notes.txt'), 'muistiinpanoja\n');
    const r = hanke(['export', 'notes.txt', EXAMPLES[0].name], { cwd: d });
    expect(r.status).toBe(0);
    expect(oneLine(r.stderr)).toMatch(/^hanke: skipped notes\.txt: /);
  });
});

describe('standard input: lint -, export -, report -', () => {
  const run = (args: string[], cwd = tmp) => spawnSync(process.execPath, [CLI, ...args], { input: readFileSync(example(2)), encoding: 'utf8', cwd, env: { ...process.env, LANG: 'en_US.UTF-8' } });

  it('each reads one description from standard input, named by --stdin-filename (default <stdin>)', () => {
    const lint = run(['lint', '-f', 'json', '-']);
    expect(lint.status).toBe(0);
    expect((JSON.parse(lint.stdout) as Entry[]).map((e) => [e.file, e.diagnostics.map((x) => x.rule)])).toEqual([['<stdin>', ['final-report-missing']]]);
    const exp = run(['export', '--stdin-filename', 'hakemus.txt', '-']);
    expect(exp.status).toBe(0);
    const rows = parseCsv(exp.stdout);
    expect(rows[1][rows[0].indexOf('file')]).toBe('hakemus.txt');
    expect(rows[1][rows[0].indexOf('code')]).toBe(/^Hankekoodi: *(\S+)/m.exec(readFileSync(example(2), 'utf8'))![1]);
    const out = join(tmp, `stdin-${n++}.html`);
    const rep = run(['report', '-o', out, '--stdin-filename', 'hakemus.txt', '-']);
    expect(rep.status).toBe(0);
    expect(rep.stderr).toBe(`hanke: wrote ${out} (1 description)\n`);
    expect(readFileSync(out, 'utf8')).toContain('hakemus.txt');
    // - is the only input, for every command.
    for (const cmd of ['lint', 'export', 'report']) {
      const both = run([cmd, '-', example(0)]);
      expect(both.status, cmd).toBe(2);
      expect(both.stderr, cmd).toMatch(/- \(standard input\) must be the only input/);
    }
  });

  it('the usage and the help of each command say so', () => {
    for (const cmd of ['lint', 'export', 'report']) {
      const help = hanke([cmd, '--help']).stdout;
      expect(help.split('\n')[0], cmd).toBe(`Usage: hanke ${cmd} [options] <file|dir|glob|->...`);
      expect(help, cmd).toContain('--stdin-filename <name>');
      expect(help, cmd).toContain('The input - reads one description from standard input (as the only input); --stdin-filename names it.');
      expect(hanke(['--help']).stdout).toContain(`hanke ${cmd} [options] <file|dir|glob|->...`);
    }
  });
});

describe('outputs that are not regular files, paths that are not files', () => {
  it('-o a named pipe is written into (a reader gets the report), not replaced by a file', async () => {
    const d = examplesCopy();
    const fifo = join(d, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString('utf8')));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = hanke(['lint', '-f', 'json', '-o', fifo, EXAMPLES[4].name], { cwd: d });
    await done;
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(got) as Entry[]).map((e) => e.diagnostics.map((x) => x.rule))).toEqual([['empty-field']]);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a pipe named as an input (/dev/stdin, <(…)) is unreadable with a pointer to -', () => {
    const d = examplesCopy();
    const fifo = join(d, 'input.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = hanke(['lint', '--format', 'json', fifo]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)[0].diagnostics[0]).toMatchObject({ rule: 'unreadable', message: 'Cannot read the file: not a regular file (to read standard input, give -).' });
    const fi = hanke(['lint', '--locale', 'fi', '--format', 'json', fifo]);
    expect(JSON.parse(fi.stdout)[0].diagnostics[0].message).toContain('vakiosyötteen voi lukea nimellä -');
  });

  it('an unreadable input with the rule unreadable off: no finding, the reason on stderr, exit code 2', () => {
    const missing = join(tmp, 'ei-ole.txt');
    const r = hanke(['lint', '--rule', 'unreadable:off', '--format', 'json', missing]);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual([{ file: missing, diagnostics: [] }]);
    expect(r.stderr).toBe(`hanke: ${missing}: Cannot read the file: no such file. (the rule unreadable is off; the exit code is still 2)\n`);
    const fi = hanke(['lint', '--locale', 'fi', '--rule', 'unreadable:off', missing]);
    expect(fi.status).toBe(2);
    expect(fi.stderr).toContain('Tiedostoa ei voi lukea: tiedostoa ei ole. (sääntö unreadable on pois päältä; poistumiskoodi on silti 2)');
    // The report says so too (it lists no finding for the file).
    const rep = hanke(['report', '--rule', 'unreadable:off', '-o', join(tmp, 'unreadable-off.html'), missing, example(0)]);
    expect(rep.status).toBe(2);
    expect(rep.stderr).toContain(`${missing}: Cannot read the file: no such file. (the rule unreadable is off`);
  });

  it('-o /dev/null and -o /dev/stdout need no --force and stay what they are', () => {
    const r = hanke(['lint', '-o', '/dev/null', example(4)]);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    // Standard output is a shell's pipe here (Node's own child pipes are sockets): the CSV comes through it.
    const csv = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" export -o /dev/stdout "${example(4)}" | cat`], { encoding: 'utf8' });
    expect(csv.status).toBe(0);
    expect(parseCsv(csv.stdout)[1][0]).toBe(example(4));
    expect(csv.stderr).toBe('hanke: wrote /dev/stdout (1 description)\n');
  });

  it('-o - is standard output for lint, export, report and new; no file named - is written', () => {
    const d = examplesCopy();
    const lint = hanke(['lint', '--format', 'json', '-o', '-', EXAMPLES[4].name], { cwd: d });
    expect(lint.status).toBe(0);
    expect(JSON.parse(lint.stdout)[0].file).toBe(EXAMPLES[4].name);
    const csv = hanke(['export', '-o', '-', EXAMPLES[4].name], { cwd: d });
    expect(csv.status).toBe(0);
    expect(parseCsv(csv.stdout)[1][0]).toBe(EXAMPLES[4].name);
    expect(csv.stderr).toBe('');
    const report = hanke(['report', '-o', '-', EXAMPLES[4].name], { cwd: d });
    expect(report.status).toBe(0);
    expect(report.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(report.stderr).toBe('');
    expect(hanke(['new', '-o', '-'], { cwd: d }).stdout).toMatch(/^Euroopan unioni/);
    expect(readdirSync(d)).not.toContain('-');
  });

  it('-o a socket: one line, exit 2, even with --force; the socket stays', async () => {
    const d = examplesCopy();
    const sock = join(d, 'hanke.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = hanke(['lint', '-o', sock, '--force', EXAMPLES[0].name], { cwd: d });
      expect(r.status).toBe(2);
      expect(oneLine(r.stderr)).toBe(`hanke: ${sock} is not a regular file`);
      expect(lstatSync(sock).isSocket()).toBe(true);
      expect(oneLine(hanke(['report', '--locale', 'fi', '-o', sock, EXAMPLES[0].name], { cwd: d }).stderr)).toBe(`hanke: ${sock} ei ole tavallinen tiedosto`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a file below a file, a name too long: the reason in words, not a system error code', () => {
    const d = examplesCopy();
    const long = `${'x'.repeat(300)}.txt`;
    const r = hanke(['lint', '-f', 'json', `${EXAMPLES[0].name}/`, `${EXAMPLES[0].name}/x.txt`, long], { cwd: d });
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stdout) as Entry[]).map((e) => e.diagnostics.map((x) => x.message))).toEqual([
      ['Cannot read the file: a part of the path is not a folder.'],
      ['Cannot read the file: a part of the path is not a folder.'],
      ['Cannot read the file: the name is too long.'],
    ]);
    const fi = hanke(['lint', '--locale', 'fi', `${EXAMPLES[0].name}/`, long], { cwd: d });
    expect(fi.stdout).toContain('Tiedostoa ei voi lukea: polun osa ei ole kansio.');
    expect(fi.stdout).toContain('Tiedostoa ei voi lukea: nimi on liian pitkä.');
    expect(fi.stdout + r.stdout).not.toMatch(/ENOTDIR|ENAMETOOLONG/);
  });
});

describe('usage errors point where to look', () => {
  it("no files: the usage names - too; --locale sv: the command's help; an unknown --rule: hanke docs", () => {
    const none = hanke(['export']);
    expect(none.status).toBe(2);
    expect(oneLine(none.stderr)).toBe('hanke: no files given: hanke export <file|dir|glob|->... (see: hanke export --help)');
    const sv = hanke(['lint', '--locale', 'sv', example(0)]);
    expect(sv.status).toBe(2);
    expect(oneLine(sv.stderr)).toBe('hanke: --locale must be fi or en, not "sv" (see: hanke lint --help)');
    const rule = hanke(['lint', '--rule', 'nosuch:off', example(0)]);
    expect(rule.status).toBe(2);
    expect(oneLine(rule.stderr)).toBe('hanke: --rule: unknown rule "nosuch"; hanke docs lists the rules (see: hanke lint --help)');
    expect(oneLine(hanke(['lint', '--locale', 'fi', '--rule', 'nosuch:off', example(0)]).stderr)).toBe(
      'hanke: --rule: tuntematon sääntö "nosuch"; komento hanke docs luettelee säännöt (ohje: hanke lint --help)',
    );
  });
});

describe('--fix on a file the user may not write', () => {
  it('says why in words, leaves the file as it was, and reports what is left', () => {
    const d = join(tmp, `readonly-${n++}`);
    mkdirSync(d);
    const f = join(d, 'x.txt');
    const text = readFileSync(example(0), 'utf8').replace(/^Y-tunnus: 2296962-1$/m, 'Y-tunnus: FI22969621');
    expect(text).toContain('FI22969621');
    writeFileSync(f, text);
    chmodSync(f, 0o444);
    chmodSync(d, 0o555);
    try {
      const r = unprivileged(['lint', '--fix', 'x.txt'], d);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('hanke: x.txt: not fixed: cannot write the file: permission denied\n');
      expect(r.stdout).toMatch(/invalid-y-tunnus/);
      expect(readFileSync(f, 'utf8')).toBe(text);
      const fi = unprivileged(['lint', '--locale', 'fi', '--fix', 'x.txt'], d);
      expect(fi.stderr).toBe('hanke: x.txt: ei korjattu: tiedostoa ei voi kirjoittaa: ei kirjoitusoikeutta\n');
    } finally {
      chmodSync(d, 0o755);
    }
  });
});
