// Writes the rule table of README.md (between the rules markers) from the rule registry,
// so the README never drifts from the rules. Run: node scripts/gen-docs.mjs
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const src = `
import { RULES } from './server/src/core/rules';
import { FILE_CHECK_LIST } from './server/src/core/file-checks';
export const rows = [...RULES.map((r) => [r.id, r.category, r.defaultSeverity, r.description.en, r.check.length >= 0]), ...FILE_CHECK_LIST.map((r) => [r.id, 'file', r.defaultSeverity, r.description.en])];
`;
const out = await build({ stdin: { contents: src, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { rows } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const table = ['| rule | category | default | finds |', '|---|---|---|---|', ...rows.map(([id, cat, sev, desc]) => `| [\`${id}\`](docs/rules/${id}.md) | ${cat} | ${sev} | ${desc} |`)].join('\n');
const readme = readFileSync('README.md', 'utf8');
const next = readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
if (next !== readme) writeFileSync('README.md', next);
console.log(`README.md: ${rows.length} rules`);
