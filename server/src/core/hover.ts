// Hover summaries: what a heading, a label or a value means in this document, computed
// from the parsed model, the derived facts and the findings. Pure: returns Markdown and
// the range it describes; the LSP handler only wraps it.
import { type Facts, titleFund } from './facts';
import type { Finding } from './lint';
import { type FieldNode, type HankeDocument, type PartnerEntry, type Position, type Range, rangeContains, type ScoreItemNode, type SectionNode } from './model';
import { presentSections } from './places';
import {
  AUTHORITY_INFO,
  type Authority,
  AXES,
  type Axis,
  findAuthority,
  findAxis,
  findMunicipality,
  fundIncludes,
  type Objective,
  PROGRAMME_NAME,
  findRegion,
  findSubregion,
  municipalitiesOn,
  municipalityHistory,
  type MunicipalityPeriod,
  subregionsOn,
} from './reference';
import { axisText, meantObjective, objectiveText, readAxis, readObjective, statedAxis } from './programme-reading';
import type { Severity } from './rules/types';
import { yTunnusStatus } from './ytunnus';
import { type FieldSpec, headingText, SCORE_MAX, SCORE_MIN, type SectionSpec, SECTIONS } from './schema';
import { amountOf, type CalendarDate, formatAmount, formatDate, formatIsoDate, type ListItem, listItemsOf, nextIsoDay, periodLength } from './values';

export type HoverLocale = 'fi' | 'en';

export interface HoverResult {
  /** Markdown. */
  markdown: string;
  /** What the hover describes (the editor highlights it). */
  range: Range;
}

// ---------------------------------------------------------------- helpers

type Tr = (fi: string, en: string) => string;

function translator(locale: HoverLocale): Tr {
  return (fi, en) => (locale === 'fi' ? fi : en);
}

/**
 * Escapes text taken from the document so that Markdown shows it as written, escaping
 * only what would otherwise be read as Markdown: a client that shows the Markdown
 * source (Neovim) then shows `Marke_2 [beta]` without backslashes. Escaped: a backslash
 * before punctuation, code spans and table pipes, `*` and `_` that could open or close
 * emphasis (not `_` inside a word, not a lone `*` between spaces), `]` before `(`, `[`
 * or `:` (links), `<` that could start a tag or an autolink, `~~`, character
 * references, and a block marker (`#`, `>`, `-`, `+`, `*`) at the start.
 */
