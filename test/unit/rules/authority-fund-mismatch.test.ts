import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { AUTHORITY_INFO } from '../../../server/src/core/reference';
import { EXAMPLES, editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings, findingsOf, fixTexts } from '../../helpers/lint';

const RULE = 'authority-fund-mismatch';
const base = example('001'); // ESR, Keski-Suomi
const LINE = lineOf(base, 'Vastuuviranomainen:');
const KS_ELY = 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus';
const STM = 'Sosiaali- ja terveysministeriö';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';
const withAuthority = (value: string, text = base) => editLine(text, 'Vastuuviranomainen:', `Vastuuviranomainen: ${value}`);
const eakr = (text: string) => editLine(text, 'Euroopan sosiaalirahaston', EAKR_TITLE);

describe(RULE, () => {
  it('a maakunnan liitto on an ESR description: on the value, nothing else; fix: the ESR ELY of its maakunta (not automatic)', () => {
    const text = withAuthority('Keski-Suomen liitto');
    expect(findingsOf(RULE, text)).toEqual([
      {
        line: LINE,
        text: 'Keski-Suomen liitto',
        message: 'Keski-Suomen liitto granted EAKR funding only, but this is the description of an ESR project; ESR projects were granted by an ELY-keskus or the social-affairs ministry.',
      },
    ]);
    expectAdded(base, text, `${RULE}@${LINE}`);
    expect(fixTexts(RULE, text)).toEqual([[KS_ELY, false]]);
    const f = analyze(text).findings.find((x) => x.rule === RULE)!;
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
    expect(f.message.fi).toBe('Keski-Suomen liitto myönsi vain EAKR-rahoitusta, mutta kuvaus on ESR-hankkeen; ESR-hankkeiden vastuuviranomainen on ELY-keskus tai sosiaali- ja terveysministeriö.');
    expect(f.severity).toBe('warning');
  });

  it('every liitto on an ESR description is reported; the fix follows the ESR decision regions', () => {
    for (const a of AUTHORITY_INFO.filter((x) => x.kind === 'regional-council')) {
      expect(findingsOf(RULE, withAuthority(a.name)), a.name).toHaveLength(1);
    }
    expect(fixTexts(RULE, withAuthority('Lapin liitto'))).toEqual([['Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus', false]]);
    expect(fixTexts(RULE, withAuthority('Satakuntaliitto'))).toEqual([[KS_ELY, false]]);
    // No ESR decisions for Varsinais-Suomi are in the data: no fix is guessed.
    expect(fixTexts(RULE, withAuthority('Varsinais-Suomen liitto'))).toEqual([]);
  });

  it('both sides of the fund: a liitto on an EAKR description is fine, the ESR-only ministry is not', () => {
    expect(findingsOf(RULE, eakr(withAuthority('Keski-Suomen liitto')))).toEqual([]);
    expect(findingsOf(RULE, eakr(withAuthority(KS_ELY)))).toEqual([]);
    const stm = eakr(withAuthority(STM));
    expect(findingsOf(RULE, stm)).toEqual([
      {
        line: LINE,
        text: STM,
        message: `${STM} granted ESR funding only, but this is the description of an EAKR project; EAKR projects were granted by a regional council (maakunnan liitto) or an ELY-keskus.`,
      },
    ]);
    expect(fixTexts(RULE, stm)).toEqual([]);
  });

  it('ESR grantors on an ESR description are silent: every ELY-keskus (full or short name), the ministries', () => {
    for (const a of AUTHORITY_INFO.filter((x) => x.kind !== 'regional-council')) {
      expect(findingsOf(RULE, withAuthority(a.name)), a.name).toEqual([]);
      if (a.short) expect(findingsOf(RULE, withAuthority(a.short)), a.short).toEqual([]);
    }
    expect(findingsOf(RULE, withAuthority('keski-suomen LIITTO'))).toHaveLength(1);
  });

  it("a near miss is unusual-value's, an unknown authority nobody's", () => {
    expectAdded(base, withAuthority('Keski-Suomen liito'), `unusual-value@${LINE}`);
    expect(findings(withAuthority('Opetushallitus'))).toEqual(findings(base));
  });

  it('is silent on the five examples', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
