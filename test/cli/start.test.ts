// The command's entry (dist/cli.js, server/src/cli-start.ts) starts the CLI bundle with a
// V8 code cache kept in a folder of the user's own under the temporary folder: the
// output is the same with and without it, a damaged cache is replaced, and a folder
// others may write into is never used.
import { chmodSync, mkdirSync, readFileSync, symlinkSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, hanke, REPO, removeDir, tempDir } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

const node20 = Number(process.versions.node.split('.')[0]) < 22 || (Number(process.versions.node.split('.')[0]) === 22 && Number(process.versions.node.split('.')[1]) < 1);
const uid = process.getuid?.();
const folder = (t: string) => join(t, `hanke-compile-cache-${uid ?? 'user'}`);

describe.runIf(node20 && process.platform !== 'win32')('the code cache of the command (Node before 22.1)', () => {
  it('is made by a run, used by the next; the output is the same; a damaged one is replaced', () => {
    const t = join(tmp, 'a');
    mkdirSync(t);
    const args = ['lint', '--format', 'json', example(1), example(4)];
    const first = hanke(args, { env: { TMPDIR: t } });
    expect(first.stderr).toBe('');
    const dir = folder(t);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const made = readdirSync(dir);
    expect(made.some((f) => /-lint-full\.bin$/.test(f))).toBe(true);
    const second = hanke(args, { env: { TMPDIR: t } });
    expect(second).toEqual(first);
    // Damaged (V8 rejects it): the run is the same and the cache is made again.
    for (const f of made) writeFileSync(join(dir, f), 'not a code cache', { mode: 0o600 });
    const third = hanke(args, { env: { TMPDIR: t } });
    expect(third).toEqual(first);
    for (const f of made) expect(statSync(join(dir, f)).size).toBeGreaterThan(1000);
    // Another command keeps its own.
    expect(hanke(['--version'], { env: { TMPDIR: t } }).status).toBe(0);
    expect(readdirSync(dir).length).toBeGreaterThan(made.length);
    // A mistyped command leaves nothing behind (one file per word typed would pile up).
    const before = readdirSync(dir).sort();
    expect(hanke(['lnit', 'x'], { env: { TMPDIR: t } }).status).toBe(2);
    expect(hanke(['frobnicate'], { env: { TMPDIR: t } }).status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
    // Caches of another build (an upgrade, a rebuild) are removed when this build writes its own.
    const old = ['v0.0.0-x64-1-1-lint-full.bin', 'v0.0.0-x64-1-1-other.bin', 'v0.0.0-x64-1-1-lint-full.bin.123.tmp'];
    for (const f of old) writeFileSync(join(dir, f), 'old', { mode: 0o600 });
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    for (const f of readdirSync(dir)) if (f.endsWith('-lint-full.bin') && !old.includes(f)) writeFileSync(join(dir, f), 'damaged', { mode: 0o600 });
    expect(hanke(args, { env: { TMPDIR: t } })).toEqual(first);
    const left = readdirSync(dir);
    for (const f of old) expect(left).not.toContain(f);
    expect(left).toContain('notes.txt');
    expect(left.some((f) => /-lint-full\.bin$/.test(f))).toBe(true);
  });

  it('a folder others may write into is not used', () => {
    const t = join(tmp, 'b');
    mkdirSync(folder(t), { recursive: true });
    chmodSync(folder(t), 0o777);
    const r = hanke(['lint', '--format', 'json', example(1)], { env: { TMPDIR: t } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(readdirSync(folder(t))).toEqual([]);
  });

  it('a link in place of the folder is not followed', () => {
    const t = join(tmp, 'c');
    const real = join(tmp, 'c-real');
    mkdirSync(t);
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, folder(t));
    const r = hanke(['lint', '--format', 'json', example(1)], { env: { TMPDIR: t } });
    expect(r.status).toBe(0);
    expect(readdirSync(real)).toEqual([]);
  });

  it('no temporary folder to write in: the command runs as usual', () => {
    const notAFolder = join(tmp, 'file');
    writeFileSync(notAFolder, 'x');
    const r = hanke(['lint', '--format', 'json', example(1)], { env: { TMPDIR: notAFolder } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });
});

describe('the CLI bundle', () => {
  it('imports nothing outside itself with import() (compiled as a vm script, it has no loader for that)', () => {
    const bundle = readFileSync(join(REPO, 'dist', 'cli-main.js'), 'utf8');
    expect(bundle).not.toMatch(/[^\w.$]import\(\s*["'`]/);
  });
});
