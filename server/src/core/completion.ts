// Completion: what may be written at a position, from the schema and the reference data.
// Pure: document model, facts and a position in; neutral items with the exact edit out.
// The LSP handler maps them to CompletionItems.
import type { Facts } from './facts';
import type { HankeDocument, Position, Range, SectionNode } from './model';
import { presentSections } from './places';
import {
  APPLICANT_COUNT_OPTIONS,
  type Authority,
  AUTHORITY_INFO,
  AXES,
  type Axis,
  findRegion,
  findSubregion,
  fundIncludes,
  municipalitiesOn,
  type Objective,
  OBJECTIVES,
  ORGANISATION_TYPES,
  regionsOn,
  STATUS_VALUES,
  subregionsOn,
} from './reference';
import { readAxis, statedAxis } from './programme-reading';
import { documentFund, titleFund } from './facts';
import { type FieldSpec, headingText, PREAMBLE, type SectionSpec, SECTIONS, type ValueKind, YES_NO } from './schema';
import { fieldLine, sectionText } from './template';
import { foldForCompare } from './util/similarity';
import { formatDate, formatIsoDate, listItemsOf } from './values';

export type CompletionLocale = 'fi' | 'en';

export type CompletionKind = 'field' | 'section' | 'choice' | 'value' | 'place';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The edit: `range` (on the cursor's line, containing the cursor) is replaced by `newText`. */
  range: Range;
  newText: string;
  /** What the editor filters on (the typed text is matched against it). */
  filterText: string;
  sortText: string;
  preselect?: boolean;
}

type Tr = (fi: string, en: string) => string;

const LIST_KINDS: readonly ValueKind[] = ['regionList', 'subregionList', 'municipalityList'];

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f';
}

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/** The section a line belongs to: the last heading above it (undefined in the preamble). */
function sectionAbove(doc: HankeDocument, line: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  for (const s of doc.sections) {
    if (s.heading.line < line) found = s;
    else break;
  }
  return found;
}

/** The schema field a written label names in this section (exact, alias, or the parser's reading of this line). */
function fieldForLabel(section: SectionNode, line: number, label: string): FieldSpec | undefined {
  const node = section.fields.find((f) => f.line === line);
  if (node?.spec && node.labelMatch !== 'unknown') return node.spec;
  const folded = foldForCompare(label);
  return (section.spec.fields ?? []).find((f) => foldForCompare(f.label) === folded || f.aliases?.some((a) => foldForCompare(a) === folded));
}

// ---------------------------------------------------------------- values

interface ValueSlot {
  /** Where the replaced text starts and ends on the line. */
  start: number;
  end: number;
  /** The inserted text needs a leading space (right after the colon or comma). */
  space: boolean;
  /** What has been typed between `start` and the cursor. */
  typed: string;
  /** For lists: the other items already on the line. */
  others: string[];
}

function valueSlot(text: string, colon: number, cursor: number, list: boolean): ValueSlot {
  let from = colon + 1;
  let to = text.length;
  const others: string[] = [];
  if (list) {
    const lastComma = text.lastIndexOf(',', cursor - 1);
    if (lastComma > colon) from = lastComma + 1;
    const nextComma = text.indexOf(',', cursor);
    if (nextComma >= 0) to = nextComma;
    const all = text.slice(colon + 1).split(',');
    let offset = colon + 1;
    for (const part of all) {
      const s = offset;
      offset += part.length + 1;
      if (s === from) continue;
      if (part.trim()) others.push(part.trim());
    }
  }
  let start = from;
  while (start < cursor && isSpace(text[start])) start++;
  let end = Math.max(to, cursor);
  while (end > cursor && isSpace(text[end - 1])) end--;
  return { start, end, space: start === from, typed: text.slice(start, cursor), others };
}

function choice(label: string, slot: ValueSlot, line: number, order: number, extra: Partial<CompletionEntry> = {}): CompletionEntry {
  return {
    label,
    kind: 'choice',
    range: { start: { line, character: slot.start }, end: { line, character: slot.end } },
    newText: (slot.space ? ' ' : '') + label,
    filterText: label,
    sortText: pad(order),
    ...extra,
  };
}

