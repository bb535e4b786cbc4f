// Hover summaries computed by the core (server/src/core/hover.ts).
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { hoverAt, firstSentence } from '../../server/src/core/hover';
import { yTunnusStatus } from '../../server/src/core/ytunnus';
import { analyze } from '../../server/src/core/lint';
import { EXAMPLES, editLine, example } from '../helpers/examples';
import { rangeOf } from '../helpers/rules';

/** The hover at the first occurrence of `needle` (plus `shift` characters) in `text`. */
function hover(text: string, needle: string, locale: 'fi' | 'en' = 'en', shift = 0) {
  const { doc, findings } = analyze(text);
  const lines = text.split(/\r\n|\n/);
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`no ${needle}`);
  const character = lines[line].indexOf(needle) + shift;
  return hoverAt(doc, deriveFacts(doc), findings, { line, character }, locale);
}

const ex000 = example('000');

describe('hover on example 000', () => {
  it('section 5 shows the share of EU+state financing (86 %) and the realisation rate (96 %)', () => {
    const h = hover(ex000, '5 Projektin julkinen rahoitus')!;
    expect(h.markdown).toContain('| 289 500 |');
    expect(h.markdown).toContain('| 335 500 |');
    expect(h.markdown).toMatch(/EU and state share of planned public funding \| 86 %/);
    expect(h.markdown).toMatch(/realised \/ granted EU and state funding \| 96 %/);
    expect(h.markdown).toMatch(/realised \/ planned public funding \| 83 %/);
    expect(h.markdown).toContain('| 11 200 |'); // remaining EU+state
    expect(h.markdown).toContain('| 57 200 |'); // remaining public
    expect(h.range).toEqual(rangeOf(ex000, '5 Projektin julkinen rahoitus, euroa'));
    const fi = hover(ex000, '5 Projektin julkinen rahoitus', 'fi')!;
    expect(fi.markdown).toMatch(/EU- ja valtion osuus suunnitellusta julkisesta rahoituksesta \| 86 %/);
    expect(fi.markdown).toMatch(/toteutunut \/ myönnetty EU- ja valtion rahoitus \| 96 %/);
  });

  it('a value of section 5 shows the same table', () => {
    const h = hover(ex000, '289 500')!;
    expect(h.markdown).toContain('86 %');
    expect(h.range.start.character).toBe('Myönnetty EU- ja valtion rahoitus: '.length);
  });

  it('section 1 shows the code, the fund, official axis and objective names and 36 months', () => {
    const h = hover(ex000, '1 Hanke')!;
    expect(h.markdown).toContain('`S21368` · ESR');
    expect(h.markdown).toContain('Marke - palvelumarkkinoiden kehittäminen');
    expect(h.markdown).toContain('5. Sosiaalinen osallisuus ja köyhyyden torjunta');
    expect(h.markdown).toContain('10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen');
    expect(h.markdown).toContain('1.8.2018–31.7.2021 · 36 months (1 096 days)');
    expect(h.markdown).toContain('Toiminta päättynyt');
    expect(h.markdown).toContain('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    expect(hover(ex000, '1 Hanke', 'fi')!.markdown).toContain('36 kuukautta (1 096 päivää)');
  });

  it('the Toimintalinja value: fund, official name, when it was open, its objectives (the stated one in bold)', () => {
    const h = hover(ex000, '5. Sosiaalinen osallisuus')!;
    expect(h.markdown).toContain('**Priority axis 5. Sosiaalinen osallisuus ja köyhyyden torjunta**');
    expect(h.markdown).toContain('**Fund:** ESR, the European Social Fund ✓ this is an ESR description');
    expect(h.markdown).toContain('**Available:** the whole programme period');
    expect(h.markdown).toContain('**10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen**');
    expect(h.range.start.character).toBe('Toimintalinja: '.length);
    const fi = hover(ex000, '5. Sosiaalinen osallisuus', 'fi')!.markdown;
    expect(fi).toContain('**Rahasto:** ESR, Euroopan sosiaalirahasto ✓ kuvaus on ESR-hankkeen');
    expect(fi).toContain('**Käytettävissä:** koko ohjelmakauden');
  });

  it('REACT-EU: added 4/2021, costs from 1.2.2020, checked against the start date', () => {
    const text = editLine(editLine(ex000, 'Toimintalinja:', 'Toimintalinja: 9. REACT-EU:n ESR-toimenpiteet'), 'Erityistavoite:', 'Erityistavoite: 12.3. Digitaalisten taitojen parantaminen');
    const h = hover(text, '9. REACT-EU')!.markdown;
    expect(h).toContain('**Available:** added to the programme in 4/2021; costs eligible from 1.2.2020 ✗ the project starts on 1.8.2018');
    expect(h).toContain('axis-not-yet-available');
    const fi = hover(text.replace('Alkaa 1.8.2018', 'Alkaa 1.2.2020'), '9. REACT-EU', 'fi')!.markdown;
    expect(fi).toContain('**Käytettävissä:** lisätty ohjelmaan 4/2021; kustannukset tukikelpoisia 1.2.2020 alkaen ✓');
  });

  it("the Erityistavoite value: the objective, its axis and that axis' facts; an EAKR axis in an ESR description is marked", () => {
    const h = hover(ex000, '10.1. Työelämän')!.markdown;
    expect(h).toContain('**Specific objective 10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen**');
    expect(h).toContain('**Priority axis 5. Sosiaalinen osallisuus ja köyhyyden torjunta**');
    const eakr = editLine(
      editLine(ex000, 'Toimintalinja:', 'Toimintalinja: 1. Pk-yritystoiminnan kilpailukyky'),
      'Erityistavoite:',
      'Erityistavoite: 2.1. PK-yritysten kasvun ja kansainvälistymisen edistäminen',
    );
    expect(hover(eakr, '2.1. PK')!.markdown).toContain('**Fund:** EAKR, the European Regional Development Fund ✗ this is an ESR description');
    const other = editLine(ex000, 'Erityistavoite:', 'Erityistavoite: 6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen');
    expect(hover(other, '6.1. Nuorten')!.markdown).toContain('✗ the Toimintalinja field says 5');
  });

  it('the Vastuuviranomainen value: the funds and the regions that authority decided on', () => {
    const h = hover(ex000, 'Keski-Suomen elinkeino')!.markdown;
    expect(h).toContain('**Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus** (Keski-Suomen ELY-keskus, ELY centre)');
    expect(h).toContain('EAKR, the European Regional Development Fund and ESR, the European Social Fund ✓');
    expect(h).toContain('**Regional ESR decisions 2014–2020:** Keski-Suomi, Pirkanmaa, Satakunta, Etelä-Pohjanmaa, Pohjanmaa');
    const lapland = hover(editLine(ex000, 'Vastuuviranomainen:', 'Vastuuviranomainen: Lapin elinkeino-, liikenne- ja ympäristökeskus'), 'Lapin elinkeino')!.markdown;
    expect(lapland).toContain('none (they were made by Hämeen ELY-keskus, Etelä-Savon ELY-keskus, Keski-Suomen ELY-keskus, Pohjois-Pohjanmaan ELY-keskus)');
    const liitto = hover(editLine(ex000, 'Vastuuviranomainen:', 'Vastuuviranomainen: Keski-Suomen liitto'), 'Keski-Suomen liitto', 'fi')!.markdown;
    expect(liitto).toContain('**Rahastot:** EAKR, Euroopan aluekehitysrahasto ✗ kuvaus on ESR-hankkeen');
    expect(liitto).toContain('**Maakunta:** Keski-Suomi (EAKR-päätökset)');
    expect(liitto).toContain('authority-fund-mismatch');
    const away = hover(editLine(ex000, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Lappi'), 'Keski-Suomen elinkeino')!.markdown;
    expect(away).toContain('The regional ESR decisions for Lappi were made by another ELY centre.');
    expect(hover(editLine(ex000, 'Vastuuviranomainen:', 'Vastuuviranomainen: Opetushallitus'), 'Opetushallitus')!.markdown).toContain('Not a known granting authority.');
  });

  it('a period that is not whole months gives months and days', () => {
    const h = hover(example('001'), '1 Hanke')!;
    // 1.3.2015–1.1.2019
    expect(h.markdown).toContain('1.3.2015–1.1.2019 · 46 months 1 day (1 403 days)');
  });

  it('the Y-tunnus value shows the value and that it is valid', () => {
    const h = hover(ex000, '2296962-1')!;
    expect(h.markdown).toContain('`2296962-1` ✓ valid');
    expect(h.markdown).toContain('Valtion viranomainen');
    expect(h.markdown).toContain('Osatoteuttajat');
    expect(h.range).toEqual(rangeOf(ex000, { line: 'Y-tunnus:', text: '2296962-1' }));
  });

  it('a wrong check digit is shown with the right one', () => {
    const text = ex000.replace('Y-tunnus: 2296962-1', 'Y-tunnus: 2296962-5');
    const h = hover(text, '2296962-5')!;
    expect(h.markdown).toContain('wrong check digit; the correct one is 1 (`2296962-1`)');
    expect(hover(text, '2296962-5', 'fi')!.markdown).toContain('oikea on 1');
  });

  it('partners of a joint project are listed with their Y-tunnus checked', () => {
    const text = editLine(
      ex000,
      'Hakijoiden lukumäärä',
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)',
      '',
      'Osatoteuttajat',
      'Oulun yliopisto, 0245895-1',
    );
    const h = hover(text, '2 Hakijan perustiedot')!;
    expect(h.markdown).toContain('Oulun yliopisto');
    expect(h.markdown).toContain('correct one is 5');
    const p = hover(text, '0245895-1')!;
    expect(p.markdown).toContain('Oulun yliopisto');
  });

  it('the municipality hover names the region on the start date (Jyväskylä → Keski-Suomi)', () => {
    const h = hover(ex000, 'Jyväskylä, Viitasaari')!;
    expect(h.markdown).toContain('**Jyväskylä**');
    expect(h.markdown).toContain('Keski-Suomi');
    expect(h.markdown).toContain('1.8.2018');
    expect(h.markdown).toContain('No changes since.');
    expect(hover(ex000, 'Jyväskylä, Viitasaari', 'fi')!.markdown).toContain('Jyväskylän seutukunta, maakunta Keski-Suomi');
  });

  it('a municipality that moved later says so (Kuhmoinen → Pirkanmaa 2021)', () => {
    const h = hover(ex000, 'Kuhmoinen')!;
    expect(h.markdown).toContain('sub-region Jämsä, region Keski-Suomi');
    expect(h.markdown).toContain('1.1.2021: moved to region Pirkanmaa');
  });

  it('regions and sub-regions show their members on the start date', () => {
    const r = hover(ex000, 'Keski-Suomi', 'en', 1)!;
    expect(r.markdown).toContain('6 sub-regions, 23 municipalities');
    expect(r.markdown).toContain('Kuhmoinen moved to Pirkanmaa');
    const s = hover(ex000, 'Joutsan')!;
    expect(s.markdown).toContain('**Joutsa**, **Luhanka**');
  });

  it('section 6 lists every place with its memberships', () => {
    const h = hover(ex000, '6 Maantieteellinen kohdealue')!;
    expect(h.markdown).toContain('Memberships on the start date 1.8.2018.');
    expect(h.markdown).toContain('| Jyväskylä | Jyväskylän | Keski-Suomi |');
    expect(h.markdown).toContain('| Kuhmoinen | Jämsän | Keski-Suomi | 1.1.2021');
  });

  it('7.1 compares planned and realised', () => {
    const h = hover(ex000, '7.1 Osallistuvien')!;
    expect(h.markdown).toContain('| Suunniteltu | 10 |');
    expect(h.markdown).toContain('Realised / planned: 0 %');
  });

  it('8.1 lists the three answers, 8.2 sums the scores per group', () => {
    const a = hover(ex000, '8.1 Sukupuolten')!;
    expect(a.markdown.match(/\| Ei \|/g)).toHaveLength(3);
    const s = hover(ex000, '8.2 Kestävä kehitys')!;
    expect(s.markdown).toContain('| Ekologinen kestävyys | 3 / 50 | 3 / 50 | 5/5 |');
    expect(s.markdown).toContain('| Sosiaalinen ja kulttuurinen kestävyys sekä yhdenvertaisuus | 17 / 50 | 17 / 50 | 5/5 |');
    expect(s.markdown).toContain('**25 / 150**');
  });

  it('text sections give their length and first sentence', () => {
    const h = hover(ex000, '3 Suunnitelman')!;
    expect(h.markdown).toMatch(/\*\*Length:\*\* \d+ words, [\d ]+ characters/);
    expect(h.markdown).toContain('> Marke – palvelumarkkinoiden kehittäminen, on kehittämishanke');
    const lines = ex000.split('\n');
    const from = lines.indexOf('3 Suunnitelman mukainen tiivistelmä toteutuksesta');
    const to = lines.indexOf('4 Hankkeen kohderyhmät');
    const emptied = [...lines.slice(0, from + 1), '', '-', '', ...lines.slice(to)].join('\n');
    expect(hover(emptied, '3 Suunnitelman')!.markdown).toContain('The section is empty; it should have text.');
    expect(hover(emptied, '9 Loppuraportin')!.markdown).toContain('> Marke-palvelumarkkinoiden kehittäminen hankkeella oli kaksi kehittämisteemaa');
  });

  it('the preamble title summarises the document', () => {
    const h = hover(ex000, 'Euroopan sosiaalirahaston')!;
    expect(h.markdown).toContain('S21368');
    expect(h.markdown).toContain('15 of 15 present');
    expect(h.markdown).toContain('0 errors, 0 warnings');
    const broken = hover(ex000.replace('Hankekoodi: S21368', 'Hankekoodi: X1'), 'Euroopan sosiaalirahaston')!;
    expect(broken.markdown).toMatch(/[1-9]\d* errors/);
  });

  it('a label explains the field and shows an example', () => {
    const h = hover(ex000, 'Hankekoodi')!;
    expect(h.markdown).toContain('a letter and five digits');
    expect(h.markdown).toContain('Hankekoodi: S21368');
    expect(h.range).toEqual(rangeOf(ex000, { line: 'Hankekoodi:', text: 'Hankekoodi' }));
    const fi = hover(ex000, 'Hankekoodi', 'fi')!;
    expect(fi.markdown).toContain('kirjain ja viisi numeroa');
    const typo = hover(ex000.replace('Organisaatiotyyppi:', 'Organisatiotyyppi:'), 'Organisatiotyyppi')!;
    expect(typo.markdown).toContain('Official spelling: Organisaatiotyyppi');
  });

  it('an inconsistency in section 5 is flagged from the findings', () => {
    const text = ex000.replace('Toteutunut EU- ja valtion rahoitus: 278 300', 'Toteutunut EU- ja valtion rahoitus: 300 000');
    const h = hover(text, '5 Projektin julkinen rahoitus')!;
    expect(h.markdown).toContain('| 104 % |');
    expect(h.markdown).toContain('| −10 500 |');
    expect(h.markdown).toContain('**Problems:**');
    expect(h.markdown).toContain('`financing-realized-exceeds-granted`');
    expect(hover(ex000, '5 Projektin julkinen rahoitus')!.markdown).toContain('✓ The figures are consistent.');
  });

  it('every heading and label of every example has a hover in both languages', () => {
    for (const { text } of EXAMPLES) {
      const { doc, findings } = analyze(text);
      const facts = deriveFacts(doc);
      for (const s of doc.sections) {
        for (const locale of ['fi', 'en'] as const) {
          const h = hoverAt(doc, facts, findings, s.heading.range.start, locale);
          expect(h?.markdown.length).toBeGreaterThan(20);
        }
        for (const f of s.fields) expect(hoverAt(doc, facts, findings, f.labelRange.start, 'fi')).toBeDefined();
      }
    }
  });

  it('blank lines and free text have no hover', () => {
    const { doc, findings } = analyze(ex000);
    const blank = ex000.split('\n').indexOf('');
    expect(blank).toBeGreaterThan(0);
    expect(hoverAt(doc, deriveFacts(doc), findings, { line: blank, character: 0 }, 'en')).toBeUndefined();
    expect(hover(ex000, 'Hankkeella haetaan ratkaisua')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('yTunnusStatus', () => {
    expect(yTunnusStatus('2296962-1')).toEqual({ kind: 'valid' });
    expect(yTunnusStatus('2296962-2')).toEqual({ kind: 'checkDigit', expected: 1 });
    expect(yTunnusStatus('229696-1')).toEqual({ kind: 'format' });
  });
  it('firstSentence skips abbreviations', () => {
    expect(firstSentence('Palvelut esim. valmennus. Toinen.')).toBe('Palvelut esim. valmennus.');
    expect(firstSentence('Ei pistettä')).toBe('Ei pistettä');
  });
});
