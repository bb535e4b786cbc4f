// Files and terminals are safe (issue 12): no command writes to one of its inputs or over
// an existing file without --force, outputs are written atomically, a closed or full
// stdout and every usage or I/O error is one line and exit 2, file names that are not
// UTF-8 are read like any other, a stray byte does not turn a file into mojibake, and
// nothing from a file reaches the terminal as a control sequence.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, example, hanke, removeDir, tempDir, toCp1252 } from './helpers';

let tmp: string;
beforeAll(() => {
  tmp = tempDir('hanke-files-');
});
afterAll(() => removeDir(tmp));

let n = 0;
/** A fresh folder with a copy of example 0 as a.txt. */
function folder(): string {
  const d = join(tmp, `case-${n++}`);
  mkdirSync(d);
  copyFileSync(example(0), join(d, 'a.txt'));
  return d;
}

/** Exactly one line on stderr, starting with "hanke: ", no stack trace. */
function oneLine(stderr: string): void {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^hanke: /);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('no command writes to its inputs or over an existing file', () => {
  it('export -o onto an input (named, or found in a walked folder) and report -o onto an input: exit 2, input unchanged', () => {
    const d = folder();
    const a = join(d, 'a.txt');
    const before = readFileSync(a);
    mkdirSync(join(d, 'sub'));
    copyFileSync(a, join(d, 'sub/x.txt'));
    for (const args of [
      ['export', '-o', a, a],
      ['export', '--format', 'json', '--out', join(d, 'sub/x.txt'), join(d, 'sub')],
      ['export', '-o', join(d, 'sub/x.txt'), `${d}/**/*.txt`],
      ['report', '-o', a, a],
      ['report', '-o', a, '--force', a],
      ['lint', '-o', a, '--force', a],
    ]) {
      const r = hanke(args, { cwd: d });
      expect(r.status, args.join(' ')).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/is one of the inputs/);
    }
    expect(readFileSync(a)).toEqual(before);
    expect(readFileSync(join(d, 'sub/x.txt'))).toEqual(before);
    // Through a symbolic link, the real path is compared.
    const link = join(d, 'link.txt');
    spawnSync('ln', ['-s', a, link]);
    expect(hanke(['export', '-o', link, '--force', a]).status).toBe(2);
    expect(readFileSync(a)).toEqual(before);
  });

  it('report does not overwrite an existing hanke-report.html without --force; with it, the file is replaced whole', () => {
    const d = folder();
    const out = join(d, 'hanke-report.html');
    writeFileSync(out, 'mine');
    const r = hanke(['report', 'a.txt'], { cwd: d });
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/hanke-report\.html exists; use --force/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const f = hanke(['report', '--force', 'a.txt'], { cwd: d });
    expect(f.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    // No temporary file is left beside it.
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'hanke-report.html']);
  });

  it('export and lint -o: an existing file only with --force; new files are written whole', () => {
    const d = folder();
    const csv = join(d, 'out.csv');
    expect(hanke(['export', '-o', csv, 'a.txt'], { cwd: d }).status).toBe(0);
    const first = readFileSync(csv, 'utf8');
    expect(first.split('\r\n')[0]).toMatch(/^file,code,/);
    const again = hanke(['export', '-o', csv, 'a.txt'], { cwd: d });
    expect(again.status).toBe(2);
    oneLine(again.stderr);
    expect(hanke(['export', '--force', '-o', csv, 'a.txt'], { cwd: d }).status).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe(first);
    const json = join(d, 'lint.json');
    expect(hanke(['lint', '--format', 'json', '--output-file', json, 'a.txt'], { cwd: d }).stdout).toBe('');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([{ file: 'a.txt', diagnostics: [] }]);
    expect(hanke(['lint', '-o', json, 'a.txt'], { cwd: d }).status).toBe(2);
    expect(readdirSync(d).sort()).toEqual(['a.txt', 'lint.json', 'out.csv']);
  });

  it('new -o: refuses an existing file, and a folder that does not exist is one line', () => {
    const d = folder();
    const r = hanke(['new', '-o', join(d, 'a.txt')]);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    const missing = hanke(['new', '-o', '/nonexistent/x']);
    expect(missing.status).toBe(2);
    oneLine(missing.stderr);
    expect(missing.stderr).toBe('hanke: cannot write /nonexistent/x: no such folder\n');
    expect(hanke(['new', '--locale', 'fi', '-o', join(d, 'uusi.txt')]).status).toBe(0);
    expect(readFileSync(join(d, 'uusi.txt'), 'utf8')).toMatch(/^Euroopan unioni/);
  });
});