function fundOf(doc: HankeDocument): 'ESR' | 'other' {
  return documentFund(doc);
}

function axisDoc(a: Axis, tr: Tr): string {
  const objectives = a.objectives.map((o) => `- ${o.code}. ${o.name}`).join('\n');
  const open = a.eligibleFrom ? `\n\n${tr(`Kustannukset tukikelpoisia ${formatIsoDate(a.eligibleFrom)} alkaen.`, `Costs eligible from ${formatIsoDate(a.eligibleFrom)}.`)}` : '';
  return `**${a.number}. ${a.name}** (${a.fund})${open}\n\n${objectives ? `${tr('Erityistavoitteet', 'Specific objectives')}:\n\n${objectives}` : tr('Ei erityistavoitteita.', 'No specific objectives.')}`;
}

function objectiveDoc(o: Objective, tr: Tr): string {
  const axis = AXES.find((a) => a.number === o.axis);
  return `**${o.code}. ${o.name}**\n\n${tr('Toimintalinja', 'Priority axis')}: ${axis ? `${axis.number}. ${axis.name}` : o.axis}`;
}

function valueCompletions(doc: HankeDocument, facts: Facts, spec: FieldSpec, slot: ValueSlot, line: number, locale: CompletionLocale, tr: Tr): CompletionEntry[] {
  const date = facts.start?.iso;
  const on = facts.start ? formatDate(facts.start) : undefined;
  const fund = fundOf(doc);
  const taken = new Set(slot.others.map(foldForCompare));
  const fresh = (name: string) => !taken.has(foldForCompare(name));
  switch (spec.kind) {
    case 'axis':
      return AXES.map((a) =>
        choice(`${a.number}. ${a.name}`, slot, line, (a.fund.includes(fund === 'ESR' ? 'ESR' : 'EAKR') ? 0 : 100) + a.number, {
          kind: 'value',
          detail: a.fund,
          documentation: axisDoc(a, tr),
        }),
      );
    case 'objective': {
      const axis = statedAxis(readAxis(facts));
      const list = axis && axis.objectives.length ? axis.objectives : OBJECTIVES;
      return list.map((o, i) =>
        choice(`${o.code}. ${o.name}`, slot, line, i, {
          kind: 'value',
          detail: tr(`toimintalinja ${o.axis}`, `axis ${o.axis}`),
          documentation: objectiveDoc(o, tr),
        }),
      );
    }
    case 'yesNo':
      return YES_NO.map((v, i) => choice(v, slot, line, i, { documentation: spec.doc[locale] }));
    case 'status':
      return STATUS_VALUES.map((v, i) => choice(v, slot, line, i, { documentation: spec.doc[locale] }));
    case 'organisationType':
      return ORGANISATION_TYPES.map((v, i) => choice(v, slot, line, i, { documentation: spec.doc[locale] }));
    case 'applicantCount':
      return APPLICANT_COUNT_OPTIONS.map((v, i) => choice(v, slot, line, i, { documentation: spec.doc[locale] }));
    case 'authority': {
      const rank = authorityRank(titleFund(doc) ?? (fund === 'ESR' ? 'ESR' : 'EAKR'), listedRegionNames(facts));
      return AUTHORITY_INFO.map((a, i) => {
        const kind = a.kind === 'ely' ? tr('ELY-keskus', 'ELY centre') : a.kind === 'ministry' ? tr('ministeriö', 'ministry') : tr('maakunnan liitto', 'regional council');
        const decided = a.kind === 'ely' && a.regions.length ? `; ${tr('alueelliset ESR-päätökset', 'regional ESR decisions')}: ${a.regions.join(', ')}` : '';
        return choice(a.name, slot, line, rank(a) * 100 + i, {
          detail: `${a.short ?? kind} · ${a.fund}`,
          documentation: `${kind}${a.region ? ` (${a.region})` : ''}; ${tr('rahasto', 'fund')} ${a.fund}${decided}`,
          filterText: a.short ? `${a.name} ${a.short}` : a.name,
        });
      });
    }
    case 'regionList':
      return regionsOn(date)
        .filter((r) => fresh(r.name))
        .map((r, i) => {
          const subs = subregionsOn(date)
            .filter((s) => s.regionCode === r.code)
            .map((s) => s.genitive);
          return choice(r.name, slot, line, i, {
            kind: 'place',
            detail: tr('maakunta', 'region'),
            documentation: `**${r.name}**${on ? ` (${on})` : ''}\n\n${tr('Seutukunnat', 'Sub-regions')}: ${subs.join(', ')}`,
          });
        });
    case 'subregionList': {
      const regions = listedRegions(facts);
      return subregionsOn(date)
        .filter((s) => (regions.size === 0 || regions.has(s.regionCode)) && fresh(s.genitive))
        .map((s, i) => {
          const munis = municipalitiesOn(date)
            .filter((m) => m.subregionCode === s.code)
            .map((m) => m.name);
          return choice(s.genitive, slot, line, i, {
            kind: 'place',
            detail: `${s.name} · ${s.region}`,
            documentation: `**${s.genitive}** ${tr('seutukunta', 'sub-region')} (${s.region})${on ? `, ${on}` : ''}\n\n${tr('Kunnat', 'Municipalities')}: ${munis.join(', ')}`,
          });
        });
    }
    case 'municipalityList': {
      const regions = listedRegions(facts);
      const subs = new Set(
        listTexts(facts, 'subregions')
          .map((t) => findSubregion(t, date)?.code)
          .filter((c): c is string => !!c),
      );
      return municipalitiesOn(date)
        .filter((m) => (regions.size === 0 || regions.has(m.regionCode)) && fresh(m.name))
        .sort((a, b) => Number(!subs.has(a.subregionCode)) - Number(!subs.has(b.subregionCode)) || a.name.localeCompare(b.name, 'fi'))
        .map((m, i) =>
          choice(m.name, slot, line, i, {
            kind: 'place',
            detail: `${m.subregionGenitive} ${tr('seutukunta', 'sub-region')} · ${m.region}`,
            documentation: `**${m.name}**${on ? ` (${on})` : ''}: ${tr(`${m.subregionGenitive} seutukunta, ${m.region}`, `sub-region ${m.subregion}, region ${m.region}`)}`,
          }),
        );
    }
    default:
      return [];
  }
}

