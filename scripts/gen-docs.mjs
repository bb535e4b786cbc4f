// Writes what lists the format and the rules outside the code, from core/schema.ts and the
// rule registry, so nothing drifts:
// - the rule table of README.md (between the rules markers);
// - the generated tables of docs/format.md (between the sections, fields, kinds and rules
//   markers; the prose around them is written by hand);
// - the rule ids of the `hanke.rules` setting in package.json (for completion in
//   settings.json) as `%rule.<id>%` references, and their descriptions in English and
//   Finnish in package.nls.json and package.nls.fi.json (other keys there are kept).
// - the header line of each rule's page docs/rules/<id>.md (severity, category, fix), from
//   the rule's metadata;
// Run: npm run docs. `--check` writes nothing and exits 1 when a file is not current
// (test/unit/docs.test.ts runs it).
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const src = `
import { CATALOGUE } from './server/src/core/rules';
import { SECTIONS, PREAMBLE, YES_NO, SCORE_MIN, SCORE_MAX } from './server/src/core/schema';
export const rules = CATALOGUE.map((r) => ({ id: r.id, category: r.category, severity: r.defaultSeverity, description: r.description, fixable: r.fixable }));
export { SECTIONS, PREAMBLE, YES_NO, SCORE_MIN, SCORE_MAX };
`;
const out = await build({ stdin: { contents: src, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { rules, SECTIONS, YES_NO, SCORE_MIN, SCORE_MAX } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);

/** How each kind of value is read and checked (docs/format.md); every kind the schema uses must be here. */
const KINDS = {
  text: 'Any text after the colon.',
  projectCode: 'The EURA project code: a letter and five digits, `S` for an ESR project (`S21368`). Checked by `invalid-project-code`.',
  axis: 'A priority axis of the programme: its number, a full stop and its official name. Checked by `unknown-priority-axis` and `programme-name-mismatch`.',
  objective: 'A specific objective: its code (`10.1.`) and official name; it must belong to the stated axis. Checked by `objective-axis-mismatch` and `programme-name-mismatch`.',
  period: '`Alkaa D.M.YYYY ja päättyy D.M.YYYY`. Checked by `invalid-date`, `date-order` and `date-out-of-programme`.',
  status: '`Toiminnassa` (running) or `Toiminta päättynyt` (ended); an ended project needs its final report summary and realised figures.',
  authority: 'The granting authority, usually an ELY centre; a near miss of a known name is `unusual-value`.',
  organisationType: 'The type of the applicant organisation (`Kunta`, `Säätiö`, …); a near miss of a known type is `unusual-value`.',
  yTunnus: 'The Finnish business ID `NNNNNNN-C` with its check digit. Checked by `invalid-y-tunnus`.',
  postalCode: 'Five digits. Checked by `invalid-postal-code`.',
  phone: 'A Finnish telephone number: 6–12 digits, optionally `+358`, spaces and hyphens allowed. Checked by `invalid-phone`.',
  email: 'An e-mail address; the published form writes `@` as `(at)`. Checked by `invalid-email`.',
  url: 'A web address. Checked by `invalid-url`.',
  applicantCount: 'One of the options of the form (a single applicant, a joint project, transfer of support). Checked by `invalid-choice`.',
  amount: 'Euros in Finnish style: `289 500`, a space (or no-break space) between thousands, optional decimals after a comma. Checked by `invalid-number` and the financing rules.',
  count: 'A whole number. Checked by `invalid-number`.',
  regionList: 'Regions (maakunnat), separated by commas. Checked by `unknown-region`.',
  subregionList: 'Sub-regions (seutukunnat) in the genitive (`Jyväskylän`), separated by commas. Checked by `unknown-subregion` and `geography-mismatch`.',
  municipalityList: 'Municipalities (kunnat) that existed on the start date, separated by commas. Checked by `unknown-municipality` and `geography-mismatch`.',
  yesNo: `\`${YES_NO.join('` or `')}\`, followed by a justification on the next line. Checked by \`invalid-choice\` and \`missing-justification\`.`,
};

const BODY = {
  fields: 'fields (`Label: value`)',
  text: 'free text',
  parent: 'subsections only',
  questions: 'yes/no questions with justifications',
  scores: `score table (${SCORE_MIN}–${SCORE_MAX})`,
};

const CATEGORY = {
  structure: 'Structure',
  values: 'Values',
  programme: 'Programme',
  financing: 'Financing (section 5)',
  geography: 'Geography (section 6)',
  principles: 'Horizontal principles and status',
  'cross-document': 'Across documents (several files linted together)',
  file: 'The file as a whole',
};

const SEVERITY_FI = { error: 'virhe', warning: 'varoitus', info: 'tieto', hint: 'vihje' };

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

// ---- README.md

const readmeTable = [
  '| rule | category | default | finds |',
  '|---|---|---|---|',
  ...rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.category} | ${r.severity} | ${r.description.en} |`),
].join('\n');

// ---- docs/format.md

const sectionsTable = [
  '| no. | title | body | what it holds |',
  '|---|---|---|---|',
  ...SECTIONS.map((s) => `| ${s.number} | ${s.level === 2 ? '&emsp;' : ''}${cell(s.title)} | ${BODY[s.body]} | ${cell(s.doc.en)} |`),
].join('\n');

function fieldRow(f) {
  const need = !f.required ? 'no' : f.realised ? 'yes; the value once the project has ended' : f.valueRequired ? 'yes' : 'yes; the value may be empty';
  const aliases = f.aliases?.length ? ` (also: ${f.aliases.map((a) => `\`${cell(a)}\``).join(', ')})` : '';
  return `| \`${cell(f.label)}\`${aliases} | [${f.kind}](#value-kinds) | ${need} | ${cell(f.doc.en)} | \`${cell(f.example)}\` |`;
}

const fieldsText = SECTIONS.filter((s) => s.fields?.length || s.groups?.length)
  .map((s) => {
    const head = `### ${s.number} ${s.title}`;
    const parts = [head, ''];
    if (s.fields?.length) {
      const before = s.fields.filter((f) => f.group !== 'place');
      const place = s.fields.filter((f) => f.group === 'place');
      parts.push('| label | kind | required | meaning | example |', '|---|---|---|---|---|', ...before.map(fieldRow));
      if (place.length) parts.push('', `After the line \`${s.placeMarker}\`:`, '', '| label | kind | required | meaning | example |', '|---|---|---|---|---|', ...place.map(fieldRow));
      if (s.partners)
        parts.push(
          '',
          `A joint project adds, after \`${s.fields.find((f) => f.key === s.partners.afterField).label}\`, a line \`${s.partners.label}\` followed by one line \`<organisation name>, <Y-tunnus>\` per partner; each Y-tunnus is checked like the applicant's.`,
        );
    }
    if (s.groups?.length) {
      parts.push(
        `A header line \`${s.scoreHeader}\` (direct, indirect), then each group line followed by its items. An item line is \`<item> <direct> <indirect>\`, both scores whole numbers ${SCORE_MIN}–${SCORE_MAX}, optionally followed by one line of justification (needed when a score is above ${SCORE_MIN}).`,
        '',
      );
      parts.push('| group | items |', '|---|---|', ...s.groups.map((g) => `| ${cell(g.name)} | ${g.items.map((i) => cell(i.name)).join('; ')} |`));
    }
    return parts.join('\n');
  })
  .join('\n\n');

const usedKinds = [...new Set(SECTIONS.flatMap((s) => (s.fields ?? []).map((f) => f.kind)))];
const undocumented = usedKinds.filter((k) => !KINDS[k]);
if (undocumented.length) {
  console.error(`scripts/gen-docs.mjs: describe these value kinds in KINDS: ${undocumented.join(', ')}`);
  process.exit(1);
}
const kindsTable = ['| kind | how it is written and checked |', '|---|---|', ...usedKinds.map((k) => `| ${k} | ${cell(KINDS[k])} |`)].join('\n');

const rulesText = Object.entries(CATEGORY)
  .map(([cat, title]) => {
    const rs = rules.filter((r) => r.category === cat);
    if (!rs.length) return '';
    return [
      `### ${title}`,
      '',
      '| rule | default | finds | suomeksi |',
      '|---|---|---|---|',
      ...rs.map((r) => `| [\`${r.id}\`](rules/${r.id}.md) | ${r.severity} | ${cell(r.description.en)} | ${cell(r.description.fi)} |`),
    ].join('\n');
  })
  .filter(Boolean)
  .join('\n\n');
const unknownCategory = rules.filter((r) => !CATEGORY[r.category]);
if (unknownCategory.length) {
  console.error(`scripts/gen-docs.mjs: name these rule categories in CATEGORY: ${[...new Set(unknownCategory.map((r) => r.category))].join(', ')}`);
  process.exit(1);
}

/** `text` with the part between `<!-- name:start -->` and `<!-- name:end -->` replaced. */
function between(text, name, body, file) {
  const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`${file}: no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.replace(re, (_, a, b) => `${a}\n${body}\n${b}`);
}

// ---- package.json and its localisations

const pkgText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(pkgText);
const setting = pkg.contributes.configuration.properties['hanke.rules'];
setting.properties = Object.fromEntries(rules.map((r) => [r.id, { type: 'string', enum: setting.additionalProperties.enum, description: `%rule.${r.id}%` }]));

function nls(file, text) {
  const old = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  const kept = Object.entries(old).filter(([k]) => !k.startsWith('rule.'));
  return JSON.stringify(Object.fromEntries([...kept, ...rules.map((r) => [`rule.${r.id}`, text(r)])]), null, 2) + '\n';
}

// ---- the header line of each rule page

const FIX = {
  safe: 'yes (`hanke lint --fix` and "Fix all" apply the safe fixes)',
  unsafe: 'suggestion (offered in the editor, never applied by `hanke lint --fix`)',
  false: 'no',
};

/** The page with its header line (the first line starting `**Severity:**`) made from the rule's metadata. */
function ruleHeader(r) {
  return `**Severity:** ${r.severity} · **Category:** ${r.category} · **Fix:** ${FIX[String(r.fixable)]}`;
}

function withHeader(r, text, file) {
  const re = /^\*\*Severity:\*\*.*$/m;
  if (!re.test(text)) throw new Error(`${file}: no header line "**Severity:** …"`);
  return text.replace(re, ruleHeader(r));
}

// ---- write (or check)

const files = [
  ['README.md', (s) => between(s, 'rules', readmeTable, 'README.md')],
  [
    'docs/format.md',
    (s) => ['sections', sectionsTable, 'fields', fieldsText, 'kinds', kindsTable, 'rules', rulesText].reduce((acc, _, i, a) => (i % 2 ? acc : between(acc, a[i], a[i + 1], 'docs/format.md')), s),
  ],
  ['package.json', () => JSON.stringify(pkg, null, 2) + '\n'],
  ['package.nls.json', () => nls('package.nls.json', (r) => `${r.description.en} (default: ${r.severity})`)],
  ['package.nls.fi.json', () => nls('package.nls.fi.json', (r) => `${r.description.fi} (oletus: ${SEVERITY_FI[r.severity]}, ${r.severity})`)],
  ...rules.map((r) => [`docs/rules/${r.id}.md`, (s) => withHeader(r, s, `docs/rules/${r.id}.md`)]),
];

const stale = [];
for (const [file, make] of files) {
  const path = join(ROOT, file);
  const text = readFileSync(path, 'utf8');
  const next = make(text);
  if (next === text) continue;
  stale.push(file);
  if (!check) writeFileSync(path, next);
}
if (check) {
  if (stale.length) {
    console.error(`Not current (run npm run docs): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`Generated docs are current (${rules.length} rules, ${SECTIONS.length} sections).`);
} else {
  console.log(`${rules.length} rules, ${SECTIONS.length} sections; ${stale.length ? `updated ${stale.join(', ')}` : 'nothing to update'}.`);
}
