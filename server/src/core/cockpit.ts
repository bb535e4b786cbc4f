// The applicant's cockpit: the figures an applicant wants to see while writing (the
// period's length, the EU+state share, how many kunnat in how many seutukunnat and
// maakunnat, the 8.2 group totals), computed once from the parsed document, its facts
// and the summary, and read by the inlay hints, the code lenses and the preview alike,
// so that they can never disagree. Pure: no LSP types, no editor.
import type { Facts } from './facts';
import type { Finding } from './lint';
import type { HankeDocument, Range } from './model';
import { findMunicipality } from './reference';
import { ruleById } from './rules';
import { SCORE_MAX, SCORE_MIN } from './schema';
import { type ProjectSummary, summarize } from './summary';
import { formatAmount, formatDate, periodLength } from './values';

export type CockpitLocale = 'fi' | 'en';

type Tr = (fi: string, en: string) => string;
const translator =
  (locale: CockpitLocale): Tr =>
  (fi, en) =>
    locale === 'fi' ? fi : en;

/** An integer with Finnish thousands separators (`1 096`). */
export function int(n: number): string {
  return (n < 0 ? '−' : '') + formatAmount(Math.abs(Math.round(n)) * 100);
}

/** A ratio as a whole percentage (`86 %`). */
export function percentText(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** A count with the right form of the noun (`1 kunta`, `23 kuntaa`). */
function counted(n: number, one: string, many: string): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------- figures

export interface PeriodFigure {
  months: number;
  restDays: number;
  days: number;
  /** `1.8.2018–31.7.2021`. */
  range: string;
}

export interface GeographyFigure {
  /** Kunnat listed (as written, duplicates included). */
  municipalities: number;
  /** Kunnat that existed on the start date (or now, without a start date). */
  known: number;
  /** Distinct seutukunnat and maakunnat of the known kunnat on that date. */
  subregions: number;
  regions: number;
  /** The maakunnat by name, in the order of the list. */
  regionNames: string[];
  /** The date the memberships are read on (`1.8.2018`); undefined without a start date. */
  on?: string;
}

export interface ScoreGroupFigure {
  name: string;
  /** The group line in the document. */
  range: Range;
  direct: number;
  indirect: number;
  max: number;
  /** Items of the group present in the document. */
  present: number;
  items: number;
}

export interface CockpitFigures {
  summary: ProjectSummary;
  period?: PeriodFigure;
  geography: GeographyFigure;
  scoreGroups: ScoreGroupFigure[];
}

function scoreOf(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,2}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= SCORE_MIN && n <= SCORE_MAX ? n : undefined;
}

export function cockpitFigures(doc: HankeDocument, facts: Facts, findings: readonly Finding[] = []): CockpitFigures {
  const summary = summarize(doc, facts, findings);
  let period: PeriodFigure | undefined;
  if (facts.start && facts.end && facts.end.iso >= facts.start.iso) {
    const { months, restDays, days } = periodLength(facts.start, facts.end);
    period = { months, restDays, days, range: `${formatDate(facts.start)}–${formatDate(facts.end)}` };
  }
  const date = facts.start?.iso;
  const subregions = new Set<string>();
  const regions = new Map<string, string>();
  let known = 0;
  for (const name of summary.municipalities) {
    const p = findMunicipality(name, date);
    if (!p) continue;
    known++;
    subregions.add(p.subregionCode);
    if (!regions.has(p.regionCode)) regions.set(p.regionCode, p.region);
  }
  const geography: GeographyFigure = {
    municipalities: summary.municipalities.length,
    known,
    subregions: subregions.size,
    regions: regions.size,
    regionNames: [...regions.values()],
    on: facts.start ? formatDate(facts.start) : undefined,
  };
  const section = facts.section('8.2');
  const scoreGroups: ScoreGroupFigure[] = (section?.groups ?? []).map((g) => {
    const items = section!.items.filter((i) => i.spec.group === g.spec.name);
    let direct = 0;
    let indirect = 0;
    for (const i of items) {
      direct += scoreOf(i.scores[0]?.raw) ?? 0;
      indirect += scoreOf(i.scores[1]?.raw) ?? 0;
    }
    return { name: g.spec.name, range: g.line.range, direct, indirect, max: g.spec.items.length * SCORE_MAX, present: items.length, items: g.spec.items.length };
  });
  return { summary, period, geography, scoreGroups };
}

// ---------------------------------------------------------------- texts shared by hints, lenses and the preview

