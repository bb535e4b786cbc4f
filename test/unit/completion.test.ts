// Completion computed by the core (server/src/core/completion.ts).
import { describe, expect, it } from 'vitest';
import { type CompletionEntry, completionsAt } from '../../server/src/core/completion';
import { deriveFacts } from '../../server/src/core/facts';
import { applyEdits } from '../../server/src/core/fixes';
import { parse } from '../../server/src/core/parser';
import { AXES, findAxis, municipalitiesOn, regionsOn } from '../../server/src/core/reference';
import { SECTIONS } from '../../server/src/core/schema';
import { editLine, example } from '../helpers/examples';

/** Completions with the cursor where `|` is in `text` (the `|` removed). */
function complete(textWithCursor: string, locale: 'fi' | 'en' = 'en'): { items: CompletionEntry[]; text: string } {
  const at = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, at) + textWithCursor.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const doc = parse(text);
  return { items: completionsAt(doc, deriveFacts(doc), position, locale), text };
}

function accept(r: { items: CompletionEntry[]; text: string }, label: string): string {
  const item = r.items.find((i) => i.label === label);
  if (!item) throw new Error(`no item ${label} in ${r.items.map((i) => i.label).join(', ')}`);
  return applyEdits(r.text, [{ range: item.range, newText: item.newText }]);
}

const ex000 = example('000');

