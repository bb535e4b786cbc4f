// The keys for the checks across documents as `hanke lint --cache` stores them: read back
// by hand when no value needs an escape in JSON, with JSON.parse otherwise. Whatever the
// values hold, what is read back is what was stored, and a damaged field is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKeys, storeKeys } from '../../server/src/cli/cache';
import type { DocumentKeys, KeyValue } from '../../server/src/core/cross-document';

/** Values as a document may hold them: plain text mostly, with quotes, backslashes, tabs, control and non-BMP characters and lone surrogates now and then. */
const value = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  fc.constantFrom('S20015', '0176478-2', 'Laukaan kunta', 'Yhdistys "Apu" ry', 'a\\b', 'tab\there', '\u2028', '\ud800x', 'Åland 😀'),
);
const position = fc.integer({ min: 0, max: 999_999_999 });
const keyValue = fc.record({ value, line: position, character: position, endLine: position, endCharacter: position });
const keys = fc.record({ code: fc.option(keyValue, { nil: undefined }), yTunnus: fc.option(keyValue, { nil: undefined }), applicant: fc.option(keyValue, { nil: undefined }) });

function made(k: { code?: Plain; yTunnus?: Plain; applicant?: Plain }): DocumentKeys {
  const out: DocumentKeys = {};
  for (const name of ['code', 'yTunnus', 'applicant'] as const) {
    const v = k[name];
    if (v) out[name] = { value: v.value, range: { start: { line: v.line, character: v.character }, end: { line: v.endLine, character: v.endCharacter } } };
  }
  return out;
}
interface Plain {
  value: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

const plain = (k: DocumentKeys) => Object.fromEntries(Object.entries(k).map(([name, v]) => [name, { value: (v as KeyValue).value, range: (v as KeyValue).range }]));

describe('cached keys', () => {
  it('read back as stored, escaped or not', () => {
    fc.assert(
      fc.property(keys, (k) => {
        const stored = storeKeys(made(k));
        expect(plain(loadKeys(stored))).toEqual(plain(made(k)));
      }),
      { numRuns: 2000 },
    );
  });

  it('the common case is read without JSON, and gives what JSON.parse gives', () => {
    const k = made({ code: { value: 'S20015', line: 6, character: 12, endLine: 6, endCharacter: 18 }, applicant: { value: 'Laukaan kunta', line: 22, character: 25, endLine: 22, endCharacter: 38 } });
    const stored = storeKeys(k);
    expect(stored).toBe('["S20015",6,12,6,18,0,"Laukaan kunta",22,25,22,38]');
    expect(plain(loadKeys(stored))).toEqual(plain(k));
  });

  it('a damaged field is refused, never read as other keys', () => {
    const stored = storeKeys(
      made({ code: { value: 'S20015', line: 6, character: 12, endLine: 6, endCharacter: 18 }, yTunnus: { value: '0176478-2', line: 26, character: 10, endLine: 26, endCharacter: 19 } }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: stored.length - 1 }), fc.constantFrom('', '"', ',', ']', '[', 'x', '00'), (at, put) => {
        const damaged = stored.slice(0, at) + put + stored.slice(at + 1);
        let read: DocumentKeys | undefined;
        try {
          read = loadKeys(damaged);
        } catch {
          return; // refused: the file is linted again
        }
        // Read at all only if it is still the JSON of a keys array, and then as JSON reads it.
        const json = JSON.parse(damaged) as unknown[];
        expect(Array.isArray(json)).toBe(true);
        expect(Object.values(read).every((v) => typeof v.value === 'string')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
