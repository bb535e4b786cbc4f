// The CLI's building blocks, in process: terminal escaping, the gitignore subset of
// .hankeignore, the mostly-UTF-8 decoder, the option parser, rule page links.
import { describe, expect, it } from 'vitest';
import { forTerminal } from '../../server/src/cli/terminal';
import { isIgnored, parseIgnore } from '../../server/src/node/ignore';
import { decode, scanUtf8 } from '../../server/src/node/files';
import { COMMANDS, parseCommand, UsageError } from '../../server/src/cli/args';
import { isDocsBase, ruleDocsLink } from '../../server/src/core/docs';
import { columnHeader } from '../../server/src/cli/export';

describe('forTerminal', () => {
  it('escapes every C0, C1 and DEL character and the bidi overrides; leaves other text alone', () => {
    expect(forTerminal('\u001b]0;title\u0007')).toBe('\\x1B]0;title\\x07');
    expect(forTerminal('a\u001b[2Jb')).toBe('a\\x1B[2Jb');
    expect(forTerminal('x\u009by\u007fz')).toBe('x\\x9By\\x7Fz');
    expect(forTerminal('t\tn\nr\r')).toBe('t\\tn\\nr\\r');
    expect(forTerminal('abc\u202edcba')).toBe('abc\\u202Edcba');
    expect(forTerminal('Jyväskylä – 2 500 € ✓')).toBe('Jyväskylä – 2 500 € ✓');
    for (let c = 0; c < 0x20; c++) expect(forTerminal(String.fromCharCode(c))).toMatch(/^\\/);
    for (let c = 0x7f; c <= 0x9f; c++) expect(forTerminal(String.fromCharCode(c))).toMatch(/^\\x/);
  });
});

describe('.hankeignore (gitignore syntax)', () => {
  const base = '/w';
  const ignored = (text: string, path: string, dir = false) => isIgnored(parseIgnore(text, base), `/w/${path}`, dir);

  it('a name without a slash matches at any depth; with one it is relative to the base', () => {
    expect(ignored('draft.txt', 'draft.txt')).toBe(true);
    expect(ignored('draft.txt', 'a/b/draft.txt')).toBe(true);
    expect(ignored('a/draft.txt', 'a/draft.txt')).toBe(true);
    expect(ignored('a/draft.txt', 'x/a/draft.txt')).toBe(false);
    expect(ignored('/draft.txt', 'a/draft.txt')).toBe(false);
    expect(ignored('/draft.txt', 'draft.txt')).toBe(true);
  });

  it('wildcards, classes, ** and escapes', () => {
    expect(ignored('*.txt', 'a/x.txt')).toBe(true);
    expect(ignored('*.txt', 'a/x.hanke')).toBe(false);
    expect(ignored('luonnos-?.txt', 'luonnos-1.txt')).toBe(true);
    expect(ignored('luonnos-?.txt', 'luonnos-12.txt')).toBe(false);
    expect(ignored('[0-9]*.txt', '2019.txt')).toBe(true);
    expect(ignored('[!0-9]*.txt', '2019.txt')).toBe(false);
    expect(ignored('a/**/x.txt', 'a/x.txt')).toBe(true);
    expect(ignored('a/**/x.txt', 'a/b/c/x.txt')).toBe(true);
    expect(ignored('**/old/*.txt', 'p/q/old/x.txt')).toBe(true);
    expect(ignored('old/**', 'old/a/b.txt')).toBe(true);
    expect(ignored('a/*.txt', 'a/b/x.txt')).toBe(false);
    expect(ignored('\\#x.txt', '#x.txt')).toBe(true);
    expect(ignored('\\!x.txt', '!x.txt')).toBe(true);
    expect(ignored('x\\*.txt', 'x*.txt')).toBe(true);
    expect(ignored('x\\*.txt', 'xy.txt')).toBe(false);
  });

  it('comments, blank lines, trailing spaces, negation (last match wins) and folder-only patterns', () => {
    expect(ignored('# draft.txt\n\n', 'draft.txt')).toBe(false);
    expect(ignored('draft.txt   ', 'draft.txt')).toBe(true);
    expect(ignored('*.txt\n!keep.txt', 'keep.txt')).toBe(false);
    expect(ignored('*.txt\n!keep.txt\nkeep.txt', 'keep.txt')).toBe(true);
    expect(ignored('old/', 'old', true)).toBe(true);
    expect(ignored('old/', 'old', false)).toBe(false);
    expect(ignored('*.txt\r\n', 'a.txt')).toBe(true);
  });

  it('a path outside the base is never matched', () => {
    expect(isIgnored(parseIgnore('*.txt', '/w/sub'), '/w/a.txt', false)).toBe(false);
  });
});

