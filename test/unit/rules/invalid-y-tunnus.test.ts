import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { analyze } from '../../../server/src/core/lint';
import { range } from '../../../server/src/core/model';
import { VALUES_RULES } from '../../../server/src/core/rules/values';
import { checkYTunnus, isValidYTunnus, yTunnusCheckDigit } from '../../../server/src/core/rules/values/invalid-y-tunnus';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-y-tunnus';
const LABEL = 'Y-tunnus:';
const r = range(0, 0, 9);

/** Example 001 with its applicant's Y-tunnus replaced. */
function withYTunnus(value: string): string {
  return editLine(example('001'), 'Y-tunnus:', `Y-tunnus: ${value}`);
}

describe(RULE, () => {
  it('accepts the real IDs of the published descriptions and of a partner', () => {
    const ids = ['2296962-1', '0176478-2', '0146921-4', '0174666-4', '0245895-5'];
    for (const id of ids) expect(isValidYTunnus(id), id).toBe(true);
    accepts(
      RULE,
      ids.map((id) => [id, withYTunnus(id)]),
    );
  });

  it('reports a wrong check digit on the value, with the expected digit, and nothing else', () => {
    const text = withYTunnus('0176478-3');
    rejects(RULE, [{ text, at: { line: LABEL, text: '0176478-3' }, message: 'should be 2', alone: true }]);
    // No fix: the mistyped digit may be any of the eight.
    expect(fixesOf(RULE, text)).toEqual([]);
  });

  it('computes check digit 0 when the weighted sum leaves remainder 0', () => {
    expect(yTunnusCheckDigit('1234562')).toBe(0);
    expect(isValidYTunnus('1234562-0')).toBe(true);
    accepts(RULE, [withYTunnus('1234562-0')]);
    rejects(RULE, [{ text: withYTunnus('1234562-1'), at: { line: LABEL, text: '1234562-1' }, message: 'should be 0' }]);
  });

  it('knows that remainder 1 gives no valid ID at all', () => {
    expect(yTunnusCheckDigit('1234568')).toBeUndefined();
    for (let c = 0; c <= 9; c++) expect(isValidYTunnus(`1234568-${c}`)).toBe(false);
    rejects(RULE, [{ text: withYTunnus('1234568-1'), at: { line: LABEL, text: '1234568-1' }, message: 'no check digit makes 1234568 a valid ID' }]);
  });

  it('reports a value of the wrong shape on the whole value', () => {
    rejects(
      RULE,
      ['0176478', '0176478-22', 'A176478-2', '0176-4782', 'ei ole'].map((bad) => ({ text: withYTunnus(bad), at: { line: LABEL, text: bad }, message: 'is not a Y-tunnus', alone: true })),
    );
  });

  it('does not accept an old six-digit ID silently; the fix adds the leading zero', () => {
    const text = withYTunnus('176478-2');
    rejects(RULE, [{ text, at: { line: LABEL, text: '176478-2' }, message: 'leading zero: 0176478-2' }]);
    const [fix] = fixesOf(RULE, text);
    expect(fix.safe).toBe(true);
    expect(findings(applyEdits(text, fix.edits))).toEqual([]);
    // Six digits that are no valid ID with the zero either: reported, no fix.
    expect(checkYTunnus('176478-3', r)?.fixes).toEqual([]);
  });

  it('closes up spaces, a missing hyphen or the VAT form when the digits make a valid ID', () => {
    for (const [bad, good] of [
      ['0176478 - 2', '0176478-2'],
      ['01764782', '0176478-2'],
      ['0176478–2', '0176478-2'],
      ['FI01764782', '0176478-2'],
    ]) {
      const fixes = checkYTunnus(bad, r)?.fixes ?? [];
      expect(
        fixes.map((x) => [x.edits[0].newText, x.safe]),
        bad,
      ).toEqual([[good, true]]);
    }
    expect(checkYTunnus('01764783', r)?.fixes).toEqual([]);
  });

  it('checks every Osatoteuttajat entry, on its Y-tunnus only', () => {
    const text = editLine(
      example('001'),
      'Hakijoiden lukumäärä',
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)',
      'Osatoteuttajat',
      'Oulun yliopisto, 0245895-5',
      'Kajaanin kaupunki, 0245895-4',
      'Jokin yhdistys ry',
    );
    rejects(RULE, [{ text, at: [{ line: 'Kajaanin kaupunki', text: '0245895-4' }, { line: 'Jokin yhdistys ry' }], message: ['should be 5', 'has no Y-tunnus'], alone: true }]);
  });

  it('leaves an empty Y-tunnus to empty-field', () => {
    const text = withYTunnus('').replace('Y-tunnus: \n', 'Y-tunnus:\n');
    rejects('empty-field', [{ text, at: { line: LABEL, text: 'Y-tunnus' }, alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});

// All the value rules together (this file holds the catalogue's first one).
describe('value rules', () => {
  it("are listed in SPEC.md's catalogue order", () => {
    expect(VALUES_RULES.map((r) => r.id)).toEqual([
      'invalid-y-tunnus',
      'invalid-project-code',
      'invalid-date',
      'date-order',
      'date-out-of-programme',
      'invalid-postal-code',
      'invalid-phone',
      'invalid-email',
      'invalid-url',
      'invalid-number',
      'invalid-choice',
      'unusual-value',
    ]);
    expect(VALUES_RULES.every((r) => r.category === 'values')).toBe(true);
  });

  it('give no finding on the five published descriptions', () => {
    const ids = new Set(VALUES_RULES.map((r) => r.id));
    for (const e of EXAMPLES) {
      expect(
        analyze(e.text).findings.filter((f) => ids.has(f.rule)),
        e.name,
      ).toEqual([]);
    }
  });
});
