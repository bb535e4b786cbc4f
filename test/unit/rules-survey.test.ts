// The rules' shared readings (rules/survey.ts, geography/common.ts placesSurvey,
// values/suspects.ts) tell the rule loop which rules have anything to look at
// (Rule.needs): a rule whose flag is off finds nothing when its check is called anyway.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { analyze } from '../../server/src/core/lint';
import type { HankeDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { presentSectionList } from '../../server/src/core/places';
import { RULES } from '../../server/src/core/rules';
import { worthChecking } from '../../server/src/core/rules/needs';
import { survey } from '../../server/src/core/rules/survey';
import type { RuleContext } from '../../server/src/core/rules/types';
import { valuedFields } from '../../server/src/core/rules/values/common';
import type { ValueKind } from '../../server/src/core/schema';
import { EXAMPLES, editLine, example } from '../helpers/examples';
import { mutatedDescription, params, randomDescription } from '../fuzz/support';

function context(text: string): RuleContext {
  const doc = parse(text);
  return { doc, facts: deriveFacts(doc) };
}

/** The document rules whose flag is off in this document; each must find nothing. */
function skippedFindNothing(text: string): void {
  const ctx = context(text);
  for (const rule of RULES) {
    if (rule.input === 'file' || worthChecking(rule, ctx)) continue;
    expect({ rule: rule.id, findings: rule.check(ctx) }).toEqual({ rule: rule.id, findings: [] });
  }
}

/** valuedFields as it was defined before the survey: filtered from the present sections' fields. */
function valuedByWalk(doc: HankeDocument, kinds: readonly ValueKind[]): unknown[] {
  const out = [];
  for (const section of presentSectionList(doc)) {
    for (const f of section.fields) if (f.spec && f.labelMatch !== 'unknown' && f.value !== '' && kinds.includes(f.spec.kind)) out.push(f);
  }
  return out;
}

const KINDS: readonly (readonly ValueKind[])[] = [['period'], ['email'], ['yTunnus'], ['amount', 'count'], ['yesNo', 'applicantCount'], ['status', 'organisationType', 'authority'], ['url']];

describe('the rules’ surveys', () => {
  it('skip no rule with findings in the examples, nor in documents made to trip each rule', () => {
    const texts = [
      ...EXAMPLES.map((e) => e.text),
      // Section order, duplicate sections, renumbered and misspelled headings.
      editLine(example('001'), '3 ', '9 Loppuraportin tiivistelmä', '', '3 Hankkeen tavoitteet'),
      editLine(example('001'), '4.1 ', '4.1 Välilliset kohderyhmät'),
      editLine(example('001'), '3 ', '3 Suunnitelman mukainen tiivistelmä toteutukesta'),
      editLine(example('001'), '4.2 ', '4.1 Varsinaiset kohderyhmät', '', '4.2 Välilliset kohderyhmät'),
      // A repeated field, an empty required value, an unknown label, a field removed.
      editLine(example('002'), 'Hankekoodi:', 'Hankekoodi: S21368', 'Hankekoodi:', 'Hankekoodx: S1'),
      editLine(example('003'), 'Kunnat:', 'Kunnat: Maarianhamina, Valtimo, Jyväskylä, Kuhmoinen'),
      editLine(example('003'), 'Maakunnat:', 'Maakunnat: Ahvenanmaa, Lappi, Keski-Suomii'),
      editLine(example('004'), 'Seutukunnat:', 'Seutukunnat: Kyrönmaan, Jyväskylä seutukunta, Helsingin'),
      // A wrong value of each kind.
      [
        ['Yhteyshenkilön sähköpostisoite:', 'Yhteyshenkilön sähköpostisoite: heli.maki at laukaa'],
        ['Puhelinnumero:', 'Puhelinnumero: 040 12'],
        ['WWW-osoite:', 'WWW-osoite: htp//www.laukaa.fi'],
        ['Postinumero:', 'Postinumero: 4 1340'],
        ['Y-tunnus:', 'Y-tunnus: 0176478-3'],
        ['Hankekoodi:', 'Hankekoodi: s20015'],
        ['Suunnitelman mukainen toteutusaika:', 'Suunnitelman mukainen toteutusaika: Alkaa 1.8.2013 ja päättyy 31.2.2024'],
        ['Toiminnan tila:', 'Toiminnan tila: Toiminta päätynyt'],
      ].reduce((text, [start, line]) => editLine(text, start, line), example('001')),
      editLine(example('001'), 'Suunnitelman mukainen toteutusaika:', 'Suunnitelman mukainen toteutusaika: Alkaa 1.8.2020 ja päättyy 31.7.2019'),
      editLine(example('001'), 'Suunnitelman mukainen toteutusaika:', 'Suunnitelman mukainen toteutusaika: Alkaa 1.8.2012 ja päättyy 31.7.2019'),
      example('001')
        .replace(/^(Suunniteltu: .*)$/m, '$1 €')
        .replace(/^(.*?: )Kyllä$/m, '$1Joo'),
      // Kunnat outside the listed maakunnat or seutukunnat, with and without a start date (Kuhmoinen moved in 2021).
      ...['Alkaa 1.2.2020 ja päättyy 31.1.2022', 'Alkaa 1.2.2022 ja päättyy 31.1.2023', 'Alkaa 31.2.2020 ja päättyy 31.1.2022'].flatMap((period) => {
        const dated = editLine(example('003'), 'Suunnitelman mukainen toteutusaika:', `Suunnitelman mukainen toteutusaika: ${period}`);
        return [
          editLine(dated, 'Kunnat:', 'Kunnat: Hämeenlinna, Kuhmoinen, Tampere'),
          editLine(editLine(dated, 'Maakunnat:', 'Maakunnat: Kanta-Häme, Pirkanmaa'), 'Kunnat:', 'Kunnat: Hämeenlinna, Kuhmoinen, Tampere'),
          editLine(editLine(dated, 'Maakunnat:', 'Maakunnat: Kanta-Häme, Keski-Suomi'), 'Kunnat:', 'Kunnat: Hämeenlinna, Kuhmoinen'),
          editLine(dated, 'Seutukunnat:', 'Seutukunnat: Hämeenlinnan, Riihimäen'),
          editLine(editLine(dated, 'Seutukunnat:', 'Seutukunnat: Riihimäen'), 'Maakunnat:', 'Maakunnat: Pirkanmaa'),
        ];
      }),
    ];
    // Each guarded rule meets something to report in some of them.
    const found = new Set(texts.flatMap((text) => analyze(text).findings.map((f) => f.rule)));
    for (const id of [
      'invalid-email',
      'invalid-phone',
      'invalid-url',
      'invalid-postal-code',
      'invalid-y-tunnus',
      'invalid-project-code',
      'invalid-date',
      'date-order',
      'date-out-of-programme',
      'invalid-number',
      'invalid-choice',
      'unusual-value',
      'section-order',
      'duplicate-section',
      'section-number',
      'section-title',
      'missing-section',
      'duplicate-field',
      'unknown-field',
      'empty-field',
      'unknown-municipality',
      'unknown-region',
      'unknown-subregion',
      'region-outside-programme',
      'geography-mismatch',
    ]) {
      expect(found).toContain(id);
    }
    for (const text of texts) skippedFindNothing(text);
  });

  it('skip no rule with findings in mutated and random documents', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedDescription, mutatedDescription, randomDescription), (text) => skippedFindNothing(text)),
      params(),
    );
  });

  it('give each kind’s valued fields in document order, as a walk of the present sections does', () => {
    fc.assert(
      fc.property(mutatedDescription, (text) => {
        const doc = parse(text);
        for (const kinds of KINDS) expect(valuedFields(doc, ...kinds)).toEqual(valuedByWalk(doc, kinds));
      }),
      params(),
    );
  });

  it('are read again for a document whose sections were replaced', () => {
    const doc = parse(example('001'));
    expect(survey(doc).sectionMissing).toBe(false);
    doc.sections = doc.sections.slice(1);
    expect(survey(doc).sectionMissing).toBe(true);
  });
});
