import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { isWebAddress } from '../../../server/src/core/rules/values/invalid-url';
import { editLine, example } from '../../helpers/examples';
import { findings, fixesOf } from '../../helpers/lint';
import { accepts, PUBLISHED, rejects } from '../../helpers/rules';

const RULE = 'invalid-url';
const LABEL = 'WWW-osoite:';

function withUrl(value: string): string {
  return editLine(example('000'), LABEL, `${LABEL} ${value}`);
}

describe(RULE, () => {
  it('accepts the published addresses and other web addresses', () => {
    const ok = [
      'http://www.ely-keskus.fi/keski-suomi',
      'http://www.laukaa.fi',
      'http://ely-keskus.fi/pohjois-karjala',
      'http://www.hameenlinna.fi',
      'https://www.jyvaskyla.fi/hankkeet?id=12#alku',
      'HTTPS://WWW.LAUKAA.FI/',
      'http://www.hämeenlinna.fi',
      'http://localhost.fi:8080/x',
    ];
    for (const u of ok) expect(isWebAddress(u), u).toBe(true);
    accepts(
      RULE,
      ok.map((u) => [u, withUrl(u)]),
    );
  });

  it('accepts an address without http:// (www.example.fi), as people write it', () => {
    accepts(
      RULE,
      ['www.laukaa.fi', 'laukaa.fi', 'www.ely-keskus.fi/keski-suomi'].map((u) => [u, withUrl(u)]),
    );
  });

  it('reports a value that is not a web address, on the value, and nothing else', () => {
    rejects(RULE, [{ text: withUrl('Laukaan kunta'), at: { line: LABEL, text: 'Laukaan kunta' }, message: 'is not a web address', alone: true }]);
  });

  it("reports beside the expected findings of an example (004's empty-field)", () => {
    const text = editLine(example('004'), LABEL, `${LABEL} jyvaskyla`);
    rejects(RULE, [{ text, at: { line: LABEL, text: 'jyvaskyla' }, besides: example('004') }]);
    expect(findings(text)).toHaveLength(2);
  });

  it('reports a name without a top-level domain, other schemes, spaces and e-mail addresses', () => {
    rejects(
      RULE,
      ['laukaa', 'http://laukaa', 'ftp://ftp.laukaa.fi', 'mailto:info@laukaa.fi', 'http://www.laukaa .fi', 'www.laukaa.fi www.jyvaskyla.fi'].map((bad) => ({
        text: withUrl(bad),
        at: { line: LABEL, text: bad },
      })),
    );
    rejects(RULE, [{ text: withUrl('info(at)laukaa.fi'), at: { line: LABEL, text: 'info(at)laukaa.fi' }, message: 'e-mail address' }]);
  });

  it('fixes a mistyped http:// (safe)', () => {
    const cases = [
      ['http//www.laukaa.fi', 'http://www.laukaa.fi'],
      ['http:/www.laukaa.fi', 'http://www.laukaa.fi'],
      ['htp://www.laukaa.fi', 'http://www.laukaa.fi'],
      ['http:\\\\www.laukaa.fi', 'http://www.laukaa.fi'],
      ['https;//www.laukaa.fi', 'https://www.laukaa.fi'],
    ];
    for (const [bad, good] of cases) {
      const text = withUrl(bad);
      const fixes = fixesOf(RULE, text);
      expect(
        fixes.map((f) => [f.edits[0].newText, f.safe]),
        bad,
      ).toEqual([[good, true]]);
      expect(findings(applyEdits(text, fixes[0].edits))).toEqual([]);
    }
    expect(fixesOf(RULE, withUrl('ftp://ftp.laukaa.fi'))).toEqual([]);
  });

  it('says nothing about an empty WWW-osoite (the value is optional)', () => {
    expect(findings(editLine(example('000'), LABEL, LABEL))).toEqual([]);
  });

  it('is silent on the published descriptions', () => {
    accepts(RULE, PUBLISHED);
  });
});
