// Writes what lists the rules outside the code, from the rule registry, so nothing drifts:
// the rule table of README.md (between the rules markers) and the rule ids of the
// `hanke.rules` setting in package.json (for completion in settings.json).
// Run: npm run docs
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const src = `
import { RULES } from './server/src/core/rules';
import { FILE_CHECK_LIST } from './server/src/core/file-checks';
import { CROSS_DOCUMENT_RULE_LIST } from './server/src/core/cross-document';
export const rows = [...RULES.map((r) => [r.id, r.category, r.defaultSeverity, r.description.en, r.check.length >= 0]), ...CROSS_DOCUMENT_RULE_LIST.map((r) => [r.id, r.category, r.defaultSeverity, r.description.en]), ...FILE_CHECK_LIST.map((r) => [r.id, 'file', r.defaultSeverity, r.description.en])];
`;
const out = await build({ stdin: { contents: src, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { rows } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const table = ['| rule | category | default | finds |', '|---|---|---|---|', ...rows.map(([id, cat, sev, desc]) => `| [\`${id}\`](docs/rules/${id}.md) | ${cat} | ${sev} | ${desc} |`)].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
if (next !== readme) writeFileSync('README.md', next);
console.log(`README.md: ${rows.length} rules`);

const pkgText = readFileSync('package.json', 'utf8');
const pkg = JSON.parse(pkgText);
const setting = pkg.contributes.configuration.properties['hanke.rules'];
setting.properties = Object.fromEntries(rows.map(([id, , sev, desc]) => [id, { type: "string", enum: setting.additionalProperties.enum, description: `${desc} (default: ${sev})` }]));
const nextPkg = JSON.stringify(pkg, null, 2) + '\n';
if (nextPkg !== pkgText) writeFileSync('package.json', nextPkg);
console.log(`package.json: hanke.rules lists ${rows.length} rule ids`);
