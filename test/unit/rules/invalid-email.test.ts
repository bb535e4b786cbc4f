import { describe, expect, it } from 'vitest';
import { emailProblem } from '../../../server/src/core/rules/values/invalid-email';
import { editLine, example } from '../../helpers/examples';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

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
    for (const e of ok) expect(emailProblem(e), e).toBeUndefined();
    accepts(
      RULE,
      ok.map((e) => [e, withEmail(e)]),
    );
  });

  it('reports an address without @, on the value, and nothing else', () => {
    rejects(RULE, [{ text: withEmail('marja.pudas.ely-keskus.fi'), at: { line: LABEL, text: 'marja.pudas.ely-keskus.fi' }, message: 'has no @', alone: true }]);
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
    rejects(
      RULE,
      cases.map(([bad, why]) => ({ text: withEmail(bad), at: { line: LABEL, text: bad }, message: why })),
    );
  });

  it('checks the field under the correctly spelt label too', () => {
    const label = 'Yhteyshenkilön sähköpostiosoite:';
    rejects(RULE, [{ text: withEmail('marja.pudas', label), at: { line: label, text: 'marja.pudas' }, alone: true }]);
  });

  it('leaves an empty address to empty-field', () => {
    const text = editLine(example('000'), LABEL, LABEL);
    rejects('empty-field', [{ text, at: { line: LABEL, text: LABEL.slice(0, -1) }, alone: true }]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