describe('every usage or I/O error is one line and exit 2', () => {
  it('lsp transports that cannot work', () => {
    for (const args of [['lsp'], ['lsp', '--socket=abc'], ['lsp', '--socket=0'], ['lsp', '--node-ipc'], ['lsp', '--socket=1'], ['lsp', '--pipe=/nonexistent/pipe'], ['lsp', '--stdio', '--node-ipc']]) {
      const r = hanke(args);
      expect(r.status, args.join(' ')).toBe(2);
      oneLine(r.stderr);
      expect(r.stdout).toBe('');
    }
  });

  it('the transports that can work do: --stdio and --socket answer initialize', { timeout: 30_000 }, async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const frame = `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const answer = (chunks: string) => JSON.parse(chunks.slice(chunks.indexOf('\r\n\r\n') + 4)) as { id: number; result: { serverInfo: { name: string } } };

    const stdio = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const got = new Promise<string>((resolve) => stdio.stdout.on('data', (d) => ((out += d), /"id":1/.test(out) && /\}$/.test(out) && resolve(out))));
    stdio.stdin.write(frame);
    expect(answer(await got).result.serverInfo.name).toBe('hanke');
    stdio.kill();

    const net = await import('node:net');
    const viaSocket = await new Promise<string>((resolve, reject) => {
      const server = net.createServer((sock) => {
        let text = '';
        sock.on('data', (d) => {
          text += d;
          if (/"id":1/.test(text) && /\}$/.test(text)) {
            sock.destroy();
            server.close();
            resolve(text);
          }
        });
        sock.write(frame);
      });
      server.listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        const c = spawn(process.execPath, [CLI, 'lsp', `--socket=${port}`], { stdio: 'ignore' });
        c.on('error', reject);
        setTimeout(() => c.kill(), 20_000).unref();
      });
    });
    expect(answer(viaSocket).result.serverInfo.name).toBe('hanke');
  });

  it('a closed stdout (EPIPE) and a full one (ENOSPC)', async () => {
    const full = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint "${example(0)}" "${example(2)}" > /dev/full`], { encoding: 'utf8' });
    expect(full.status).toBe(2);
    oneLine(full.stderr);
    expect(full.stderr).toMatch(/cannot write to standard output: .*ENOSPC/);

    const files = Array.from({ length: 5 }, (_, i) => example(i));
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'export', '--format', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
      c.stdout.destroy();
      let stderr = '';
      c.stderr.on('data', (d) => (stderr += d));
      c.on('close', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/cannot write to standard output: the reader closed the pipe \(EPIPE\)/);
  });
});