describe('decoding', () => {
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

  it('valid UTF-8 is UTF-8 without stray bytes', () => {
    const r = decode(enc('Jyväskylä ja Äänekoski'));
    expect(r).toEqual({ kind: 'text', text: 'Jyväskylä ja Äänekoski', encoding: 'utf-8' });
  });

  it('mostly UTF-8: each invalid byte is listed at its place and read as its Windows-1252 character', () => {
    const bytes = Buffer.concat([Buffer.from('Jyväskylä, '), Buffer.from([0xe4]), Buffer.from('änekoski ö'), Buffer.from([0x96, 0x41])]);
    const r = decode(bytes);
    expect(r.kind).toBe('text');
    if (r.kind !== 'text') return;
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe('Jyväskylä, äänekoski ö–A');
    expect(r.invalid).toEqual([
      { index: 11, byte: 0xe4 },
      { index: 22, byte: 0x96 },
    ]);
  });

  it('a file with no valid multi-byte sequence, or many invalid bytes, is Windows-1252', () => {
    const cp = Buffer.from([0x4a, 0x79, 0x76, 0xe4, 0x73, 0x6b, 0x79, 0x6c, 0xe4]);
    expect(decode(cp)).toEqual({ kind: 'text', text: 'Jyväskylä', encoding: 'windows-1252' });
    // The bytes 0x80–0x9F are Windows-1252's, not ISO-8859-1 control characters.
    expect(decode(Buffer.from([0x80, 0x20, 0x96, 0x20, 0x93, 0x8a, 0x94, 0x81]))).toEqual({ kind: 'text', text: '€ – “Š”\u0081', encoding: 'windows-1252' });
    // One accidental valid pair among many stray bytes.
    const mixed = Buffer.concat([Buffer.from([0xc3, 0xa4]), Buffer.from('x\xe4x\xe4x\xe4x\xf6', 'latin1')]);
    expect(decode(mixed).kind === 'text' && (decode(mixed) as { encoding: string }).encoding).toBe('windows-1252');
  });

  it('scanUtf8 rejects overlong forms, surrogates and truncated sequences byte by byte', () => {
    expect(scanUtf8(Buffer.from([0xc0, 0xaf]))).toEqual({ multiByte: 0, invalid: [0, 1] });
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toEqual({ multiByte: 0, invalid: [0, 1, 2] });
    expect(scanUtf8(Buffer.from([0xe2, 0x82]))).toEqual({ multiByte: 0, invalid: [0, 1] });
    expect(scanUtf8(Buffer.from('€😀ä'))).toEqual({ multiByte: 3, invalid: [] });
  });
});

describe('the option parser', () => {
  const lint = COMMANDS.lint;
  const fail = (args: string[]) => {
    try {
      parseCommand(lint, args);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as UsageError).texts;
    }
    throw new Error('no error');
  };

  it('long and short forms, = values, --no-<flag>, repeatable options, - and --', () => {
    const { values, positionals } = parseCommand(lint, ['-f', 'json', '--max-warnings=3', '--no-color', '--rule', 'a:off', '--rule=b:error', '-q', '-', '--', '--x']);
    expect(values).toEqual({ format: 'json', 'max-warnings': '3', color: false, rule: ['a:off', 'b:error'], quiet: true });
    expect(positionals).toEqual(['-', '--x']);
  });

  it("did you mean, for a typo of this command and for another command's option", () => {
    expect(fail(['--fromat', 'json']).en).toBe('unknown option --fromat; did you mean --format?');
    expect(fail(['--fromat', 'json']).fi).toBe('tuntematon valitsin --fromat; tarkoititko --format?');
    expect(fail(['--delimiter', ';']).en).toBe('unknown option --delimiter: it is an option of "hanke export"');
    expect(fail(['--zzzzzzzz']).en).toBe('unknown option --zzzzzzzz');
    expect(fail(['--format']).en).toBe('--format needs a value (stylish|json|sarif)');
    expect(fail(['--quiet=yes']).en).toBe('--quiet takes no value');
  });
});

describe('rule page links', () => {
  it('only with a base; {rule} is replaced, otherwise <base>/<rule>.md', () => {
    expect(ruleDocsLink('empty-field', undefined)).toBeUndefined();
    expect(ruleDocsLink('empty-field', 'https://example.org/docs/rules/')).toBe('https://example.org/docs/rules/empty-field.md');
    expect(ruleDocsLink('empty-field', 'https://example.org/docs/rules')).toBe('https://example.org/docs/rules/empty-field.md');
    expect(ruleDocsLink('empty-field', 'https://example.org/r/{rule}.html')).toBe('https://example.org/r/empty-field.html');
    expect(isDocsBase('https://example.org/x')).toBe(true);
    expect(isDocsBase('file:///opt/hanke/docs/rules')).toBe(true);
    expect(isDocsBase('docs/rules')).toBe(false);
    expect(isDocsBase('javascript:alert(1)')).toBe(false);
  });
});

describe('export headers', () => {
  it('English keys by default; Finnish names with --locale fi, score columns named after their items', () => {
    expect(columnHeader('yTunnusValid', false)).toBe('yTunnusValid');
    expect(columnHeader('yTunnusValid', true)).toBe('Y-tunnus kelvollinen');
    expect(columnHeader('code', true)).toBe('Hankekoodi');
    expect(columnHeader('errors', true)).toBe('Virheitä');
  });
});
