// The rules' quick paths (issue 17) give the answers of the full readings: a plain-ASCII
// test before the Unicode patterns of the e-mail and web-address checks, a quick test of
// the common phone spellings, the geography lists read once per document, valued fields of
// several kinds filtered from one ordered list, and memoOn's two paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { analyze } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { findMunicipality, findRegion, findSubregion, municipalityHistory, municipalityReading } from '../../server/src/core/reference';
import { judgeDate, kuntaReadings, regionReadings, subregionReadings } from '../../server/src/core/rules/geography/common';
import { valuedFields } from '../../server/src/core/rules/values/common';
import { emailProblem, emailProblemInFull } from '../../server/src/core/rules/values/invalid-email';
import { phoneProblem, phoneProblemInFull } from '../../server/src/core/rules/values/invalid-phone';
import { isWebAddress, isWebAddressInFull } from '../../server/src/core/rules/values/invalid-url';
import { memoOn } from '../../server/src/core/util/memo';
import { example } from '../helpers/examples';

/** Strings made of the given pieces (characters or short words), up to `max` of them. */
const made = (pieces: string[], max = 24) => fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((xs) => xs.join(''));

const LETTERS = ['a', 'b', 'z', 'A', 'Z', 'ä', 'Ö', 'é', 'ı', 'ſ', 'K'];
const DIGITS = ['0', '1', '3', '5', '8', '9'];
const ODD = [' ', '\u00a0', '\u202f', '\t', '-', '\u2013', '.', '..', '_', '+', '(', ')', ',', ';', ':', '/', '\\', '#', '?', '😀', '\ud800'];

describe('quick paths agree with the full readings', () => {
  it('e-mail: any value', () => {
    const email = fc.oneof(
      made([...LETTERS, ...DIGITS, ...ODD, '@', '(at)', '(AT)', ' (at) ', '.fi', '.com', 'laura.oksanen', 'ikaalinen'], 12),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.emailAddress(),
    );
    fc.assert(
      fc.property(email, (v) => {
        expect(emailProblem(v)).toEqual(emailProblemInFull(v));
      }),
      { numRuns: 3000 },
    );
    for (const v of ['laura.oksanen(at)ikaalinen.fi', 'a@b.fi', 'a.b-c_d+e@x-y.example.com', 'A(AT)B.FI', 'a..b@c.fi', 'a@b', 'a@-b.fi', 'a@b.f1'])
      expect(emailProblem(v), v).toEqual(emailProblemInFull(v));
  });

  it('web address: any value', () => {
    const url = fc.oneof(
      made([...LETTERS, ...DIGITS, ...ODD, 'http://', 'https://', 'HTTP://', 'www.', '.fi', '.com', ':8080', '/', '?q=1', '#x', 'laukaa', '-'], 12),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(url, (v) => {
        expect(isWebAddress(v)).toBe(isWebAddressInFull(v));
      }),
      { numRuns: 3000 },
    );
    for (const v of [
      'http://www.ikaalinen.fi',
      'https://a-b.example.com:443/x?y#z',
      'http://-a.fi',
      'http://a-.fi',
      'http://a.f',
      'http://a.fi/ b',
      'www.laukaa.fi',
      'laukaa.fi:8080/x',
      'a.fi:',
      'a.fi:x',
      'mailto:a.fi',
      'www.laukaa.fi/hanke?x=1#y',
      'WWW.LAUKAA.FI',
      'a.b',
      'a.fi/x y',
    ])
      expect(isWebAddress(v), v).toBe(isWebAddressInFull(v));
  });

  it('phone: any value', () => {
    const phone = fc.oneof(made([...DIGITS, ' ', '  ', '-', '+358', '+358 ', '00358', '(0)', '(09)', '\u2013', '\u00a0', 'x'], 16), fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(phone, (v) => {
        expect(phoneProblem(v)).toEqual(phoneProblemInFull(v));
      }),
      { numRuns: 3000 },
    );
    for (const v of ['040 1172912', '+358138193192', '+358 40 123 4567', '+358 040 123', '00358 40 1234567', '12345', '1234567890123', '09-123 456', '+35840123456789'])
      expect(phoneProblem(v), v).toEqual(phoneProblemInFull(v));
  });
});