export function periodLengthText(p: PeriodFigure, locale: CockpitLocale): string {
  const tr = translator(locale);
  const rest = p.restDays ? tr(` ${p.restDays} pv`, ` ${counted(p.restDays, 'day', 'days')}`) : '';
  return tr(`${int(p.months)} kk${rest}`, `${counted(p.months, 'month', 'months')}${rest}`);
}

export function geographyText(g: GeographyFigure, locale: CockpitLocale): string {
  const tr = translator(locale);
  const munis = tr(counted(g.municipalities, 'kunta', 'kuntaa'), counted(g.municipalities, 'municipality', 'municipalities'));
  const subs = tr(counted(g.subregions, 'seutukunnassa', 'seutukunnassa'), counted(g.subregions, 'sub-region', 'sub-regions'));
  const regs = tr(counted(g.regions, 'maakunnassa', 'maakunnassa'), counted(g.regions, 'region', 'regions'));
  const on = g.on ? tr(` (${g.on})`, ` (on ${g.on})`) : '';
  return tr(`${munis} ${subs} ja ${regs}${on}`, `${munis} in ${subs} and ${regs}${on}`);
}

export function scoreGroupText(g: ScoreGroupFigure, locale: CockpitLocale): string {
  const tr = translator(locale);
  return tr(`välitön ${g.direct}/${g.max} · välillinen ${g.indirect}/${g.max}`, `direct ${g.direct}/${g.max} · indirect ${g.indirect}/${g.max}`);
}

export function euStateShareText(share: number, locale: CockpitLocale): string {
  return translator(locale)(`EU+valtio ${percentText(share)} suunnitellusta julkisesta`, `EU+state ${percentText(share)} of planned public`);
}

/** Euros with Finnish grouping (`289 500`). */
export function eurosText(amount: number): string {
  return (amount < 0 ? '−' : '') + formatAmount(Math.round(Math.abs(amount) * 100));
}

// ---------------------------------------------------------------- inlay hints

export type InlayHintKind = 'period' | 'financing' | 'municipalities' | 'scores';
export const INLAY_HINT_KINDS: readonly InlayHintKind[] = ['period', 'financing', 'municipalities', 'scores'];

/** Which kinds are shown (all unless switched off). */
export type InlayHintOptions = Partial<Record<InlayHintKind, boolean>>;

