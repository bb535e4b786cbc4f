#!/usr/bin/env node
// Writes syntaxes/hanke.tmLanguage.json from client/scripts/grammar.ts (which reads the
// format's schema). Run after changing the schema:
//
//   node client/scripts/generate-grammar.mjs          write the grammar
//   node client/scripts/generate-grammar.mjs --check  exit 1 if the file is stale
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'syntaxes', 'hanke.tmLanguage.json');

const bundle = await build({
  entryPoints: [join(root, 'client', 'scripts', 'grammar.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const { grammarText } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = grammarText();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error('syntaxes/hanke.tmLanguage.json is out of date: run node client/scripts/generate-grammar.mjs');
    process.exit(1);
  }
  console.log('syntaxes/hanke.tmLanguage.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out}`);
}
