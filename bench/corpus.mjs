#!/usr/bin/env node
// Generates the benchmark corpus: descriptions made from the five real examples with
// varied values — project codes, names, programme, dates, Y-tunnus, phone numbers,
// amounts, maakunta/seutukunnat/kunnat valid on the start date, counts, answers,
// scores — and a few faults of every kind (bad check digits, impossible dates,
// misspelt names, amounts that do not add up, missing and duplicated fields…).
// Deterministic for a given seed.
//
//   node bench/corpus.mjs [--count 10000] [--out bench/corpus/descriptions] [--seed 1]
//
// The output folder is replaced. A manifest records count, seed and generator version;
// with --if-needed an up-to-date folder is left as it is.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { rng } from './lib/rng.mjs';

const GENERATOR_VERSION = 4;
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

// ---- Reference data, from the project's generated tables ----

async function loadData() {
  const entry = `export * from './server/src/core/data/geography.gen';
export * from './server/src/core/data/programme.gen';
export * from './server/src/core/data/authorities.gen';
export * from './server/src/core/data/field-values.gen';`;
  const out = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

// ---- Values ----

const pad = (n, w) => String(n).padStart(w, '0');

function yTunnus(r, valid = true) {
  for (;;) {
    const digits = Array.from({ length: 7 }, () => r.int(0, 9));
    const weights = [7, 9, 10, 5, 8, 4, 2];
    const rem = digits.reduce((s, d, i) => s + d * weights[i], 0) % 11;
    if (rem === 1) continue;
    const check = rem === 0 ? 0 : 11 - rem;
    const c = valid ? check : (check + r.int(1, 9)) % 10;
    return `${digits.join('')}-${c}`;
  }
}

/** Finnish thousands grouping with a plain space. */
function euros(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function isoOf(y, m, d) {
  return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
}

function fmtDate(dt) {
  return `${dt.getUTCDate()}.${dt.getUTCMonth() + 1}.${dt.getUTCFullYear()}`;
}

const FIRST = ['Anna', 'Mikko', 'Satu', 'Juha', 'Heli', 'Timo', 'Maria', 'Pekka', 'Laura', 'Jari', 'Ulla', 'Tarja', 'Ville', 'Sanna', 'Kari'];
const LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Oksanen'];
const TITLES = ['Hankepäällikkö', 'Projektipäällikkö', 'Kehittämispäällikkö', 'Hankekoordinaattori', 'erityissuunnittelija', 'Johtava asiantuntija'];
const NAME_WORDS = ['Polku', 'Virta', 'Silta', 'Osaaja', 'Kasvu', 'Työ', 'Tulevaisuus', 'Yhdessä', 'Voima', 'Askel', 'Verkosto', 'Taito', 'Kipinä', 'Suunta'];
const ORG_TYPES = ['Kunta', 'Kuntayhtymä', 'Säätiö', 'Ammattikorkeakoulu', 'Yliopisto', 'Valtion viranomainen'];
const ESR_OBJECTIVES = [
  ['3. Työllisyys ja työvoiman liikkuvuus', '6.1. Nuorten ja muiden heikossa työmarkkina-asemassa olevien työllistymisen edistäminen'],
  ['3. Työllisyys ja työvoiman liikkuvuus', '7.1. Tuottavuuden ja työhyvinvoinnin parantaminen'],
  ['4. Koulutus, ammattitaito ja elinikäinen oppiminen', '9.1. Siirtymävaiheita ja koulutuksellista tasa-arvoa tukevien palveluiden parantaminen'],
  ['4. Koulutus, ammattitaito ja elinikäinen oppiminen', '9.2. Kasvu- ja rakennemuutosalojen koulutuksen tarjonnan ja laadun parantaminen'],
  ['5. Sosiaalinen osallisuus ja köyhyyden torjunta', '10.1. Työelämän ulkopuolella olevien työ- ja toimintakyvyn parantaminen'],
];

function typo(r, s) {
  if (s.length < 4) return s + 'x';
  const i = r.int(1, s.length - 2);
  switch (r.int(0, 2)) {
    case 0:
      return s.slice(0, i) + s.slice(i + 1); // drop a letter
    case 1:
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); // swap two
    default:
      return s.slice(0, i) + s[i] + s.slice(i); // double a letter
  }
}

// ---- Geography valid on a date ----

function geography(data) {
  const valid = (from, until, iso) => (!from || from <= iso) && (!until || iso <= until);
  const regions = data.REGION_ROWS.filter((r) => r[0] !== '21');
  return {
    /** A region with its sub-regions and municipalities as they were on `iso`. */
    pick(r, iso) {
      for (;;) {
        const region = r.pick(regions);
        const subs = data.SUBREGION_ROWS.filter((s) => s[3] === region[0] && valid('', s[4], iso));
        const munis = data.MUNICIPALITY_ROWS.filter((m) => subs.some((s) => s[0] === m[3]) && valid(m[4], m[5], iso));
        if (munis.length === 0) continue;
        const chosen = r.sample(munis, r.chance(0.4) ? 1 : r.int(1, Math.min(12, munis.length)));
        const usedSubs = subs.filter((s) => chosen.some((m) => m[3] === s[0]));
        return { region: region[1], subregions: usedSubs.map((s) => s[2]), municipalities: chosen.map((m) => m[1]) };
      }
    },
  };
}

// ---- One description ----

/**
 * Each description is its own project: n → a distinct code while n < 90 000 (7919 is
 * prime to 90 000). Now and then the code of the one before: duplicate-project-code.
 */
function projectCode(r, n, fault) {
  r.int(10000, 99999); // the draw earlier versions used, so the rest of the corpus stays as it was
  const k = n > 0 && fault(0.002, 'duplicate-project-code') ? n - 1 : n;
  return `S${10000 + ((k * 7919) % 90000)}`;
}

/** Replaces values of `Label: value` lines, section by section, and varies 8.1/8.2. */
function vary(base, r, data, geo, n) {
  const faults = [];
  const fault = (p, name) => {
    if (!r.chance(p)) return false;
    faults.push(name);
    return true;
  };
  // Period first: the geography is taken as it was on the start date.
  const start = new Date(Date.UTC(r.int(2014, 2021), r.int(0, 11), 1));
  const months = r.int(10, 40);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  let period = `Alkaa ${fmtDate(start)} ja päättyy ${fmtDate(end)}`;
  if (fault(0.01, 'invalid-date')) period = `Alkaa 31.${r.pick([2, 4, 6, 9, 11])}.${start.getUTCFullYear()} ja päättyy ${fmtDate(end)}`;
  else if (fault(0.01, 'date-order')) period = `Alkaa ${fmtDate(end)} ja päättyy ${fmtDate(start)}`;
  const startIso = isoOf(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate());
  const running = r.chance(0.25);
  const place = geo.pick(r, startIso);
  const [axis, objective] = r.pick(ESR_OBJECTIVES);
  const planned = r.int(40, 1500) * 1000 + r.int(0, 999);
  const granted = Math.round(planned * (0.6 + 0.4 * r.next()));
  const realisedGranted = Math.round(granted * (0.5 + 0.5 * r.next()));
  const realisedPublic = Math.min(planned, Math.round((realisedGranted * planned) / granted));
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const town = r.pick(place.municipalities);
  const domain = town
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/å/g, 'a')
    .replace(/[^a-z]/g, '');

  const section1 = {
    Hankekoodi: fault(0.015, 'invalid-project-code') ? r.pick(['S1234', 'X12345', 'S12A45']) : projectCode(r, n, fault),
    'Hankkeen nimi': `${r.pick(NAME_WORDS)}${r.chance(0.5) ? ` – ${r.pick(NAME_WORDS).toLowerCase()}hanke` : '!'} ${n}`,
    Toimintalinja: fault(0.01, 'programme-name-mismatch') ? typo(r, axis) : axis,
    Erityistavoite: fault(0.005, 'objective-axis-mismatch') ? '11.1. Hallinnon kehittäminen' : objective,
    'Suunnitelman mukainen toteutusaika': period,
    'Toiminnan tila': running ? 'Toiminnassa' : fault(0.01, 'unusual-value') ? 'Toiminta päätynyt' : 'Toiminta päättynyt',
    Vastuuviranomainen: r.pick(data.ELY_ROWS)[2],
  };
  const section2 = {
    'Hakijan virallinen nimi': `${town}n ${r.pick(['kaupunki', 'kunta', 'seudun koulutuskuntayhtymä', 'kehitys oy'])}`,
    Organisaatiotyyppi: r.pick(ORG_TYPES),
    'Y-tunnus': yTunnus(r, !fault(0.015, 'invalid-y-tunnus')),
    Jakeluosoite: `${r.pick(['Kauppakatu', 'Koulutie', 'Asemakatu', 'PL'])} ${r.int(1, 120)}`,
    Puhelinnumero: fault(0.01, 'invalid-phone') ? 'puh. 12' : r.chance(0.5) ? `0${r.int(10, 50)} ${r.int(100, 999)} ${r.int(1000, 9999)}` : `+358${r.int(100000000, 999999999)}`,
    Postinumero: fault(0.01, 'invalid-postal-code') ? pad(r.int(0, 9999), 4) : pad(r.int(0, 99999), 5),
    Postitoimipaikka: town,
    'WWW-osoite': r.chance(0.2) ? '' : fault(0.01, 'invalid-url') ? `www.${domain}` : `http://www.${domain || 'hanke'}.fi`,
    'Hankkeen yhteyshenkilön nimi': `${first} ${last}`,
    'Yhteyshenkilön asema hakijaorganisaatiossa': r.pick(TITLES),
    'Yhteyshenkilön sähköpostisoite': fault(0.01, 'invalid-email')
      ? `${first}.${last}.${domain}.fi`.toLowerCase()
      : `${first}.${last}(at)${domain || 'hanke'}.fi`.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o'),
    'Yhteyshenkilön puhelinnumero': `040 ${r.int(1000000, 9999999)}`,
  };
  const amountFault = r.chance(0.03);
  const section5 = {
    'Myönnetty EU- ja valtion rahoitus': euros(granted),
    'Toteutunut EU- ja valtion rahoitus': running && r.chance(0.5) ? '' : euros(amountFault ? granted + r.int(1, 50000) : realisedGranted),
    'Suunniteltu julkinen rahoitus yhteensä': fault(0.01, 'invalid-number') ? `${euros(planned)} e` : euros(planned),
    'Toteutunut julkinen rahoitus yhteensä': running && r.chance(0.5) ? '' : euros(realisedPublic),
  };
  if (amountFault) faults.push('financing');
  const municipalities = [...place.municipalities];
  if (fault(0.015, 'unknown-municipality')) municipalities[0] = typo(r, municipalities[0]);
  const section6 = {
    Maakunnat: fault(0.005, 'unknown-region') ? typo(r, place.region) : place.region,
    Seutukunnat: place.subregions.join(', '),
    Kunnat: municipalities.join(', '),
  };
  const sections = { 1: section1, 2: section2, 5: section5, 6: section6 };
  const counts = { 7.1: [r.int(0, 40), r.int(0, 40)], 7.2: [r.int(10, 400)] };

  const out = [];
  let sec = '';
  let countIndex = 0;
  const lines = base.split('\n');
  const deleteAt = fault(0.01, 'missing-field') ? r.int(5, 40) : -1;
  const duplicateAt = fault(0.005, 'duplicate-field') ? r.int(5, 40) : -1;
  let fieldNo = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const h = /^(\d(?:\.\d)?) \S/.exec(line);
    if (h && ['1', '2', '3', '4', '4.1', '4.2', '5', '6', '7', '7.1', '7.2', '8', '8.1', '8.2', '9'].includes(h[1]) && !line.includes(':')) {
      sec = h[1];
      countIndex = 0;
      out.push(line);
      continue;
    }
    const f = /^([^:]{2,80}):(.*)$/.exec(line);
    if (f && ['1', '2', '5', '6', '7.1', '7.2', '8.1'].includes(sec)) {
      const label = f[1];
      fieldNo++;
      let value = f[2].trim();
      const table = sections[sec];
      if (table && label in table && !(sec === '6' && out.some((l) => l.startsWith('Toteutuspaikan')))) value = table[label];
      else if (sec === '7.1' || sec === '7.2') value = String(counts[sec][countIndex++] ?? value);
      else if (sec === '8.1') value = r.chance(0.5) ? 'Kyllä' : 'Ei';
      if (fieldNo === deleteAt) continue;
      line = value === '' ? `${label}:` : `${label}: ${value}`;
      if (fault(0.003, 'unknown-field')) line = `${typo(r, label)}: ${value}`;
      out.push(line);
      if (fieldNo === duplicateAt) out.push(line);
      continue;
    }
    if (sec === '8.2') {
      const item = /^(.*\S) (\d{1,2}) (\d{1,2})$/.exec(line);
      if (item) {
        // A zero stays zero (the examples give no justification for some of them).
        const vary = (s) => (s === '0' ? '0' : String(r.int(1, 10)));
        const d = fault(0.003, 'invalid-score') ? r.pick(['11', 'x', '5,5']) : vary(item[2]);
        line = `${item[1]} ${d} ${vary(item[3])}`;
      }
    }
    if (sec === '9' && running && line.trim() !== '') {
      // A running project has no final report yet.
      if (!out.includes('-')) out.push('-');
      continue;
    }
    out.push(line);
  }
  let text = out.join('\n');
  if (r.chance(0.1)) text = text.replace(/\n/g, '\r\n');
  return { text, faults };
}

