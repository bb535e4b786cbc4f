import { describe, expect, it } from 'vitest';
import { emailProblem } from '../../../server/src/core/rules/values/invalid-email';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf } from '../../helpers/lint';

const RULE = 'invalid-email';
const LABEL = 'Yhteyshenkilön sähköpostisoite:';

function withEmail(value: string, label = LABEL): string {
  return editLine(example('000'), LABEL, `${label} ${value}`);
}

describe(RULE, () => {
  it('accepts the published (at) form and an ordinary @', () => {
    const ok = [
      'marja.pudas(at)ely-keskus.fi',
      'heli.maki(at)laukaa.fi',
      'satu.m.oksanen(at)jyvaskyla.fi',
      'marja.pudas@ely-keskus.fi',
      'Marja.Pudas(AT)ely-keskus.fi',
      'marja.pudas (at) ely-keskus.fi',
      'info@hämeenlinna.fi',
    ];
    for (const e of ok) {
      expect(emailProblem(e), e).toBeUndefined();
      expect(findingsOf(RULE, withEmail(e)), e).toEqual([]);
    }
  });

  it('reports an address without @, on the value, and nothing else', () => {
    const text = withEmail('marja.pudas.ely-keskus.fi');
    expect(findings(text)).toEqual([`${RULE}@43`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 43, text: 'marja.pudas.ely-keskus.fi' });
    expect(f.message).toContain('has no @');
  });

  it('reports a broken domain or local part, spaces and two addresses', () => {
    const cases: [string, string][] = [
      ['marja.pudas(at)ely-keskus', 'domain'],
      ['marja.pudas(at)ely-keskus,fi', 'domain'],
      ['marja.pudas(at)ely-keskus.fi.', 'domain'],
      ['marja..pudas(at)ely-keskus.fi', 'before the @'],
      ['marja pudas(at)ely-keskus.fi', 'no spaces'],
      ['a(at)b.fi, c(at)d.fi', 'one address'],
      ['(at)ely-keskus.fi', 'before the @'],
    ];
    for (const [bad, why] of cases) {
      const [f] = findingsOf(RULE, withEmail(bad));
      expect(f, bad).toMatchObject({ line: 43, text: bad });
      expect(f.message, bad).toContain(why);
    }
  });

  it('checks the field under the correctly spelt label too', () => {
    const text = withEmail('marja.pudas', 'Yhteyshenkilön sähköpostiosoite:');
    expect(findings(text)).toEqual([`${RULE}@43`]);
  });

  it('leaves an empty address to empty-field', () => {
    expect(findings(editLine(example('000'), LABEL, LABEL))).toEqual(['empty-field@43']);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
