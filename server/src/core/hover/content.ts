// Hovers of the counted, answered and scored sections (7, 8) and of the text sections:
// counts, answers, score tables, length and first sentence.
import type { SectionNode } from '../model';
import { type FieldSpec, SCORE_MAX, SCORE_MIN } from '../schema';
import { int, join, md, percent, plural, short, type Tr } from './format';

export function countsSummary(section: SectionNode, tr: Tr): string {
  const value = (f: FieldSpec) => {
    const node = section.fields.find((x) => x.spec === f);
    const t = node?.typed;
    return { node, count: t?.kind === 'count' && t.valid ? t.count : undefined };
  };
  const fields = section.spec.fields ?? [];
  const rows = fields.map((f) => {
    const v = value(f);
    const cell = v.count !== undefined ? int(v.count) : v.node && v.node.value !== '' ? `✗ ${md(v.node.value)}` : '–';
    return `| ${md(f.label)} | ${cell} |`;
  });
  const planned = fields.find((f) => !f.realised);
  const realised = fields.find((f) => f.realised);
  const lines = [[`| | ${tr('lukumäärä', 'count')} |`, '|---|---:|', ...rows].join('\n')];
  if (planned && realised) {
    const p = value(planned).count;
    const r = value(realised).count;
    if (p !== undefined && r !== undefined) {
      const rate = percent(r, p);
      lines.push(tr(`Toteutunut / suunniteltu: ${rate ?? '–'} (erotus ${int(r - p)}).`, `Realised / planned: ${rate ?? '–'} (difference ${int(r - p)}).`));
    } else if (p !== undefined) lines.push(tr('Toteutunutta määrää ei ole ilmoitettu.', 'No realised count is given.'));
  } else if (planned && !realised) {
    lines.push(tr('Lomakkeessa on vain suunniteltu määrä.', 'The form gives only the planned count.'));
  }
  return join(...lines);
}

export function answersSummary(section: SectionNode, tr: Tr): string {
  const rows = (section.spec.fields ?? []).map((f) => {
    const node = section.fields.find((x) => x.spec === f);
    const answer = node ? (node.value === '' ? '–' : md(node.value)) : `✗ ${tr('puuttuu', 'missing')}`;
    const just = node?.justification.map((j) => j.text).join(' ') ?? '';
    return `| ${md(f.label)} | ${answer} | ${just ? md(short(just, 80)) : '–'} |`;
  });
  return [`| ${tr('Kysymys', 'Question')} | ${tr('Vastaus', 'Answer')} | ${tr('Perustelu', 'Justification')} |`, '|---|---|---|', ...rows].join('\n');
}

export function scoresSummary(section: SectionNode, tr: Tr): string {
  const rows: string[] = [];
  let totalD = 0;
  let totalI = 0;
  let bad = 0;
  for (const g of section.spec.groups ?? []) {
    let d = 0;
    let i = 0;
    let present = 0;
    for (const it of g.items) {
      const node = section.items.find((x) => x.spec === it);
      if (!node) continue;
      present++;
      const sd = node.scores[0]?.value;
      const si = node.scores[1]?.value;
      if (sd === undefined || si === undefined || node.scores.length !== 2) bad++;
      d += sd ?? 0;
      i += si ?? 0;
    }
    totalD += d;
    totalI += i;
    const max = g.items.length * SCORE_MAX;
    rows.push(`| ${md(g.name)} | ${d} / ${max} | ${i} / ${max} | ${present}/${g.items.length} |`);
  }
  const max = (section.spec.groups ?? []).reduce((n, g) => n + g.items.length, 0) * SCORE_MAX;
  rows.push(`| **${tr('Yhteensä', 'Total')}** | **${totalD} / ${max}** | **${totalI} / ${max}** | |`);
  const table = [`| ${tr('Ryhmä', 'Group')} | ${tr('Välitön', 'Direct')} | ${tr('Välillinen', 'Indirect')} | ${tr('Kohdat', 'Items')} |`, '|---|---:|---:|---:|', ...rows].join('\n');
  const justified = section.items.filter((x) => x.justification.length > 0).length;
  return join(
    table,
    tr(`Perusteltuja kohtia ${justified}/${section.items.length}.`, `${justified} of ${section.items.length} items have a justification.`),
    bad
      ? `⚠️ ${tr(`${bad} kohdan pisteitä ei voi lukea (sallitut ${SCORE_MIN}–${SCORE_MAX}); ne on laskettu nollina.`, `${bad} items have scores that cannot be read (allowed ${SCORE_MIN}–${SCORE_MAX}); counted as zero.`)}`
      : '',
  );
}

const ABBREVIATIONS = new Set(['esim', 'mm', 'ns', 'yms', 'jne', 'ym', 'ks', 'tms', 'klo', 'puh', 'n', 'ts', 'vrt', 'os', 'ao', 'ko', 'eg', 'ie', 'etc', 'vs']);

/** The first sentence of a text: up to the first . ! ? followed by white space (not after an abbreviation or a number). */
export function firstSentence(text: string): string {
  const re = /[.!?](?=\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(0, m.index);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    if (m[0] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || /^\d+$/.test(word))) continue;
    return text.slice(0, m.index + 1);
  }
  return text;
}

export function textStats(lines: readonly string[]): { words: number; characters: number; paragraphs: number } {
  const words = lines.reduce((n, l) => n + l.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, 0);
  const characters = lines.reduce((n, l) => n + [...l].length, 0);
  return { words, characters, paragraphs: lines.length };
}

export function textSummary(section: SectionNode, tr: Tr): string {
  const lines = section.texts.map((t) => t.text);
  const empty = lines.length === 0 || (section.spec.dashMeansEmpty && lines.every((l) => l === '-'));
  if (empty) {
    return section.spec.textRequired ? `⚠️ ${tr('Osio on tyhjä; siihen kuuluu tekstiä.', 'The section is empty; it should have text.')}` : tr('Osio on tyhjä.', 'The section is empty.');
  }
  const s = textStats(lines);
  const sentence = short(firstSentence(lines.find((l) => l !== '-') ?? ''), 300);
  return join(
    tr(
      `**Pituus:** ${plural(s.words, 'sana', 'sanaa')}, ${plural(s.characters, 'merkki', 'merkkiä')}, ${plural(s.paragraphs, 'rivi', 'riviä')}.`,
      `**Length:** ${plural(s.words, 'word', 'words')}, ${plural(s.characters, 'character', 'characters')}, ${plural(s.paragraphs, 'line', 'lines')}.`,
    ),
    `**${tr('Ensimmäinen virke', 'First sentence')}:**\n\n> ${md(sentence)}`,
  );
}
