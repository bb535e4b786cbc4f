// `hanke export`: one CSV row / JSON object per description with the typed values.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, example, hanke, mixedFolder, parseCsv, removeDir, tempDir } from './helpers';

const CODES = ['S21368', 'S20015', 'S21576', 'S21888', 'S22335'];

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

describe('CSV', () => {
  it('five examples give five rows with their codes and amounts', () => {
    const r = hanke(['export', EXAMPLES_DIR]);
    expect(r.status).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const [head, ...body] = rows;
    expect(body).toHaveLength(5);
    expect(body.every((row) => row.length === head.length)).toBe(true);
    const col = (name: string) => body.map((row) => row[head.indexOf(name)]);
    for (const name of [
      'file',
      'code',
      'name',
      'fund',
      'axis',
      'objective',
      'start',
      'end',
      'status',
      'authority',
      'applicant',
      'yTunnus',
      'yTunnusValid',
      'organisationType',
      'grantedEuState',
      'realisedEuState',
      'plannedPublic',
      'realisedPublic',
      'euStateShare',
      'realisationEuState',
      'realisationPublic',
      'regions',
      'subregions',
      'municipalities',
      'companiesPlanned',
      'companiesRealised',
      'personsPlanned',
      'naturalResourcesDirect',
      'environmentalSkillsIndirect',
      'errors',
      'warnings',
    ]) {
      expect(head, name).toContain(name);
    }
    expect(col('code')).toEqual(CODES);
    expect(col('grantedEuState')[0]).toBe('289500');
    expect(col('realisedEuState')[0]).toBe('278300');
    expect(col('plannedPublic')[0]).toBe('335500');
    expect(col('realisedPublic')[0]).toBe('278300');
    expect(col('euStateShare')[0]).toBe('0.8629');
    expect(col('fund')).toEqual(['ESR', 'ESR', 'ESR', 'ESR', 'ESR']);
    expect(col('axis')[0]).toBe('5');
    expect(col('objective')[0]).toBe('10.1');
    expect(col('start')[0]).toBe('2018-08-01');
    expect(col('end')[0]).toBe('2021-07-31');
    expect(col('yTunnus')[0]).toBe('2296962-1');
    expect(col('yTunnusValid')).toEqual(['true', 'true', 'true', 'true', 'true']);
    expect(col('authority')[0]).toBe('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus'); // has commas: quoted and read back whole
    expect(col('regions')[0]).toBe('Keski-Suomi');
    expect(col('municipalities')[0].split(', ')).toHaveLength(23);
    expect(col('companiesPlanned')[0]).toBe('10');
    expect(col('personsPlanned')[0]).toBe('60');
    expect(col('naturalResourcesDirect')[0]).toBe('2');
    expect(col('warnings')).toEqual(['0', '0', '1', '1', '1']);
    expect(col('errors')).toEqual(['0', '0', '0', '0', '0']);
  });

  it('--bom and --delimiter ";" for Finnish Excel: decimal comma, quotes only where needed', () => {
    const r = hanke(['export', '--bom', '--delimiter', ';', EXAMPLES_DIR]);
    expect(r.stdout.startsWith('\uFEFFfile;code;name;')).toBe(true);
    const rows = parseCsv(r.stdout.slice(1), ';');
    const head = rows[0];
    expect(rows[1][head.indexOf('euStateShare')]).toBe('0,8629');
    expect(rows[1][head.indexOf('authority')]).toBe('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    expect(r.stdout).toContain(';Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus;'); // no quotes needed with ;
    expect(hanke(['export', '--delimiter', ';', '--decimal', ';', EXAMPLES_DIR]).status).toBe(2);
  });

  it('quotes, line breaks and spreadsheet formulas in values are made safe', () => {
    const f = join(tmp, 'odd.txt');
    const text = readFileSync(example(0), 'utf8')
      .replace(/^Hankkeen nimi: .*$/m, 'Hankkeen nimi: =HYPERLINK("http://x","klikkaa")')
      .replace(/^Hakijan virallinen nimi: .*$/m, 'Hakijan virallinen nimi: Oy "Lainaus" Ab; toinen');
    writeFileSync(f, text);
    const r = hanke(['export', f]);
    const rows = parseCsv(r.stdout);
    const head = rows[0];
    expect(rows[1][head.indexOf('name')]).toBe('\'=HYPERLINK("http://x","klikkaa")');
    expect(rows[1][head.indexOf('applicant')]).toBe('Oy "Lainaus" Ab; toinen');
    expect(r.stdout).toContain('"Oy ""Lainaus"" Ab; toinen"');
  });

  it('files that are not descriptions get no row, a note on stderr; unreadable ones exit 2', () => {
    const mixed = mixedFolder();
    try {
      const r = hanke(['export', '-o', join(tmp, 'out.csv'), mixed.dir]);
      expect(r.status).toBe(2); // the broken link
      expect(r.stdout).toBe('');
      const rows = parseCsv(readFileSync(join(tmp, 'out.csv'), 'utf8'));
      expect(rows.slice(1).map((row) => row[0])).toEqual([mixed.files.a, mixed.files.b, mixed.files.g]);
      expect(r.stderr).toContain(`skipped ${mixed.files.c}: binary`);
      // Unreadable (exit 2): said as an error, not as a skip.
      expect(r.stderr).toContain(`hanke: ${mixed.files.link}: error: Cannot read the file: broken symbolic link.\n`);
      expect(r.stderr).not.toContain(`skipped ${mixed.files.link}`);
      const head = rows[0];
      expect(rows[2][head.indexOf('warnings')]).toBe('2'); // encoding + final-report-missing
    } finally {
      removeDir(mixed.dir);
    }
  });
});

describe('JSON', () => {
  it('one object per description with typed values', () => {
    const r = hanke(['export', '--format', 'json', EXAMPLES_DIR, '--jobs', '2']);
    expect(r.status).toBe(0);
    const all = JSON.parse(r.stdout);
    expect(all.map((x: { code: string }) => x.code)).toEqual(CODES);
    const first = all[0];
    expect(first).toMatchObject({
      code: 'S21368',
      fund: 'ESR',
      axis: { code: '5', name: 'Sosiaalinen osallisuus ja köyhyyden torjunta' },
      objective: { code: '10.1' },
      start: '2018-08-01',
      end: '2021-07-31',
      status: 'Toiminta päättynyt',
      ended: true,
      yTunnus: '2296962-1',
      yTunnusValid: true,
      organisationType: 'Valtion viranomainen',
      amounts: { grantedEuState: 289500, realisedEuState: 278300, plannedPublic: 335500, realisedPublic: 278300 },
      regions: ['Keski-Suomi'],
      companiesPlanned: 10,
      companiesRealised: 0,
      personsPlanned: 60,
      gender: { analysis: false, mainstreaming: false, mainGoal: false },
      errors: 0,
      warnings: 0,
    });
    expect(first.euStateShare).toBeCloseTo(289500 / 335500, 10);
    expect(first.scores).toHaveLength(15);
    expect(first.scores[0]).toEqual({ key: 'naturalResources', group: 'Ekologinen kestävyys', name: 'Luonnonvarojen käytön kestävyys', direct: 2, indirect: 2 });
    expect(all[4].applicantCount).toBeNull();
    expect(all[4].warnings).toBe(1);
  });

  it('CSV-only options are refused with JSON', () => {
    expect(hanke(['export', '--format', 'json', '--bom', EXAMPLES_DIR]).status).toBe(2);
  });
});
