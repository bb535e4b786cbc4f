import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixTexts } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'unusual-value';
const KS_ELY = 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus';
const TILA = 'Toiminnan tila:';
const AUTHORITY = 'Vastuuviranomainen:';

function edit(start: string, value: string, text = example('001')): string {
  return editLine(text, start, `${start} ${value}`);
}

describe(RULE, () => {
  it('reports a typo of a known Toiminnan tila, on the value, and nothing else', () => {
    const text = edit(TILA, 'Toiminta päätynyt');
    rejects(RULE, [{ text, at: { line: TILA, text: 'Toiminta päätynyt' }, message: '"Toiminta päättynyt"', alone: true }]);
    expect(fixTexts(RULE, text)).toEqual([['Toiminta päättynyt', true]]);
    const fixed = applyEdits(text, analyze(text).findings.find((x) => x.rule === RULE)!.fixes[0].edits);
    expect(fixed).toBe(example('001'));
  });

  it('reports values that differ only by case, spacing or ä/ö', () => {
    const cases: [string, string, string][] = [
      ['Toiminnan tila:', 'toiminnassa', 'Toiminnassa'],
      ['Toiminnan tila:', 'Toiminta  päättynyt', 'Toiminta päättynyt'],
      ['Organisaatiotyyppi:', 'kunta', 'Kunta'],
      ['Organisaatiotyyppi:', 'Saatio', 'Säätiö'],
      ['Vastuuviranomainen:', 'Keski-Suomen elinkeino-, liikenne- ja ymparistokeskus', KS_ELY],
    ];
    for (const [label, bad, good] of cases) {
      const text = edit(label, bad);
      rejects(RULE, [{ text, at: { line: label, text: bad } }]);
      expect(fixTexts(RULE, text), bad).toEqual([[good, true]]);
    }
  });

  it('reports a typo of an organisation type and of an authority', () => {
    expect(fixTexts(RULE, edit('Organisaatiotyyppi:', 'Kuntayhtmä'))).toEqual([['Kuntayhtymä', true]]);
    const text = edit('Vastuuviranomainen:', 'Keski-Suomen elinkeino, liikenne ja ympäristökeskus');
    rejects(RULE, [{ text, at: { line: AUTHORITY, text: 'Keski-Suomen elinkeino, liikenne ja ympäristökeskus' } }]);
    expect(fixTexts(RULE, text)[0]).toEqual([KS_ELY, true]);
  });

  it('offers the candidates without a safe fix when the typo could mean several known values', () => {
    // There is no Keski-Savon ELY-keskus: Keski-Suomen, Etelä-Savon and Pohjois-Savon are all a few letters away.
    const text = edit('Vastuuviranomainen:', 'Keski-Savon elinkeino-, liikenne- ja ympäristökeskus');
    rejects(RULE, [{ text, at: { line: AUTHORITY, text: 'Keski-Savon elinkeino-, liikenne- ja ympäristökeskus' } }]);
    expect(fixTexts(RULE, text)).toEqual([
      ['Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus', false],
      ['Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus', false],
      ['Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus', false],
    ]);
    // A one-letter slip in a long name is certain although other names are within the budget.
    expect(fixTexts(RULE, edit('Vastuuviranomainen:', 'Pohjois-Savonn elinkeino-, liikenne- ja ympäristökeskus'))).toEqual([['Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus', true]]);
  });

  it('accepts values far from every known one silently (the lists are open)', () => {
    accepts(
      RULE,
      [
        ['Organisaatiotyyppi:', 'Rekisteröity yhdistys'],
        ['Organisaatiotyyppi:', 'Osakeyhtiö'],
        ['Toiminnan tila:', 'Keskeytetty'],
        ['Vastuuviranomainen:', 'Keski-Suomen ELY-keskus'],
        ['Vastuuviranomainen:', 'Opetushallitus'],
      ].map(([label, v]) => [v, edit(label, v)]),
    );
  });

  it('accepts every known value', () => {
    const known = (label: string, vs: string[]) => vs.map((v): [string, string] => [v, edit(label, v)]);
    accepts(RULE, [
      ...known(TILA, ['Toiminnassa', 'Toiminta päättynyt']),
      ...known('Organisaatiotyyppi:', ['Valtion viranomainen', 'Kunta', 'Kuntayhtymä', 'Säätiö', 'Ammattikorkeakoulu', 'Yliopisto', 'Mikroyritys']),
      ...known(AUTHORITY, ['Hämeen elinkeino-, liikenne- ja ympäristökeskus', 'Sosiaali- ja terveysministeriö', 'Uudenmaan liitto']),
    ]);
  });

  it('leaves empty values to empty-field', () => {
    rejects('empty-field', [{ text: editLine(example('001'), 'Organisaatiotyyppi:', 'Organisaatiotyyppi:'), at: { line: 'Organisaatiotyyppi:', text: 'Organisaatiotyyppi' }, alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });

  it('a shortened Toiminnan tila: reported, safe fix to the full value, and read as that status', () => {
    // 001 has a final report: only the shortening is reported.
    const text = edit(TILA, 'Päättynyt');
    rejects(RULE, [{ text, at: { line: TILA, text: 'Päättynyt' }, message: '"Päättynyt" is a shortened form; the official value is "Toiminta päättynyt", and it is read as such.', alone: true }]);
    expect(analyze(text).findings[0].message.fi).toBe('"Päättynyt" on lyhennetty muoto; virallinen arvo on "Toiminta päättynyt", ja sellaisena se luetaan.');
    expect(fixTexts(RULE, text)).toEqual([['Toiminta päättynyt', true]]);
    expect(applyEdits(text, analyze(text).findings[0].fixes[0].edits)).toBe(example('001'));
    for (const v of ['päättynyt', 'Paattynyt', 'Päättynyt.']) expect(fixTexts(RULE, edit('Toiminnan tila:', v)), v).toEqual([['Toiminta päättynyt', true]]);
  });

  it('an ended project written shortly still gets final-report-missing and realized-figures-missing', () => {
    // 003: ended, section 9 only '-'.
    const base = example('003');
    const text = edit(TILA, 'Päättynyt', base);
    rejects(RULE, [{ text, at: { line: TILA, text: 'Päättynyt' }, besides: base }]);
    expect(analyze(text).findings.find((f) => f.rule === 'final-report-missing')!.message.en).toContain('(Toiminnan tila: Päättynyt)');
    const realised = edit('Toteutunut julkinen rahoitus yhteensä:', '', edit(TILA, 'Päättynyt'));
    expect(findings(realised)).toHaveLength(2);
    rejects(RULE, [{ text: realised, at: { line: TILA, text: 'Päättynyt' } }]);
    rejects('realized-figures-missing', [{ text: realised, at: { line: 'Toteutunut julkinen', text: 'Toteutunut julkinen rahoitus yhteensä' } }]);
  });

  it('not a shortening: a first word, an unrelated word; a typo is not read as ended', () => {
    for (const v of ['Toiminta', 'Päättyi', 'Keskeytetty']) {
      const text = edit('Toiminnan tila:', v, example('003'));
      expect(findingsOf(RULE, text), v).toEqual([]);
      expect(findingsOf('final-report-missing', text), v).toEqual([]);
    }
  });
});
