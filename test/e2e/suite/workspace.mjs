// The workspace folder the extension-host suite (index.js) runs in, and the
// extension folder it loads; shared by run-code-server.mjs and
// ../electron/run-test-electron.mjs so both runners give the suite the same files.
//
// Workspace (a fresh temp dir):
//   000_…txt … 004_…txt           copies of the five published examples
//   faulty_missing_section_5.txt  001 without section 5 (its heading up to section 6's)
//   faulty_not_open.txt           000 without section 6; the suite never opens it
//   notes.txt                     plain text that is not a description
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SUITE = path.join(REPO, 'test/e2e/suite');

export const EXAMPLES = ['000_fd82c0a4482b2871.txt', '001_c147123f3233b9d8.txt', '002_c7f847b1d9114a65.txt', '003_7c242a97482f2b72.txt', '004_c6454f714b590c05.txt'];

/** Where the examples come from: $HANKE_EXAMPLES_DIR, else the repo's examples/. */
export function examplesDir() {
  const candidates = [process.env.HANKE_EXAMPLES_DIR, path.join(REPO, 'examples')].filter(Boolean);
  const found = candidates.find((d) => EXAMPLES.every((f) => fs.existsSync(path.join(d, f))));
  if (!found) throw new Error(`the five examples were not found in any of: ${candidates.join(', ')}`);
  return found;
}

/** `text` without the lines from the one starting with `from` up to (not including) the one starting with `to`. */
function cut(text, from, to, what) {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith(from));
  const b = lines.findIndex((l) => l.startsWith(to));
  if (a < 0 || b <= a) throw new Error(`cannot find "${from}" followed by "${to}" in ${what}`);
  lines.splice(a, b - a);
  return lines.join('\n');
}

export async function stageWorkspace(dir) {
  const src = examplesDir();
  await fsp.mkdir(dir, { recursive: true });
  for (const f of EXAMPLES) {
    await fsp.copyFile(path.join(src, f), path.join(dir, f));
    await fsp.chmod(path.join(dir, f), 0o644); // writable, whatever the source's mode
  }
  const read = (f) => fsp.readFile(path.join(src, f), 'utf8');
  await fsp.writeFile(path.join(dir, 'faulty_missing_section_5.txt'), cut(await read(EXAMPLES[1]), '5 Projektin julkinen rahoitus, euroa', '6 Maantieteellinen kohdealue', EXAMPLES[1]));
  await fsp.writeFile(path.join(dir, 'faulty_not_open.txt'), cut(await read(EXAMPLES[0]), '6 Maantieteellinen kohdealue', '7 Hakemusvaiheessa', EXAMPLES[0]));
  await fsp.writeFile(path.join(dir, 'notes.txt'), 'Muistiinpanoja\n\nTämä ei ole hankekuvaus, vain tekstitiedosto.\n');
  return { dir, examples: src };
}

/**
 * A snapshot of the built extension (what a .vsix holds) in `dir`, so a rebuild
 * while the suite runs cannot change what is under test. Throws if dist/ is missing.
 */
export async function stageExtension(dir, src = REPO) {
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(src, f))) throw new Error(`${path.join(src, f)} does not exist: run \`npm run build\` first`);
  }
  await fsp.mkdir(dir, { recursive: true });
  for (const item of [
    'package.json',
    'dist',
    'syntaxes',
    'schemas',
    'language-configuration.json',
    'images',
    'README.md',
    'LICENSE',
    'package.nls.json',
    'package.nls.fi.json',
    'l10n',
    'docs',
    'snippets',
    'media',
  ]) {
    if (fs.existsSync(path.join(src, item))) await fsp.cp(path.join(src, item), path.join(dir, item), { recursive: true, dereference: true });
  }
  const manifest = JSON.parse(await fsp.readFile(path.join(dir, 'package.json'), 'utf8'));
  return { dir, id: `${manifest.publisher}.${manifest.name}`, version: manifest.version };
}
