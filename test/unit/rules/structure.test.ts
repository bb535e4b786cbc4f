// The structure rules: each with a triggering edit of a real example (right rule, right
// line, exact range, nothing else) and a case that must stay silent.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { example, lineOf } from '../../helpers/examples';
import { findings, findingsOf } from '../../helpers/lint';
import { accepts, rejects } from '../../helpers/rules';

const ex1 = example('001');
const base = findings(ex1); // example 001 itself is clean
const EX1: [string, string] = ['001', ex1];

function withFix(text: string, rule: string): string {
  const f = analyze(text).findings.find((x) => x.rule === rule);
  expect(f?.fixes.length).toBeGreaterThan(0);
  return applyEdits(text, f!.fixes[0].edits);
}

/** Removes the block from the line starting with `from` up to (not including) the line starting with `to`. */
function cut(text: string, from: string, to: string): string {
  const a = text.indexOf(`\n${from}`) + 1;
  const b = text.indexOf(`\n${to}`, a) + 1;
  return text.slice(0, a) + text.slice(b);
}

describe('the real examples', () => {
  it('001 is clean', () => expect(base).toEqual([]));
});

describe('missing-section', () => {
  it('a removed section is reported once, at the heading that now stands in its place', () => {
    const text = cut(ex1, '5 Projektin julkinen rahoitus, euroa', '6 Maantieteellinen kohdealue');
    rejects('missing-section', [{ text, at: { line: '6 Maantieteellinen' }, alone: true }]);
  });
  it('a removed parent with its subsections is one finding', () => {
    const text = cut(ex1, '4 Hankkeen kohderyhmät', '5 Projektin julkinen');
    rejects('missing-section', [{ text, at: { line: '5 Projektin' }, alone: true }]);
  });
  it('a removed subsection is reported at the next heading', () => {
    const text = cut(ex1, '7.2 Osallistuvien henkilöiden', '8 Horisontaaliset');
    rejects('missing-section', [
      { text, at: { line: '8 Horisontaaliset', text: '8 Horisontaaliset periaatteet' }, message: 'Section "7.2 Osallistuvien henkilöiden lukumäärä" is missing.', alone: true },
    ]);
  });
  it('a removed last section is reported at the end', () => {
    const text = ex1.slice(0, ex1.indexOf('9 Loppuraportin'));
    expect(findings(text).map((f) => f.split('@')[0])).toEqual(['missing-section']);
  });
  it('the fix inserts the section with its labels in its place, and then the document is clean', () => {
    const text = cut(ex1, '5 Projektin julkinen rahoitus, euroa', '6 Maantieteellinen kohdealue');
    const fixed = withFix(text, 'missing-section');
    expect(fixed).toContain(
      'Työnhakijoiden lähipiiri\n\n5 Projektin julkinen rahoitus, euroa\n\nMyönnetty EU- ja valtion rahoitus: \n\nToteutunut EU- ja valtion rahoitus: \n\nSuunniteltu julkinen rahoitus yhteensä: \n\nToteutunut julkinen rahoitus yhteensä: \n\n6 Maantieteellinen kohdealue',
    );
    expect(findings(fixed).filter((f) => !f.startsWith('empty-field') && !f.startsWith('realized-figures-missing'))).toEqual([]);
  });
  it('silent on a complete document', () => accepts('missing-section', [EX1]));
});

describe('duplicate-section', () => {
  it('the second heading of the same number', () => {
    const text = ex1.replace('9 Loppuraportin tiivistelmä', '9 Loppuraportin tiivistelmä\n\nTeksti.\n\n9 Loppuraportin tiivistelmä');
    const second = text.split('\n').lastIndexOf('9 Loppuraportin tiivistelmä') + 1;
    expect(findings(text)).toEqual([`duplicate-section@${second}`]);
  });
  it('silent on distinct sections', () => accepts('duplicate-section', [EX1]));
});

