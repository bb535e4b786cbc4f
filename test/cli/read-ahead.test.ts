// Reading ahead on a second thread (server/src/node/read-ahead.ts): the texts it hands over
// are exactly what the main thread reads itself, it hands over nothing for a file it does
// not take (another encoding, binary, empty, too large, not a regular file, missing), and a
// batch run gives the same output with it (`--jobs auto`) as without (`--jobs 1`).
// The reader runs from the built command's entry (dist/cli.js), as in a real run.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadAhead } from '../../server/src/node/read-ahead';
import { readInput } from '../../server/src/node/read-file';
import { CLI, EXAMPLES, hanke, removeDir, tempDir, toCp1252 } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('hanke-read-ahead-');
});
afterAll(() => removeDir(tmp));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const finnish = EXAMPLES[0].text;

/** What the main thread reads of a file when it is valid UTF-8, not empty and not too large; else undefined (left to the main thread). */
function mainThreadText(path: string, maxBytes: number): string | undefined {
  const r = readInput(path);
  if (r.kind !== 'text' || r.encoding !== 'utf-8' || r.invalid || r.text === '' || r.bytes!.length > maxBytes) return undefined;
  return r.text;
}

/** Takes every file in order, and closes. */
function takeAll(ahead: ReadAhead, n: number): (string | undefined)[] {
  const got: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) got.push(ahead.take(i));
  ahead.close();
  return got;
}

