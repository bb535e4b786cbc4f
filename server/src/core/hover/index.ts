// Hover summaries: what a heading, a label or a value means in this document, computed
// from the parsed model, the derived facts and the findings. Pure: returns Markdown and
// the range it describes; the LSP handler only wraps it. This module dispatches by
// position; one module per kind of section (project, programme, geography, content)
// builds the text, with the shared formatting in format.ts.
import type { Facts } from '../facts';
import type { Finding } from '../lint';
import { type FieldNode, type HankeDocument, type PartnerEntry, type Position, rangeContains, type ScoreItemNode, type SectionNode } from '../model';
import { presentSections } from '../places';
import type { Severity } from '../rules/types';
import { countEachSeverity } from '../tally';
import { headingText, SCORE_MAX, SCORE_MIN, SECTIONS } from '../schema';
import { findingList, type HoverLocale, type HoverResult, join, md, sectionOf, short, title, type Tr, translator } from './format';
import { applicantCard, financingTable, projectCard, yTunnusText } from './project';
import { authorityHover, axisHover, objectiveHover } from './programme';
import { geographySummary, listedRegionNames, listOf, municipalityHover, regionHover, subregionHover } from './geography';
import { answersSummary, countsSummary, scoresSummary, textSummary } from './content';

export type { HoverLocale, HoverResult } from './format';
export { md } from './format';
export { firstSentence } from './content';

function sectionBody(section: SectionNode, doc: HankeDocument, facts: Facts, findings: readonly Finding[], tr: Tr, locale: HoverLocale): string {
  const spec = section.spec;
  switch (spec.number) {
    case '1':
      return projectCard(facts, tr);
    case '2':
      return applicantCard(section, facts, tr);
    case '5':
      return financingTable(section, facts, findings, tr, locale);
    case '6':
      return geographySummary(facts, tr);
    default:
      break;
  }
  switch (spec.body) {
    case 'text':
      return textSummary(section, tr);
    case 'questions':
      return answersSummary(section, tr);
    case 'scores':
      return scoresSummary(section, tr);
    case 'fields':
      return countsSummary(section, tr);
    case 'parent': {
      const present = presentSections(doc);
      return SECTIONS.filter((s) => s.parent === spec.number)
        .map((child) => {
          const node = section.children.find((c) => c.spec === child) ?? present.get(child.number);
          const body = node ? sectionBody(node, doc, facts, findings, tr, locale) : `✗ ${tr('puuttuu', 'missing')}`;
          return `#### ${md(headingText(child))}\n\n${body}`;
        })
        .join('\n\n');
    }
  }
}

function sectionHover(section: SectionNode, doc: HankeDocument, facts: Facts, findings: readonly Finding[], tr: Tr, locale: HoverLocale): HoverResult {
  const spec = section.spec;
  const body = sectionBody(section, doc, facts, findings, tr, locale);
  const titleNote = section.heading.titleExact ? '' : `⚠️ ${tr(`Virallinen otsikko: ${md(spec.title)}`, `Official title: ${md(spec.title)}`)}`;
  return { markdown: join(title(spec), `*${md(spec.doc[locale])}*`, titleNote, body), range: section.heading.range };
}

function summaryHover(doc: HankeDocument, facts: Facts, findings: readonly Finding[], tr: Tr): string {
  const present = presentSections(doc);
  const code = facts.field('projectCode')?.value;
  const name = facts.field('projectName')?.value;
  const head = `### ${code ? `${md(code)} ` : ''}${name ? md(name) : tr('Hankkeen kuvaus', 'Project description')}`;
  const counts = countEachSeverity(findings);
  const count = (s: Severity) => counts[s];
  const missing = SECTIONS.filter((s) => !present.has(s.number));
  const lines = [
    `**${tr('Osiot', 'Sections')}:** ${tr(`${present.size}/${SECTIONS.length} mukana`, `${present.size} of ${SECTIONS.length} present`)}${missing.length ? ` — ${tr('puuttuu', 'missing')}: ${missing.map((s) => md(s.number)).join(', ')}` : ''}`,
    `**${tr('Huomautukset', 'Findings')}:** ${tr(
      `${count('error')} virhettä, ${count('warning')} varoitusta, ${count('info')} ilmoitusta, ${count('hint')} vihjettä`,
      `${count('error')} errors, ${count('warning')} warnings, ${count('info')} info, ${count('hint')} hints`,
    )}`,
  ];
  return join(head, lines.map((l) => `- ${l}`).join('\n'));
}

function fieldDocHover(field: FieldNode, section: SectionNode, tr: Tr, locale: HoverLocale): HoverResult | undefined {
  const spec = field.spec;
  if (!spec) {
    return {
      markdown: join(
        `**${md(field.label)}**`,
        `⚠️ ${tr(`Ei osion ${section.spec.number} kenttä.`, `Not a field of section ${section.spec.number}.`)}`,
        tr(`Osion kentät: ${(section.spec.fields ?? []).map((f) => md(f.label)).join(', ')}`, `Fields of the section: ${(section.spec.fields ?? []).map((f) => md(f.label)).join(', ')}`),
      ),
      range: field.labelRange,
    };
  }
  const status = spec.required
    ? spec.valueRequired
      ? tr('Pakollinen.', 'Required.')
      : tr('Pakollinen rivi, arvo voi olla tyhjä.', 'Required line; the value may be empty.')
    : tr('Valinnainen.', 'Optional.');
  const typo = field.labelMatch === 'typo' ? `⚠️ ${tr(`Virallinen muoto: ${md(spec.label)}`, `Official spelling: ${md(spec.label)}`)}` : '';
  const example = `${spec.label}: ${spec.example}`;
  return {
    markdown: join(
      `**${md(spec.label)}** — ${md(headingText(section.spec))}`,
      md(spec.doc[locale]),
      status + (spec.realised ? ` ${tr('Toteutunut luku: odotetaan, kun hanke on päättynyt.', 'A realised figure: expected once the project has ended.')}` : ''),
      typo,
      `${tr('Esimerkki', 'Example')}:\n\n\`\`\`\n${example}\n\`\`\``,
    ),
    range: field.labelRange,
  };
}

