// Hovers of sections 1, 2 and 5: the project card (code, name, period), the applicant
// and its partners (Y-tunnus checked), the financing table.
import type { Facts } from '../facts';
import type { Finding } from '../lint';
import type { FieldNode, SectionNode } from '../model';
import { findAuthority } from '../reference';
import { axisText, meantObjective, objectiveText, readAxis, readObjective, statedAxis } from '../programme-reading';
import { yTunnusStatus } from '../ytunnus';
import { SECTIONS } from '../schema';
import { amountOf, type CalendarDate, formatDate, periodLength } from '../values';
import { euros, findingList, type HoverLocale, join, md, percent, plural, shown, type Tr } from './format';

export function yTunnusText(value: string, tr: Tr): string {
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

export function projectCard(facts: Facts, tr: Tr): string {
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

export function applicantCard(section: SectionNode | undefined, facts: Facts, tr: Tr): string {
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

export function financingTable(section: SectionNode | undefined, facts: Facts, findings: readonly Finding[], tr: Tr, locale: HoverLocale): string {
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