describe('file names and bytes', () => {
  it('a file name that is not valid UTF-8 is read like any other, in a folder and named explicitly', () => {
    const d = folder();
    const name = Buffer.concat([Buffer.from(d + '/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(name, readFileSync(example(2)));
    const walked = JSON.parse(hanke(['lint', '--format', 'json', d]).stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(walked.map((e) => e.file)).toEqual([join(d, 'a.txt'), join(d, 'caf\uFFFD.txt')]);
    expect(walked[1].diagnostics.map((x) => x.rule)).toEqual(['final-report-missing']);
    // Named on the command line (the shell passes the bytes).
    const named = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lint "${d}"/caf?.txt --format json`], { encoding: 'utf8' });
    const entries = JSON.parse(named.stdout) as { file: string; diagnostics: { rule: string }[] }[];
    expect(named.status).toBe(0);
    expect(entries).toHaveLength(1);
    expect(entries[0].file).toBe(join(d, 'caf\uFFFD.txt'));
    expect(entries[0].diagnostics.map((x) => x.rule)).toEqual(['final-report-missing']);
  });

  it('one stray byte in a UTF-8 description: one encoding warning at that byte, no other findings', () => {
    const d = folder();
    const text = readFileSync(example(0));
    const at = text.indexOf('Jakeluosoite: ') + 'Jakeluosoite: '.length;
    const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0xe4]), text.subarray(at)]);
    writeFileSync(join(d, 'stray.txt'), bytes);
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')]);
    writeFileSync(join(d, 'stray-crlf.txt'), crlf);
    const line = text.subarray(0, at).toString('utf8').split('\n').length;
    // Two copies of one description share its code: the check across files is not the point here.
    const r = JSON.parse(hanke(['lint', '--format', 'json', '--rule', 'duplicate-project-code:off', join(d, 'stray.txt'), join(d, 'stray-crlf.txt')]).stdout) as { diagnostics: object[] }[];
    for (const e of r) {
      expect(e.diagnostics).toEqual([
        {
          rule: 'encoding',
          severity: 'warning',
          line,
          column: 15,
          endLine: line,
          endColumn: 16,
          message: 'Byte 0xE4 is not UTF-8; it was read as the Windows-1252 character "ä". Save the file as UTF-8.',
        },
      ]);
    }
    // A whole file in Windows-1252 is still one warning for the file.
    writeFileSync(join(d, 'cp.txt'), toCp1252(readFileSync(example(0), 'utf8')));
    const cp = JSON.parse(hanke(['lint', '--format', 'json', join(d, 'cp.txt')]).stdout) as { diagnostics: { rule: string; line: number }[] }[];
    expect(cp[0].diagnostics.map((x) => [x.rule, x.line])).toEqual([['encoding', 1]]);
  });
});

describe('terminal safety', () => {
  it('control characters from a description and a file name are escaped in stylish output, even with --no-color; JSON stays exact', () => {
    const d = folder();
    const evil = readFileSync(example(0), 'utf8')
      .replace(/^Postinumero: \d+/m, 'Postinumero: 4\u001b]0;PWNED\u0007\u001b[2J\u009b31m')
      .replace(/^Puhelinnumero: .*/m, 'Puhelinnumero: 12\u007f');
    const name = join(d, 'e\u001b[31mvil.txt');
    writeFileSync(name, evil);
    for (const args of [
      ['lint', '--no-color', name],
      ['lint', '--color', name],
    ]) {
      const r = hanke(args);
      const printable = r.stdout.replace(/\u001b\[[0-9;]*m/g, args[1] === '--color' ? '' : '\u0000');
      expect(printable).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout).toContain('e\\x1B[31mvil.txt');
      expect(r.stdout).toContain('4\\x1B]0;PWNED\\x07\\x1B[2J\\x9B31m');
    }
    const json = JSON.parse(hanke(['lint', '--format', 'json', name]).stdout) as { file: string; diagnostics: { message: string }[] }[];
    expect(json[0].file).toBe(name);
    expect(json[0].diagnostics.some((x) => x.message.includes('4\u001b]0;PWNED\u0007\u001b[2J\u009b31m'))).toBe(true);
  });

  it('file names in notes on stderr are escaped too', () => {
    const d = folder();
    writeFileSync(join(d, 'x\u001b[2J.txt'), 'just a note\n');
    const r = hanke(['export', d]);
    expect(r.stderr).toContain('x\\x1B[2J.txt');
    expect(r.stderr).not.toContain('\u001b');
    expect(existsSync(join(d, 'x\u001b[2J.txt'))).toBe(true);
  });
});
