import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixTexts } from '../../helpers/lint';

const RULE = 'unusual-value';
const KS_ELY = 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus';

function edit(start: string, value: string, text = example('001')): string {
  return editLine(text, start, `${start} ${value}`);
}

describe(RULE, () => {
  it('reports a typo of a known Toiminnan tila, on the value, and nothing else', () => {
    const text = edit('Toiminnan tila:', 'Toiminta päätynyt');
    expect(findings(text)).toEqual([`${RULE}@17`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 17, text: 'Toiminta päätynyt' });
    expect(f.message).toContain('"Toiminta päättynyt"');
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
      expect(findingsOf(RULE, text), bad).toMatchObject([{ text: bad }]);
      expect(fixTexts(RULE, text), bad).toEqual([[good, true]]);
    }
  });

  it('reports a typo of an organisation type and of an authority', () => {
    expect(fixTexts(RULE, edit('Organisaatiotyyppi:', 'Kuntayhtmä'))).toEqual([['Kuntayhtymä', true]]);
    const text = edit('Vastuuviranomainen:', 'Keski-Suomen elinkeino, liikenne ja ympäristökeskus');
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 19, text: 'Keski-Suomen elinkeino, liikenne ja ympäristökeskus' }]);
    expect(fixTexts(RULE, text)[0]).toEqual([KS_ELY, true]);
  });

  it('offers the candidates without a safe fix when the typo could mean several known values', () => {
    // There is no Keski-Savon ELY-keskus: Keski-Suomen, Etelä-Savon and Pohjois-Savon are all a few letters away.
    const text = edit('Vastuuviranomainen:', 'Keski-Savon elinkeino-, liikenne- ja ympäristökeskus');
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 19, text: 'Keski-Savon elinkeino-, liikenne- ja ympäristökeskus' }]);
    expect(fixTexts(RULE, text)).toEqual([
      ['Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus', false],
      ['Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus', false],
      ['Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus', false],
    ]);
    // A one-letter slip in a long name is certain although other names are within the budget.
    expect(fixTexts(RULE, edit('Vastuuviranomainen:', 'Pohjois-Savonn elinkeino-, liikenne- ja ympäristökeskus'))).toEqual([['Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus', true]]);
  });

  it('accepts values far from every known one silently (the lists are open)', () => {
    for (const [label, v] of [
      ['Organisaatiotyyppi:', 'Rekisteröity yhdistys'],
      ['Organisaatiotyyppi:', 'Osakeyhtiö'],
      ['Toiminnan tila:', 'Keskeytetty'],
      ['Vastuuviranomainen:', 'Keski-Suomen ELY-keskus'],
      ['Vastuuviranomainen:', 'Opetushallitus'],
    ]) {
      expect(findingsOf(RULE, edit(label, v)), v).toEqual([]);
    }
  });

  it('accepts every known value', () => {
    for (const v of ['Toiminnassa', 'Toiminta päättynyt']) expect(findingsOf(RULE, edit('Toiminnan tila:', v)), v).toEqual([]);
    for (const v of ['Valtion viranomainen', 'Kunta', 'Kuntayhtymä', 'Säätiö', 'Ammattikorkeakoulu', 'Yliopisto', 'Mikroyritys']) {
      expect(findingsOf(RULE, edit('Organisaatiotyyppi:', v)), v).toEqual([]);
    }
    for (const v of ['Hämeen elinkeino-, liikenne- ja ympäristökeskus', 'Sosiaali- ja terveysministeriö', 'Uudenmaan liitto']) {
      expect(findingsOf(RULE, edit('Vastuuviranomainen:', v)), v).toEqual([]);
    }
  });

  it('leaves empty values to empty-field', () => {
    expect(findings(editLine(example('001'), 'Organisaatiotyyppi:', 'Organisaatiotyyppi:'))).toEqual(['empty-field@25']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });

  it('a shortened Toiminnan tila: reported, safe fix to the full value, and read as that status', () => {
    // 001 has a final report: only the shortening is reported.
    const text = edit('Toiminnan tila:', 'Päättynyt');
    expect(findings(text)).toEqual([`${RULE}@17`]);
    expect(findingsOf(RULE, text)).toEqual([{ line: 17, text: 'Päättynyt', message: '"Päättynyt" is a shortened form; the official value is "Toiminta päättynyt", and it is read as such.' }]);
    expect(analyze(text).findings[0].message.fi).toBe('"Päättynyt" on lyhennetty muoto; virallinen arvo on "Toiminta päättynyt", ja sellaisena se luetaan.');
    expect(fixTexts(RULE, text)).toEqual([['Toiminta päättynyt', true]]);
    expect(applyEdits(text, analyze(text).findings[0].fixes[0].edits)).toBe(example('001'));
    for (const v of ['päättynyt', 'Paattynyt', 'Päättynyt.']) expect(fixTexts(RULE, edit('Toiminnan tila:', v)), v).toEqual([['Toiminta päättynyt', true]]);
  });

  it('an ended project written shortly still gets final-report-missing and realized-figures-missing', () => {
    // 003: ended, section 9 only '-'.
    const base = example('003');
    const status = base.split('\n').findIndex((l) => l.startsWith('Toiminnan tila:')) + 1;
    const text = edit('Toiminnan tila:', 'Päättynyt', base);
    expect(findings(text).sort()).toEqual([...findings(base), `${RULE}@${status}`].sort());
    expect(analyze(text).findings.find((f) => f.rule === 'final-report-missing')!.message.en).toContain('(Toiminnan tila: Päättynyt)');
    const realised = edit('Toteutunut julkinen rahoitus yhteensä:', '', edit('Toiminnan tila:', 'Päättynyt'));
    expect(findings(realised).sort()).toEqual([`${RULE}@17`, `realized-figures-missing@${realised.split('\n').findIndex((l) => l.startsWith('Toteutunut julkinen')) + 1}`].sort());
  });

  it('not a shortening: a first word, an unrelated word; a typo is not read as ended', () => {
    for (const v of ['Toiminta', 'Päättyi', 'Keskeytetty']) {
      const text = edit('Toiminnan tila:', v, example('003'));
      expect(findingsOf(RULE, text), v).toEqual([]);
      expect(findingsOf('final-report-missing', text), v).toEqual([]);
    }
  });
});