describe('readings shared by the rules', () => {
  const E1 = example('001');
  const GEO = [
    'Ahvenanmaa',
    'Maarianhaminan',
    'Mariehamn',
    'Valtimo',
    'Kuhmoinen',
    'Jyväskylän',
    'Jyväskylä',
    'Keski-Suomi',
    'Kyrönmaan',
    'Pielisen-Karjalan',
    'Nurmes',
    'Jyväskyä',
    'Uusimaa',
    'Åbo',
    'Pohjanmaa',
    'x',
  ];
  const PERIODS = ['Alkaa 1.1.2015 ja päättyy 31.12.2016', 'Alkaa 1.3.2021 ja päättyy 31.12.2022', 'Alkaa 31.2.2019 ja päättyy 1.1.2020', 'Alkaa 1.1.2020 ja päättyy 1.1.2019'];
  const withPlaces = (names: string[], period: string) =>
    E1.split('\n')
      .map((l) =>
        /^(Maakunnat|Seutukunnat|Kunnat):/.test(l)
          ? `${l.slice(0, l.indexOf(':'))}: ${names.join(', ')}`
          : l.startsWith('Suunnitelman mukainen toteutusaika:')
            ? `Suunnitelman mukainen toteutusaika: ${period}`
            : l,
      )
      .join('\n');

  it('each listed place is read once per document as the reference lookups read it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GEO), { maxLength: 5 }), fc.constantFrom(...PERIODS), (names, period) => {
        const doc = parse(withPlaces(names, period));
        const facts = deriveFacts(doc);
        const date = judgeDate(facts);
        for (const r of regionReadings(facts)) expect(r.region).toBe(findRegion(r.item.text));
        for (const s of subregionReadings(facts)) expect(s.subregion).toBe(findSubregion(s.item.text, date));
        for (const k of kuntaReadings(facts)) {
          expect(k.history).toEqual(municipalityHistory(k.item.text));
          expect(k.period).toBe(k.history.length ? findMunicipality(k.item.text, date) : undefined);
        }
        expect(regionReadings(facts)).toBe(regionReadings(facts));
      }),
      { numRuns: 200 },
    );
    for (const name of [...GEO, 'Helsinki', 'Helsingfors', '']) {
      for (const date of [undefined, '2015-01-01', '2021-03-01']) {
        const r = municipalityReading(name, date);
        expect(r.history).toEqual(municipalityHistory(name));
        expect(r.period).toBe(r.history.length ? findMunicipality(name, date) : undefined);
      }
    }
  });

  it('valued fields of several kinds: those of each kind, in document order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...['000', '001', '002', '003', '004'].map(example)),
        fc.shuffledSubarray(['amount', 'count', 'yesNo', 'applicantCount', 'status', 'organisationType', 'authority', 'email', 'phone'] as const),
        (text, kinds) => {
          const doc = analyze(text).doc;
          const each = kinds.flatMap((k) => [...valuedFields(doc, k)]).sort((a, b) => a.line - b.line || a.range.start.character - b.range.start.character);
          expect(valuedFields(doc, ...kinds)).toEqual(each);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('memoOn computes once per owner and key, undefined results included, and not again after a throw', () => {
    const owner = {};
    let calls = 0;
    const undef = () => {
      calls++;
      return undefined;
    };
    expect(memoOn(owner, 'u', undef)).toBeUndefined();
    expect(memoOn(owner, 'u', undef)).toBeUndefined();
    expect(calls).toBe(1);
    expect(memoOn(owner, 'v', () => 7)).toBe(7);
    expect(memoOn(owner, 'v', () => 8)).toBe(7);
    expect(memoOn({}, 'v', () => 8)).toBe(8);
    // Nested: a computation that asks for another value of the same owner.
    const nested = {};
    expect(memoOn(nested, 'outer', (o) => memoOn(o, 'inner', () => 2) + 1)).toBe(3);
    expect(memoOn(nested, 'inner', () => 5)).toBe(2);
    // A computation that throws stores nothing: the next ask computes again.
    const failing = {};
    expect(() =>
      memoOn(failing, 'x', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(memoOn(failing, 'x', () => 1)).toBe(1);
    expect(JSON.stringify(owner)).toBe('{}');
  });
});