function partnerHover(e: PartnerEntry, tr: Tr): HoverResult {
  return { markdown: join(`**${md(e.name)}** (${tr('osatoteuttaja', 'partner')})`, `Y-tunnus: ${yTunnusText(e.yTunnus, tr)}`), range: e.range };
}

function itemHover(it: ScoreItemNode, tr: Tr): HoverResult {
  const d = it.scores[0]?.value;
  const i = it.scores[1]?.value;
  const cell = (n: number | undefined, raw: string | undefined) => (n !== undefined ? String(n) : raw ? `✗ ${md(raw)}` : '–');
  return {
    markdown: join(
      `**${md(it.spec.name)}** — ${md(it.spec.group)}`,
      `${tr('Välitön', 'Direct')}: ${cell(d, it.scores[0]?.raw)} · ${tr('Välillinen', 'Indirect')}: ${cell(i, it.scores[1]?.raw)} (${SCORE_MIN}–${SCORE_MAX})`,
      it.justification.length ? `> ${md(short(it.justification.map((j) => j.text).join(' '), 200))}` : tr('Ei perustelua.', 'No justification.'),
      it.nameExact ? '' : `⚠️ ${tr(`Virallinen muoto: ${md(it.spec.name)}`, `Official spelling: ${md(it.spec.name)}`)}`,
    ),
    range: it.nameRange,
  };
}

/**
 * The hover at `position`: the preamble title (document summary), a heading (the
 * section's summary), a label (what it means and an example), a value (its section's
 * summary, or the place it names), an 8.2 item, a partner. Undefined elsewhere.
 */
export function hoverAt(doc: HankeDocument, facts: Facts, findings: readonly Finding[], position: Position, locale: HoverLocale): HoverResult | undefined {
  const tr = translator(locale);
  const line = position.line;
  const t = doc.preamble.title;
  if (t && t.line === line && rangeContains(t.range, position)) return { markdown: summaryHover(doc, facts, findings, tr), range: t.range };

  const section = sectionOf(doc, line);
  if (!section) return undefined;
  if (section.heading.line === line) {
    return rangeContains(section.heading.range, position) ? sectionHover(section, doc, facts, findings, tr, locale) : undefined;
  }

  const field = section.fields.find((f) => f.line === line);
  if (field) {
    if (rangeContains(field.labelRange, position)) return fieldDocHover(field, section, tr, locale);
    if (!rangeContains(field.range, position)) return undefined;
    const kind = field.spec?.kind;
    if (kind === 'regionList' || kind === 'subregionList' || kind === 'municipalityList') {
      const item = field.typed?.kind === 'list' ? field.typed.items.find((i) => rangeContains(i.range, position)) : undefined;
      if (!item) return undefined;
      const markdown =
        kind === 'regionList'
          ? regionHover(item.text, facts, tr)
          : kind === 'subregionList'
            ? subregionHover(
                item.text,
                facts,
                listOf(facts, 'municipalities').map((i) => i.text),
                tr,
              )
            : municipalityHover(item.text, facts, listedRegionNames(facts), tr);
      return { markdown, range: item.range };
    }
    if ((kind === 'axis' || kind === 'objective' || kind === 'authority') && rangeContains(field.valueRange, position) && field.value !== '') {
      const markdown = kind === 'axis' ? axisHover(doc, facts, tr) : kind === 'objective' ? objectiveHover(doc, facts, tr) : authorityHover(doc, facts, tr);
      const problems = findingList(findings, field.valueRange, tr, locale);
      return { markdown: join(markdown, problems), range: field.valueRange };
    }
    if (kind === 'yTunnus' || section.spec.number === '1' || section.spec.number === '5' || section.spec.body === 'questions' || (section.spec.body === 'fields' && section.spec.parent === '7')) {
      const h = sectionHover(section, doc, facts, findings, tr, locale);
      return { markdown: h.markdown, range: field.valueRange };
    }
    const h = fieldDocHover(field, section, tr, locale);
    return h && { markdown: h.markdown, range: field.valueRange };
  }

  const entry = section.partners?.entries.find((e) => e.line === line);
  if (entry && rangeContains(entry.range, position)) return partnerHover(entry, tr);
  if (section.partners && section.partners.label.line === line) {
    return { markdown: applicantCard(section, facts, tr), range: section.partners.label.range };
  }
  const item = section.items.find((it) => it.line === line);
  if (item && rangeContains(item.range, position)) return itemHover(item, tr);
  const group = section.groups.find((g) => g.line.line === line);
  if (group) return { markdown: join(`**${md(group.spec.name)}**`, scoresSummary(section, tr)), range: group.line.range };
  if (section.scoreHeader?.line === line) {
    return {
      markdown: tr(
        '**Välitön / Välillinen**: kunkin kohdan välitön ja välillinen vaikutus, pisteet 0–10.',
        "**Välitön / Välillinen** (direct / indirect): each item's direct and indirect effect, scored 0–10.",
      ),
      range: section.scoreHeader.range,
    };
  }
  if (section.placeMarker?.line === line) {
    return {
      markdown: join(
        `**${md(section.placeMarker.text)}**`,
        tr('Seuraavat kentät (valinnaiset) kertovat toteutuspaikan osoitteen.', 'The (optional) fields that follow give the address of the place of implementation.'),
      ),
      range: section.placeMarker.range,
    };
  }
  return undefined;
}