// ---- Main ----

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      out: { type: 'string', default: join(here, 'corpus', 'descriptions') },
      seed: { type: 'string', default: '1' },
      'if-needed': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const outDir = resolve(values.out);
  const manifestPath = join(outDir, '..', `${outDir.split(/[\\/]/).pop()}.manifest.json`);
  const manifest = { generator: GENERATOR_VERSION, count, seed };
  if (values['if-needed'] && existsSync(manifestPath) && existsSync(outDir)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (old.generator === manifest.generator && old.count === count && old.seed === seed && readdirSync(outDir).length === count) {
      if (!values.quiet) console.log(`corpus up to date: ${count} descriptions in ${outDir}`);
      return;
    }
  }
  const data = await loadData();
  const geo = geography(data);
  const examplesDir = join(root, 'examples');
  const bases = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(examplesDir, f), 'utf8').replace(/\r\n?/g, '\n'));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const r = rng(seed);
  const tally = new Map();
  let bytes = 0;
  const width = String(count - 1).length;
  for (let n = 0; n < count; n++) {
    const { text, faults } = vary(bases[n % bases.length], r, data, geo, n);
    for (const f of faults) tally.set(f, (tally.get(f) ?? 0) + 1);
    writeFileSync(join(outDir, `hanke-${pad(n, width)}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, bytes, faults: Object.fromEntries([...tally].sort()) }, null, 2) + '\n');
  if (!values.quiet) {
    console.log(`wrote ${count} descriptions (${(bytes / 1e6).toFixed(1)} MB) to ${outDir}`);
    console.log(
      `faults planted: ${[...tally]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
}

await main();