describe('section-order', () => {
  it('swapped sections: the one that comes too late is reported', () => {
    const s5 = ex1.slice(ex1.indexOf('5 Projektin'), ex1.indexOf('6 Maantieteellinen'));
    const s6 = ex1.slice(ex1.indexOf('6 Maantieteellinen'), ex1.indexOf('7 Hakemusvaiheessa'));
    const text = ex1.replace(s5 + s6, s6 + s5);
    expect(findings(text)).toEqual([`section-order@${lineOf(text, '5 Projektin')}`]);
  });
  it('a section moved with its subsections: one finding, on the moved parent heading', () => {
    const s7 = ex1.slice(ex1.indexOf('7 Hakemusvaiheessa'), ex1.indexOf('8 Horisontaaliset'));
    const s8 = ex1.slice(ex1.indexOf('8 Horisontaaliset'), ex1.indexOf('9 Loppuraportin'));
    const text = ex1.replace(s7 + s8, s8 + s7);
    expect(findings(text)).toEqual([`section-order@${lineOf(text, '7 Hakemusvaiheessa')}`]);
    // Moved the other way (7 before 5): 5 and 6 come after 7.2, each reported; 7.1 and 7.2 are in order.
    const s5to7 = ex1.slice(ex1.indexOf('5 Projektin'), ex1.indexOf('7 Hakemusvaiheessa'));
    const early = ex1.replace(s5to7 + s7, s7 + s5to7);
    expect(findings(early)).toEqual([`section-order@${lineOf(early, '5 Projektin')}`, `section-order@${lineOf(early, '6 Maantieteellinen')}`]);
  });
  it('a subsection out of order within the moved block is still reported', () => {
    const s7 = ex1.slice(ex1.indexOf('7 Hakemusvaiheessa'), ex1.indexOf('8 Horisontaaliset'));
    const s8 = ex1.slice(ex1.indexOf('8 Horisontaaliset'), ex1.indexOf('9 Loppuraportin'));
    const s71 = ex1.slice(ex1.indexOf('7.1 Osallistuvien'), ex1.indexOf('7.2 Osallistuvien'));
    const s72 = ex1.slice(ex1.indexOf('7.2 Osallistuvien'), ex1.indexOf('8 Horisontaaliset'));
    const swapped = s7.replace(s71 + s72, s72 + s71);
    const text = ex1.replace(s7 + s8, s8 + swapped);
    expect(findings(text)).toEqual([`section-order@${lineOf(text, '7 Hakemusvaiheessa')}`, `section-order@${lineOf(text, '7.1 Osallistuvien')}`]);
  });
  it('silent in order', () => accepts('section-order', [EX1]));
});

describe('section-title', () => {
  it('a misspelled title: the title is the range, the fix writes the official title', () => {
    const text = ex1.replace('6 Maantieteellinen kohdealue', '6 Maantieteelinen kohdealue');
    rejects('section-title', [{ text, at: { line: '6 Maantieteelinen', text: 'Maantieteelinen kohdealue' }, message: 'The official title is "Maantieteellinen kohdealue".', alone: true }]);
    expect(withFix(text, 'section-title')).toBe(ex1);
  });
  it('a title in the wrong case is still the heading', () => {
    const text = ex1.replace('8 Horisontaaliset periaatteet', '8 horisontaaliset periaatteet');
    rejects('section-title', [{ text, at: { line: '8 horisontaaliset', text: 'horisontaaliset periaatteet' }, alone: true }]);
  });
  it('silent on official titles', () => accepts('section-title', [EX1]));
});

