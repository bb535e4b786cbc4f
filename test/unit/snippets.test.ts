// The snippets file is the schema's (core/snippets.ts), and each snippet, inserted with
// its defaults, reads as the block it stands for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { analyzeDocument } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { SECTIONS } from '../../server/src/core/schema';
import { hankeSnippets } from '../../server/src/core/snippets';
import { example } from '../helpers/examples';

const ROOT = join(__dirname, '../..');
const FILE = join(ROOT, 'snippets/hanke.code-snippets');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The text a snippet inserts when every placeholder keeps its default (the first choice). */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

describe('snippets', () => {
  if (process.env.HANKE_WRITE_SNIPPETS) writeFileSync(FILE, `${JSON.stringify(hankeSnippets(), null, 2)}\n`);

  it('snippets/hanke.code-snippets is generated from the schema, and contributed for the language', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(hankeSnippets());
    expect(pkg.contributes.snippets).toEqual([{ language: 'hanke', path: './snippets/hanke.code-snippets' }]);
  });

  it('cover the Osatoteuttajat block, every 8.1 question and every 8.2 group', () => {
    const names = Object.keys(hankeSnippets());
    const s81 = SECTIONS.find((s) => s.number === '8.1')!;
    const s82 = SECTIONS.find((s) => s.number === '8.2')!;
    expect(names.filter((n) => n.startsWith('8.1 '))).toHaveLength(s81.fields!.length);
    expect(names.filter((n) => n.startsWith('8.2 '))).toHaveLength(s82.groups!.length);
    expect(names.some((n) => n.startsWith('Osatoteuttajat'))).toBe(true);
  });

  it('inserted with their defaults, they read as the block they stand for', () => {
    const snippets = hankeSnippets();
    const base = example('000');
    // 8.2: replace a group and its items by the snippet: the same items, scores 0, justified, no finding there.
    for (const g of SECTIONS.find((s) => s.number === '8.2')!.groups!) {
      const lines = base.split('\n');
      const from = lines.indexOf(g.name);
      const names = new Set(g.items.map((i) => i.name));
      let to = from + 1;
      while (
        to < lines.length &&
        (names.has(lines[to].replace(/ \d+ \d+$/, '')) || !/ \d+ \d+$/.test(lines[to])) &&
        !SECTIONS.some((s) => s.groups?.some((x) => x.name === lines[to])) &&
        !/^9 /.test(lines[to])
      )
        to++;
      lines.splice(
        from,
        to - from,
        ...expand(snippets[`8.2 ${g.name}`].body)
          .split('\n')
          .filter((l) => l !== ''),
      );
      const doc = parse(lines.join('\n'));
      const items = deriveFacts(doc)
        .section('8.2')!
        .items.filter((i) => i.spec.group === g.name);
      expect(items.map((i) => i.name)).toEqual(g.items.map((i) => i.name));
      expect(items.every((i) => i.scores.map((x) => x.raw).join(' ') === '0 0' && i.justification.length === 1)).toBe(true);
      expect(analyzeDocument(doc).findings.filter((f) => f.range.start.line >= from && f.range.start.line < from + 1 + 2 * g.items.length)).toEqual([]);
    }
    // 8.1: each answer with its justification.
    for (const f of SECTIONS.find((s) => s.number === '8.1')!.fields!) {
      const lines = base.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`${f.label}:`));
      lines.splice(
        at,
        2,
        ...expand(snippets[`8.1 ${f.label}`].body)
          .split('\n')
          .filter((l) => l !== ''),
      );
      const node = deriveFacts(parse(lines.join('\n'))).field(f.key)!;
      expect(node.value).toBe('Kyllä');
      expect(node.justification.map((j) => j.text)).toEqual(['Perustelu']);
    }
    // Osatoteuttajat after the applicant count of a joint project.
    const joint = base.replace(
      'Hakijoiden lukumäärä tai tuen siirto -menettely: Vain yksi hakija',
      `Hakijoiden lukumäärä tai tuen siirto -menettely: Hakijoita on useampi kuin yksi (yhteishanke)\n${expand(snippets['Osatoteuttajat (2)'].body)}`,
    );
    const partners = deriveFacts(parse(joint)).section('2')!.partners!;
    expect(partners.entries.map((e) => [e.name, e.yTunnus])).toEqual([['Osatoteuttajan virallinen nimi', '1234567-1']]);
  });
});