function listTexts(facts: Facts, key: string): string[] {
  return listItemsOf(facts.field(key)).map((i) => i.text);
}

/** Names of the listed maakunnat that exist. */
function listedRegionNames(facts: Facts): Set<string> {
  return new Set(
    listTexts(facts, 'regions')
      .map((n) => findRegion(n)?.name)
      .filter((c): c is string => !!c),
  );
}

/**
 * The order authorities are offered in, for a description of `fund`: those that
 * decided on that fund in a listed maakunta (ESR: the regional ESR decision ELY;
 * EAKR: the maakunta's liitto) first, then the others that decided on the fund
 * (the other three ESR ELYs and the social-affairs ministry; the other liitot), then
 * the rest that grant it, and last those that do not grant it at all.
 */
function authorityRank(fund: 'ESR' | 'EAKR', regions: ReadonlySet<string>): (a: Authority) => number {
  return (a) => {
    if (!fundIncludes(a.fund, fund)) return 3;
    const decider = fund === 'ESR' ? (a.kind === 'ely' && a.regions.length > 0) || a.fund === 'ESR' : a.kind === 'regional-council';
    if (!decider) return 2;
    return a.regions.some((r) => regions.has(r)) ? 0 : 1;
  };
}

/** Codes of the listed maakunnat that exist. */
function listedRegions(facts: Facts): Set<string> {
  return new Set(
    listTexts(facts, 'regions')
      .map((n) => findRegion(n)?.code)
      .filter((c): c is string => !!c),
  );
}

// ---------------------------------------------------------------- line starts

