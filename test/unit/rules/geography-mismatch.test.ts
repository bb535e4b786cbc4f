import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'geography-mismatch';
const notInvalidDate = (xs: string[]) => xs.filter((x) => !x.startsWith('invalid-date@'));
const PERIOD = 'Suunnitelman mukainen toteutusaika:';
/** Where an item of the Kunnat list is. */
const kunta = (text: string) => ({ line: 'Kunnat:', text });

/** 000 (Keski-Suomi, lists Kuhmoinen and Jämsän) starting on `start`. */
function kuhmoinen(start: string): string {
  return editLine(example('000'), PERIOD, `${PERIOD} Alkaa ${start} ja päättyy 31.7.2021`);
}

describe(RULE, () => {
  it('Kuhmoinen with Keski-Suomi: fine on 31.12.2020, a mismatch from 1.1.2021', () => {
    expectAdded(example('000'), kuhmoinen('31.12.2020'));
    const f = rejectsOne(RULE, {
      text: kuhmoinen('1.1.2021'),
      at: kunta('Kuhmoinen'),
      message: 'On the start date 1.1.2021, Kuhmoinen belonged to Pirkanmaa, which is not among the listed regions (Maakunnat); it belonged to Keski-Suomi until 31.12.2020.',
      besides: example('000'),
    });
    expect(f.message.fi).toBe('Kunta Kuhmoinen kuului hankkeen alkaessa 1.1.2021 maakuntaan Pirkanmaa, jota ei ole lueteltu kohdassa Maakunnat; maakuntaan Keski-Suomi se kuului 31.12.2020 asti.');
  });

  it('the fix adds the maakunta to Maakunnat (not automatically)', () => {
    const edited = kuhmoinen('1.1.2021');
    const f = rejectsOne(RULE, { text: edited, at: kunta('Kuhmoinen') });
    expect(f.fixes[0].safe).toBe(false);
    const fixed = applyEdits(edited, f.fixes[0].edits);
    expect(lineOf(fixed, 'Maakunnat: Keski-Suomi, Pirkanmaa')).toBe(lineOf(edited, 'Maakunnat:'));
    accepts(RULE, [fixed]);
  });

  it('a seutukunta outside every listed maakunta', () => {
    const original = example('001');
    rejects(RULE, [
      {
        text: editLine(original, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Äänekosken, Kuopion'),
        at: { line: 'Seutukunnat:', text: 'Kuopion' },
        message: 'Sub-region "Kuopion" belongs to Pohjois-Savo, which is not among the listed regions (Maakunnat).',
        besides: original,
      },
    ]);
  });

  it('a kunta in a second listed maakunta is fine', () => {
    const original = example('001');
    let edited = editLine(original, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pohjois-Savo');
    edited = editLine(edited, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Äänekosken, Kuopion');
    edited = editLine(edited, 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konnevesi, Kuopio, Siilinjärvi');
    expectAdded(original, edited);
  });

  it('no cascade: unknown maakunta, unknown or merged kunta, unknown seutukunta', () => {
    // A misspelt maakunta: only unknown-region, not a mismatch for every kunta.
    const typo = editLine(example('000'), 'Maakunnat:', 'Maakunnat: Keski-Suomii');
    accepts(RULE, [typo]);
    // Valtimo after its merger: unknown-municipality only.
    let merged = editLine(example('001'), PERIOD, `${PERIOD} Alkaa 1.1.2020 ja päättyy 1.1.2021`);
    merged = editLine(merged, 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konnevesi, Valtimo');
    accepts(RULE, [merged]);
    rejects('unknown-municipality', [{ text: merged, at: kunta('Valtimo') }]);
    // An empty Maakunnat: empty-field's, nothing here.
    accepts(RULE, [editLine(example('001'), 'Maakunnat:', 'Maakunnat:')]);
  });

  it('without a valid start date: a mismatch only if never in a listed maakunta', () => {
    const original = example('000');
    const invalid = editLine(original, PERIOD, `${PERIOD} Alkaa 1.13.2018 ja päättyy 31.7.2021`);
    accepts(RULE, [invalid]);
    expect(notInvalidDate(findings(invalid))).toEqual(findings(original));
    const kuopio = editLine(invalid, 'Kunnat:', `${original.split('\n')[lineOf(original, 'Kunnat:') - 1]}, Kuopio`);
    rejects(RULE, [{ text: kuopio, at: kunta('Kuopio'), message: 'Kuopio belongs to Pohjois-Savo, which is not among the listed regions (Maakunnat).' }]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});

describe(`${RULE}: a move in the other direction`, () => {
  it('Kuhmoinen listed with Pirkanmaa before it moved there', () => {
    let edited = kuhmoinen('31.12.2020');
    edited = editLine(edited, 'Maakunnat:', 'Maakunnat: Pirkanmaa');
    edited = editLine(edited, 'Seutukunnat:', 'Seutukunnat: Tampereen');
    edited = editLine(edited, 'Kunnat:', 'Kunnat: Kuhmoinen');
    rejects(RULE, [
      {
        text: edited,
        at: kunta('Kuhmoinen'),
        message: 'On the start date 31.12.2020, Kuhmoinen belonged to Keski-Suomi, which is not among the listed regions (Maakunnat); it only moved to Pirkanmaa on 1.1.2021.',
      },
    ]);
    accepts(RULE, [editLine(edited, PERIOD, `${PERIOD} Alkaa 1.1.2021 ja päättyy 31.7.2021`)]);
  });
});

describe('geography-mismatch and the period', () => {
  it('swapped dates give date-order only, not memberships judged on the wrong day', () => {
    const text = example('000').replace('Alkaa 1.8.2018 ja päättyy 31.7.2021', 'Alkaa 1.8.2021 ja päättyy 31.7.2018');
    expect(findings(text).map((f) => f.split('@')[0])).toEqual(['date-order']);
  });
});

describe(`${RULE}: a kunta outside every listed seutukunta of its maakunta`, () => {
  const b4 = example('004'); // Keski-Suomi; Jyväskylän; Jyväskylä; starts 1.4.2021

  it('Jämsä with only Jyväskylän listed: on the item; fix adds Jämsän (not automatically)', () => {
    const text = editLine(b4, 'Kunnat:', 'Kunnat: Jyväskylä, Jämsä');
    const f = rejectsOne(RULE, {
      text,
      at: kunta('Jämsä'),
      message: 'Jämsä belonged on the start date 1.4.2021 to the sub-region Jämsän, which is not among the listed sub-regions (Seutukunnat), although sub-regions of Keski-Suomi are listed.',
      besides: b4,
    });
    expect(f.message.fi).toBe('Kunta Jämsä kuului hankkeen alkaessa 1.4.2021 seutukuntaan Jämsän, jota ei ole lueteltu kohdassa Seutukunnat, vaikka maakunnan Keski-Suomi seutukuntia on lueteltu.');
    expect(f.fixes.map((x) => [x.edits[0].newText, x.safe])).toEqual([[', Jämsän', false]]);
    expect(findings(applyEdits(text, f.fixes[0].edits))).toEqual(findings(b4));
  });

  it('000 without Jämsän: Jämsä and Kuhmoinen (Jämsän seutukunta until 31.12.2020)', () => {
    const without = (start: string) => editLine(kuhmoinen(start), 'Seutukunnat:', 'Seutukunnat: Joutsan, Saarijärven-Viitasaaren, Jyväskylän, Keuruun, Äänekosken');
    // From 1.1.2021 Kuhmoinen is in Pirkanmaa: one finding for it, the maakunta one.
    rejects(RULE, [
      { text: without('31.12.2020'), at: [kunta('Kuhmoinen'), kunta('Jämsä')] },
      { text: without('1.1.2021'), at: [kunta('Kuhmoinen'), kunta('Jämsä')], message: ['belonged to Pirkanmaa', 'Jämsä'] },
    ]);
  });

  it("silent when no seutukunta of the kunta's maakunta is listed, or the kunta's own is", () => {
    // Tampere: another maakunta, none of its seutukunnat listed: the maakunta finding only.
    const tampere = editLine(b4, 'Kunnat:', 'Kunnat: Jyväskylä, Tampere');
    rejects(RULE, [{ text: tampere, at: kunta('Tampere'), message: 'On the start date 1.4.2021, Tampere belonged to Pirkanmaa, which is not among the listed regions (Maakunnat).' }]);
    // Both maakunnat listed, only Keski-Suomi's seutukunta: Tampere is not judged against it.
    const both = editLine(tampere, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pirkanmaa');
    expectAdded(b4, both);
    expectAdded(b4, editLine(editLine(b4, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Jämsän'), 'Kunnat:', 'Kunnat: Jyväskylä, Jämsä'));
    // No seutukunnat listed at all.
    accepts(RULE, [editLine(editLine(b4, 'Seutukunnat:', 'Seutukunnat:'), 'Kunnat:', 'Kunnat: Jyväskylä, Jämsä')]);
  });

  it('merger edge days: Valtimo (Pielisen Karjalan) until 31.12.2019, Nurmes after', () => {
    const start = (d: string, kunnat: string) => {
      let t = editLine(example('002'), PERIOD, `${PERIOD} Alkaa ${d} ja päättyy 31.5.2022`);
      t = editLine(t, 'Seutukunnat:', 'Seutukunnat: Joensuun, Pielisen Karjalan');
      return editLine(t, 'Kunnat:', `Kunnat: ${kunnat}`);
    };
    accepts(RULE, [start('31.12.2019', 'Joensuu, Valtimo, Lieksa'), start('1.1.2020', 'Joensuu, Nurmes, Lieksa')]);
    rejects(RULE, [{ text: start('1.1.2020', 'Joensuu, Nurmes, Kitee'), at: kunta('Kitee') }]);
  });

  it('no cascade: an unknown seutukunta listed, or an unknown kunta', () => {
    accepts(RULE, [editLine(editLine(b4, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Atlantiksen'), 'Kunnat:', 'Kunnat: Jyväskylä, Jämsä'), editLine(b4, 'Kunnat:', 'Kunnat: Jyväskylä, Atlantis')]);
  });

  it('without a valid start date: only when it held in every period', () => {
    const invalid = editLine(b4, PERIOD, `${PERIOD} Alkaa 1.13.2021 ja päättyy 30.6.2022`);
    rejects(RULE, [{ text: editLine(invalid, 'Kunnat:', 'Kunnat: Jyväskylä, Jämsä'), at: kunta('Jämsä') }]);
    // Kuhmoinen was in Jämsän seutukunta until 2020, then in Pirkanmaa: not in every period.
    const k = editLine(editLine(invalid, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Jämsän'), 'Kunnat:', 'Kunnat: Jyväskylä, Kuhmoinen');
    accepts(RULE, [k]);
  });
});
