import { editDistance } from '../../util/similarity';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { replaceFix, valuedFields } from './common';

const HOST = String.raw`(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}`;
const REST = String.raw`(?::\d{1,5})?(?:[/?#][^\s]*)?`;
const WITH_SCHEME = new RegExp(`^https?://${HOST}${REST}$`, 'iu');
/** A bare host (`www.laukaa.fi`, `laukaa.fi/hanke`): a web address as people write it. */
const BARE = new RegExp(`^${HOST}${REST}$`, 'iu');
/** A mistyped scheme: `http//`, `http:/`, `htp://`, `http:\\`, `https;//`. */
const SCHEME_TYPO = /^([a-z]{3,6})[:;]?[/\\]{1,3}/i;

/** WITH_SCHEME for a host in plain ASCII (most addresses): the same answer where it matches, in a quicker test. */
const PLAIN_WITH_SCHEME = new RegExp(`^https?://(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}${REST}$`, 'i');
/**
 * BARE for a host in plain ASCII (`www.laukaa.fi`): a value it matches is a web address
 * (it has no scheme: a colon in it is a port's, before a digit, or after the host).
 */
const PLAIN_BARE = new RegExp(`^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}${REST}$`, 'i');

/** A web address: http(s)://host…, or a bare host name with a top-level domain. */
export function isWebAddress(value: string): boolean {
  return PLAIN_WITH_SCHEME.test(value) || PLAIN_BARE.test(value) || isWebAddressInFull(value);
}

/** isWebAddress without the quick test (a test holds the two to the same answers). */
export function isWebAddressInFull(value: string): boolean {
  return WITH_SCHEME.test(value) || (!/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value) && BARE.test(value));
}

/**
 * `WWW-osoite` present but not a web address. An address without `http://`
 * (`www.laukaa.fi`) is accepted: it is a web address to every reader, and the form does
 * not ask for the scheme. A mistyped scheme gets the corrected address as a safe fix.
 */
export const invalidUrl: Rule = {
  id: 'invalid-url',
  category: 'values',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { values: ['url'] },
  description: t('WWW-osoite ei ole verkko-osoite.', 'WWW-osoite is present but not a web address.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'url')) {
      const value = f.value;
      if (isWebAddress(value)) continue;
      const fixes: Fix[] = [];
      let why = t('Verkko-osoite on muotoa http://www.esimerkki.fi.', 'A web address looks like http://www.example.fi.');
      const m = SCHEME_TYPO.exec(value);
      if (/@|\(at\)/i.test(value)) {
        why = t('Tämä näyttää sähköpostiosoitteelta.', 'This looks like an e-mail address.');
      } else if (m) {
        const word = m[1].toLowerCase();
        const scheme = editDistance(word, 'https', 1) <= 1 && word.endsWith('s') ? 'https' : editDistance(word, 'http', 1) <= 1 ? 'http' : undefined;
        const fixed = scheme && `${scheme}://${value.slice(m[0].length)}`;
        if (fixed && WITH_SCHEME.test(fixed)) {
          why = t(`Osoitteen alku kirjoitetaan ${scheme}://.`, `The address begins with ${scheme}://.`);
          fixes.push(replaceFix(f.valueRange, fixed, true));
        }
      }
      out.push({
        range: f.valueRange,
        message: t(`"${value}" ei ole verkko-osoite. ${why.fi}`, `"${value}" is not a web address. ${why.en}`),
        fixes,
      });
    }
    return out;
  },
};
