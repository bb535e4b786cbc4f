// Properties of `hanke lint --fix` (in process, over the code the CLI runs): the fixes
// restore what a slip broke and change nothing else, byte for byte, in every encoding,
// BOM and line ending the CLI writes back; and fixing is idempotent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText, fixDescription, fixText } from '../../server/src/cli/fix';
import { decodeBytes, type Encoding } from '../../server/src/node/read-file';
import { mergeConfigs } from '../../server/src/core/config';
import { SECTIONS } from '../../server/src/core/schema';
import { EXAMPLES } from '../helpers/examples';
import { mutatedDescription, params, RUNS } from '../fuzz/support';

const config = mergeConfigs();

/** How a file is stored: encoding, BOM, line ending. */
const storage = fc.record({
  encoding: fc.constantFrom<Encoding>('utf-8', 'windows-1252', 'utf-16le', 'utf-16be'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
});
type Storage = { encoding: Encoding; bom: boolean; crlf: boolean };

function store(text: string, s: Storage): Uint8Array | undefined {
  const t = s.crlf ? text.replace(/\n/g, '\r\n') : text;
  // UTF-16 is recognised by its BOM; Windows-1252 has none.
  const bom = s.encoding.startsWith('utf-16') || (s.encoding === 'utf-8' && s.bom) ? '\uFEFF' : '';
  return encodeText(bom + t, s.encoding);
}

const headings = SECTIONS.map((s) => `${s.number} ${s.title}`);

/** Slips that a safe fix restores exactly: the Y-tunnus as a VAT number or spaced, a typo in a heading's title. */
const slip = fc.oneof(fc.record({ kind: fc.constant('vat' as const), spaced: fc.boolean() }), fc.record({ kind: fc.constant('title' as const), heading: fc.nat(), at: fc.nat() }));

type Slip = { kind: 'vat' | 'title'; spaced?: boolean; heading?: number; at?: number };

function applySlips(text: string, slips: readonly Slip[]): string {
  let out = text;
  for (const s of slips) {
    if (s.kind === 'vat') {
      out = out.replace(/^Y-tunnus: (\d{7})-(\d)$/m, (_, d: string, c: string) => (s.spaced ? `Y-tunnus: ${d} ${c}` : `Y-tunnus: FI${d}${c}`));
    } else {
      const present = headings.filter((h) => new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').test(out));
      if (!present.length) continue;
      const h = present[s.heading! % present.length];
      const titleStart = h.indexOf(' ') + 1;
      const letters = [...h.slice(titleStart)].map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
      if (h.length - titleStart < 12 || !letters.length) continue;
      const i = titleStart + letters[s.at! % letters.length];
      const typo = h.slice(0, i) + h.slice(i + 1);
      out = out.replace(new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'), typo);
    }
  }
  return out;
}

describe('--fix, byte for byte', () => {
  it('restores each slip and leaves every other byte as it was, in every encoding, BOM and line ending', { timeout: 20_000 + RUNS * 400 }, () => {
    fc.assert(
      fc.property(fc.nat({ max: EXAMPLES.length - 1 }), fc.array(slip, { minLength: 1, maxLength: 4 }), storage, (i, slips, s) => {
        const original = EXAMPLES[i].text;
        const broken = applySlips(original, slips);
        const want = store(original, s);
        const bytes = store(broken, s);
        fc.pre(!!want && !!bytes); // Windows-1252 cannot hold every example's characters
        const read = decodeBytes(bytes!);
        if (read.kind !== 'text') throw new Error('not read as text');
        expect(read.encoding).toBe(s.encoding);
        const text = read.text.replace(/^\uFEFF/, '');
        const out = fixDescription(read, text, config, 'dry-run', '(in memory)');
        expect(out.notFixed).toBeUndefined();
        expect(out.fixed).toBe(broken !== original);
        // What --fix writes: the BOM and encoding of the file, the fixed text.
        const prefix = read.text.slice(0, read.text.length - text.length);
        expect(Buffer.from(encodeText(prefix + out.text, read.encoding)!)).toEqual(Buffer.from(want!));
        expect(fixText(out.text, config)).toBe(out.text);
      }),
      params(),
    );
  });
});

describe('--fix on any description', () => {
  it('is idempotent, keeps the line endings, and touches only the lines its fixes are on', { timeout: 20_000 + RUNS * 500 }, () => {
    fc.assert(
      fc.property(mutatedDescription, fc.boolean(), (text, crlf) => {
        const input = crlf ? text.replace(/\r\n|\r|\n/g, '\r\n') : text;
        const once = fixText(input, config);
        expect(fixText(once, config)).toBe(once);
        // No line break of another kind appears (a text without any takes LF).
        if (crlf && input.includes('\r\n')) expect(once.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        // The text before the first change and after the last one is the input's.
        let a = 0;
        while (a < input.length && input[a] === once[a]) a++;
        let b = 0;
        while (b < input.length - a && b < once.length - a && input[input.length - 1 - b] === once[once.length - 1 - b]) b++;
        expect(once.slice(0, a) + once.slice(once.length - b)).toBe(input.slice(0, a) + input.slice(input.length - b));
      }),
      params(0.5),
    );
  });
});
