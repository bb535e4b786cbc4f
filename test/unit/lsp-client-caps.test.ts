// Column conversion for the negotiated position encoding, plain text for clients without
// Markdown, and the Markdown escaping of document text in hovers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToPlainText, utf16ToUtf8, utf8ToUtf16 } from '../../server/src/lsp/handlers/client';
import { md } from '../../server/src/core/hover';

const line = fc.string({ unit: fc.constantFrom('a', ' ', 'ä', 'ö', '€', '😀', '\u{10348}', ':', '_'), maxLength: 40 });

describe('UTF-8 ↔ UTF-16 columns', () => {
  it('agree with Buffer.byteLength and round-trip at every character boundary', () => {
    fc.assert(
      fc.property(line, (s) => {
        let units = 0;
        for (const ch of s) {
          const bytes = Buffer.byteLength(s.slice(0, units), 'utf8');
          expect(utf16ToUtf8(s, units)).toBe(bytes);
          expect(utf8ToUtf16(s, bytes)).toBe(units);
          units += ch.length;
        }
        expect(utf16ToUtf8(s, s.length)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });

  it('puts a byte column inside a character at its start, and counts past the end as ASCII', () => {
    expect(utf8ToUtf16('ä', 1)).toBe(0);
    expect(utf8ToUtf16('a😀', 3)).toBe(1);
    expect(utf16ToUtf8('ab', 5)).toBe(5);
    expect(utf8ToUtf16('ab', 5)).toBe(5);
  });
});

describe('hover escaping', () => {
  const unescape = (s: string) => s.replace(/\\([!-/:-@[-`{-~])/g, '$1');

  it('leaves text alone that Markdown would show as written', () => {
    for (const s of ['Marke_2 [beta]', 'Laukaan kunta', 'a * b', 'C:\\temp', 'Oy Ab (2019)', '100 %', 'x > y', 'a - b', '5. Sosiaalinen osallisuus', 'e-mail: a(at)b.fi']) expect(md(s)).toBe(s);
  });

  it('escapes what Markdown would read as markup', () => {
    expect(md('*oy*')).toBe('\\*oy\\*');
    expect(md('_x_')).toBe('\\_x\\_');
    expect(md('[a](b)')).toBe('[a\\](b)');
    expect(md('<b>')).toBe('\\<b>');
    expect(md('a | b')).toBe('a \\| b');
    expect(md('`x`')).toBe('\\`x\\`');
    expect(md('# x')).toBe('\\# x');
    expect(md('- x')).toBe('\\- x');
    expect(md('~~x~~')).toBe('\\~\\~x\\~\\~');
    expect(md('&amp;')).toBe('\\&amp;');
    expect(md('a\\*')).toBe('a\\\\\\*');
  });

  it('is undone exactly by removing the escapes (nothing of the text is lost)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(unescape(md(s))).toBe(s);
      }),
    );
  });
});

describe('Markdown as plain text', () => {
  it('drops emphasis, code fences, escapes and heading marks, keeps link targets', () => {
    expect(markdownToPlainText('**Hankekoodi** — 1 Hanke\n\n```\nHankekoodi: S21368\n```\n\nSee [docs](https://x.fi/a) and `code`, \\*not\\* emphasis')).toBe(
      'Hankekoodi — 1 Hanke\n\nHankekoodi: S21368\n\nSee docs (https://x.fi/a) and code, *not* emphasis',
    );
  });
});