describe.runIf(process.platform !== 'win32')('the read-ahead thread', () => {
  it('hands over the text the main thread reads for valid UTF-8, and nothing for anything else', async () => {
    const dir = join(tmp, 'kinds');
    mkdirSync(dir);
    const at = (name: string) => join(dir, name);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const files: Record<string, Buffer | string | null> = {
      'finnish.txt': finnish,
      'ascii.txt': 'Hankekoodi: S10000\nplain ASCII only\n',
      'bom.txt': Buffer.concat([bom, Buffer.from(finnish)]),
      'crlf.txt': finnish.replace(/\n/g, '\r\n'),
      // Valid UTF-8 with a NUL after the first 8 kB: text (only the start is probed for binary).
      'late-nul.txt': 'ä'.repeat(5000) + '\0' + 'ö',
      'one-byte.txt': 'x',
      'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hankekoodi: ä', 'utf16le')]),
      'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hankekoodi: ä', 'utf16le').swap16()]),
      'cp1252.txt': toCp1252('Hakijan virallinen nimi: Jyväskylän kaupunki – ESR'),
      'stray.txt': Buffer.concat([Buffer.from('Jyväskylä '), Buffer.from([0xe4]), Buffer.from(' öljy')]),
      'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]),
      'empty.txt': '',
      'too-large.txt': 'a'.repeat(70_000),
    };
    const order: string[] = [];
    for (const [name, body] of Object.entries(files)) {
      if (body !== null) writeFileSync(at(name), body);
      order.push(at(name));
    }
    mkdirSync(at('folder.txt'));
    execFileSync('mkfifo', [at('fifo.txt')]);
    symlinkSync(at('nowhere'), at('broken.txt'));
    symlinkSync('/dev/zero', at('zero.txt'));
    order.push(at('folder.txt'), at('fifo.txt'), at('broken.txt'), at('zero.txt'), at('missing.txt'));
    const paths: (string | null)[] = [...order, null, at('finnish.txt')];
    const maxBytes = 64 * 1024;

    const ahead = ReadAhead.start(CLI, paths, maxBytes)!;
    expect(ahead).toBeDefined();
    await sleep(1500); // the reader starts and reads them all (fewer than it reads ahead)
    const got = takeAll(ahead, paths.length);

    const expected = paths.map((p) => (p === null ? undefined : mainThreadText(p, maxBytes)));
    expect(got).toEqual(expected);
    // It did read the common kinds (not only hand everything back).
    const named = (n: string) => got[paths.indexOf(at(n))];
    for (const n of ['finnish.txt', 'ascii.txt', 'bom.txt', 'crlf.txt', 'late-nul.txt', 'one-byte.txt']) expect(named(n), n).toBeTypeOf('string');
    expect(named('bom.txt')!.startsWith('\uFEFF')).toBe(true);
    for (const n of ['utf16le.txt', 'utf16be.txt', 'cp1252.txt', 'stray.txt', 'binary.txt', 'empty.txt', 'too-large.txt', 'folder.txt', 'fifo.txt', 'broken.txt', 'zero.txt', 'missing.txt']) {
      expect(named(n), n).toBeUndefined();
    }
    expect(got[paths.length - 2]).toBeUndefined(); // null: left to the main thread
    expect(got[paths.length - 1]).toBe(finnish);
  }, 30_000);

  it('hands over each file in order however far ahead it is, and never waits for a file it has not read', async () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    const n = 400; // several times what it reads ahead
    const texts: string[] = [];
    const paths: string[] = [];
    for (let i = 0; i < n; i++) {
      texts.push(i % 3 === 0 ? `file ${i}\n${'ascii '.repeat(i % 50)}` : `tiedosto ${i}: äö ${'å'.repeat(i)}\n`);
      paths.push(join(dir, `f${i}.txt`));
      writeFileSync(paths[i], texts[i]);
    }
    // Taken at once: most are read in the main thread (undefined), never a wrong text.
    const quick = takeAll(ReadAhead.start(CLI, paths, 1 << 20)!, n);
    quick.forEach((t, i) => t === undefined || expect(t).toBe(texts[i]));

    // Taken slowly: after the reader has started, it is ahead and hands over the rest.
    const ahead = ReadAhead.start(CLI, paths, 1 << 20)!;
    await sleep(1000);
    const slow: (string | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      slow.push(ahead.take(i));
      if (i % 16 === 15) await sleep(5);
    }
    ahead.close();
    slow.forEach((t, i) => t === undefined || expect(t).toBe(texts[i]));
    expect(slow.filter((t) => t !== undefined).length).toBeGreaterThan(n * 0.9);
    // Closed: nothing more is handed over.
    expect(ahead.take(n)).toBeUndefined();
  }, 30_000);

  it('a batch run lints a folder the same with it (--jobs auto) and without (--jobs 1), hostile files included', () => {
    const dir = join(tmp, 'folder');
    mkdirSync(dir);
    const n = 240; // above READ_AHEAD_MIN (cli/pool.ts)
    for (let i = 0; i < n; i++) {
      const e = EXAMPLES[i % EXAMPLES.length].text.replace(/^Hankekoodi: .*$/m, `Hankekoodi: S1${String(i).padStart(5, '0')}`);
      writeFileSync(join(dir, `d${String(i).padStart(3, '0')}.txt`), i % 7 === 0 ? e.replace(/\n/g, '\r\n') : e);
    }
    writeFileSync(join(dir, 'd050-bom.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EXAMPLES[1].text)]));
    writeFileSync(join(dir, 'd100-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EXAMPLES[2].text, 'utf16le')]));
    writeFileSync(join(dir, 'd150-stray.txt'), Buffer.concat([Buffer.from(EXAMPLES[3].text.slice(0, 400)), Buffer.from([0xe4]), Buffer.from(EXAMPLES[3].text.slice(400))]));
    writeFileSync(join(dir, 'd160-binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0xff]));
    writeFileSync(join(dir, 'd170-empty.txt'), '');
    writeFileSync(join(dir, 'd180-notes.txt'), 'just some notes\n');
    mkdirSync(join(dir, 'd190-folder.txt'));
    execFileSync('mkfifo', [join(dir, 'd200-fifo.txt')]);
    symlinkSync(join(dir, 'nowhere'), join(dir, 'd210-broken.txt'));
    for (const format of ['json', 'stylish']) {
      const one = hanke(['lint', '--format', format, '--no-color', '--jobs', '1', dir]);
      const auto = hanke(['lint', '--format', format, '--no-color', dir]);
      expect(auto, format).toEqual(one);
      expect(one.status).toBe(2); // the folder and the broken link cannot be read
    }
    const json = JSON.parse(hanke(['lint', '--format', 'json', dir]).stdout) as { file: string }[];
    expect(json.length).toBeGreaterThanOrEqual(n);
    // export reads the files the same way.
    const exported = hanke(['export', '--format', 'json', dir]);
    expect(exported).toEqual(hanke(['export', '--format', 'json', '--jobs', '1', dir]));
    expect((JSON.parse(exported.stdout) as unknown[]).length).toBeGreaterThanOrEqual(n);
  }, 120_000);
});