function fieldDoc(spec: FieldSpec, locale: CompletionLocale, tr: Tr): string {
  return `${spec.doc[locale]}\n\n${tr('Esimerkki', 'Example')}: \`${spec.label}: ${spec.example}\``;
}

function labelCompletions(section: SectionNode, line: number, start: number, end: number, typed: string, locale: CompletionLocale, tr: Tr): CompletionEntry[] {
  const spec = section.spec;
  const range: Range = { start: { line, character: start }, end: { line, character: end } };
  const out: CompletionEntry[] = [];
  const add = (label: string, newText: string, order: number, detail: string, documentation: string) =>
    out.push({ label, kind: 'field', detail, documentation, range, newText, filterText: label, sortText: pad(order) });
  let order = 0;
  if (spec.body === 'fields' || spec.body === 'questions') {
    for (const f of spec.fields ?? []) {
      order++;
      if (section.fields.some((n) => n.spec === f && n.line !== line)) continue;
      if (f.group === 'place' && spec.placeMarker && !section.placeMarker) {
        // The place fields come after their marker line: offer the marker first.
        if (!out.some((o) => o.label === spec.placeMarker)) add(spec.placeMarker, spec.placeMarker, order - 0.5, tr('otsikkorivi', 'marker line'), spec.doc[locale]);
      }
      const detail = f.required ? tr('pakollinen', 'required') : tr('valinnainen', 'optional');
      add(f.label, fieldLine(f), order, detail, fieldDoc(f, locale, tr));
    }
    // The partner block belongs to joint projects: offered once the applicant count says so
    // (the second option of the closed list, "Hakijoita on useampi kuin yksi (yhteishanke)").
    const count = section.fields.find((n) => n.spec?.key === spec.partners?.afterField);
    const joint = count !== undefined && foldForCompare(count.value) === foldForCompare(APPLICANT_COUNT_OPTIONS[1] ?? '');
    if (spec.partners && !section.partners && joint) {
      add(
        spec.partners.label,
        spec.partners.label,
        900,
        tr('yhteishankkeen osatoteuttajat', 'partners of a joint project'),
        tr('Osatoteuttajat riveittäin muodossa "Nimi, Y-tunnus".', 'Partners, one a line: "Name, Y-tunnus".'),
      );
    }
  } else if (spec.body === 'scores') {
    for (const g of spec.groups ?? []) {
      order++;
      if (!section.groups.some((n) => n.spec === g)) add(g.name, g.name, order, tr('ryhmä', 'group'), spec.doc[locale]);
      for (const it of g.items) {
        order++;
        if (section.items.some((n) => n.spec === it && n.line !== line)) continue;
        add(
          it.name,
          `${it.name} 0 0`,
          order,
          g.name,
          tr('Välitön ja välillinen pistemäärä 0–10, perustelu seuraavalle riville.', 'Direct and indirect score 0–10, the justification on the next line.'),
        );
      }
    }
  }
  // In 8.1 and 8.2 free text lines are written too: offer only what the typed text begins.
  if (typed && spec.body !== 'fields') {
    const t = foldForCompare(typed);
    return out.filter((o) => foldForCompare(o.label).startsWith(t));
  }
  return out;
}