describe('missing-field', () => {
  it('a removed field is reported at the field that follows it; the fix inserts the label there', () => {
    const text = ex1.replace('Y-tunnus: 0176478-2\n\n', '');
    rejects('missing-field', [{ text, at: { line: 'Jakeluosoite: Laukaantie', text: 'Jakeluosoite: Laukaantie 14' }, message: 'Field "Y-tunnus" is missing from section 2.', alone: true }]);
    const fixed = withFix(text, 'missing-field');
    expect(fixed).toContain('Organisaatiotyyppi: Kunta\n\nY-tunnus: \n\nJakeluosoite: Laukaantie 14');
  });
  it('the last field of a section', () => {
    const text = ex1.replace('Vastuuviranomainen: Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus\n\n', '');
    rejects('missing-field', [{ text, at: { line: 'Toiminnan tila' }, alone: true }]);
    expect(withFix(text, 'missing-field')).toContain('Toiminnan tila: Toiminta päättynyt\n\nVastuuviranomainen: \n\n2 Hakijan');
  });
  it('an absent 8.1 question and an absent 8.2 item', () => {
    const q = 'Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen: Ei\nTämä ei ole varsinainen tasa-arvohanke, mutta hanke edistää sukupuolten välistä tasa-arvoa\n';
    expect(ex1).toContain(q);
    const text = ex1.replace(q, '');
    expect(findings(text).map((f) => f.split('@')[0])).toEqual(['missing-field']);
    const text2 = ex1.replace('Kulttuuriympäristö 6 6\nParantaa osallisuutta\n', '');
    rejects('missing-field', [{ text: text2, at: { line: 'Ympäristöosaaminen' }, alone: true }]);
  });
  it('optional place fields may be absent', () => {
    const text = ex1.replace('Jakeluosoite:\n\nPostinumero:\n\nPostitoimipaikka:\n\n', '');
    expect(findings(text)).toEqual([]);
  });
  it('a field written without its colon: reported on that line; the fix writes the colon and keeps the value', () => {
    // Offered, never applied by --fix (the value it brings in may have findings of its own; nor is an empty field inserted beside it).
    const text = ex1.replace('Kunnat: Äänekoski, Laukaa, Konnevesi', 'Kunnat; Äänekoski, Laukaa, Konnevesi');
    rejects('missing-field', [
      {
        text,
        at: { line: 'Kunnat;', text: 'Kunnat' },
        message: 'Field "Kunnat" is missing from section 6: the line "Kunnat; Äänekoski, Laukaa, Konnevesi" has no colon after the label.',
        fi: 'rivillä "Kunnat; Äänekoski, Laukaa, Konnevesi" ei ole kaksoispistettä',
        alone: true,
      },
    ]);
    const f = analyze(text).findings.find((x) => x.rule === 'missing-field')!;
    expect(f.fixes.map((x) => x.safe)).toEqual([false]);
    const fixed = withFix(text, 'missing-field');
    expect(fixed).toBe(ex1); // the value kept, no empty field inserted beside it
    // Only white space after the label: the same.
    const spaced = ex1.replace('Hankekoodi: S20015', 'Hankekoodi S20015');
    rejects('missing-field', [{ text: spaced, at: { line: 'Hankekoodi S20015', text: 'Hankekoodi' }, message: 'the line "Hankekoodi S20015" has no colon after the label', alone: true }]);
    const g = analyze(spaced).findings.find((x) => x.rule === 'missing-field')!;
    expect(g.fixes.map((x) => x.safe)).toEqual([false]);
    expect(applyEdits(spaced, g.fixes[0].edits)).toBe(ex1);
    // A line that only begins with the label's letters is no such line: the field is inserted as before.
    const other = ex1.replace('Kunnat: Äänekoski, Laukaa, Konnevesi', 'Kunnatkin ovat mukana');
    const h = analyze(other).findings.filter((x) => x.rule === 'missing-field');
    expect(h.map((x) => x.message.en)).toEqual(['Field "Kunnat" is missing from section 6.']);
    expect(applyEdits(other, h[0].fixes[0].edits)).toContain('Kunnat: \n');
  });

  it('a field with a misspelled label is not also missing', () => {
    const text = ex1.replace('Postinumero: 41310', 'Postinumro: 41310');
    expect(findings(text).map((f) => f.split('@')[0])).toEqual(['unknown-field']);
  });
});