export function md(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const prev = s[i - 1] ?? '';
    const next = s[i + 1] ?? '';
    let escape = false;
    switch (c) {
      case '\\':
        escape = next === '' || ASCII_PUNCTUATION.test(next);
        break;
      case '`':
      case '|':
        escape = true;
        break;
      case '*':
        escape = !((prev === '' || /\s/.test(prev)) && (next === '' || /\s/.test(next)));
        break;
      case '_':
        escape = !(WORD_CHAR.test(prev) && WORD_CHAR.test(next));
        break;
      case ']':
        escape = next === '(' || next === '[' || next === ':';
        break;
      case '<':
        escape = /[A-Za-z/!?]/.test(next);
        break;
      case '~':
        escape = next === '~' || prev === '~';
        break;
      case '&':
        escape = /^&#?[A-Za-z0-9]+;/.test(s.slice(i, i + 40));
        break;
    }
    out += escape ? `\\${c}` : c;
  }
  // A block marker at the start, in case the text begins a line (a number like "5." is
  // left: as an ordered list item it still shows as written).
  return out.replace(/^(\s*)(#|>|[-+*](?=\s|$))/, '$1\\$2');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** An integer with Finnish thousands separators (`1 096`). */
function int(n: number): string {
  const sign = n < 0 ? '−' : '';
  return sign + formatAmount(Math.abs(Math.round(n)) * 100);
}

function euros(cents: number): string {
  return (cents < 0 ? '−' : '') + formatAmount(Math.abs(cents));
}

function percent(part: number, whole: number): string | undefined {
  if (!(whole > 0)) return undefined;
  return `${Math.round((part / whole) * 100)} %`;
}

function plural(n: number, one: string, many: string): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

function sectionOf(doc: HankeDocument, line: number): SectionNode | undefined {
  let found: SectionNode | undefined;
  for (const s of doc.sections) {
    if (s.heading.line <= line) found = s;
    else break;
  }
  return found;
}

function title(spec: SectionSpec): string {
  return `### ${md(headingText(spec))}`;
}

/** The value of a field as written, or a dash. */
function shown(f: FieldNode | undefined): string {
  return f && f.value !== '' ? md(f.value) : '–';
}

/** Findings within a range, as a bullet list (empty string when none). */
function findingList(findings: readonly Finding[], r: Range, tr: Tr, locale: HoverLocale): string {
  const inside = findings.filter((f) => rangeContains(r, f.range.start));
  if (inside.length === 0) return '';
  const icon: Record<Severity, string> = { error: '⛔', warning: '⚠️', info: 'ℹ️', hint: '💡' };
  return [`**${tr('Huomautukset', 'Problems')}:**`, '', ...inside.map((f) => `- ${icon[f.severity]} ${md(f.message[locale])} (\`${f.rule}\`)`)].join('\n');
}

function join(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => !!p).join('\n\n');
}

// ---------------------------------------------------------------- Y-tunnus

function yTunnusText(value: string, tr: Tr): string {
  if (value === '') return `– (${tr('puuttuu', 'missing')})`;
  const st = yTunnusStatus(value.trim());
  const v = `\`${md(value)}\``;
  switch (st.kind) {
    case 'valid':
      return `${v} ✓ ${tr('kelvollinen (tarkistusnumero oikein)', 'valid (check digit correct)')}`;
    case 'format':
      return `${v} ✗ ${tr('ei muotoa NNNNNNN-T', 'not in the form NNNNNNN-C')}`;
    case 'noValidId':
      return `${v} ✗ ${tr('mikään tarkistusnumero ei tee näistä numeroista kelvollista tunnusta', 'no check digit makes these digits a valid ID')}`;
    case 'checkDigit': {
      const fixed = `${value.trim().slice(0, 7)}-${st.expected}`;
      return `${v} ✗ ${tr(`väärä tarkistusnumero; oikea on ${st.expected} (\`${fixed}\`)`, `wrong check digit; the correct one is ${st.expected} (\`${fixed}\`)`)}`;
    }
  }
}

// ---------------------------------------------------------------- programme values

function fundName(fund: string, tr: Tr): string {
  const one = (f: string) =>
    f === 'ESR' ? tr('ESR, Euroopan sosiaalirahasto', 'ESR, the European Social Fund') : f === 'EAKR' ? tr('EAKR, Euroopan aluekehitysrahasto', 'EAKR, the European Regional Development Fund') : f;
  return fund.split('/').map(one).join(tr(' ja ', ' and '));
}

/** ✓ / ✗ against the description's fund (nothing when the title names no fund checked). */
function fundCheck(fund: string, doc: HankeDocument, tr: Tr): string {
  const own = titleFund(doc);
  if (!own) return '';
  return fundIncludes(fund, own) ? ` ✓ ${tr(`kuvaus on ${own}-hankkeen`, `this is an ${own} description`)}` : ` ✗ ${tr(`kuvaus on ${own}-hankkeen`, `this is an ${own} description`)}`;
}

function monthText(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return `${m}/${y}`;
}

/** The facts of an axis: fund, official name and other spellings, when it was open, its objectives. */
function axisFacts(axis: Axis, doc: HankeDocument, facts: Facts, tr: Tr, current?: Objective): string[] {
  const lines: string[] = [];
  lines.push(`**${tr('Rahasto', 'Fund')}:** ${fundName(axis.fund, tr)}${fundCheck(axis.fund, doc, tr)}`);
  lines.push(`**${tr('Virallinen nimi', 'Official name')}:** ${md(axis.name)}${axis.variants.length ? ` (${tr('myös', 'also')} ${axis.variants.map(md).join('; ')})` : ''}`);
  if (axis.eligibleFrom) {
    const added = axis.addedToProgramme ? tr(`lisätty ohjelmaan ${monthText(axis.addedToProgramme)}; `, `added to the programme in ${monthText(axis.addedToProgramme)}; `) : '';
    const start = facts.start?.iso;
    const check = start === undefined ? '' : start >= axis.eligibleFrom ? ' ✓' : ` ✗ ${tr(`hanke alkaa ${formatIsoDate(start)}`, `the project starts on ${formatIsoDate(start)}`)}`;
    lines.push(
      `**${tr('Käytettävissä', 'Available')}:** ${added}${tr(`kustannukset tukikelpoisia ${formatIsoDate(axis.eligibleFrom)} alkaen`, `costs eligible from ${formatIsoDate(axis.eligibleFrom)}`)}${check}`,
    );
  } else {
    lines.push(`**${tr('Käytettävissä', 'Available')}:** ${tr('koko ohjelmakauden', 'the whole programme period')}`);
  }
  if (axis.objectives.length) {
    lines.push(
      `**${tr('Erityistavoitteet', 'Specific objectives')}:**\n${axis.objectives.map((o) => `  - ${o === current ? '**' : ''}${md(o.code)}. ${md(o.name)}${o === current ? '**' : ''}`).join('\n')}`,
    );
  } else {
    lines.push(`**${tr('Erityistavoitteet', 'Specific objectives')}:** ${tr('ei koodeja viitetiedoissa', 'no codes in the reference data')}`);
  }
  return lines;
}

/** Hover on the Toimintalinja value: the stated axis explained, or the axes of the programme. */
function axisHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const a = readAxis(facts);
  const axis = statedAxis(a);
  if (!axis) {
    return join(
      `**${tr('Toimintalinja', 'Priority axis')}:** ${shown(a?.field)} ✗ ${tr('ei ohjelman toimintalinja', 'not an axis of the programme')}`,
      `${tr('Ohjelman', 'The axes of')} *${md(PROGRAMME_NAME)}*${tr(' toimintalinjat', '')}:\n\n${AXES.map((x) => `- ${md(axisText(x))} (${md(x.fund)})`).join('\n')}`,
    );
  }
  const o = readObjective(facts);
  const objective = o ? meantObjective(o) : undefined;
  return join(
    `**${tr('Toimintalinja', 'Priority axis')} ${md(axisText(axis))}**`,
    axisFacts(axis, doc, facts, tr, objective)
      .map((l) => `- ${l}`)
      .join('\n'),
  );
}

/** Hover on the Erityistavoite value: the objective, its axis and that axis' facts. */
function objectiveHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const o = readObjective(facts);
  const objective = o ? meantObjective(o) : undefined;
  if (!objective) {
    const axis = statedAxis(readAxis(facts));
    const list = axis?.objectives.length ? axis.objectives : AXES.flatMap((x) => x.objectives);
    return join(
      `**${tr('Erityistavoite', 'Specific objective')}:** ${shown(o?.field)} ✗ ${tr('ei ohjelman erityistavoite', 'not an objective of the programme')}`,
      `${axis?.objectives.length ? tr(`Toimintalinjan ${axis.number} erityistavoitteet`, `The objectives of axis ${axis.number}`) : tr('Ohjelman erityistavoitteet', 'The objectives of the programme')}:\n\n${list.map((x) => `- ${md(objectiveText(x))}`).join('\n')}`,
    );
  }
  const axis = findAxis(objective.axis)!;
  const stated = statedAxis(readAxis(facts));
  const other = stated && stated !== axis ? ` ✗ ${tr(`Toimintalinja-kentässä on ${stated.number}`, `the Toimintalinja field says ${stated.number}`)}` : '';
  const name = `${tr('Virallinen nimi', 'Official name')}: ${md(objective.name)}${objective.variants.length ? ` (${tr('myös', 'also')} ${objective.variants.map(md).join('; ')})` : ''}`;
  return join(
    `**${tr('Erityistavoite', 'Specific objective')} ${md(objectiveText(objective))}**`,
    name,
    `**${tr('Toimintalinja', 'Priority axis')} ${md(axisText(axis))}**${other}`,
    axisFacts(axis, doc, facts, tr, objective)
      .map((l) => `- ${l}`)
      .join('\n'),
  );
}

const ESR_DECISION_ELYS = (): string =>
  AUTHORITY_INFO.filter((a) => a.esrRegional)
    .map((a) => a.short ?? a.name)
    .join(', ');

/** Hover on the Vastuuviranomainen value: which funds and regions the authority decided on. */
function authorityHover(doc: HankeDocument, facts: Facts, tr: Tr): string {
  const f = facts.field('authority');
  const a: Authority | undefined = f && f.value !== '' ? findAuthority(f.value) : undefined;
  if (!a) {
    return join(
      `**${tr('Vastuuviranomainen', 'Granting authority')}:** ${shown(f)}`,
      tr(
        'Ei tunnettu vastuuviranomainen. ESR-hankkeissa vastuuviranomainen on ELY-keskus (täysi nimi, esim. "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus") tai sosiaali- ja terveysministeriö; EAKR-hankkeissa maakunnan liitto tai ELY-keskus.',
        'Not a known granting authority. ESR projects were granted by an ELY-keskus (full name, e.g. "Keski-Suomen elinkeino-, liikenne- ja ympäristökeskus") or the social-affairs ministry; EAKR projects by a regional council (maakunnan liitto) or an ELY-keskus.',
      ),
    );
  }
  const kind = a.kind === 'ely' ? tr('ELY-keskus', 'ELY centre') : a.kind === 'ministry' ? tr('ministeriö', 'ministry') : tr('maakunnan liitto', 'regional council');
  const lines: string[] = [];
  lines.push(`**${tr('Rahastot', 'Funds')}:** ${fundName(a.fund, tr)}${fundCheck(a.fund, doc, tr)}`);
  if (a.kind === 'ely') {
    if (a.regions.length) {
      lines.push(`**${tr('Alueelliset ESR-päätökset 2014–2020', 'Regional ESR decisions 2014–2020')}:** ${a.regions.map(md).join(', ')}`);
      const listed = listOf(facts, 'regions')
        .map((i) => findRegion(i.text)?.name)
        .filter((n): n is string => n !== undefined);
      const others = titleFund(doc) === 'ESR' ? listed.filter((n) => !a.regions.includes(n)) : [];
      if (others.length)
        lines.push(
          `ℹ️ ${tr(`Kohdealueen maakuntien ${others.join(', ')} alueelliset ESR-päätökset teki toinen ELY-keskus.`, `The regional ESR decisions for ${others.join(', ')} were made by another ELY centre.`)}`,
        );
    } else {
      lines.push(
        `**${tr('Alueelliset ESR-päätökset 2014–2020', 'Regional ESR decisions 2014–2020')}:** ${tr(`ei (ne tekivät ${ESR_DECISION_ELYS()})`, `none (they were made by ${ESR_DECISION_ELYS()})`)}`,
      );
    }
    if (a.national) lines.push(tr('Myönsi myös valtakunnallisia ESR-toimia.', 'Also granted national ESR actions.'));
  } else if (a.kind === 'regional-council') {
    lines.push(`**${tr('Maakunta', 'Region')}:** ${md(a.region ?? '')} (${tr('EAKR-päätökset', 'EAKR decisions')})`);
  } else {
    lines.push(tr('Valtakunnalliset toimet.', 'National actions.'));
  }
  if (a.uncertain) lines.push(tr('Virallista kirjoitusasua ei ole varmistettu.', 'The exact official spelling is not verified.'));
  return join(`**${md(a.name)}** (${a.short ? `${md(a.short)}, ` : ''}${kind})`, lines.map((l) => `- ${l}`).join('\n'));
}

// ---------------------------------------------------------------- section hovers

function projectCard(facts: Facts, tr: Tr): string {
  const lines: string[] = [];
  const code = facts.field('projectCode');
  const name = facts.field('projectName');
  const typed = code?.typed;
  const fund = typed?.kind === 'projectCode' ? typed.fund : undefined;
  const codeText = code && code.value !== '' ? `\`${md(code.value)}\`` : '–';
  lines.push(
    `**${tr('Hankekoodi', 'Project code')}:** ${codeText}${fund ? ` · ${fund}` : typed?.kind === 'projectCode' && !typed.valid ? ` ✗ ${tr('ei kirjain ja viisi numeroa', 'not a letter and five digits')}` : ''}`,
  );
  lines.push(`**${tr('Nimi', 'Name')}:** ${shown(name)}`);

  const a = readAxis(facts);
  const axis = statedAxis(a);
  if (!a) lines.push(`**${tr('Toimintalinja', 'Priority axis')}:** –`);
  else if (axis) lines.push(`**${tr('Toimintalinja', 'Priority axis')}:** ${md(axisText(axis))} (${md(axis.fund)})`);
  else lines.push(`**${tr('Toimintalinja', 'Priority axis')}:** ${shown(a.field)} ✗ ${tr('ei ohjelman toimintalinja', 'not an axis of the programme')}`);

  const o = readObjective(facts);
  const objective = o ? meantObjective(o) : undefined;
  if (!o) lines.push(`**${tr('Erityistavoite', 'Specific objective')}:** –`);
  else if (objective) {
    const other = axis && objective.axis !== axis.number ? ` ✗ ${tr(`kuuluu toimintalinjaan ${objective.axis}`, `belongs to axis ${objective.axis}`)}` : '';
    lines.push(`**${tr('Erityistavoite', 'Specific objective')}:** ${md(objectiveText(objective))}${other}`);
  } else lines.push(`**${tr('Erityistavoite', 'Specific objective')}:** ${shown(o.field)} ✗ ${tr('ei ohjelman erityistavoite', 'not an objective of the programme')}`);

  lines.push(`**${tr('Toteutusaika', 'Period')}:** ${periodText(facts, tr)}`);
  lines.push(`**${tr('Toiminnan tila', 'Status')}:** ${shown(facts.field('status'))}`);
  const auth = facts.field('authority');
  const info = auth && auth.value !== '' ? findAuthority(auth.value) : undefined;
  lines.push(`**${tr('Vastuuviranomainen', 'Granting authority')}:** ${shown(auth)}${info?.short && info.short !== auth?.value ? ` (${md(info.short)})` : ''}`);
  return lines.map((l) => `- ${l}`).join('\n');
}

/** `46 kuukautta 1 päivä (1 403 päivää)`. */
export function lengthText(start: CalendarDate, end: CalendarDate, tr: Tr): string {
  const { days, months, restDays } = periodLength(start, end);
  const m = tr(plural(months, 'kuukausi', 'kuukautta'), plural(months, 'month', 'months'));
  const d = restDays ? ` ${tr(plural(restDays, 'päivä', 'päivää'), plural(restDays, 'day', 'days'))}` : '';
  return `${m}${d} (${tr(plural(days, 'päivä', 'päivää'), plural(days, 'day', 'days'))})`;
}

function periodText(facts: Facts, tr: Tr): string {
  const field = facts.field('period');
  if (!field || field.value === '') return '–';
  if (!facts.start || !facts.end) return `${md(field.value)} ✗ ${tr('päivämääriä ei voi lukea', 'the dates cannot be read')}`;
  const range = `${formatDate(facts.start)}–${formatDate(facts.end)}`;
  if (facts.end.iso < facts.start.iso) return `${range} ✗ ${tr('päättyy ennen alkamista', 'ends before it starts')}`;
  return `${range} · ${lengthText(facts.start, facts.end, tr)}`;
}

function applicantCard(section: SectionNode | undefined, facts: Facts, tr: Tr): string {
  const lines: string[] = [];
  lines.push(`**${tr('Hakija', 'Applicant')}:** ${shown(facts.field('applicantName'))}`);
  lines.push(`**${tr('Organisaatiotyyppi', 'Organisation type')}:** ${shown(facts.field('organisationType'))}`);
  const y = facts.field('yTunnus');
  lines.push(`**Y-tunnus:** ${y ? yTunnusText(y.value, tr) : '–'}`);
  lines.push(`**${tr('Hakijoita', 'Applicants')}:** ${shown(facts.field('applicantCount'))}`);
  const contact = facts.field('contactName');
  if (contact && contact.value) lines.push(`**${tr('Yhteyshenkilö', 'Contact')}:** ${shown(contact)}`);
  const out = lines.map((l) => `- ${l}`).join('\n');
  const partners = section?.partners;
  const label = section?.spec.partners?.label ?? 'Osatoteuttajat';
  if (!partners) return join(out, `**${md(label)}:** ${tr('ei osatoteuttajia', 'no partners')}`);
  if (partners.entries.length === 0) return join(out, `**${md(label)}:** ${tr('lohko on tyhjä', 'the block is empty')}`);
  return join(out, `**${md(label)}** (${partners.entries.length}):`, partners.entries.map((e) => `- ${md(e.name)}: ${yTunnusText(e.yTunnus, tr)}`).join('\n'));
}

interface Amount {
  field?: FieldNode;
  cents?: number;
  /** Present but not a valid amount. */
  invalid: boolean;
}

function amount(facts: Facts, key: string): Amount {
  const field = facts.field(key);
  return { field, ...amountOf(field) };
}

function amountCell(a: Amount, tr: Tr): string {
  if (a.cents !== undefined) return euros(a.cents);
  if (a.invalid) return `✗ ${md(a.field!.value)} (${tr('ei luku', 'not a number')})`;
  return '–';
}

function financingTable(section: SectionNode | undefined, facts: Facts, findings: readonly Finding[], tr: Tr, locale: HoverLocale): string {
  const granted = amount(facts, 'grantedEuState');
  const realisedEu = amount(facts, 'realisedEuState');
  const planned = amount(facts, 'plannedPublic');
  const realisedPublic = amount(facts, 'realisedPublic');
  const label = (key: string, en: string) => tr(facts.field(key)?.spec?.label ?? SECTIONS.flatMap((s) => s.fields ?? []).find((f) => f.key === key)?.label ?? key, en);
  const rows: [string, string][] = [];
  const both = (x: Amount, y: Amount) => x.cents !== undefined && y.cents !== undefined;
  rows.push([label('grantedEuState', 'Granted EU and state funding'), amountCell(granted, tr)]);
  rows.push([label('plannedPublic', 'Planned public funding in total'), amountCell(planned, tr)]);
  if (both(granted, planned)) {
    rows.push([tr('EU- ja valtion osuus suunnitellusta julkisesta rahoituksesta', 'EU and state share of planned public funding'), percent(granted.cents!, planned.cents!) ?? '–']);
  }
  rows.push([label('realisedEuState', 'Realised EU and state funding'), amountCell(realisedEu, tr)]);
  rows.push([label('realisedPublic', 'Realised public funding in total'), amountCell(realisedPublic, tr)]);
  if (both(realisedEu, realisedPublic)) {
    rows.push([tr('EU- ja valtion osuus toteutuneesta julkisesta rahoituksesta', 'EU and state share of realised public funding'), percent(realisedEu.cents!, realisedPublic.cents!) ?? '–']);
  }
  if (both(realisedEu, granted)) {
    rows.push([tr('Toteutumisaste: toteutunut / myönnetty EU- ja valtion rahoitus', 'Realisation: realised / granted EU and state funding'), percent(realisedEu.cents!, granted.cents!) ?? '–']);
  }
  if (both(realisedPublic, planned)) {
    rows.push([tr('Toteutumisaste: toteutunut / suunniteltu julkinen rahoitus', 'Realisation: realised / planned public funding'), percent(realisedPublic.cents!, planned.cents!) ?? '–']);
  }
  if (both(granted, realisedEu)) {
    rows.push([tr('Jäljellä EU- ja valtion rahoitusta (myönnetty − toteutunut)', 'EU and state funding remaining (granted − realised)'), euros(granted.cents! - realisedEu.cents!)]);
  }
  if (both(planned, realisedPublic)) {
    rows.push([tr('Jäljellä julkista rahoitusta (suunniteltu − toteutunut)', 'Public funding remaining (planned − realised)'), euros(planned.cents! - realisedPublic.cents!)]);
  }
  const table = [`| ${tr('Rahoitus', 'Funding')} | ${tr('euroa', 'euros')} |`, '|---|---:|', ...rows.map(([k, v]) => `| ${md(k)} | ${v} |`)].join('\n');

  // Inconsistencies: the linter's findings in the section (rules decide, the hover reports).
  const flagged = section ? findingList(findings, section.range, tr, locale) : '';
  const notes: string[] = [];
  if (realisedEu.field?.value === '' || realisedPublic.field?.value === '' || (!realisedEu.field && !realisedPublic.field)) {
    notes.push(tr('Toteutuneet luvut puuttuvat (hanke käynnissä tai luvut ilmoittamatta).', 'Realised figures are missing (project running, or figures not reported).'));
  }
  return join(table, notes.join(' '), flagged || (section ? `✓ ${tr('Luvut ovat keskenään johdonmukaiset.', 'The figures are consistent.')}` : ''));
}

// ---------------------------------------------------------------- geography

function membership(p: MunicipalityPeriod, tr: Tr): string {
  return tr(`${md(p.subregionGenitive)} seutukunta, maakunta ${md(p.region)}`, `sub-region ${md(p.subregion)}, region ${md(p.region)}`);
}

/** What happened to a kunta after `date` (moves between sub-regions or regions, merger). */
function changesSince(name: string, date: string | undefined, tr: Tr): string[] {
  const history = municipalityHistory(name);
  const out: string[] = [];
  for (let i = 0; i < history.length; i++) {
    const p = history[i];
    const prev = history[i - 1];
    if (prev && p.validFrom && (!date || p.validFrom > date)) {
      const what =
        p.region !== prev.region
          ? tr(`siirtyi maakuntaan ${md(p.region)} (${md(p.subregionGenitive)} seutukunta)`, `moved to region ${md(p.region)} (sub-region ${md(p.subregion)})`)
          : tr(`siirtyi seutukuntaan ${md(p.subregionGenitive)}`, `moved to sub-region ${md(p.subregion)}`);
      out.push(`${formatIsoDate(p.validFrom)}: ${what}`);
    }
    if (p.mergedInto && p.validUntil && (!date || p.validUntil >= date)) {
      out.push(`${formatIsoDate(nextIsoDay(p.validUntil))}: ${tr(`liitettiin kuntaan ${md(p.mergedInto)}`, `merged into ${md(p.mergedInto)}`)}`);
    }
  }
  return out;
}

function municipalityHover(name: string, facts: Facts, listedRegions: readonly string[], tr: Tr): string {
  const date = facts.start?.iso;
  const on = date ? formatDate(facts.start!) : undefined;
  const p = findMunicipality(name, date);
  const head = `**${md(name)}** (${tr('kunta', 'municipality')})`;
  if (!p) {
    const history = municipalityHistory(name);
    if (history.length === 0) return join(head, `✗ ${tr('Tuntematon kunta.', 'Unknown municipality.')}`);
    const last = history[history.length - 1];
    const span = [
      last.validFrom ? tr(`alkaen ${formatIsoDate(last.validFrom)}`, `from ${formatIsoDate(last.validFrom)}`) : '',
      last.validUntil ? tr(`${formatIsoDate(last.validUntil)} asti`, `until ${formatIsoDate(last.validUntil)}`) : '',
    ]
      .filter(Boolean)
      .join(', ');
    return join(
      head,
      `✗ ${tr(`Kuntaa ei ollut hankkeen alkaessa ${on}.`, `The municipality did not exist on the start date ${on}.`)} ${span ? `(${span})` : ''}`,
      changesSince(name, undefined, tr)
        .map((c) => `- ${c}`)
        .join('\n'),
    );
  }
  const at = on ? tr(`Hankkeen alkaessa ${on}`, `On the start date ${on}`) : tr('Nykyään', 'Currently');
  const lines = [head, `${at}: ${membership(p, tr)}.`];
  if (p.name !== name) lines.push(tr(`Virallinen nimi: ${md(p.name)}.`, `Official name: ${md(p.name)}.`));
  if (listedRegions.length && !listedRegions.includes(p.region)) {
    lines.push(`⚠️ ${tr(`${md(p.region)} ei ole lueteltu maakunnissa.`, `${md(p.region)} is not among the listed regions.`)}`);
  }
  const changes = changesSince(p.name, date, tr);
  lines.push(changes.length ? `${tr('Muutokset sen jälkeen', 'Changes since')}:\n${changes.map((c) => `- ${c}`).join('\n')}` : tr('Ei muutoksia sen jälkeen.', 'No changes since.'));
  return join(...lines);
}

function subregionHover(genitive: string, facts: Facts, listedMunicipalities: readonly string[], tr: Tr): string {
  const date = facts.start?.iso;
  const on = date ? formatDate(facts.start!) : undefined;
  const s = findSubregion(genitive, date);
  const head = `**${md(genitive)}** (${tr('seutukunta', 'sub-region')})`;
  if (!s) {
    const ever = findSubregion(genitive);
    if (!ever) return join(head, `✗ ${tr('Tuntematon seutukunta (nimi kirjoitetaan genetiivissä, esim. "Jyväskylän").', 'Unknown sub-region (written in the genitive, e.g. "Jyväskylän").')}`);
    return join(head, `✗ ${tr(`Seutukuntaa ei ollut hankkeen alkaessa ${on}.`, `The sub-region did not exist on the start date ${on}.`)}`);
  }
  const members = municipalitiesOn(date).filter((m) => m.subregionCode === s.code);
  const listed = new Set(listedMunicipalities.map((n) => findMunicipality(n, date)?.code).filter(Boolean));
  const names = members.map((m) => (listed.has(m.code) ? `**${md(m.name)}**` : md(m.name))).join(', ');
  const at = on ? tr(`Hankkeen alkaessa ${on}`, `On the start date ${on}`) : tr('Nykyään', 'Currently');
  const lines = [
    head,
    `${at}: ${tr(`${md(s.name)} (${md(s.genitive)} seutukunta), maakunta ${md(s.region)}`, `sub-region ${md(s.name)} (written ${md(s.genitive)}), region ${md(s.region)}`)}.`,
    `${tr('Kunnat', 'Municipalities')} (${members.length}): ${names}`,
  ];
  if (s.validUntil) lines.push(tr(`Seutukunta lakkasi ${formatIsoDate(nextIsoDay(s.validUntil))}.`, `The sub-region ceased to exist on ${formatIsoDate(nextIsoDay(s.validUntil))}.`));
  const moved = members.flatMap((m) => changesSince(m.name, date, tr).map((c) => `- ${md(m.name)} ${c}`));
  if (moved.length) lines.push(`${tr('Muutokset sen jälkeen', 'Changes since')}:\n${moved.join('\n')}`);
  return join(...lines);
}

function regionHover(name: string, facts: Facts, tr: Tr): string {
  const date = facts.start?.iso;
  const on = date ? formatDate(facts.start!) : undefined;
  const r = findRegion(name);
  const head = `**${md(name)}** (${tr('maakunta', 'region')})`;
  if (!r) return join(head, `✗ ${tr('Tuntematon maakunta.', 'Unknown region.')}`);
  const subs = subregionsOn(date).filter((s) => s.regionCode === r.code);
  const munis = municipalitiesOn(date).filter((m) => m.regionCode === r.code);
  const at = on ? tr(`Hankkeen alkaessa ${on}`, `On the start date ${on}`) : tr('Nykyään', 'Currently');
  const lines = [head];
  if (r.name !== name) lines.push(tr(`Virallinen nimi: ${md(r.name)}.`, `Official name: ${md(r.name)}.`));
  lines.push(`${at}: ${tr(`${subs.length} seutukuntaa, ${munis.length} kuntaa`, `${subs.length} sub-regions, ${munis.length} municipalities`)}.`);
  lines.push(`${tr('Seutukunnat', 'Sub-regions')}: ${subs.map((s) => md(s.genitive)).join(', ')}`);
  // Kunnat that joined or left the region after the start date.
  const changes: string[] = [];
  for (const m of municipalitiesOn()) {
    const h = municipalityHistory(m.name);
    for (let i = 1; i < h.length; i++) {
      const p = h[i];
      const prev = h[i - 1];
      if (!p.validFrom || (date && p.validFrom <= date) || p.region === prev.region) continue;
      if (prev.regionCode === r.code) changes.push(`- ${formatIsoDate(p.validFrom)}: ${tr(`${md(p.name)} siirtyi maakuntaan ${md(p.region)}`, `${md(p.name)} moved to ${md(p.region)}`)}`);
      if (p.regionCode === r.code) changes.push(`- ${formatIsoDate(p.validFrom)}: ${tr(`${md(p.name)} siirtyi maakunnasta ${md(prev.region)}`, `${md(p.name)} moved here from ${md(prev.region)}`)}`);
    }
  }
  for (const m of munis) {
    const merge = changesSince(m.name, date, tr).filter((c) => /liitettiin|merged/.test(c));
    for (const c of merge) changes.push(`- ${md(m.name)} ${c}`);
  }
  lines.push(changes.length ? `${tr('Muutokset sen jälkeen', 'Changes since')}:\n${changes.join('\n')}` : tr('Ei kuntien siirtoja sen jälkeen.', 'No municipality moves since.'));
  return join(...lines);
}

function listOf(facts: Facts, key: string): ListItem[] {
  return listItemsOf(facts.field(key));
}

function listedRegionNames(facts: Facts): string[] {
  return listOf(facts, 'regions')
    .map((i) => findRegion(i.text)?.name)
    .filter((n): n is string => !!n);
}

function geographySummary(facts: Facts, tr: Tr): string {
  const date = facts.start?.iso;
  const on = date ? formatDate(facts.start!) : undefined;
  const regions = listOf(facts, 'regions');
  const subregions = listOf(facts, 'subregions');
  const munis = listOf(facts, 'municipalities');
  const regionNames = listedRegionNames(facts);
  const parts: string[] = [
    on ? tr(`Jäsenyydet hankkeen alkaessa ${on}.`, `Memberships on the start date ${on}.`) : tr('Alkamispäivä puuttuu: jäsenyydet nykytilan mukaan.', 'No start date: memberships as they are now.'),
  ];
  parts.push(`**${tr('Maakunnat', 'Regions')}:** ${regions.length ? regions.map((r) => (findRegion(r.text) ? md(r.text) : `${md(r.text)} ✗`)).join(', ') : '–'}`);
  if (subregions.length) {
    const rows = subregions.map((i) => {
      const s = findSubregion(i.text, date);
      const outside = s && regionNames.length && !regionNames.includes(s.region) ? ' ⚠️' : '';
      const note = s?.validUntil ? tr(`lakkasi ${formatIsoDate(nextIsoDay(s.validUntil))}`, `ceased ${formatIsoDate(nextIsoDay(s.validUntil))}`) : '';
      return `| ${md(i.text)} | ${s ? md(s.region) + outside : `✗ ${tr('tuntematon', 'unknown')}`} | ${note} |`;
    });
    parts.push([`| ${tr('Seutukunta', 'Sub-region')} | ${tr('Maakunta', 'Region')} | ${tr('Muutokset', 'Changes')} |`, '|---|---|---|', ...rows].join('\n'));
  }
  if (munis.length) {
    const rows = munis.map((i) => {
      const p = findMunicipality(i.text, date);
      if (!p) return `| ${md(i.text)} | ✗ ${tr('ei ollut olemassa', 'did not exist')} | | |`;
      const outside = regionNames.length && !regionNames.includes(p.region) ? ' ⚠️' : '';
      return `| ${md(i.text)} | ${md(p.subregionGenitive)} | ${md(p.region)}${outside} | ${changesSince(p.name, date, tr).join('; ')} |`;
    });
    parts.push(
      [`| ${tr('Kunta', 'Municipality')} | ${tr('Seutukunta', 'Sub-region')} | ${tr('Maakunta', 'Region')} | ${tr('Muutokset sen jälkeen', 'Changes since')} |`, '|---|---|---|---|', ...rows].join(
        '\n',
      ),
    );
  }
  return join(...parts);
}

// ---------------------------------------------------------------- 7, 8 and text

function countsSummary(section: SectionNode, tr: Tr): string {
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

function answersSummary(section: SectionNode, tr: Tr): string {
  const rows = (section.spec.fields ?? []).map((f) => {
    const node = section.fields.find((x) => x.spec === f);
    const answer = node ? (node.value === '' ? '–' : md(node.value)) : `✗ ${tr('puuttuu', 'missing')}`;
    const just = node?.justification.map((j) => j.text).join(' ') ?? '';
    return `| ${md(f.label)} | ${answer} | ${just ? md(short(just, 80)) : '–'} |`;
  });
  return [`| ${tr('Kysymys', 'Question')} | ${tr('Vastaus', 'Answer')} | ${tr('Perustelu', 'Justification')} |`, '|---|---|---|', ...rows].join('\n');
}

function scoresSummary(section: SectionNode, tr: Tr): string {
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

function short(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
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

function textSummary(section: SectionNode, tr: Tr): string {
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

// ---------------------------------------------------------------- dispatch

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
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
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