export interface CockpitHint {
  kind: InlayHintKind;
  /** Where the hint is shown: just after the value. */
  position: Range['end'];
  label: string;
  /** A longer explanation (tooltip). */
  tooltip: string;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['end'], q: Range['end']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Whether a finding speaks about this range (then no hint is shown there). */
function hasFinding(findings: readonly Finding[], r: Range): boolean {
  return findings.some((f) => overlaps(f.range, r));
}

/**
 * Inlay hints: the period's length after the period value, shares and rates after the
 * section 5 amounts, the coverage after `Kunnat`, and each 8.2 group's totals after its
 * line. A value with a finding of its own gets no hint.
 */
export function inlayHints(
  doc: HankeDocument,
  facts: Facts,
  findings: readonly Finding[],
  options: InlayHintOptions,
  locale: CockpitLocale,
  figures = cockpitFigures(doc, facts, findings),
): CockpitHint[] {
  const tr = translator(locale);
  const on = (k: InlayHintKind) => options[k] !== false;
  const hints: CockpitHint[] = [];
  const add = (kind: InlayHintKind, key: string, label: string | undefined, tooltip: string) => {
    const f = facts.field(key);
    if (!f || f.value === '' || label === undefined || hasFinding(findings, f.valueRange)) return;
    hints.push({ kind, position: f.valueRange.end, label, tooltip });
  };
  const s = figures.summary;
  if (on('period') && figures.period) {
    const p = figures.period;
    add('period', 'period', periodLengthText(p, locale), tr(`Toteutusaika ${p.range}: ${int(p.days)} päivää.`, `Period ${p.range}: ${int(p.days)} days.`));
  }
  if (on('financing')) {
    const pct = (r: number | null) => (r === null ? undefined : percentText(r));
    add(
      'financing',
      'grantedEuState',
      pct(s.euStateShare) && tr(`${pct(s.euStateShare)} suunnitellusta julkisesta`, `${pct(s.euStateShare)} of planned public`),
      tr('EU- ja valtion osuus suunnitellusta julkisesta rahoituksesta.', 'EU and state share of the planned public funding.'),
    );
    add(
      'financing',
      'realisedEuState',
      pct(s.realisationEuState) && tr(`${pct(s.realisationEuState)} myönnetystä`, `${pct(s.realisationEuState)} of granted`),
      tr('Toteutumisaste: toteutunut / myönnetty EU- ja valtion rahoitus.', 'Realisation: realised / granted EU and state funding.'),
    );
    add(
      'financing',
      'realisedPublic',
      pct(s.realisationPublic) && tr(`${pct(s.realisationPublic)} suunnitellusta`, `${pct(s.realisationPublic)} of planned`),
      tr('Toteutumisaste: toteutunut / suunniteltu julkinen rahoitus.', 'Realisation: realised / planned public funding.'),
    );
  }
  if (on('municipalities') && figures.geography.municipalities > 0) {
    const g = figures.geography;
    const unknown = g.municipalities - g.known;
    add(
      'municipalities',
      'municipalities',
      geographyText(g, locale),
      g.on
        ? tr(
            `Seutukunta- ja maakuntajäsenyydet hankkeen alkaessa ${g.on}.${unknown ? ` ${unknown} kuntaa ei tunnistettu.` : ''}`,
            `Sub-region and region memberships on the start date ${g.on}.${unknown ? ` ${unknown} not recognised.` : ''}`,
          )
        : tr('Alkamispäivä puuttuu: jäsenyydet nykytilan mukaan.', 'No start date: memberships as they are now.'),
    );
  }
  if (on('scores')) {
    for (const g of figures.scoreGroups) {
      if (hasFinding(findings, g.range)) continue;
      hints.push({
        kind: 'scores',
        position: g.range.end,
        label: scoreGroupText(g, locale),
        tooltip: tr(`Ryhmän pisteet yhteensä (${g.present}/${g.items} kohtaa).`, `The group's total scores (${g.present}/${g.items} items).`),
      });
    }
  }
  return hints;
}

// ---------------------------------------------------------------- code lenses

export type CodeLensKind = 'project' | 'financing' | 'geography';
export const CODE_LENS_KINDS: readonly CodeLensKind[] = ['project', 'financing', 'geography'];
export type CodeLensOptions = Partial<Record<CodeLensKind, boolean>>;

export interface CockpitLens {
  kind: CodeLensKind;
  /** The section's number (`1`, `5`, `6`): where the preview opens. */
  section: string;
  /** The heading the lens sits on. */
  range: Range;
  title: string;
}

const LENS_SECTIONS: Record<CodeLensKind, string> = { project: '1', financing: '5', geography: '6' };

export function codeLenses(
  doc: HankeDocument,
  facts: Facts,
  findings: readonly Finding[],
  options: CodeLensOptions,
  locale: CockpitLocale,
  figures = cockpitFigures(doc, facts, findings),
): CockpitLens[] {
  const tr = translator(locale);
  const s = figures.summary;
  const lenses: CockpitLens[] = [];
  for (const kind of CODE_LENS_KINDS) {
    if (options[kind] === false) continue;
    const section = facts.section(LENS_SECTIONS[kind]);
    if (!section) continue;
    let title: string;
    if (kind === 'project') {
      const axis = s.axis?.code ? tr(`TL ${s.axis.code}`, `axis ${s.axis.code}`) : undefined;
      const period = figures.period ? `${figures.period.range} (${periodLengthText(figures.period, locale)})` : undefined;
      title = [s.code ?? tr('ei hankekoodia', 'no project code'), s.fund, axis, period, s.status].filter((x): x is string => !!x).join(' · ');
    } else if (kind === 'financing') {
      // The financing rules' findings, and any other finding inside section 5 (an unreadable amount…).
      const inside = findings.filter((f) => ruleById(f.rule)?.category === 'financing' || (f.range.start.line >= section.range.start.line && f.range.start.line <= section.range.end.line)).length;
      const state =
        inside === 0
          ? tr('✓ luvut johdonmukaiset', '✓ consistent')
          : tr(counted(inside, 'rahoituksen huomautus', 'rahoituksen huomautusta'), counted(inside, 'financing finding', 'financing findings'));
      title = [state, s.euStateShare === null ? undefined : euStateShareText(s.euStateShare, locale)].filter((x): x is string => !!x).join(' · ');
    } else {
      const g = figures.geography;
      if (g.municipalities === 0 && s.regions.length === 0) title = tr('ei maantieteellistä kohdealuetta', 'no geographical area');
      else title = [(g.regionNames.length ? g.regionNames : s.regions).join(', '), geographyText(g, locale)].filter(Boolean).join(': ');
    }
    lenses.push({ kind, section: section.spec.number, range: section.heading.range, title });
  }
  return lenses;
}
