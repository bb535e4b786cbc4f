// Every rule has a documentation page, every page a rule, and the README lists them all.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CROSS_DOCUMENT_RULE_LIST } from '../../server/src/core/cross-document';
import { FILE_CHECK_LIST } from '../../server/src/core/file-checks';
import { RULES } from '../../server/src/core/rules';
import { ruleDocsUrl } from '../../server/src/core/docs';

const root = resolve(__dirname, '../..');
const pages = readdirSync(resolve(root, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
const ids = [...RULES, ...CROSS_DOCUMENT_RULE_LIST, ...FILE_CHECK_LIST].map((r) => r.id);

describe('rule documentation', () => {
  it('every registered rule has a page and every page a rule', () => {
    expect([...pages].sort()).toEqual([...ids].sort());
  });
  it('rule ids are unique', () => expect(new Set(ids).size).toBe(ids.length));
  for (const r of [...RULES, ...CROSS_DOCUMENT_RULE_LIST, ...FILE_CHECK_LIST]) {
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
});

describe('the hanke.rules setting', () => {
  it('lists every rule id (npm run docs keeps it in sync)', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties['hanke.rules'].properties;
    expect(Object.keys(props).sort()).toEqual([...ids].sort());
  });
});
