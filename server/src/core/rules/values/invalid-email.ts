import type { Texts } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';
import { valuedFields } from './common';

/** The published form writes @ as (at); spaces around it are tolerated. */
const AT_WORD = /\s*\(at\)\s*/gi;
const LOCAL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/**
 * The common address in plain ASCII (`laura.oksanen(at)ikaalinen.fi`): every value it
 * matches passes each test below (one @, no space, LOCAL, DOMAIN), in one quick test.
 */
const PLAIN = /^[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*(?:@|\(at\))(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** Why `value` is not an e-mail address, or undefined when it is one. */
export function emailProblem(value: string): Texts | undefined {
  return PLAIN.test(value) ? undefined : emailProblemInFull(value);
}

/** emailProblem without the quick test (a test holds the two to the same answers). */
export function emailProblemInFull(value: string): Texts | undefined {
  const address = value.replace(AT_WORD, '@');
  const ats = address.split('@').length - 1;
  if (ats === 0) return t('Siitä puuttuu @ (tai julkaistu muoto (at)).', 'It has no @ (or the published (at)).');
  if (ats > 1) return t('Kenttään kirjoitetaan yksi osoite.', 'The field holds one address.');
  if (/[\s\u00a0\u202f]/.test(address)) return t('Osoitteessa ei ole välilyöntejä.', 'An address has no spaces.');
  const [local, domain] = address.split('@');
  if (!LOCAL.test(local)) return t(`Osa "${local}" ennen @-merkkiä ei kelpaa.`, `The part "${local}" before the @ is not valid.`);
  if (!DOMAIN.test(domain)) return t(`Verkkotunnus "${domain}" ei kelpaa.`, `The domain "${domain}" is not valid.`);
  return undefined;
}

export const invalidEmail: Rule = {
  id: 'invalid-email',
  category: 'values',
  defaultSeverity: 'warning',
  fixable: false,
  needs: { values: ['email'] },
  description: t(
    'Yhteyshenkilön sähköpostiosoite ei ole sähköpostiosoite; julkaistu muoto (at) kelpaa @-merkin paikalla.',
    'The contact e-mail is not an e-mail address; the published (at) form counts as @.',
  ),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'email')) {
      const why = emailProblem(f.value);
      if (!why) continue;
      out.push({
        range: f.valueRange,
        message: t(`"${f.value}" ei ole sähköpostiosoite. ${why.fi}`, `"${f.value}" is not an e-mail address. ${why.en}`),
      });
    }
    return out;
  },
};
