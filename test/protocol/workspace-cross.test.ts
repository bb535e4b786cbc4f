// The editor's workspace lint (hanke/lintFiles) runs the checks across documents over
// the files it is given; one file alone gets none.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, LspClient } from '../helpers/lsp-client';
import { EXAMPLES_DIR, EXAMPLES } from '../helpers/examples';
import { removeDir, tempDir } from '../cli/helpers';

let client: LspClient;
let dir: string;
beforeAll(async () => {
  dir = tempDir();
  mkdirSync(join(dir, 'w'));
  const text = readFileSync(join(EXAMPLES_DIR, EXAMPLES[1].name), 'utf8');
  writeFileSync(join(dir, 'w', 'a.txt'), text);
  writeFileSync(join(dir, 'w', 'b.txt'), text.replace(/^Hakijan virallinen nimi: .*$/m, 'Hakijan virallinen nimi: Laukaan kunta, sivistystoimi'));
  client = new LspClient();
  await client.initialize('en');
});
afterAll(async () => {
  await client.shutdown();
  removeDir(dir);
});

describe('workspace lint across documents', () => {
  it('two files sharing a code and a Y-tunnus under two names: both get both findings', async () => {
    const uris = ['a.txt', 'b.txt'].map((f) => fileUri(join(dir, 'w', f)));
    const published = uris.map((u) => client.nextDiagnostics(u));
    const r = await client.request<{ files: number; warnings: number }>('hanke/lintFiles', { uris });
    expect(r.files).toBe(2);
    const [a, b] = await Promise.all(published);
    for (const p of [a, b]) expect(p.diagnostics.map((d) => d.code).sort()).toEqual(['conflicting-applicant', 'duplicate-project-code']);
    expect(a.diagnostics.find((d) => d.code === 'duplicate-project-code')!.message).toContain(join(dir, 'w', 'b.txt'));
  });

  it('one file alone: none', async () => {
    const uri = fileUri(join(dir, 'w', 'a.txt'));
    const p = client.nextDiagnostics(uri);
    await client.request('hanke/lintFiles', { uris: [uri] });
    expect((await p).diagnostics).toEqual([]);
  });
});
