// Every rule has a documentation page, every page a rule, and the README and docs/format.md
// list them all; what scripts/gen-docs.mjs generates is current.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../server/src/core/rules';
import { ruleDocsUrl } from '../../server/src/core/docs';
import { allFields, SECTIONS } from '../../server/src/core/schema';

const root = resolve(__dirname, '../..');
const pages = readdirSync(resolve(root, 'docs/rules'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => f.replace(/\.md$/, ''));
const ids = CATALOGUE.map((r) => r.id);

describe('rule documentation', () => {
  it('every registered rule has a page and every page a rule', () => {
    expect([...pages].sort()).toEqual([...ids].sort());
  });
  it('rule ids are unique', () => expect(new Set(ids).size).toBe(ids.length));
  for (const r of CATALOGUE) {
    it(`${r.id}: the page states the default severity and has an example and its correction`, () => {
      const text = readFileSync(resolve(root, `docs/rules/${r.id}.md`), 'utf8');
      expect(text.startsWith(`# ${r.id}\n`)).toBe(true);
      expect(text).toContain(`**Severity:** ${r.defaultSeverity}`);
      expect(text).toMatch(/## Suomeksi/);
      expect(text).toMatch(/## Example[\s\S]*```[\s\S]*## Corrected[\s\S]*```/);
      expect(ruleDocsUrl(r.id).endsWith(`docs/rules/${r.id}.md`)).toBe(true);
    });
  }
  it('the README lists every rule with a link to its page', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    for (const id of ids) expect(readme).toContain(`[\`${id}\`](docs/rules/${id}.md)`);
  });
  it('docs/format.md lists every rule with a link to its page, and every section', () => {
    const format = readFileSync(resolve(root, 'docs/format.md'), 'utf8');
    for (const id of ids) expect(format).toContain(`[\`${id}\`](rules/${id}.md)`);
    for (const s of SECTIONS) expect(format).toContain(`| ${s.number} | ${s.level === 2 ? '&emsp;' : ''}${s.title} |`);
    for (const { field } of allFields()) expect(format).toContain(`| \`${field.label}\``);
  });
  it('the generated parts of README.md, docs/format.md, package.json and package.nls*.json are current (npm run docs)', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-docs.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('relative links in docs/format.md and README.md point at files of the repository', () => {
    for (const file of ['docs/format.md', 'README.md']) {
      const text = readFileSync(resolve(root, file), 'utf8');
      for (const m of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        expect(existsSync(resolve(root, dirname(file), m[1])), `${file}: ${m[1]}`).toBe(true);
      }
    }
  });
});

describe('the hanke.rules setting', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties['hanke.rules'].properties;
  it('lists every rule id (npm run docs keeps it in sync)', () => {
    expect(Object.keys(props).sort()).toEqual([...ids].sort());
  });
  it('describes each rule in English and in Finnish, from the registry', () => {
    const en = JSON.parse(readFileSync(resolve(root, 'package.nls.json'), 'utf8'));
    const fi = JSON.parse(readFileSync(resolve(root, 'package.nls.fi.json'), 'utf8'));
    for (const r of CATALOGUE) {
      expect(props[r.id].description).toBe(`%rule.${r.id}%`);
      expect(en[`rule.${r.id}`]).toBe(`${r.description.en} (default: ${r.defaultSeverity})`);
      expect(fi[`rule.${r.id}`].startsWith(`${r.description.fi} (oletus: `)).toBe(true);
    }
  });
});
