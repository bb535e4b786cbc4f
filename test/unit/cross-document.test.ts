// Rules across documents: duplicate-project-code and conflicting-applicant, in the core.
import { describe, expect, it } from 'vitest';
import { checkAcrossDocuments, type CrossInput, documentKeys, NAMED_FILES } from '../../server/src/core/cross-document';
import { parse } from '../../server/src/core/parser';
import { EXAMPLES, editLine } from '../helpers/examples';

const base = EXAMPLES[0].text; // S21368, Y-tunnus 2296962-1
const input = (file: string, text: string, rules?: CrossInput['rules']): CrossInput => ({ file, keys: documentKeys(parse(text)), rules });
const rulesOf = (inputs: CrossInput[]) => checkAcrossDocuments(inputs).findings.map((f) => `${inputs[f.index].file} ${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
const withCode = (code: string) => editLine(base, 'Hankekoodi:', `Hankekoodi: ${code}`);
const withName = (name: string) => editLine(base, 'Hakijan virallinen nimi:', `Hakijan virallinen nimi: ${name}`);

describe('duplicate-project-code', () => {
  it('two files with one code: a finding on the code of each, naming the other', () => {
    const inputs = [input('a.txt', base), input('b.txt', withCode('S99999')), input('c.txt', withCode('s21368'))];
    const r = checkAcrossDocuments(inputs);
    expect(rulesOf(inputs)).toEqual(['a.txt duplicate-project-code 7:13', 'c.txt duplicate-project-code 7:13']);
    expect(r.findings[0].message.en).toBe('Hankekoodi S21368 is also in another file: c.txt.');
    expect(r.findings[1].message.fi).toBe('Hankekoodi S21368 on myös toisessa tiedostossa: a.txt.');
    expect(r.groups.codes).toEqual([{ value: 'S21368', files: [0, 2] }]);
  });

  it('different codes, invalid codes and a single file: silent', () => {
    expect(rulesOf([input('a.txt', base), input('b.txt', withCode('S21369'))])).toEqual([]);
    expect(rulesOf([input('a.txt', withCode('S1234')), input('b.txt', withCode('S1234'))])).toEqual([]);
    expect(rulesOf([input('a.txt', base)])).toEqual([]);
  });

  it('the five examples are silent together', () => {
    expect(rulesOf(EXAMPLES.map((e) => input(e.name, e.text)))).toEqual([]);
  });

  it('a code in 600 files names the first few others and counts the rest', () => {
    const keys = documentKeys(parse(base));
    const inputs = Array.from({ length: 600 }, (_, i) => ({ file: `f${i}.txt`, keys }));
    const r = checkAcrossDocuments(inputs);
    expect(r.findings.filter((f) => f.rule === 'duplicate-project-code')).toHaveLength(600);
    expect(r.findings[0].message.en).toBe(`Hankekoodi S21368 is also in 599 other files: f1.txt, f2.txt, f3.txt and ${599 - NAMED_FILES} more.`);
    expect(r.findings[599].message.en).toBe(`Hankekoodi S21368 is also in 599 other files: f0.txt, f1.txt, f2.txt and ${599 - NAMED_FILES} more.`);
    const longest = Math.max(...r.findings.map((f) => f.message.en.length));
    expect(longest).toBeLessThan(120);
  });

  it('configurable per file: off, or another severity', () => {
    const inputs = [input('a.txt', base, { 'duplicate-project-code': 'off' }), input('b.txt', base, { 'duplicate-project-code': 'error' })];
    const r = checkAcrossDocuments(inputs);
    expect(r.findings.map((f) => [inputs[f.index].file, f.severity])).toEqual([['b.txt', 'error']]);
    // The report's list of groups follows the setting too: a group where the rule is off in every file is not listed.
    expect(r.groups.codes).toEqual([{ value: 'S21368', files: [0, 1] }]);
    const off = { 'duplicate-project-code': 'off', 'conflicting-applicant': 'off' } as const;
    const allOff = checkAcrossDocuments([input('a.txt', base, off), input('b.txt', withName('Toinen Oy'), off)]);
    expect(allOff).toEqual({ findings: [], groups: { codes: [], applicants: [] } });
  });

  it('Finnish counts: "ja 1 muu" after one, "ja 2 muuta" after more (nominative, partitive)', () => {
    const keys = documentKeys(parse(base));
    const of = (n: number) => checkAcrossDocuments(Array.from({ length: n }, (_, i) => ({ file: `f${i}.txt`, keys }))).findings[0].message;
    expect(of(NAMED_FILES + 2).fi).toBe('Hankekoodi S21368 on myös 4 muussa tiedostossa: f1.txt, f2.txt, f3.txt ja 1 muu.');
    expect(of(NAMED_FILES + 3).fi).toBe('Hankekoodi S21368 on myös 5 muussa tiedostossa: f1.txt, f2.txt, f3.txt ja 2 muuta.');
    expect(of(NAMED_FILES + 2).en).toBe('Hankekoodi S21368 is also in 4 other files: f1.txt, f2.txt, f3.txt and 1 more.');
  });
});

describe('conflicting-applicant', () => {
  it('one Y-tunnus, two names: a finding on the name in each file, naming the other spelling', () => {
    const inputs = [input('a.txt', base), input('b.txt', withName('Toinen Oy')), input('c.txt', withName('Toinen  oy'))];
    const r = checkAcrossDocuments(inputs).findings.filter((f) => f.rule === 'conflicting-applicant');
    expect(r.map((f) => `${inputs[f.index].file} ${f.range.start.line + 1}:${f.range.start.character + 1}`)).toEqual(['a.txt 23:26', 'b.txt 23:26', 'c.txt 23:26']);
    expect(r[0].message.en).toBe('Y-tunnus 2296962-1 has a different applicant name in other files: "Toinen Oy" (b.txt and 1 more).');
    expect(r[0].message.fi).toBe('Y-tunnuksella 2296962-1 on muissa tiedostoissa eri hakijan nimi: "Toinen Oy" (b.txt ja 1 muu).');
    expect(r[1].message.fi).toMatch(/^Y-tunnuksella 2296962-1 on muissa tiedostoissa eri hakijan nimi: "Elinkeino-, liikenne-.*" \(a\.txt\)\.$/);
    expect(checkAcrossDocuments(inputs).groups.applicants).toEqual([
      {
        value: '2296962-1',
        names: [
          { name: base.match(/^Hakijan virallinen nimi: (.*)$/m)![1], files: [0] },
          { name: 'Toinen Oy', files: [1, 2] },
        ],
      },
    ]);
  });

  it('the same name (case, spaces aside), another Y-tunnus, or an invalid one: silent', () => {
    const name = base.match(/^Hakijan virallinen nimi: (.*)$/m)![1];
    const other = editLine(withName('Toinen Oy'), 'Y-tunnus:', 'Y-tunnus: 0176478-2');
    const invalid = editLine(withName('Toinen Oy'), 'Y-tunnus:', 'Y-tunnus: 2296962-2');
    const inputs = [
      input('a.txt', withCode('S10001')),
      input('b.txt', withName(name.toUpperCase().replace(/ /g, '  ')).replace('S21368', 'S10002')),
      input('c.txt', other.replace('S21368', 'S10003')),
      input('d.txt', invalid.replace('S21368', 'S10004')),
    ];
    expect(rulesOf(inputs)).toEqual([]);
  });

  it('20 000 files in one Y-tunnus, every name different: short messages (at most three names each)', () => {
    const keys = documentKeys(parse(base))!;
    const inputs = Array.from({ length: 20000 }, (_, i) => ({ file: `f${i}.txt`, keys: { yTunnus: keys.yTunnus, applicant: { ...keys.applicant!, value: `Nimi ${i}` } } }));
    const r = checkAcrossDocuments(inputs);
    expect(r.findings).toHaveLength(20000);
    expect(r.findings[5].message.en).toBe('Y-tunnus 2296962-1 has a different applicant name in other files: "Nimi 0" (f0.txt), "Nimi 1" (f1.txt), "Nimi 2" (f2.txt) and 19996 more names.');
    expect(r.findings[5].message.fi).toMatch(/ ja 19996 muuta nimeä\.$/);
    const five = Array.from({ length: NAMED_FILES + 2 }, (_, i) => ({ file: `f${i}.txt`, keys: { yTunnus: keys.yTunnus, applicant: { ...keys.applicant!, value: `Nimi ${i}` } } }));
    const last = checkAcrossDocuments(five).findings[0].message;
    expect(last.fi).toMatch(/\) ja 1 muu nimi\.$/);
    expect(last.en).toMatch(/\) and 1 more name\.$/);
  });
});
