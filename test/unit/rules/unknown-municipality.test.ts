import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'unknown-municipality';
const notInvalidDate = (xs: string[]) => xs.filter((x) => !x.startsWith('invalid-date@'));

const PERIOD = 'Suunnitelman mukainen toteutusaika:';
/** Where an item of the Kunnat list is. */
const item = (text: string) => ({ line: 'Kunnat:', text });
const KUNNAT_002 = 'Kunnat: Lieksa, Polvijärvi, Joensuu, Outokumpu, Tohmajärvi, Kontiolahti, Liperi, Nurmes, Rääkkylä, Kitee, Ilomantsi, Juuka';

/** 002 (Pohjois-Karjala; Nurmes listed) with Valtimo added, starting on `start`. */
function valtimo(start: string, kunnat = `${KUNNAT_002}, Valtimo`): string {
  const text = editLine(example('002'), PERIOD, `${PERIOD} Alkaa ${start} ja päättyy 31.5.2022`);
  return editLine(text, 'Kunnat:', kunnat);
}

/** 001 (Keski-Suomi, 2015–2019) widened to Koillis-Savo with Juankoski, starting on `start`. */
function juankoski(start: string): string {
  let text = editLine(example('001'), PERIOD, `${PERIOD} Alkaa ${start} ja päättyy 1.1.2019`);
  text = editLine(text, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pohjois-Savo');
  // Koillis-Savo until the merger, then Kuopio (the fix's kunta) is in Kuopion seutukunta.
  text = editLine(text, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Äänekosken, Koillis-Savon, Kuopion');
  return editLine(text, 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konnevesi, Juankoski');
}

describe(RULE, () => {
  it('finds a misspelt kunta, on the item, and nothing else fires; fix: the closest name', () => {
    const original = example('001');
    const edited = editLine(original, 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konneveis');
    const f = rejectsOne(RULE, { text: edited, at: item('Konneveis'), message: 'Unknown municipality (kunta) "Konneveis"; did you mean "Konnevesi"?', besides: original });
    expect(applyEdits(edited, f.fixes[0].edits)).toBe(original);
  });

  it('a name far from every kunta: finding without a fix', () => {
    const edited = editLine(example('001'), 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konnevesi, Muumilaakso');
    const f = rejectsOne(RULE, { text: edited, at: item('Muumilaakso') });
    expect(f.message.en).toBe('Unknown municipality (kunta) "Muumilaakso".');
    expect(f.fixes).toEqual([]);
  });

  it('accepts Swedish names, listed aliases and any letter case', () => {
    const original = example('001');
    expectAdded(original, editLine(original, 'Kunnat:', 'Kunnat: Äänekoski, Laukas, konnevesi'));
    let text = editLine(original, 'Maakunnat:', 'Maakunnat: Keski-Suomi, Pohjanmaa');
    text = editLine(text, 'Seutukunnat:', 'Seutukunnat: Jyväskylän, Äänekosken, Jakobstadsregionen');
    const withPedersore = editLine(text, 'Kunnat:', 'Kunnat: Äänekoski, Laukaa, Konnevesi, Pedersöre');
    accepts(RULE, [withPedersore]);
    expect(findings(withPedersore)).toEqual(findings(original));
  });

  it('Valtimo: fine on its last day 31.12.2019, merged into Nurmes from 1.1.2020', () => {
    expect(findings(valtimo('31.12.2019'))).toEqual(findings(example('002')));
    // 002 itself lists the final-report-missing on section 9; nothing else is added.
    const f = rejectsOne(RULE, {
      text: valtimo('1.1.2020'),
      at: item('Valtimo'),
      message: 'Valtimo was merged into Nurmes on 1.1.2020; it did not exist on the start date 1.1.2020.',
      fi: 'Kunta Valtimo yhdistettiin kuntaan Nurmes 1.1.2020; sitä ei ollut hankkeen alkaessa 1.1.2020.',
      besides: example('002'),
    });
    expect(f.message.fi).toBe('Kunta Valtimo yhdistettiin kuntaan Nurmes 1.1.2020; sitä ei ollut hankkeen alkaessa 1.1.2020.');
  });

  it('the fix for a merged kunta: drop it when its successor is listed, else write the successor', () => {
    const listed = valtimo('1.1.2020');
    const f = rejectsOne(RULE, { text: listed, at: item('Valtimo') });
    expect(f.fixes[0].title.en).toBe('Remove Valtimo (Nurmes is listed already)');
    expect(applyEdits(listed, f.fixes[0].edits)).toBe(valtimo('1.1.2020', KUNNAT_002));

    const instead = valtimo('1.1.2020', KUNNAT_002.replace('Nurmes', 'Valtimo'));
    const g = rejectsOne(RULE, { text: instead, at: item('Valtimo') });
    expect(g.fixes[0].title.en).toBe('Change to "Nurmes"');
    expect(applyEdits(instead, g.fixes[0].edits)).toBe(valtimo('1.1.2020', KUNNAT_002));
  });

  it('Juankoski: fine until 31.12.2016, merged into Kuopio from 1.1.2017', () => {
    const original = example('001');
    expect(findings(juankoski('1.3.2015'))).toEqual(findings(original));
    expect(findings(juankoski('31.12.2016'))).toEqual(findings(original));
    const edited = juankoski('1.1.2017');
    const line = lineOf(edited, 'Kunnat:');
    const f = rejectsOne(RULE, { text: edited, at: item('Juankoski'), message: 'Juankoski was merged into Kuopio on 1.1.2017; it did not exist on the start date 1.1.2017.', besides: original });
    const fixed = applyEdits(edited, f.fixes[0].edits);
    expect(lineOf(fixed, 'Kunnat: Äänekoski, Laukaa, Konnevesi, Kuopio')).toBe(line);
    expect(findings(fixed)).toEqual(findings(original));
  });

  it('without a valid start date: a kunta that existed at any time is accepted (no cascade)', () => {
    const edited = valtimo('31.2.2020');
    accepts(RULE, [edited]);
    expect(notInvalidDate(findings(edited))).toEqual(findings(example('002')));
    const typo = valtimo('31.2.2020', `${KUNNAT_002}, Valtimoo`);
    rejects(RULE, [{ text: typo, at: item('Valtimoo'), message: 'Unknown municipality (kunta) "Valtimoo"; did you mean "Valtimo"?' }]);
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