describe('values after a label', () => {
  it('after "Toimintalinja:" the programme axes, as "N. Name"', () => {
    const r = complete(editLine(ex000, 'Toimintalinja:', 'Toimintalinja:|'));
    expect(r.items.map((i) => i.label)).toEqual(expect.arrayContaining(AXES.map((a) => `${a.number}. ${a.name}`)));
    expect(r.items).toHaveLength(AXES.length);
    // ESR axes first for an ESR description.
    const sorted = [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(AXES.find((a) => sorted[0].label.startsWith(`${a.number}.`))!.fund).toContain('ESR');
    expect(accept(r, '5. Sosiaalinen osallisuus ja köyhyyden torjunta')).toContain('\nToimintalinja: 5. Sosiaalinen osallisuus ja köyhyyden torjunta\n');
    expect(r.items[0].documentation).toBeTruthy();
  });

  it('the REACT-EU axes say from when their costs were eligible', () => {
    const items = complete(editLine(ex000, 'Toimintalinja:', 'Toimintalinja:|')).items;
    expect(items.find((i) => i.label.startsWith('9.'))!.documentation).toContain('Costs eligible from 1.2.2020.');
    expect(items.find((i) => i.label.startsWith('3.'))!.documentation).not.toContain('eligible');
  });

  it('replaces a value already written', () => {
    const r = complete(editLine(ex000, 'Toimintalinja:', 'Toimintalinja: 3. Ty|ö'));
    expect(accept(r, '5. Sosiaalinen osallisuus ja köyhyyden torjunta')).toContain('\nToimintalinja: 5. Sosiaalinen osallisuus ja köyhyyden torjunta\n');
    expect(r.items.find((i) => i.label.startsWith('3.'))!.filterText).toMatch(/^3\. /);
  });

  it('after "Erityistavoite:" the objectives of the chosen axis', () => {
    const r = complete(editLine(ex000, 'Erityistavoite:', 'Erityistavoite: |'));
    expect(r.items.map((i) => i.label)).toEqual(findAxis(5)!.objectives.map((o) => `${o.code}. ${o.name}`));
    const r3 = complete(editLine(editLine(ex000, 'Toimintalinja:', 'Toimintalinja: 3. Työllisyys ja työvoiman liikkuvuus'), 'Erityistavoite:', 'Erityistavoite: |'));
    expect(r3.items.map((i) => i.label.split(' ')[0])).toEqual(['6.1.', '7.1.', '8.1.']);
  });

  it('Kunnat: names valid on the start date in the listed regions, not those already listed', () => {
    const r = complete(editLine(ex000, 'Kunnat:', 'Kunnat: Kuhmoinen, Jyv|'));
    const labels = r.items.map((i) => i.label);
    expect(labels).toContain('Jyväskylä');
    expect(labels).not.toContain('Kuhmoinen');
    expect(labels).not.toContain('Tampere');
    const inRegion = municipalitiesOn('2018-08-01').filter((m) => m.region === 'Keski-Suomi').length;
    expect(labels).toHaveLength(inRegion - 1);
    expect(accept(r, 'Jyväskylä')).toContain('\nKunnat: Kuhmoinen, Jyväskylä\n');
    // Kuhmoinen was in Keski-Suomi until 2020: not offered there for a project starting 2021.
    const later = editLine(editLine(ex000, 'Suunnitelman mukainen toteutusaika:', 'Suunnitelman mukainen toteutusaika: Alkaa 1.2.2021 ja päättyy 31.7.2022'), 'Kunnat:', 'Kunnat: |');
    expect(complete(later).items.map((i) => i.label)).not.toContain('Kuhmoinen');
  });

  it('after a comma, a space is inserted before the name', () => {
    const r = complete(editLine(ex000, 'Seutukunnat:', 'Seutukunnat: Joutsan,|'));
    expect(accept(r, 'Jyväskylän')).toContain('\nSeutukunnat: Joutsan, Jyväskylän\n');
    expect(r.items.map((i) => i.label)).not.toContain('Joutsan');
    expect(r.items.every((i) => i.detail!.endsWith('Keski-Suomi'))).toBe(true);
  });

  it('Maakunnat: the regions of the start date', () => {
    const r = complete(editLine(ex000, 'Maakunnat:', 'Maakunnat: |'));
    expect(r.items.map((i) => i.label).sort()).toEqual(
      regionsOn('2018-08-01')
        .map((x) => x.name)
        .sort(),
    );
  });

  it('Kyllä / Ei after an 8.1 question', () => {
    const r = complete(editLine(ex000, 'Hankkeen päätavoite on', 'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: |'));
    expect(r.items.map((i) => i.label)).toEqual(['Kyllä', 'Ei']);
  });

  it('known values of the open lists and the closed applicant-count list', () => {
    expect(complete(editLine(ex000, 'Toiminnan tila:', 'Toiminnan tila: |')).items.map((i) => i.label)).toEqual(expect.arrayContaining(['Toiminnassa', 'Toiminta päättynyt']));
    expect(complete(editLine(ex000, 'Organisaatiotyyppi:', 'Organisaatiotyyppi: |')).items.map((i) => i.label)).toContain('Kunta');
    const auth = complete(editLine(ex000, 'Vastuuviranomainen:', 'Vastuuviranomainen: |')).items.map((i) => i.label);
    expect(auth).toContain('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    const count = complete(editLine(ex000, 'Hakijoiden lukumäärä', 'Hakijoiden lukumäärä tai tuen siirto -menettely: |')).items.map((i) => i.label);
    expect(count).toHaveLength(3);
    expect(count[0]).toBe('Vain yksi hakija');
  });

  it("Vastuuviranomainen: the authorities that grant the description's fund first, the deciders for the listed maakunta first of all", () => {
    const ordered = (text: string) =>
      complete(editLine(text, 'Vastuuviranomainen:', 'Vastuuviranomainen: |'))
        .items.sort((a, b) => a.sortText!.localeCompare(b.sortText!))
        .map((i) => i.label);
    // ESR, Keski-Suomi: Keski-Suomen ELY (its regional ESR decisions), then the other ESR deciders, other ELYs, liitot last.
    const esr = ordered(ex000);
    expect(esr[0]).toBe('Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus');
    expect(esr.slice(1, 5).sort()).toEqual([
      'Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus',
      'Hämeen elinkeino-, liikenne- ja ympäristökeskus',
      'Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus',
      'Sosiaali- ja terveysministeriö',
    ]);
    expect(esr.slice(-18).every((l) => /liitto$/.test(l))).toBe(true);
    // Pohjois-Karjala is decided by Etelä-Savon ELY.
    expect(ordered(editLine(ex000, 'Maakunnat:', 'Maakunnat: Pohjois-Karjala'))[0]).toBe('Etelä-Savon elinkeino-, liikenne- ja ympäristökeskus');
    // EAKR: the liitto of the listed maakunta first, the other liitot next, the ESR-only ministry last.
    const eakr = ordered(editLine(ex000, 'Euroopan sosiaalirahaston', 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus'));
    expect(eakr[0]).toBe('Keski-Suomen liitto');
    expect(eakr.slice(1, 18).every((l) => /liitto$/.test(l))).toBe(true);
    expect(eakr[eakr.length - 1]).toBe('Sosiaali- ja terveysministeriö');
    const doc = complete(editLine(ex000, 'Vastuuviranomainen:', 'Vastuuviranomainen: |')).items.find((i) => i.label.startsWith('Keski-Suomen elinkeino'))!;
    expect(doc.documentation).toContain('regional ESR decisions: Keski-Suomi, Pirkanmaa, Satakunta, Etelä-Pohjanmaa, Pohjanmaa');
  });

  it('nothing after the colon of a free-text field or inside free text', () => {
    expect(complete(editLine(ex000, 'Hankkeen nimi:', 'Hankkeen nimi: Mar|')).items).toEqual([]);
    expect(complete(ex000.replace('Hankkeella haetaan ratkaisua', 'Hankkeella |haetaan ratkaisua')).items).toEqual([]);
  });
});

describe('labels and headings', () => {
  it('at the start of a line in a field section, the labels still missing there', () => {
    const r = complete(editLine(ex000, 'Hankekoodi:', '|'));
    const fields = r.items.filter((i) => i.kind === 'field');
    expect(fields.map((i) => i.label)).toEqual(['Hankekoodi']);
    expect(accept(r, 'Hankekoodi')).toContain('\nHankekoodi: \n');
    expect(fields[0].documentation).toContain('a letter and five digits');
  });

  it('a partly typed label is replaced', () => {
    const text = editLine(editLine(ex000, 'Toiminnan tila:'), 'Vastuuviranomainen:', 'Toim|');
    const r = complete(text);
    expect(r.items.map((i) => i.label)).toEqual(expect.arrayContaining(['Toiminnan tila', 'Vastuuviranomainen']));
    expect(accept(r, 'Toiminnan tila')).toContain('\nToiminnan tila: \n');
  });

  it('8.1: the missing questions only where a line starts like one', () => {
    const q = 'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen';
    const r = complete(editLine(ex000, q, 'Hankkeen p|'));
    expect(r.items.map((i) => i.label)).toEqual([q]);
    expect(complete(editLine(ex000, q, 'Perustelu|')).items).toEqual([]);
  });

  it('at a blank line between sections, the missing section headings in order', () => {
    const lines = ex000.split('\n');
    const from = lines.indexOf('5 Projektin julkinen rahoitus, euroa');
    const to = lines.indexOf('6 Maantieteellinen kohdealue');
    const text = [...lines.slice(0, from), '|', ...lines.slice(to)].join('\n');
    const r = complete(text);
    expect(r.items.map((i) => i.label)).toEqual(['5 Projektin julkinen rahoitus, euroa']);
    expect(r.items[0].preselect).toBe(true);
    const after = accept(r, '5 Projektin julkinen rahoitus, euroa');
    const five = SECTIONS.find((s) => s.number === '5')!;
    for (const f of five.fields!) expect(after).toContain(`\n${f.label}: `);
    expect(parse(after).sections.map((s) => s.spec.number)).toContain('5');
  });

  it('several missing sections are offered in the official order, those that belong here first', () => {
    const lines = ex000.split('\n');
    const cut = (t: string[], a: string, b: string) => [...t.slice(0, t.indexOf(a)), ...t.slice(t.indexOf(b))];
    const without = cut(cut(lines, '3 Suunnitelman mukainen tiivistelmä toteutuksesta', '4 Hankkeen kohderyhmät'), '9 Loppuraportin tiivistelmä', 'zzz-not-there');
    const text = [...without.slice(0, without.indexOf('4 Hankkeen kohderyhmät')), '|', ...without.slice(without.indexOf('4 Hankkeen kohderyhmät'))].join('\n');
    const r = complete(text.replace(/\n$/, ''));
    const sorted = [...r.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted.map((i) => i.label.split(' ')[0])).toEqual(['3', '9']);
    expect(sorted[0].preselect).toBe(true);
    expect(sorted[1].detail).toBe('missing section (belongs elsewhere)');
  });

  it('the partner block is offered in section 2 of a joint project only', () => {
    const single = complete(editLine(ex000, 'Hakijoiden lukumäärä', 'Hakijoiden lukumäärä tai tuen siirto -menettely: Vain yksi hakija', '|'));
    expect(single.items.map((i) => i.label)).not.toContain('Osatoteuttajat');
    const joint = complete(editLine(ex000, 'Hakijoiden lukumäärä', 'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)', '|'));
    expect(joint.items.map((i) => i.label)).toContain('Osatoteuttajat');
  });

  it('labels in Finnish', () => {
    const r = complete(editLine(ex000, 'Hankekoodi:', '|'), 'fi');
    expect(r.items[0].documentation).toContain('kirjain ja viisi numeroa');
    expect(r.items[0].detail).toBe('pakollinen');
  });
});

describe('inside the partner block', () => {
  it('no labels are offered while partners are listed', () => {
    const text = editLine(
      ex000,
      'Hakijoiden lukumäärä',
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)',
      '',
      'Osatoteuttajat',
      'Oulun yliopisto, 0245895-5',
      'Jyv|',
    );
    expect(complete(text).items.filter((i) => i.kind === 'field')).toEqual([]);
  });
});

describe('completion at the very end', () => {
  it('the line after the last one does not throw', () => {
    const doc = parse('1 Hanke\n\nHankekoodi: S12345');
    expect(() => completionsAt(doc, deriveFacts(doc), { line: 3, character: 0 }, 'en')).not.toThrow();
  });
});