describe('empty-field', () => {
  it('a required field without value: the label is the range', () => {
    const text = ex1.replace('Hankkeen nimi: Uutta virtaa', 'Hankkeen nimi:');
    rejects('empty-field', [{ text, at: { line: 'Hankkeen nimi:', text: 'Hankkeen nimi' }, message: 'Field "Hankkeen nimi" has no value.', alone: true }]);
    // A label that two sections have (7.1 and 7.2) is said with its section.
    const planned = analyze(ex1.replace(/^(Suunniteltu:).*$/m, '$1')).findings.filter((f) => f.rule === 'empty-field');
    expect(planned.map((f) => [f.message.en, f.message.fi])).toEqual([['Field "Suunniteltu" of section 7.1 has no value.', 'Osion 7.1 kentällä "Suunniteltu" ei ole arvoa.']]);
  });
  it('optional values may be empty (WWW-osoite, place fields)', () => {
    const text = ex1.replace('WWW-osoite: http://www.laukaa.fi', 'WWW-osoite:');
    expect(findings(text)).toEqual([]);
  });
  it('example 004 has the one expected empty-field', () => {
    const count = 'Hakijoiden lukumäärä tai tuen siirto -menettely';
    rejects('empty-field', [{ text: example('004'), at: { line: count, text: count } }]);
  });
});

describe('duplicate-field', () => {
  it('the same field twice: the second one is reported', () => {
    const text = ex1.replace('Postinumero: 41310', 'Postinumero: 41310\n\nPostinumero: 41310');
    const second = text.split('\n').lastIndexOf('Postinumero: 41310') + 1;
    expect(findings(text)).toEqual([`duplicate-field@${second}`]);
  });
  it('the same label in sections 2 and 6 is not a duplicate', () => accepts('duplicate-field', [['000', example('000')]]));
});

describe('unknown-field', () => {
  it('a misspelled label: fix to the closest label', () => {
    const text = ex1.replace('Organisaatiotyyppi: Kunta', 'Organisatiotyyppi: Kunta');
    rejects('unknown-field', [
      { text, at: { line: 'Organisatiotyyppi', text: 'Organisatiotyyppi' }, message: 'Unknown field "Organisatiotyyppi" in section 2; did you mean "Organisaatiotyyppi"?', alone: true },
    ]);
    expect(withFix(text, 'unknown-field')).toBe(ex1);
  });
  it('a label far from every field: reported, no fix, and the real field is not counted', () => {
    const text = ex1.replace('Hankkeen nimi: Uutta virtaa', 'Hankkeen nimi: Uutta virtaa\n\nLisätieto: jotain');
    rejects('unknown-field', [{ text, at: { line: 'Lisätieto', text: 'Lisätieto' } }]);
    expect(analyze(text).findings.find((f) => f.rule === 'unknown-field')!.fixes).toEqual([]);
  });
  it('colons in free text are not fields', () => {
    const text = ex1.replace('Työnhakijoiden lähipiiri', 'Työnhakijoiden lähipiiri: perheet ja ystävät\n\nHuom: tärkeä');
    expect(findings(text)).toEqual([]);
  });
  it('the correct spelling of the e-mail label is accepted', () => {
    const text = ex1.replace('Yhteyshenkilön sähköpostisoite:', 'Yhteyshenkilön sähköpostiosoite:');
    expect(findings(text)).toEqual([]);
  });
});

describe('empty-section', () => {
  it('a text section with no text', () => {
    const text = cut(ex1, 'Työnhakijoiden lähipiiri', '5 Projektin');
    rejects('empty-section', [{ text, at: { line: '4.2 Välilliset' }, alone: true }]);
  });
  it('a text section with only "-"', () => {
    const text = ex1.replace('Työnhakijoiden lähipiiri', '-');
    rejects('empty-section', [{ text, at: { line: '4.2 Välilliset', text: '4.2 Välilliset kohderyhmät' } }]);
  });
  it('section 9 may be "-" (that is final-report-missing, and only when ended)', () => {
    const text = ex1.replace('Toiminnan tila: Toiminta päättynyt', 'Toiminnan tila: Toiminnassa');
    const s9 = text.slice(text.indexOf('9 Loppuraportin'));
    const running = text.replace(s9, '9 Loppuraportin tiivistelmä\n\n-\n');
    expect(findingsOf('empty-section', running)).toEqual([]);
  });
});
