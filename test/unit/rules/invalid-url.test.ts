import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/core/fixes';
import { isWebAddress } from '../../../server/src/core/rules/values/invalid-url';
import { EXAMPLES, editLine, example } from '../../helpers/examples';
import { findings, findingsOf, fixesOf } from '../../helpers/lint';

const RULE = 'invalid-url';

function withUrl(value: string): string {
  return editLine(example('000'), 'WWW-osoite:', `WWW-osoite: ${value}`);
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
    for (const u of ok) {
      expect(isWebAddress(u), u).toBe(true);
      expect(findingsOf(RULE, withUrl(u)), u).toEqual([]);
    }
  });

  it('accepts an address without http:// (www.example.fi), as people write it', () => {
    for (const u of ['www.laukaa.fi', 'laukaa.fi', 'www.ely-keskus.fi/keski-suomi']) expect(findingsOf(RULE, withUrl(u)), u).toEqual([]);
  });

  it('reports a value that is not a web address, on the value, and nothing else', () => {
    const text = withUrl('Laukaan kunta');
    expect(findings(text)).toEqual([`${RULE}@37`]);
    const [f] = findingsOf(RULE, text);
    expect(f).toMatchObject({ line: 37, text: 'Laukaan kunta' });
    expect(f.message).toContain('is not a web address');
  });

  it('reports beside the expected findings of an example (004: empty-field on line 47)', () => {
    const text = editLine(example('004'), 'WWW-osoite:', 'WWW-osoite: jyvaskyla');
    expect(findings(text)).toEqual([`${RULE}@37`, 'empty-field@47']);
    expect(findingsOf(RULE, text)).toMatchObject([{ line: 37, text: 'jyvaskyla' }]);
  });

  it('reports a name without a top-level domain, other schemes, spaces and e-mail addresses', () => {
    for (const bad of ['laukaa', 'http://laukaa', 'ftp://ftp.laukaa.fi', 'mailto:info@laukaa.fi', 'http://www.laukaa .fi', 'www.laukaa.fi www.jyvaskyla.fi']) {
      expect(findingsOf(RULE, withUrl(bad)), bad).toMatchObject([{ line: 37, text: bad }]);
    }
    expect(findingsOf(RULE, withUrl('info(at)laukaa.fi'))[0].message).toContain('e-mail address');
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
    expect(findings(editLine(example('000'), 'WWW-osoite:', 'WWW-osoite:'))).toEqual([]);
  });

  it('is silent on the published descriptions', () => {
    for (const e of EXAMPLES) expect(findingsOf(RULE, e.text), e.name).toEqual([]);
  });
});
