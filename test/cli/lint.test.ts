// `hanke lint` as other programs and reviewers use it: exit codes, the JSON contract
// (SPEC.md §3), bad input that never stops the run, folders, globs, options, and the
// same results with and without worker threads. Runs the built dist/cli.js.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, EXAMPLES_DIR, REPO, example, hanke, lineOf, mixedFolder, removeDir, tempDir, withoutSection7 } from './helpers';

interface Diag {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
type Entry = { file: string; diagnostics: Diag[] };

const json = (args: string[], opts?: Parameters<typeof hanke>[1]) => {
  const r = hanke(['lint', '--format', 'json', ...args], opts);
  return { ...r, entries: JSON.parse(r.stdout) as Entry[] };
};

const DIAG_KEYS = ['rule', 'severity', 'line', 'column', 'endLine', 'endColumn', 'message'];

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

describe('exit codes', () => {
  it('0 when there are no errors (the examples have warnings only)', () => {
    const r = hanke(['lint', ...EXAMPLES.map((_, i) => example(i))]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✖ 3 problems \(0 errors, 3 warnings\) in 3 of 5 files/);
  });

  it('1 when a description has an error', () => {
    const f = join(tmp, 'no7.txt');
    writeFileSync(f, withoutSection7(readFileSync(example(0), 'utf8')));
    const r = json([f]);
    expect(r.status).toBe(1);
    expect(r.entries[0].diagnostics.some((d) => d.rule === 'missing-section' && d.severity === 'error')).toBe(true);
  });

  it('2 for a path that does not exist, reported in the output and not stopping the run', () => {
    const r = json([join(tmp, 'does-not-exist.txt'), example(0)]);
    expect(r.status).toBe(2);
    expect(r.entries.map((e) => e.file)).toEqual([join(tmp, 'does-not-exist.txt'), example(0)]);
    expect(r.entries[0].diagnostics).toEqual([{ rule: 'unreadable', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Cannot read the file: no such file.' }]);
    expect(r.entries[1].diagnostics).toEqual([]);
  });

  it('2 for usage errors, with a message on stderr', () => {
    for (const args of [
      ['lint'],
      ['lint', '--format', 'xml', example(0)],
      ['lint', '--max-warnings', 'x', example(0)],
      ['lint', '--bogus', example(0)],
      ['frobnicate'],
      ['lint', '--locale', 'sv', example(0)],
    ]) {
      const r = hanke(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^hanke: /);
      expect(r.stdout).toBe('');
    }
  });

  it('--max-warnings: 1 when there are more warnings than allowed', () => {
    const files = EXAMPLES.map((_, i) => example(i));
    expect(hanke(['lint', '--max-warnings', '3', ...files]).status).toBe(0);
    const r = hanke(['lint', '--max-warnings', '2', ...files]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/too many warnings \(3, at most 2 allowed\)/);
    // -1: no limit (ESLint's meaning); another negative number is a usage error that says what is taken.
    expect(hanke(['lint', '--max-warnings', '-1', ...files]).status).toBe(0);
    expect(hanke(['lint', '--max-warnings=-1', ...files]).status).toBe(0);
    const bad = hanke(['lint', '--max-warnings', '-2', ...files]);
    expect([bad.status, bad.stderr]).toEqual([2, 'hanke: --max-warnings takes a whole number ≥ 0 (or -1: no limit) (see: hanke lint --help)\n']);
  });

  it('a reader slower than the run gets the whole output before the process ends', async () => {
    // Most of a megabyte through a pipe (64 KB of buffer) not read until the run is over:
    // the process ends itself once its output is handed over (cli.ts), never before.
    const dir = join(tmp, 'slow-reader');
    mkdirSync(dir);
    for (let k = 0; k < 120; k++) for (const [i, e] of EXAMPLES.entries()) copyFileSync(example(i), join(dir, `${k}-${e.name}`));
    const args = ['lint', '--format', 'sarif', dir];
    const expected = hanke(args);
    expect(expected.stdout.length).toBeGreaterThan(500_000);
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 1500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const status = await new Promise<number | null>((r) => child.on('close', r));
    expect(status).toBe(expected.status);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected.stdout);
  });
});

describe('the JSON contract', () => {
  it('one entry per file in the order given, exactly these keys, diagnostics sorted by position', () => {
    const files = [example(4), example(2), example(0)];
    const r = json(files);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith(']\n')).toBe(true);
    expect(r.entries.map((e) => e.file)).toEqual(files);
    for (const e of r.entries) {
      expect(Object.keys(e)).toEqual(['file', 'diagnostics']);
      for (const d of e.diagnostics) {
        expect(Object.keys(d)).toEqual(DIAG_KEYS);
        expect(['error', 'warning', 'info', 'hint']).toContain(d.severity);
        for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) expect(Number.isInteger(d[k]) && d[k] >= 1).toBe(true);
        expect(typeof d.message).toBe('string');
      }
      const pos = e.diagnostics.map((d) => [d.line, d.column]);
      expect(pos).toEqual([...pos].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
  });

  it('the expected findings of SPEC.md on the examples', () => {
    const r = json([EXAMPLES_DIR]);
    const rules = Object.fromEntries(r.entries.map((e) => [e.file.split('/').pop()!.slice(0, 3), e.diagnostics.map((d) => d.rule)]));
    expect(rules).toEqual({ '000': [], '001': [], '002': ['final-report-missing'], '003': ['final-report-missing'], '004': ['empty-field'] });
    const d = r.entries[4].diagnostics[0];
    const line = lineOf(EXAMPLES[4].text, 'Hakijoiden lukumäärä tai tuen siirto -menettely');
    expect(d).toMatchObject({ rule: 'empty-field', severity: 'warning', line, column: 1, endLine: line });
  });

  it('a directory is walked in sorted order; paths are printed as given', () => {
    const r = json(['../examples'], { cwd: join(EXAMPLES_DIR, '../test') });
    expect(r.entries.map((e) => e.file)).toEqual(EXAMPLES.map((e) => `../examples/${e.name}`));
  });

  it('--quiet reports errors only; every file is still listed', () => {
    const r = json(['--quiet', ...EXAMPLES.map((_, i) => example(i))]);
    expect(r.entries).toHaveLength(5);
    expect(r.entries.every((e) => e.diagnostics.length === 0)).toBe(true);
  });

  it('--quiet in stylish: a clean ending says there are no errors, not no problems (the examples have warnings)', () => {
    const r = hanke(['lint', '--quiet', '--no-color', EXAMPLES_DIR]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('✓ 5 files checked, no errors');
    expect(hanke(['lint', '--quiet', '--no-color', '--locale', 'fi', EXAMPLES_DIR]).stdout.trim()).toBe('✓ 5 tiedostoa tarkistettu, ei virheitä');
  });

  it('--locale fi gives Finnish messages', () => {
    const r = json(['--locale', 'fi', join(tmp, 'puuttuu.txt'), example(4)]);
    expect(r.entries[0].diagnostics[0].message).toBe('Tiedostoa ei voi lukea: tiedostoa ei ole.');
    expect(r.entries[1].diagnostics[0].message).toMatch(/Hakijoiden lukumäärä/);
    expect(r.entries[1].diagnostics[0].message).not.toMatch(/has no value/);
  });
});

describe('bad input never stops the run', () => {
  let mixed: ReturnType<typeof mixedFolder>;
  beforeAll(() => {
    mixed = mixedFolder();
  });
  afterAll(() => removeDir(mixed.dir));

  it('a mixed folder: descriptions linted, Windows-1252 decoded with a warning, other files skipped, a broken link unreadable', () => {
    const r = json([mixed.dir]);
    expect(r.status).toBe(2); // the broken link
    const files = mixed.files;
    expect(r.entries.map((e) => e.file)).toEqual([files.a, files.b, files.link, files.g]);
    const [a, b, link, g] = r.entries;
    expect(a.diagnostics).toEqual([]);
    // The Windows-1252 copy of example 002 gives the findings of the UTF-8 original, after the encoding warning.
    const original = json([example(2)]).entries[0].diagnostics;
    expect(b.diagnostics).toEqual([
      { rule: 'encoding', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'The file is not UTF-8; it was read as Windows-1252. Save it as UTF-8.' },
      ...original,
    ]);
    expect(b.diagnostics.map((d) => d.rule)).toEqual(['encoding', 'final-report-missing']);
    expect(link.diagnostics).toEqual([{ rule: 'unreadable', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Cannot read the file: broken symbolic link.' }]);
    const section7 = g.diagnostics.filter((d) => d.rule === 'missing-section');
    expect(section7.length).toBeGreaterThanOrEqual(1);
    expect(section7.every((d) => d.severity === 'error')).toBe(true);
  });

  it('stylish output notes the skipped files and ends with a summary', () => {
    const r = hanke(['lint', mixed.dir]);
    expect(r.status).toBe(2);
    const out = r.stdout;
    expect(out).toContain(`${mixed.files.b}\n  1:1 `);
    expect(out).toMatch(/encoding\n/);
    expect(out).toContain('Skipped 3 files that are not descriptions:');
    expect(out).toContain(`  ${mixed.files.c} (binary)`);
    expect(out).toContain(`  ${mixed.files.d} (not a description)`);
    expect(out).toContain(`  ${mixed.files.e} (empty)`);
    expect(out).not.toContain('image.png');
    expect(out).not.toContain('.git');
    expect(out.trimEnd().split('\n').pop()).toMatch(/^✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 3 of 4 files$/);
    expect(out).not.toContain('\u001b['); // not a terminal: no colour
  });

  it('a FIFO named like a description in a folder: skipped with a note, never opened', () => {
    const dir = join(tmp, 'with-fifo');
    mkdirSync(dir);
    copyFileSync(example(1), join(dir, 'a.txt'));
    const fifo = join(dir, 'b.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A writer waiting on the FIFO: opening it to read would let the writer through (and it would print "opened").
    const writer = spawn('sh', ['-c', `exec 3>"${fifo}"; echo opened`], { stdio: ['ignore', 'pipe', 'ignore'] });
    let said = '';
    writer.stdout.on('data', (d: Buffer) => (said += d));
    try {
      const r = hanke(['lint', dir]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Skipped 1 file that is not a description:\n  ${fifo} (not a regular file)`);
      const j = json([dir]);
      expect(j.entries.map((e) => e.file)).toEqual([join(dir, 'a.txt')]);
      expect(hanke(['lint', '--locale', 'fi', dir]).stdout).toContain(`${fifo} (ei tavallinen tiedosto)`);
      // Named explicitly it is an error, as before (to read standard input, give -).
      expect(json([fifo]).entries[0].diagnostics[0].message).toBe('Cannot read the file: not a regular file (to read standard input, give -).');
    } finally {
      writer.kill();
    }
    expect(said).toBe('');
  });

  it('named explicitly, binary, empty and plain files are not-a-description errors', () => {
    const { c, d, e } = mixed.files;
    const r = json([c, d, e]);
    expect(r.status).toBe(1);
    expect(r.entries.map((x) => x.diagnostics.map((y) => `${y.rule}:${y.severity}:${y.message}`))).toEqual([
      ['not-a-description:error:A binary file, not a project description.'],
      ['not-a-description:error:The file does not look like a project description (no preamble and no section "1 Hanke" at its start).'],
      ['not-a-description:error:The file is empty.'],
    ]);
  });

  it('without the broken link the exit code is 1 (errors), and linting is the same with worker threads', { timeout: 90_000 }, () => {
    unlinkSync(mixed.files.link);
    const one = hanke(['lint', '--format', 'json', '--jobs', '1', mixed.dir, ...EXAMPLES.map((_, i) => example(i))]);
    const two = hanke(['lint', '--format', 'json', '--jobs', '2', mixed.dir, ...EXAMPLES.map((_, i) => example(i))]);
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    for (const format of ['stylish', 'sarif']) {
      const a = hanke(['lint', '--format', format, '--jobs', '1', mixed.dir]);
      const b = hanke(['lint', '--format', format, '--jobs', '2', mixed.dir]);
      expect(b.stdout, format).toBe(a.stdout);
    }
  });

  it('a UTF-16 file with a byte order mark is decoded with an encoding warning', () => {
    const f = join(tmp, 'utf16.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLES[0].text, 'utf16le')]));
    const r = json([f]);
    expect(r.entries[0].diagnostics).toEqual([{ rule: 'encoding', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'The file is UTF-16. Save it as UTF-8.' }]);
  });

  it('a very large file is reported, not read; a large description is linted', () => {
    const huge = join(tmp, 'huge.txt');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 65 * 1024 * 1024); // sparse: no disk space, no time
    closeSync(fd);
    const big = join(tmp, 'big.txt');
    const para = 'Hankkeessa kehitetään palveluja ja kokeillaan uusia toimintatapoja. '.repeat(40);
    // (Another project code than example 0's, which is linted with it.)
    writeFileSync(big, EXAMPLES[0].text.replace('Hankekoodi: S21368', 'Hankekoodi: S21369').replace(/^(3 Suunnitelman mukainen tiivistelmä toteutuksesta\n)/m, `$1\n${`${para}\n\n`.repeat(1500)}`));
    const r = json([huge, big, example(0)]);
    expect(r.status).toBe(2);
    expect(r.entries[0].diagnostics).toEqual([
      { rule: 'unreadable', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Cannot read the file: the file is too large (65 MB, at most 64 MB).' },
    ]);
    expect(r.entries[1].diagnostics).toEqual([]);
    expect(r.entries[2].diagnostics).toEqual([]);
    rmSync(huge);
  });
});

describe('inputs and options', () => {
  it('globs are expanded (quoted, as given to the program), sorted; a glob matching nothing is unreadable', () => {
    const dir = join(tmp, 'globs');
    mkdirSync(join(dir, 'deep/er'), { recursive: true });
    copyFileSync(example(0), join(dir, 'b.txt'));
    copyFileSync(example(1), join(dir, 'deep/er/a.hanke'));
    copyFileSync(example(2), join(dir, 'deep/c.txt'));
    const r = json([`${dir}/**/*.txt`]);
    expect(r.entries.map((e) => e.file)).toEqual([join(dir, 'b.txt'), join(dir, 'deep/c.txt')]);
    const none = json([`${dir}/*.nope`]);
    expect(none.status).toBe(2);
    expect(none.entries).toEqual([
      { file: `${dir}/*.nope`, diagnostics: [{ rule: 'unreadable', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Nothing to lint: no files match the pattern.' }] },
    ]);
  });

  it('a missing path ending in a slash is a missing folder, not a missing file', () => {
    const r = json([join(tmp, 'nowhere') + '/']);
    expect([r.status, r.entries[0].diagnostics[0].message]).toEqual([2, 'Cannot read the folder: no such folder.']);
    expect(json([join(tmp, 'nowhere')]).entries[0].diagnostics[0].message).toBe('Cannot read the file: no such file.');
  });

  it('a file named twice is linted once', () => {
    const r = json([example(0), join(example(0), '..'), example(0)]);
    expect(r.entries.map((e) => e.file.split('/').pop())).toEqual(EXAMPLES.map((e) => e.name));
  });

  it('a file reached through a symbolic link is the same file: linted once, and never a duplicate of itself', () => {
    const dir = join(tmp, 'linked');
    mkdirSync(join(dir, 'real'), { recursive: true });
    copyFileSync(example(0), join(dir, 'real/p1.txt'));
    symlinkSync('p1.txt', join(dir, 'real/link.txt'));
    symlinkSync('real', join(dir, 'alias'));
    const files = (r: ReturnType<typeof json>) => r.entries.map((e) => e.file.slice(dir.length + 1));
    const rules = (r: ReturnType<typeof json>) => r.entries.flatMap((e) => e.diagnostics.map((d) => d.rule));
    // Named, through a link to it, through a linked folder, and by a walk of both folders: one entry, where it first appears.
    for (const args of [
      ['real/p1.txt', 'real/link.txt'],
      ['real/link.txt', 'real/p1.txt'],
      ['alias/p1.txt', 'real/p1.txt'],
      ['real', 'alias'],
      ['real/../real/p1.txt', 'real'],
    ]) {
      const r = json(args.map((a) => join(dir, a)));
      expect(files(r), args.join(' ')).toEqual([args[0].replace('real/../', '').replace(/^(real|alias)$/, '$1/link.txt')]);
      expect(rules(r), args.join(' ')).toEqual([]);
    }
    // A second, distinct copy is another file: then the code is duplicated.
    copyFileSync(example(0), join(dir, 'real/copy.txt'));
    expect(rules(json([join(dir, 'real')]))).toEqual(['duplicate-project-code', 'duplicate-project-code']);
  });

  it('.hankerc.json next to the files, and --config, set rule severities', () => {
    const dir = join(tmp, 'configured');
    mkdirSync(dir);
    copyFileSync(example(4), join(dir, 'x.txt'));
    writeFileSync(join(dir, '.hankerc.json'), JSON.stringify({ rules: { 'empty-field': 'error' } }));
    const r = json([dir]);
    expect(r.status).toBe(1);
    expect(r.entries[0].diagnostics.map((d) => `${d.rule}:${d.severity}`)).toEqual(['empty-field:error']);
    const off = join(tmp, 'off.json');
    writeFileSync(off, JSON.stringify({ rules: { 'empty-field': 'off' } }));
    const r2 = json(['--config', off, dir]);
    expect(r2.status).toBe(0);
    expect(r2.entries[0].diagnostics).toEqual([]);
    writeFileSync(join(dir, '.hankerc.json'), '{ broken');
    const r3 = hanke(['lint', dir]);
    expect(r3.status).toBe(2);
    expect(r3.stdout).toBe('');
    expect(r3.stderr).toMatch(/invalid JSON/);
  });

  it('colour only on request or a terminal: --color forces it, --no-color and NO_COLOR turn it off', () => {
    const f = example(4);
    expect(hanke(['lint', f]).stdout).not.toContain('\u001b[');
    expect(hanke(['lint', '--color', f]).stdout).toContain('\u001b[33mwarning');
    expect(hanke(['lint', '--color', '--no-color', f]).stdout).not.toContain('\u001b[');
  });

  it('--jobs validates its value', () => {
    expect(hanke(['lint', '--jobs', '0', example(0)]).status).toBe(2);
    expect(hanke(['lint', '--jobs', 'auto', example(0)]).status).toBe(0);
  });
});

// The progress bar needs a terminal: `script` (util-linux) gives the command one.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!hasScript)('on a terminal', () => {
  it('shows a progress bar on stderr for more files than fit on the screen, and colours', { timeout: 60_000 }, () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 60; i++) copyFileSync(example(i % 5), join(dir, `${String(i).padStart(3, '0')}.txt`));
    const cli = join(__dirname, '../../dist/cli.js');
    const r = spawnSync('script', ['-qec', `stty rows 20 cols 100; ${process.execPath} ${cli} lint --jobs 1 ${dir}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', LANG: 'en_US.UTF-8', TERM: 'xterm' },
      timeout: 60_000,
    });
    expect(r.stdout).toMatch(/\r\u001b\[2K\[[█░]+\] +\d+% \d+\/60 files/);
    expect(r.stdout).toContain('\u001b[33mwarning');
    expect(r.stdout).toMatch(/\r\u001b\[2K/); // the bar is cleared at the end
  });
});
