import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { AUTHORITY_INFO } from '../../../server/src/core/reference';
import { editLine, example, lineOf } from '../../helpers/examples';
import { expectAdded, findings, fixTexts } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects, rejectsOne } from '../../helpers/rules';

const RULE = 'authority-fund-mismatch';
const base = example('001'); // ESR, Keski-Suomi
const LINE = lineOf(base, 'Vastuuviranomainen:');
const KS_ELY = 'Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus';
const STM = 'Sosiaali- ja terveysministeriö';
const EAKR_TITLE = 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus';
/** Where the Vastuuviranomainen value is. */
const onAuthority = (text: string) => ({ line: 'Vastuuviranomainen:', text });
const withAuthority = (value: string, text = base) => editLine(text, 'Vastuuviranomainen:', `Vastuuviranomainen: ${value}`);
const eakr = (text: string) => editLine(text, 'Euroopan sosiaalirahaston', EAKR_TITLE);

describe(RULE, () => {
  it('a maakunnan liitto on an ESR description: on the value, nothing else; fix: the ESR ELY of its maakunta (not automatic)', () => {
    const text = withAuthority('Keski-Suomen liitto');
    const f = rejectsOne(RULE, {
      text,
      at: onAuthority('Keski-Suomen liitto'),
      message: 'Keski-Suomen liitto granted EAKR funding only, but this is the description of an ESR project; ESR projects were granted by an ELY-keskus or the social-affairs ministry.',
    });
    expectAdded(base, text, `${RULE}@${LINE}`);
    expect(fixTexts(RULE, text)).toEqual([[KS_ELY, false]]);
    expect(applyEdits(text, f.fixes[0].edits)).toBe(base);
    expect(f.message.fi).toBe('Keski-Suomen liitto myönsi vain EAKR-rahoitusta, mutta kuvaus on ESR-hankkeen; ESR-hankkeiden vastuuviranomainen on ELY-keskus tai sosiaali- ja terveysministeriö.');
    expect(f.severity).toBe('warning');
  });

  it('every liitto on an ESR description is reported; the fix follows the ESR decision regions', () => {
    rejects(
      RULE,
      AUTHORITY_INFO.filter((x) => x.kind === 'regional-council').map((a) => ({ text: withAuthority(a.name), at: onAuthority(a.name) })),
    );
    expect(fixTexts(RULE, withAuthority('Lapin liitto'))).toEqual([['Pohjois-Pohjanmaan elinkeino-, liikenne- ja ympäristökeskus', false]]);
    expect(fixTexts(RULE, withAuthority('Satakuntaliitto'))).toEqual([[KS_ELY, false]]);
    // No ESR decisions for Varsinais-Suomi are in the data: no fix is guessed.
    expect(fixTexts(RULE, withAuthority('Varsinais-Suomen liitto'))).toEqual([]);
  });

  it('both sides of the fund: a liitto on an EAKR description is fine, the ESR-only ministry is not', () => {
    accepts(RULE, [eakr(withAuthority('Keski-Suomen liitto')), eakr(withAuthority(KS_ELY))]);
    const stm = eakr(withAuthority(STM));
    rejects(RULE, [
      {
        text: stm,
        at: onAuthority(STM),
        message: `${STM} granted ESR funding only, but this is the description of an EAKR project; EAKR projects were granted by a regional council (maakunnan liitto) or an ELY-keskus.`,
      },
    ]);
    expect(fixTexts(RULE, stm)).toEqual([]);
  });

  it('ESR grantors on an ESR description are silent: every ELY-keskus (full or short name), the ministries', () => {
    accepts(
      RULE,
      AUTHORITY_INFO.filter((x) => x.kind !== 'regional-council').flatMap((a) => [a.name, ...(a.short ? [a.short] : [])].map((n): [string, string] => [n, withAuthority(n)])),
    );
    rejects(RULE, [{ text: withAuthority('keski-suomen LIITTO'), at: onAuthority('keski-suomen LIITTO') }]);
  });

  it("a near miss is unusual-value's, an unknown authority nobody's", () => {
    expectAdded(base, withAuthority('Keski-Suomen liito'), `unusual-value@${LINE}`);
    expect(findings(withAuthority('Opetushallitus'))).toEqual(findings(base));
  });

  it('is silent on the five examples', () => {
    accepts(RULE, PUBLISHED);
  });
});
