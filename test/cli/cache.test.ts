// `hanke lint --cache`: unchanged files come from the cache, changed ones are linted;
// the cache is void when the configuration changes; a damaged, foreign or unwritable
// cache is a warning, never an error; checks across documents stay right.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, example, hanke, REPO, removeDir, tempDir } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

let n = 0;
/** A folder with copies of examples 1 and 4 (distinct codes), and its own cache file. */
function setup(): { dir: string; cache: string; a: string; b: string } {
  const dir = join(tmp, `case${n++}`);
  mkdirSync(join(dir, 'docs'), { recursive: true });
  const a = join(dir, 'docs', 'a.txt');
  const b = join(dir, 'docs', 'b.txt');
  writeFileSync(a, readFileSync(example(1), 'utf8'));
  writeFileSync(b, readFileSync(example(4), 'utf8'));
  return { dir, cache: join(dir, 'lint.cache'), a, b };
}
const lint = (s: { dir: string; cache: string }, ...extra: string[]) => hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, ...extra, join(s.dir, 'docs')]);
const rules = (stdout: string) => (JSON.parse(stdout) as { file: string; diagnostics: { rule: string }[] }[]).map((f) => f.diagnostics.map((d) => d.rule));

describe('lint --cache', () => {
  it('a second run gives the same output from the cache; a changed file is linted again', () => {
    const s = setup();
    const first = lint(s);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(existsSync(s.cache)).toBe(true);
    expect(readFileSync(s.cache, 'utf8').startsWith('{"hankeCache":1,')).toBe(true);
    expect(lint(s).stdout).toBe(first.stdout);
    expect(rules(first.stdout)).toEqual([[], ['empty-field']]);
    // Change b: fixed, with another size and time.
    writeFileSync(s.b, readFileSync(s.b, 'utf8').replace(/^(Hakijoiden lukumäärä tai tuen siirto -menettely:).*$/m, '$1 Vain yksi hakija'));
    expect(rules(lint(s).stdout)).toEqual([[], []]);
    // No temporary files left beside the cache (written by rename).
    expect(readdirSync(s.dir).sort()).toEqual(['docs', 'lint.cache']);
  });

  it('the entry of a changed file is appended to the cache; the cache is written anew before it grows long', () => {
    const s = setup();
    lint(s);
    const entries = () => readFileSync(s.cache, 'utf8').trimEnd().split('\n').length - 1;
    expect(entries()).toBe(2);
    const text = readFileSync(s.b, 'utf8');
    const label = /^(Hakijoiden lukumäärä tai tuen siirto -menettely:).*$/m;
    writeFileSync(s.b, text.replace(label, '$1 Vain yksi hakija'));
    expect(rules(lint(s).stdout)).toEqual([[], []]);
    expect(entries()).toBe(3); // b's new entry after its old one
    expect(rules(lint(s).stdout)).toEqual([[], []]); // the later entry is the one read
    expect(entries()).toBe(3); // nothing changed: not written
    for (let i = 0; i < 20; i++) {
      writeFileSync(s.b, i % 2 ? text : text.replace(label, '$1 Vain yksi hakija'));
      utimesSync(s.b, 1_700_000_000 + i, 1_700_000_000 + i);
      expect(rules(lint(s).stdout)).toEqual([[], i % 2 ? ['empty-field'] : []]);
      expect(entries()).toBeLessThanOrEqual(2 + 16);
    }
  });

  it('a run over some of the files keeps the entries of the others; entries of files that are gone drop out when it is written anew', () => {
    const s = setup();
    lint(s);
    const full = readFileSync(s.cache, 'utf8');
    const one = hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, s.a]);
    expect([one.status, one.stderr]).toEqual([0, '']);
    expect(readFileSync(s.cache, 'utf8')).toBe(full); // nothing changed: not written, b's entry kept
    lint(s);
    expect(readFileSync(s.cache, 'utf8')).toBe(full); // every file from the cache: nothing appended
    // a changes: its entry is appended, b's stays.
    writeFileSync(s.a, readFileSync(s.a, 'utf8').replace('Hankekoodi: S20015', 'Hankekoodi: S20016'));
    hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, s.a]);
    const keys = () =>
      readFileSync(s.cache, 'utf8')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => JSON.parse(l.slice(0, l.indexOf('\t'))) as string);
    expect(keys()).toEqual([s.a, s.b, s.a]);
    // b is deleted and the cache is written anew (a damaged line makes it so): b's entry is gone.
    unlinkSync(s.b);
    writeFileSync(s.cache, readFileSync(s.cache, 'utf8') + 'junk\n');
    const r = hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, s.a]);
    expect(r.stderr).toMatch(/had a damaged entry; its file was linted again\n$/);
    expect(keys()).toEqual([s.a]);
  });

  it('metadata by default (same size and time: reused); --cache-strategy content looks at the bytes', () => {
    const s = setup();
    const time = 1_700_000_000; // whole seconds: set back exactly
    utimesSync(s.a, time, time);
    lint(s);
    const text = readFileSync(s.a, 'utf8');
    // Same length, same modification time, different content.
    writeFileSync(s.a, text.replace('Hankekoodi: S20015', 'Hankekoodi: S2001X'));
    utimesSync(s.a, time, time);
    expect(statSync(s.a).size).toBe(Buffer.byteLength(text));
    expect(rules(lint(s).stdout)[0]).toEqual([]);
    expect(rules(lint(s, '--cache-strategy', 'content').stdout)[0]).toEqual(['invalid-project-code']);
    // Content: a new time with the same bytes is still a hit (and gives the same result).
    utimesSync(s.a, new Date(), new Date());
    expect(rules(lint(s, '--cache-strategy', 'content').stdout)[0]).toEqual(['invalid-project-code']);
  });

  it('void when the configuration changes', () => {
    const s = setup();
    expect(rules(lint(s).stdout)).toEqual([[], ['empty-field']]);
    writeFileSync(join(s.dir, 'docs', '.hankerc.json'), JSON.stringify({ rules: { 'empty-field': 'off' } }));
    expect(rules(lint(s).stdout)).toEqual([[], []]);
    const cfg = join(s.dir, 'strict.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'empty-field': 'error' } }));
    const r = lint(s, '--config', cfg);
    expect(r.status).toBe(1);
    expect(rules(r.stdout)).toEqual([[], ['empty-field']]);
  });

  it('findings across documents on files from the cache point where they do without it, names with escapes too', () => {
    const s = setup();
    const text = readFileSync(s.a, 'utf8');
    // b: a's code and Y-tunnus, another applicant name (a quote, a backslash and a tab make JSON escape it).
    writeFileSync(s.b, text.replace(/^(Hakijan virallinen nimi:).*$/m, '$1 Laukaan "kunnan" \\ kehitys\tOy'));
    const plain = hanke(['lint', '--format', 'json', join(s.dir, 'docs')]).stdout;
    const findings = (JSON.parse(plain) as { diagnostics: { rule: string }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.rule));
    expect(findings.filter((r) => r === 'duplicate-project-code')).toHaveLength(2);
    expect(findings.filter((r) => r === 'conflicting-applicant')).toHaveLength(2);
    expect(lint(s).stdout).toBe(plain); // fills the cache
    expect(lint(s).stdout).toBe(plain); // every file from the cache
    expect(readFileSync(s.cache, 'utf8')).toContain('\\"kunnan\\" \\\\ kehitys\\tOy');
  });

  it('the checks across documents stay right when files come from the cache', () => {
    const s = setup();
    writeFileSync(s.b, readFileSync(s.a, 'utf8')); // same code as a
    expect(rules(lint(s).stdout)).toEqual([['duplicate-project-code'], ['duplicate-project-code']]);
    expect(rules(lint(s).stdout)).toEqual([['duplicate-project-code'], ['duplicate-project-code']]);
    // b gets another code: a (unchanged, from the cache) loses its finding too.
    writeFileSync(s.b, readFileSync(s.a, 'utf8').replace('Hankekoodi: S20015', 'Hankekoodi: S20099'));
    expect(rules(lint(s).stdout)).toEqual([[], []]);
  });

  it('a damaged cache: a warning, the run as usual, the cache written anew', () => {
    const s = setup();
    const clean = lint(s).stdout;
    writeFileSync(s.cache, '{"hankeCache":1,"key":"x","strat');
    const r = lint(s);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(clean);
    expect(r.stderr).toMatch(/^hanke: cache: the cache .* is damaged; linting every file and writing it anew\n$/);
    expect(lint(s).stderr).toBe('');
    // Damaged entries are linted again, with one warning: an edited line (its check no
    // longer matches), a line cut short, a well-checked line of the wrong shape, and a file
    // cut short (its last line has no line break).
    const [head, ...lines] = readFileSync(s.cache, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const fields = lines.map((l) => l.split('\t'));
    expect(fields.map((f) => f[6])).toEqual(['r', 'r']);
    const edited = [...fields[0]];
    edited[11] = edited[11].replace('[]', '[{"rule":"x"}]');
    const cut = lines[1].slice(0, lines[1].length - 20);
    writeFileSync(s.cache, [head, edited.join('\t'), cut, 'junk'].join('\n'));
    const again = lint(s);
    expect(again.stdout).toBe(clean);
    expect(again.stderr).toMatch(/^hanke: cache: the cache .* had 3 damaged entries; their files were linted again\n$/);
    expect(lint(s).stderr).toBe('');
    // Written anew: every line whole again.
    expect(readFileSync(s.cache, 'utf8').trimEnd().split('\n').slice(1)).toEqual(lines);
    // A line with a good check but fields of the wrong kind: linted again.
    const checksum = (t: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      return (h >>> 0).toString(36);
    };
    const wrong = [...fields[1]];
    wrong[7] = 'many';
    const rest = wrong.slice(2).join('\t');
    writeFileSync(s.cache, [head, lines[0], `${wrong[0]}\t${checksum(rest)}\t${rest}`].join('\n'));
    const third = lint(s);
    expect(third.stdout).toBe(clean);
    expect(third.stderr).toMatch(/^hanke: cache: the cache .* had a damaged entry; its file was linted again\n$/);
    expect(readFileSync(s.cache, 'utf8').trimEnd().split('\n').slice(1)).toEqual(lines);
    // In Finnish (a cache of its own: the locale is part of its key).
    lint(s, '--locale', 'fi');
    writeFileSync(s.cache, readFileSync(s.cache, 'utf8') + 'junk\n');
    expect(lint(s, '--locale', 'fi').stderr).toMatch(/^hanke: välimuisti: välimuistissa .* oli vioittunut merkintä; sen tiedosto tarkistettiin uudelleen\n$/);
  });

  it('a cache of an older format is started again without a warning', () => {
    const s = setup();
    const clean = lint(s).stdout;
    const [head] = readFileSync(s.cache, 'utf8').split('\n');
    // Format 4 kept each entry as one JSON array: its key differs, so it is void.
    writeFileSync(s.cache, `{"hankeCache":1,"key":"old-format-key","strategy":"metadata"}\n"${s.a}"\t[1,2,0,"x",{"d":[]}]\n`);
    const r = lint(s);
    expect(r.stdout).toBe(clean);
    expect(r.stderr).toBe('');
    expect(readFileSync(s.cache, 'utf8').split('\n')[0]).toBe(head);
  });

  it('a file there that is not a hanke cache: a warning, and it is left as it is', () => {
    const s = setup();
    writeFileSync(s.cache, 'my notes\n');
    const r = lint(s);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('is not a hanke cache; it is ignored and left as it is (delete it, or give another --cache-location)');
    expect(readFileSync(s.cache, 'utf8')).toBe('my notes\n');
    // In Finnish, all of it.
    const fi = lint(s, '--locale', 'fi');
    expect(fi.stderr).toContain('hanke: välimuisti: ');
    expect(fi.stderr).toContain('ei ole hanken välimuisti; sitä ei käytetä eikä muuteta');
    expect(fi.stderr).not.toMatch(/cache;|ignored/);
  });

  it('a cache that cannot be written: a warning, the exit code of the findings', () => {
    const s = setup();
    const r = hanke(['lint', '--format', 'json', '--cache', '--cache-location', join(s.dir, 'no', 'such', 'dir', 'c'), join(s.dir, 'docs')]);
    expect(r.status).toBe(0);
    // The reason in words, not a system error (ENOENT: …, open '….tmp').
    expect(r.stderr).toMatch(/^hanke: cache: cannot write the cache .*c \(no such folder\); the results are not cached\n$/);
    expect(rules(r.stdout)).toEqual([[], ['empty-field']]);
    const fi = hanke(['lint', '--locale', 'fi', '--format', 'json', '--cache', '--cache-location', join(s.dir, 'no', 'such', 'dir', 'c'), join(s.dir, 'docs')]);
    expect(fi.stderr).toContain('ei voi kirjoittaa (kansiota ei ole); tuloksia ei tallenneta');
  });

  it('never written over a file being linted; a bad --cache-strategy is a usage error', () => {
    const s = setup();
    const before = readFileSync(s.a, 'utf8');
    const r = hanke(['lint', '--cache', '--cache-location', s.a, s.a, s.b]);
    // Said as it is (not "delete it"): the location is one of the files linted.
    expect(r.stderr).toBe(`hanke: cache: the cache location ${s.a} is one of the files to lint; no cache is used (give another --cache-location)\n`);
    expect(readFileSync(s.a, 'utf8')).toBe(before);
    // Found by a walk, too.
    expect(hanke(['lint', '--cache', '--cache-location', s.a, join(s.dir, 'docs')]).stderr).toContain('is one of the files to lint');
    expect(readFileSync(s.a, 'utf8')).toBe(before);
    expect(hanke(['lint', '--cache', '--cache-strategy', 'mtime', s.a]).status).toBe(2);
  });

  it('a file that is not a description is cached as it was found: a walk skips it, a name reports it; the entry of a description serves both', () => {
    const s = setup();
    const notes = join(s.dir, 'docs', 'notes.txt');
    writeFileSync(notes, 'muistiinpanoja\n');
    const walked = () => lint(s);
    const named = () => hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, notes]);
    const plainWalk = hanke(['lint', '--format', 'json', join(s.dir, 'docs')]);
    const plainNamed = hanke(['lint', '--format', 'json', notes]);
    expect([plainWalk.status, plainNamed.status]).toEqual([0, 1]);
    for (const order of [
      [named, walked],
      [walked, named],
    ]) {
      rmSync(s.cache, { force: true });
      for (const run of [...order, ...order]) {
        const r = run();
        const plain = run === walked ? plainWalk : plainNamed;
        expect([r.status, r.stdout]).toEqual([plain.status, plain.stdout]);
      }
    }
  });

  it('standard input is neither looked up in the cache nor kept in it, whatever --stdin-filename says', () => {
    const s = setup();
    lint(s); // a's entry: no findings
    const stdin = (text: string) =>
      spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--cache', '--cache-location', s.cache, '--stdin-filename', s.a, '-'], { cwd: REPO, input: text, encoding: 'utf8' });
    const r = stdin('muistiinpanoja\n');
    expect(r.status).toBe(1);
    expect(rules(r.stdout)).toEqual([['not-a-description']]);
    // Nor kept: the file on disk still gets its own result.
    unlinkSync(s.cache);
    stdin('muistiinpanoja\n');
    expect(rules(hanke(['lint', '--format', 'json', '--cache', '--cache-location', s.cache, s.a]).stdout)).toEqual([[]]);
  });

  it("a cache in the linted folder is the run's own file, not an input; an empty location, or the output file as the cache, is a usage error", () => {
    const s = setup();
    const inside = join(s.dir, 'docs', 'lint-cache.txt');
    const first = hanke(['lint', '--format', 'json', '--cache', '--cache-location', inside, join(s.dir, 'docs')]);
    const second = hanke(['lint', '--format', 'json', '--cache', '--cache-location', inside, join(s.dir, 'docs')]);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(inside, 'utf8').startsWith('{"hankeCache":1,')).toBe(true);
    const empty = hanke(['lint', '--cache', '--cache-location', '', s.a]);
    expect([empty.status, empty.stderr]).toEqual([2, 'hanke: --cache-location needs a file name (see: hanke lint --help)\n']);
    const out = join(s.dir, 'same.out');
    const same = hanke(['lint', '--cache', '--cache-location', out, '-o', out, s.a]);
    expect([same.status, same.stderr]).toEqual([2, `hanke: --cache-location and --output-file are the same file (${out}) (see: hanke lint --help)\n`]);
    expect(existsSync(out)).toBe(false);
  });

  it('the default location is .hankecache in the working folder', () => {
    const s = setup();
    expect(hanke(['lint', '--cache', 'docs'], { cwd: s.dir }).status).toBe(0);
    expect(existsSync(join(s.dir, '.hankecache'))).toBe(true);
  });
});
