// The checks across documents through the CLI: folders and several files, every output
// format, worker threads, the report's section; silent for one file and on the examples.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, example, hanke, removeDir, tempDir } from './helpers';

let tmp: string;
let dir: string;
beforeAll(() => {
  tmp = tempDir();
  dir = join(tmp, 'batch');
  mkdirSync(dir);
  const text = readFileSync(example(1), 'utf8'); // S20015, Laukaan kunta, 0176478-2
  writeFileSync(join(dir, 'a.txt'), text);
  // Same code, same applicant.
  writeFileSync(join(dir, 'b.txt'), text.replace(/^Hankkeen nimi: .*$/m, 'Hankkeen nimi: Toinen versio'));
  // Another code, same Y-tunnus under another name.
  writeFileSync(join(dir, 'c.txt'), text.replace('S20015', 'S20016').replace(/^Hakijan virallinen nimi: .*$/m, 'Hakijan virallinen nimi: Laukaan kunta, sivistystoimi'));
  copyFileSync(example(0), join(dir, 'd.txt'));
});
afterAll(() => removeDir(tmp));

type Json = { file: string; diagnostics: { rule: string; line: number; column: number; message: string }[] }[];
const crossOf = (json: Json) =>
  json.map((f) => [f.file.split(/[\\/]/).pop(), f.diagnostics.filter((d) => d.rule === 'duplicate-project-code' || d.rule === 'conflicting-applicant').map((d) => `${d.rule} ${d.line}:${d.column}`)]);

describe('checks across documents in the CLI', () => {
  it('a folder: two files sharing a code, two sharing a Y-tunnus under different names', () => {
    const r = hanke(['lint', '--format', 'json', dir]);
    expect(r.status).toBe(0);
    expect(crossOf(JSON.parse(r.stdout))).toEqual([
      ['a.txt', ['duplicate-project-code 7:13', 'conflicting-applicant 23:26']],
      ['b.txt', ['duplicate-project-code 7:13', 'conflicting-applicant 23:26']],
      ['c.txt', ['conflicting-applicant 23:26']],
      ['d.txt', []],
    ]);
    const a = (JSON.parse(r.stdout) as Json)[0].diagnostics;
    expect(a[0].message).toBe(`Hankekoodi S20015 is also in another file: ${join(dir, 'b.txt')}.`);
    expect(a[1].message).toBe(`Y-tunnus 0176478-2 has a different applicant name in other files: "Laukaan kunta, sivistystoimi" (${join(dir, 'c.txt')}).`);
  });

  it('the same with worker threads, and with the files named one by one', () => {
    const one = hanke(['lint', '--format', 'json', '--jobs', '1', dir]).stdout;
    expect(hanke(['lint', '--format', 'json', '--jobs', '2', dir]).stdout).toBe(one);
    const named = hanke(['lint', '--format', 'json', ...['a', 'b', 'c', 'd'].map((f) => join(dir, `${f}.txt`))]).stdout;
    expect(named).toBe(one);
  });

  it('a single file is silent', () => {
    const r = hanke(['lint', '--format', 'json', join(dir, 'a.txt')]);
    expect(crossOf(JSON.parse(r.stdout))).toEqual([['a.txt', []]]);
  });

  it('the five examples together are silent', () => {
    const r = hanke(['lint', '--format', 'json', EXAMPLES_DIR]);
    expect(crossOf(JSON.parse(r.stdout)).flatMap(([, ds]) => ds)).toEqual([]);
  });

  it('stylish and SARIF carry them too; Finnish messages', () => {
    const s = hanke(['lint', '--locale', 'fi', dir]);
    expect(s.stdout).toContain(`Hankekoodi S20015 on myös toisessa tiedostossa: ${join(dir, 'b.txt')}.`);
    expect(s.stdout).toMatch(/conflicting-applicant/);
    const sarif = JSON.parse(hanke(['lint', '--format', 'sarif', dir]).stdout);
    const results = sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId);
    expect(results.filter((x: string) => x === 'duplicate-project-code')).toHaveLength(2);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('conflicting-applicant');
  });

  it('configurable like any rule: .hankerc.json turns one off, --config makes one an error', () => {
    const cfg = join(tmp, 'strict.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'duplicate-project-code': 'error', 'conflicting-applicant': 'off' } }));
    const r = hanke(['lint', '--format', 'json', '--config', cfg, dir]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    expect(crossOf(json)[2]).toEqual(['c.txt', []]);
    expect(json[0].diagnostics.find((d) => d.rule === 'duplicate-project-code')).toMatchObject({ severity: 'error' });
  });

  it('the report lists the groups', () => {
    const out = join(tmp, 'r.html');
    expect(hanke(['report', '-o', out, dir]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<section class="panel groups" id="groups">');
    expect(html).toMatch(/The same project code in several files \(1\)<\/h3><ul><li><b>S20015<\/b> — 2 files:/);
    expect(html).toMatch(/One Y-tunnus, different applicant names \(1\)<\/h3><ul><li><b>0176478-2<\/b><ul><li>Laukaan kunta — /);
  });
});