/** Missing section headings, in the official order; those that belong at this line first. */
function headingCompletions(doc: HankeDocument, line: number, start: number, end: number, locale: CompletionLocale, tr: Tr): CompletionEntry[] {
  const present = presentSections(doc);
  const eol = doc.eol;
  const above = sectionAbove(doc, line + 1);
  const aboveIndex = above ? SECTIONS.indexOf(above.spec) : -1;
  const below = doc.sections.find((s) => s.heading.line > line);
  const belowIndex = below ? SECTIONS.indexOf(below.spec) : SECTIONS.length;
  const blank = (l: number) => l < 0 || l >= doc.lines.length || doc.lines[l].trim() === '';
  const prefix = start === 0 && !blank(line - 1) && blank(line) ? eol : '';
  const suffix = !blank(line + 1) ? eol : '';
  const range: Range = { start: { line, character: start }, end: { line, character: end } };
  const out: CompletionEntry[] = [];
  SECTIONS.forEach((spec: SectionSpec, i) => {
    if (present.has(spec.number)) return;
    // A subsection of a parent that is missing too goes in with its parent.
    if (spec.parent && !present.has(spec.parent)) return;
    const childPresent = SECTIONS.some((c) => c.parent === spec.number && present.has(c.number));
    const body = childPresent ? headingText(spec) : sectionText(spec, eol);
    const fits = i > aboveIndex && i < belowIndex;
    out.push({
      label: headingText(spec),
      kind: 'section',
      detail: fits ? tr('puuttuva osio', 'missing section') : tr('puuttuva osio (kuuluu muualle)', 'missing section (belongs elsewhere)'),
      documentation: `${spec.doc[locale]}\n\n\`\`\`\n${body.replace(/\r\n?/g, '\n')}\n\`\`\``,
      range,
      newText: prefix + body + suffix,
      filterText: headingText(spec),
      sortText: pad((fits ? 0 : 1000) + i),
      preselect: fits && !out.some((o) => o.preselect),
    });
  });
  return out;
}

function preambleCompletions(doc: HankeDocument, line: number, start: number, end: number): CompletionEntry[] {
  const range: Range = { start: { line, character: start }, end: { line, character: end } };
  const out: CompletionEntry[] = [];
  if (!doc.preamble.banner) out.push({ label: PREAMBLE.banner, kind: 'section', range, newText: PREAMBLE.banner, filterText: PREAMBLE.banner, sortText: pad(0) });
  if (!doc.preamble.title) out.push({ label: PREAMBLE.title, kind: 'section', range, newText: PREAMBLE.title, filterText: PREAMBLE.title, sortText: pad(1) });
  return out;
}

/**
 * What may be written at `position`: after a label's colon (or a comma in a list) the
 * values of that field; at the start of a line in a field section the labels still
 * missing there; on a blank line the missing section headings. Empty inside free text.
 */
export function completionsAt(doc: HankeDocument, facts: Facts, position: Position, locale: CompletionLocale): CompletionEntry[] {
  const tr: Tr = (fi, en) => (locale === 'fi' ? fi : en);
  const line = position.line;
  const text = doc.lines[line] ?? '';
  const cursor = Math.min(position.character, text.length);
  const before = text.slice(0, cursor);
  if (doc.sections.some((s) => s.heading.line === line)) return [];
  const section = sectionAbove(doc, line);
  let start = 0;
  while (start < text.length && (isSpace(text[start]) || text[start] === '\uFEFF')) start++;
  start = Math.min(start, cursor);
  let end = text.length;
  while (end > cursor && isSpace(text[end - 1])) end--;

  if (!section) {
    if (text.trim() !== '' && !/^\s*\d/.test(text)) return [];
    return [...preambleCompletions(doc, line, start, end), ...headingCompletions(doc, line, start, end, locale, tr)];
  }

  const colon = before.indexOf(':');
  if (colon >= 0) {
    const spec = fieldForLabel(section, line, before.slice(0, colon).trim());
    if (!spec) return [];
    const slot = valueSlot(text, colon, cursor, LIST_KINDS.includes(spec.kind));
    return valueCompletions(doc, facts, spec, slot, line, locale, tr);
  }
  if (text.includes(':')) return [];

  const typed = text.slice(start, cursor);
  const out: CompletionEntry[] = [];
  const inPartners = section.partners !== undefined && line > section.partners.label.line && !section.fields.some((f) => f.line > section.partners!.label.line && f.line < line);
  if (!inPartners && (section.spec.body === 'fields' || section.spec.body === 'questions' || section.spec.body === 'scores')) {
    out.push(...labelCompletions(section, line, start, end, typed, locale, tr));
  }
  if (text.trim() === '' || /^\s*\d/.test(text)) out.push(...headingCompletions(doc, line, start, end, locale, tr).map((e) => ({ ...e, sortText: `z${e.sortText}` })));
  return out;
}
