#!/usr/bin/env node
// Generates a corpus of descriptions for measuring `hanke lint` at scale: variants of
// the five published examples (new codes, names, amounts, dates; CRLF and Windows-1252
// files; a few faults so that rules fire), 100 files per folder.
//
//   node test/cli/gen-corpus.mjs <dir> [count=10000]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = process.env.HANKE_EXAMPLES_DIR || path.resolve(HERE, '../../examples');
const [dir, countArg] = process.argv.slice(2);
if (!dir) {
  console.error('usage: gen-corpus.mjs <dir> [count]');
  process.exit(2);
}
const count = Number(countArg ?? 10000);
const examples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8'));

// A small deterministic PRNG, so the corpus is the same every time.
let seed = 20140101;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function cp1252(text) {
  const bytes = [];
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) bytes.push(c);
    else if (c === 0x2013) bytes.push(0x96);
    else if (c === 0x2014) bytes.push(0x97);
    else if (c === 0x20ac) bytes.push(0x80);
    else bytes.push(0x3f);
  }
  return Buffer.from(bytes);
}

fs.mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) {
  let t = examples[i % examples.length];
  t = t.replace(/^Hankekoodi: S\d{5}/m, `Hankekoodi: S${String(10000 + ((i * 7919) % 90000)).padStart(5, '0')}`);
  t = t.replace(/^(Hankkeen nimi: )(.*)$/m, (_, a, b) => `${a}${b} ${i + 1}`);
  const planned = 50_000 + Math.floor(rnd() * 900_000);
  const granted = Math.floor(planned * (0.6 + rnd() * 0.4));
  const realised = Math.floor(granted * (0.5 + rnd() * 0.5));
  t = t.replace(/^(Myönnetty EU- ja valtion rahoitus: ).*$/m, `$1${group(granted)}`);
  t = t.replace(/^(Toteutunut EU- ja valtion rahoitus: ).*$/m, `$1${group(realised)}`);
  t = t.replace(/^(Suunniteltu julkinen rahoitus yhteensä: ).*$/m, `$1${group(planned)}`);
  t = t.replace(/^(Toteutunut julkinen rahoitus yhteensä: ).*$/m, `$1${group(Math.floor(realised * 1.1))}`);
  // Faults, now and then.
  const fault = rnd();
  if (fault < 0.05) t = t.replace(/^Y-tunnus: (\d{7})-(\d)$/m, (_, d, c) => `Y-tunnus: ${d}-${(Number(c) + 1) % 10}`);
  else if (fault < 0.08) t = t.replace(/^(Suunnitelman mukainen toteutusaika: Alkaa )\S+/m, '$131.2.2019');
  else if (fault < 0.1) t = t.replace(/^7 Hakemusvaiheessa[\s\S]*?(?=^8 Horisontaaliset)/m, '');
  else if (fault < 0.12) t = t.replace(/^Hankkeen nimi:/m, 'Hankeen nimi:');
  else if (fault < 0.14) t = t.replace(/^(Kunnat: )/m, '$1Kuhmo-oinen, ');
  if (rnd() < 0.1) t = t.replace(/\n/g, '\r\n');
  const sub = path.join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
  if (i % 100 === 0) fs.mkdirSync(sub, { recursive: true });
  const file = path.join(sub, `${String(i).padStart(5, '0')}_${pick(['kuvaus', 'hanke', 'esr'])}.txt`);
  fs.writeFileSync(file, rnd() < 0.02 ? cp1252(t) : t);
}
console.log(`${count} descriptions in ${dir}`);
