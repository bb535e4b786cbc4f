// `hanke report`: one self-contained HTML page for a reviewer. No external assets and no
// network: CSS, the sorting/filtering script and the charts (SVG) are inline, and a
// Content-Security-Policy with hashes forbids anything else. Every text taken from the
// descriptions is escaped.
import { nodeCrypto } from '../node/builtins';
import type { Locale } from '../core/config';
import { DOCS_BASE, ruleDocsLink, ruleDocsTemplate } from '../core/docs';
import type { ProjectSummary } from '../core/summary';
import type { CliDiagnostic, SkipReason } from './lint-files';
import { SKIP_REASONS } from '../node/read-file';
import { formatIsoDate } from '../core/values';
import type { SeverityCounts } from '../core/tally';
import { type Funded, type RuleCount, tallyReport } from './report-tally';

/** The skip reasons in one language (node/read-file.ts names them). */
const skipReasons = (locale: Locale) => Object.fromEntries(Object.entries(SKIP_REASONS).map(([k, v]) => [k, v[locale]])) as Record<SkipReason, string>;

export interface ReportEntry {
  file: string;
  diagnostics: CliDiagnostic[];
  /** Absent for files that are not descriptions or could not be read. */
  summary?: ProjectSummary;
}

export interface ReportInput {
  entries: ReportEntry[];
  skipped: { file: string; reason: SkipReason }[];
  locale: Locale;
  title?: string;
  generated: Date;
  version: string;
  /** Cross-document groups (duplicate-project-code, conflicting-applicant), when several files were linted. */
  groups?: ReportGroups;
  /** `--docs-url`: where the rule pages are (`<base>/<rule>.md`, or `{rule}` in it); the project's own pages without one. */
  docsBase?: string;
}

/** The address of a rule's page in the report: under `--docs-url` when given. */
function docsLink(rule: string, base: string | undefined): string {
  return ruleDocsLink(rule, base ?? DOCS_BASE)!;
}

export interface ReportGroups {
  codes: { value: string; files: string[] }[];
  applicants: { value: string; names: { name: string; files: string[] }[] }[];
}

// ---- Escaping ----

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG text and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]);
}

// ---- Texts ----

const TEXTS = {
  en: {
    title: 'ESR project descriptions — review report',
    generated: 'Generated',
    descriptions: 'descriptions',
    description: 'description',
    errors: 'Errors',
    warnings: 'Warnings',
    granted: 'Granted EU + state',
    plannedPublic: 'Planned public',
    realisedPublic: 'Realised public',
    realisedEuState: 'Realised EU + state',
    realisationRate: '% realised',
    projects: 'Projects',
    filter: 'Filter projects…',
    file: 'File',
    code: 'Code',
    name: 'Name',
    applicant: 'Applicant',
    period: 'Period',
    status: 'Status',
    fundingChart: 'Funding per project',
    fundingNote: (shown: number, all: number) => `The ${shown} projects with the largest planned funding of ${all}.`,
    findingsChart: 'Findings per rule',
    noFindings: 'No findings.',
    details: 'Descriptions',
    findings: 'Findings',
    line: 'Line',
    severity: 'Severity',
    message: 'Message',
    rule: 'Rule',
    axis: 'Priority axis',
    objective: 'Specific objective',
    authority: 'Authority',
    yTunnus: 'Business ID',
    invalid: 'invalid',
    organisationType: 'Organisation type',
    regions: 'Regions',
    municipalities: 'Municipalities',
    companies: 'Companies (planned / realised)',
    persons: 'Persons (planned)',
    euStateShare: 'EU + state share',
    scores: 'Sustainable development (8.2), direct/indirect:',
    notLinted: 'Files that could not be linted',
    skipped: 'Skipped files (not descriptions)',
    skipReason: skipReasons('en'),
    none: '—',
    unreadableShort: 'not linted',
    cleanCount: (n: string) => `${n} without findings`,
    sev: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as Record<string, string>,
    ofPlanned: 'of planned',
    ofGranted: 'of granted',
    partners: 'Partners',
    subregions: 'Sub-regions',
    sortHint: 'Click a column heading to sort.',
    total: 'Total',
    rows: (shown: number | string, all: number | string) => `${shown} of ${all} projects`,
    rowsNotLinted: (shown: number | string, all: number | string) => `${shown} of ${all} not linted`,
    filterHelp: 'Matches code, name, applicant, status, file path, rule id, Y-tunnus, region and municipality; several words must all match.',
    choose: 'Choose a project in the table (its code) to see its details and findings here.',
    keys: 'In the table, ↑ and ↓ move between projects, Enter opens one.',
    groups: 'Across descriptions',
    groupsNone: 'No project code is in two files and no Y-tunnus has two applicant names.',
    sharedCodes: 'The same project code in several files',
    conflictingNames: 'One Y-tunnus, different applicant names',
    inFiles: (n: number) => `${n} files`,
    andMore: (n: number) => `and ${n} more`,
    moreGroups: (n: number) => `… and ${n} more groups (see the findings of the files).`,
  },
  fi: {
    title: 'ESR-hankekuvaukset — tarkastusraportti',
    generated: 'Luotu',
    descriptions: 'kuvausta',
    description: 'kuvaus',
    errors: 'Virheet',
    warnings: 'Varoitukset',
    granted: 'Myönnetty EU + valtio',
    plannedPublic: 'Suunniteltu julkinen',
    realisedPublic: 'Toteutunut julkinen',
    realisedEuState: 'Toteutunut EU + valtio',
    realisationRate: 'Toteuma-%',
    projects: 'Hankkeet',
    filter: 'Suodata hankkeita…',
    file: 'Tiedosto',
    code: 'Koodi',
    name: 'Nimi',
    applicant: 'Hakija',
    period: 'Toteutusaika',
    status: 'Tila',
    fundingChart: 'Rahoitus hankkeittain',
    fundingNote: (shown: number, all: number) => `${shown} hanketta ${all}:stä, suurin suunniteltu rahoitus ensin.`,
    findingsChart: 'Huomautukset säännöittäin',
    noFindings: 'Ei huomautuksia.',
    details: 'Kuvaukset',
    findings: 'Huomautukset',
    line: 'Rivi',
    severity: 'Vakavuus',
    message: 'Viesti',
    rule: 'Sääntö',
    axis: 'Toimintalinja',
    objective: 'Erityistavoite',
    authority: 'Vastuuviranomainen',
    yTunnus: 'Y-tunnus',
    invalid: 'virheellinen',
    organisationType: 'Organisaatiotyyppi',
    regions: 'Maakunnat',
    municipalities: 'Kunnat',
    companies: 'Yritykset (suunniteltu / toteutunut)',
    persons: 'Henkilöt (suunniteltu)',
    euStateShare: 'EU- ja valtion osuus',
    scores: 'Kestävä kehitys (8.2), välitön/välillinen:',
    notLinted: 'Tiedostot, joita ei voitu tarkistaa',
    skipped: 'Ohitetut tiedostot (eivät kuvauksia)',
    skipReason: skipReasons('fi'),
    none: '—',
    unreadableShort: 'tarkistamatta',
    cleanCount: (n: string) => `${n} ilman huomautuksia`,
    sev: { error: 'virhe', warning: 'varoitus', info: 'tieto', hint: 'vihje' } as Record<string, string>,
    ofPlanned: 'suunnitellusta',
    ofGranted: 'myönnetystä',
    partners: 'Osatoteuttajat',
    subregions: 'Seutukunnat',
    sortHint: 'Lajittele napsauttamalla sarakkeen otsikkoa.',
    total: 'Yhteensä',
    rows: (shown: number | string, all: number | string) => `${shown}/${all} hanketta`,
    rowsNotLinted: (shown: number | string, all: number | string) => `${shown}/${all} tarkistamatta`,
    filterHelp: 'Hakee koodista, nimestä, hakijasta, tilasta, tiedoston polusta, säännön tunnuksesta, Y-tunnuksesta, maakunnista ja kunnista; kaikkien sanojen on löydyttävä.',
    choose: 'Valitse hanke taulukosta (sen koodi), niin sen tiedot ja huomautukset näkyvät tässä.',
    keys: 'Taulukossa ↑ ja ↓ siirtävät hankkeesta toiseen, Enter avaa hankkeen.',
    groups: 'Kuvausten väliset huomiot',
    groupsNone: 'Mikään hankekoodi ei ole kahdessa tiedostossa, eikä millään Y-tunnuksella ole kahta hakijan nimeä.',
    sharedCodes: 'Sama hankekoodi useassa tiedostossa',
    conflictingNames: 'Sama Y-tunnus, eri hakijan nimet',
    inFiles: (n: number) => `${n} tiedostoa`,
    andMore: (n: number) => `ja ${n} muuta`,
    moreGroups: (n: number) => `… ja ${n} muuta ryhmää (ks. tiedostojen huomautukset).`,
  },
};

type Texts = (typeof TEXTS)['en'];

// ---- Number formatting ----

function fmt(locale: Locale) {
  const tag = locale === 'fi' ? 'fi-FI' : 'en-GB';
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    int: (n: number) => int.format(n),
    eur: (n: number | null) => (n === null ? '' : `${money.format(n)} €`),
    pct: (n: number | null) => (n === null ? '' : pct.format(n)),
    compact: (n: number) => compact.format(n),
    /** `8/2018–7/2021`: compact, for the table. */
    period: (a: string | null, b: string | null) => {
      const my = (iso: string | null) => (iso ? `${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}` : '?');
      return a || b ? `${my(a)}–${my(b)}` : '';
    },
    date: (iso: string | null) => {
      if (!iso) return '';
      return locale === 'fi' ? formatIsoDate(iso) : iso;
    },
  };
}
type Fmt = ReturnType<typeof fmt>;

// ---- Charts (inline SVG) ----

function niceStep(max: number, ticks = 5): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * pow;
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length <= n ? s : chars.slice(0, n - 1).join('') + '…';
}

function fundingChart(rows: Funded[], tx: Texts, f: Fmt): string {
  if (rows.length === 0) return `<p class="empty">${esc(tx.none)}</p>`;
  const W = 1200;
  const labelW = 300;
  const right = 24;
  const top = 40;
  const barH = 9;
  const groupH = barH * 3 + 12;
  const plotW = W - labelW - right;
  const max = Math.max(1, ...rows.flatMap((r) => [r.planned ?? 0, r.granted ?? 0, r.realised ?? 0]));
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (v: number) => labelW + (v / axisMax) * plotW;
  const H = top + rows.length * groupH + 28;
  const parts: string[] = [];
  parts.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(tx.fundingChart)}" xmlns="http://www.w3.org/2000/svg">`);
  // Legend
  const legend: [string, string][] = [
    ['planned', tx.plannedPublic],
    ['granted', tx.granted],
    ['realised', tx.realisedPublic],
  ];
  let lx = labelW;
  for (const [cls, text] of legend) {
    parts.push(`<rect class="bar ${cls}" x="${lx}" y="8" width="14" height="14" rx="3"/><text class="legend" x="${lx + 20}" y="19">${esc(text)}</text>`);
    lx += 40 + text.length * 7.5;
  }
  // Grid and axis
  for (let v = 0; v <= axisMax + 1e-9; v += step) {
    const gx = x(v).toFixed(1);
    parts.push(`<line class="grid" x1="${gx}" x2="${gx}" y1="${top - 6}" y2="${H - 24}"/>`);
    parts.push(`<text class="tick" x="${gx}" y="${H - 8}" text-anchor="middle">${esc(f.compact(v))} €</text>`);
  }
  rows.forEach((r, i) => {
    const y0 = top + i * groupH;
    parts.push(
      `<a href="#${esc(r.anchor)}"><text class="label" x="${labelW - 10}" y="${(y0 + groupH / 2 - 1).toFixed(1)}" text-anchor="end">${esc(truncate(r.label, 40))}<title>${esc(r.title)}</title></text></a>`,
    );
    const bars: [string, number | null, string][] = [
      ['planned', r.planned, tx.plannedPublic],
      ['granted', r.granted, tx.granted],
      ['realised', r.realised, tx.realisedPublic],
    ];
    bars.forEach(([cls, v, name], j) => {
      const y = y0 + j * barH;
      if (v === null) return;
      const w = Math.max(v > 0 ? 1 : 0, x(v) - labelW);
      parts.push(`<rect class="bar ${cls}" x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${barH - 1}" rx="2"><title>${esc(`${r.title}\n${name}: ${f.eur(v)}`)}</title></rect>`);
    });
  });
  parts.push(`<line class="axis" x1="${labelW}" x2="${labelW}" y1="${top - 6}" y2="${H - 24}"/>`);
  parts.push('</svg>');
  return parts.join('');
}

function findingsChart(counts: RuleCount[], tx: Texts, f: Fmt, docsBase: string | undefined): string {
  if (counts.length === 0) return `<p class="empty">${esc(tx.noFindings)}</p>`;
  const W = 1200;
  const labelW = 300;
  const right = 60;
  const top = 34;
  const rowH = 26;
  const plotW = W - labelW - right;
  const max = Math.max(1, ...counts.map((c) => c.errors + c.warnings + c.other));
  const H = top + counts.length * rowH + 8;
  const parts: string[] = [];
  parts.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(tx.findingsChart)}" xmlns="http://www.w3.org/2000/svg">`);
  const legend: [string, string][] = [
    ['error', tx.errors],
    ['warning', tx.warnings],
  ];
  let lx = labelW;
  for (const [cls, text] of legend) {
    parts.push(`<rect class="bar ${cls}" x="${lx}" y="6" width="14" height="14" rx="3"/><text class="legend" x="${lx + 20}" y="17">${esc(text)}</text>`);
    lx += 40 + text.length * 7.5;
  }
  counts.forEach((c, i) => {
    const y = top + i * rowH;
    const total = c.errors + c.warnings + c.other;
    parts.push(
      `<a href="${esc(docsLink(c.rule, docsBase))}" target="_blank" rel="noopener noreferrer"><text class="label rule" x="${labelW - 10}" y="${y + 14}" text-anchor="end">${esc(c.rule)}</text></a>`,
    );
    let bx = labelW;
    for (const [cls, v] of [
      ['error', c.errors],
      ['warning', c.warnings],
      ['other', c.other],
    ] as const) {
      if (!v) continue;
      const w = (v / max) * plotW;
      parts.push(`<rect class="bar ${cls}" x="${bx.toFixed(1)}" y="${y + 3}" width="${Math.max(2, w).toFixed(1)}" height="${rowH - 8}" rx="2"><title>${esc(`${c.rule}: ${v}`)}</title></rect>`);
      bx += w;
    }
    parts.push(`<text class="value" x="${(bx + 6).toFixed(1)}" y="${y + 14}">${esc(f.int(total))}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

const BASE_CSS = `
:root{--fg:#1d2330;--muted:#5b6577;--line:#e3e7ee;--bg:#f6f7fb;--card:#fff;--accent:#0b5cad;--err:#c62828;--warn:#b86e00;--ok:#2e7d32;
--planned:#b7d3f2;--granted:#3f7fc4;--realised:#2e9d6a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header.top{background:#0f2f57;color:#fff;padding:22px 32px 18px}
header.top h1{margin:0 0 4px;font-size:22px;font-weight:650;letter-spacing:.2px}
header.top p{margin:0;color:#c9d6ea;font-size:13px}
main{padding:20px 32px 40px;max-width:1320px;margin:0 auto}
h2{font-size:17px;margin:0 0 12px;font-weight:650}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:0 0 20px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:14px;margin:0 0 20px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.4px}
.card .v{font-size:22px;font-weight:650;margin-top:2px;white-space:nowrap}
.card .s{color:var(--muted);font-size:12px}
.card.err .v{color:var(--err)}.card.warn .v{color:var(--warn)}.card.ok .v{color:var(--ok)}
svg.chart{width:100%;max-width:1200px;height:auto;display:block;font-family:inherit}
svg .bar.planned{fill:var(--planned)}svg .bar.granted{fill:var(--granted)}svg .bar.realised{fill:var(--realised)}
svg .bar.error{fill:var(--err)}svg .bar.warning{fill:#f0a202}svg .bar.other{fill:#7b8aa0}
svg .grid{stroke:var(--line)}svg .axis{stroke:#9aa5b5}
svg text{fill:var(--fg);font-size:12px}svg .tick{fill:var(--muted);font-size:11px}svg .legend{font-size:12.5px}
svg a text.label{fill:var(--accent)}svg a:hover text.label{text-decoration:underline}
svg .rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
svg .value{fill:var(--muted);font-size:12px}
.note,.empty{color:var(--muted);font-size:12.5px;margin:6px 0 0}
.tools{display:flex;gap:12px;align-items:center;margin:0 0 10px;flex-wrap:wrap}
.tools input{font:inherit;padding:6px 10px;border:1px solid #c8cfdb;border-radius:6px;min-width:260px}
.tools .count{color:var(--muted);font-size:12.5px}
.tablewrap{overflow-x:auto}
.tablewrap.scroll{max-height:78vh;overflow:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{padding:7px 9px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600;background:#fafbfd;position:sticky;top:0;vertical-align:bottom}
th button{all:unset;cursor:pointer}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}th.num{max-width:110px}
td.code a{font-weight:600;color:var(--accent);text-decoration:none;white-space:nowrap}
td.name{min-width:220px}td.name .sub{display:block;color:var(--muted);font-size:12.5px}td.nowrap{white-space:nowrap}
tbody tr:hover{background:#f3f7fd}
.pill{display:inline-block;min-width:24px;padding:1px 7px;border-radius:10px;font-size:12px;font-weight:600;text-align:center}
.pill.err{background:#fde8e8;color:var(--err)}.pill.warn{background:#fff2dc;color:var(--warn)}.pill.zero{background:#eef1f5;color:#8a94a6}
.meter{display:inline-block;width:54px;height:7px;background:#e9edf3;border-radius:4px;margin-left:6px;vertical-align:middle;overflow:hidden}
.meter svg{display:block}
.muted{color:var(--muted)}
.details details.item{border-top:1px solid var(--line);padding:12px 0}
.details details.item:first-of-type{border-top:0;padding-top:0}
details.item>summary{cursor:pointer;list-style-position:outside;margin-left:16px}
details.item>summary .title{font-size:15px;font-weight:650;margin-right:6px}
details.item>summary .code{color:var(--accent);margin-right:8px}
details.item>summary .path{display:block;color:var(--muted);font-size:12px;font-weight:400;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;margin-top:2px}
details.item:target>summary .title{background:#fff3c4}
details.item>:not(summary){margin-left:16px}
.factgrid{display:grid;grid-template-columns:1fr;gap:0 36px}
@media (min-width:1000px){.factgrid{grid-template-columns:1fr 1fr}}
dl.facts{display:grid;grid-template-columns:minmax(120px,max-content) 1fr;gap:3px 14px;margin:10px 0;align-content:start}
.scores{margin:4px 0 10px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.scores .k{color:var(--muted);margin-right:4px}
.chip{background:#eef4ea;color:#2b5a1f;border-radius:12px;padding:2px 9px;font-size:12.5px}
.chip b{font-weight:650}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
table.findings td{font-size:13px}
table.findings td.pos{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:nowrap;color:var(--muted)}
.sev{font-size:11.5px;font-weight:600;padding:1px 7px;border-radius:9px;white-space:nowrap}
.sev.error{background:#fde8e8;color:var(--err)}.sev.warning{background:#fff2dc;color:var(--warn)}.sev.info,.sev.hint{background:#e8f1fb;color:var(--accent)}
a.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;color:var(--accent)}
.ok{color:var(--ok)}
ul.files{margin:6px 0 0;padding-left:20px}ul.files li{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:10px 0 30px}
@media print{body{background:#fff}header.top{background:#fff;color:#000;padding:0 0 10px}header.top p{color:#444}section.panel,.card{box-shadow:none;break-inside:avoid}.tools{display:none}th{position:static}}
`;

// ---- Page ----
//
// The page stays quick at ten thousand descriptions: the descriptions are in the page
// once, as JSON (not executed: a data block the CSP need not allow), and the script
// draws only the table rows in view (a spacer row above and below stands for the rest)
// and the findings of the description asked for. Sorting and filtering work on that
// data, not on the DOM. Up to ALL_DETAILS descriptions, every description's findings
// are drawn at once, as before; printing draws every row of the table.

const ALL_DETAILS = 50;
/** Rows drawn at once above this many rows only in view. */
const VIRTUAL_FROM = 200;

// The projects table has a fixed layout (the rows in view are drawn as the table scrolls:
// columns sized to their content would change width while scrolling), its columns as wide
// as their longest heading word and their numbers (whole euros up to 10 M€, a percentage
// with its bar below it) at 1400 px, and at 1024 px with a smaller font; the Finnish
// headings (Toteutusaika, Varoitukset) need a little more. The name takes the rest, and
// only text (name, applicant, status, a long path) is cut short, with the whole as a tooltip.
// Printed, every row is drawn and the columns are sized to their content.
const CSS =
  BASE_CSS +
  `
#projects{table-layout:fixed;width:100%;min-width:860px;font-size:13px}
#projects td{height:46px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
#projects th{white-space:normal}
#projects td.name,#projects td.period{white-space:normal}
#projects td .clip{display:block;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
#projects td .clip2{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;white-space:normal}
#projects tr.sp td{padding:0;border:0;height:0}
#projects th,#projects td{padding:7px 6px}
@media screen{
#projects col.c-file{width:170px}#projects col.c-code{width:74px}#projects col.c-name{width:auto}#projects col.c-period{width:120px}#projects col.c-status{width:100px}
#projects col.c-planned,#projects col.c-granted,#projects col.c-realised{width:100px}#projects col.c-rate{width:84px}#projects col.c-errors{width:64px}#projects col.c-warnings{width:80px}
#projects:lang(fi) col.c-rate{width:90px}#projects:lang(fi) col.c-errors{width:72px}#projects:lang(fi) col.c-warnings{width:96px}
}
#projects .meter{display:block;margin:4px 0 0 auto}
td.file{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
td.file .dir,td.file .base{display:block;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
td.file .dir{direction:rtl;text-align:left;color:var(--muted);font-size:11px}
td.file a{display:block;color:var(--accent);text-decoration:none}
td.code a:focus-visible,td.code a:focus,td.file a:focus-visible,td.file a:focus{outline:2px solid var(--accent);outline-offset:1px}
@media screen and (max-width:1180px){main{padding:16px 14px 30px}section.panel{padding:14px 12px}
#projects{font-size:12px}#projects th,#projects td{padding:7px 4px}
#projects col.c-file{width:104px}#projects col.c-code{width:62px}#projects col.c-period{width:70px}#projects col.c-status{width:84px}
#projects col.c-planned,#projects col.c-granted,#projects col.c-realised{width:86px}#projects col.c-rate{width:70px}#projects col.c-errors{width:58px}#projects col.c-warnings{width:72px}
#projects:lang(fi) col.c-period{width:98px}#projects:lang(fi) col.c-planned,#projects:lang(fi) col.c-granted,#projects:lang(fi) col.c-realised{width:88px}#projects:lang(fi) col.c-rate{width:84px}#projects:lang(fi) col.c-errors{width:64px}#projects:lang(fi) col.c-warnings{width:88px}}
tr.current td{background:#fff7d6}
.groups h3{font-size:14px;margin:12px 0 6px}.groups ul{margin:0;padding-left:20px}.groups li{margin:2px 0}
.groups .files{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{.noprint,.details{display:none}.tablewrap.scroll{max-height:none;overflow:visible;border:0}#projects{min-width:0;table-layout:auto;font-size:10.5px}#projects th,#projects td{padding:4px 3px}#projects th{font-size:10px}#projects td.name{min-width:0}#projects td.name .sub{font-size:inherit}td.file{font-size:10px}#projects td{height:auto;white-space:normal}#projects td.num{white-space:nowrap}#projects td .clip{white-space:normal}td.file .dir,td.file .base{white-space:normal;overflow-wrap:anywhere}td.file .dir{direction:ltr}thead{display:table-header-group}tr{break-inside:avoid}}
`;

const SCRIPT = `
(function(){
'use strict';
var dataEl=document.getElementById('hanke-data');if(!dataEl)return;
var D=JSON.parse(dataEl.textContent);var E=D.entries,T=D.t,RULES=D.rules,SEV=['error','warning','info','hint'];
var table=document.getElementById('projects'),tbody=table.tBodies[0],scroller=document.getElementById('scroller');
var heads=Array.prototype.slice.call(table.tHead.rows[0].cells);
var NCOL=heads.length;
var tag=D.locale==='fi'?'fi-FI':'en-GB';
var money=new Intl.NumberFormat(tag,{maximumFractionDigits:2}),whole=new Intl.NumberFormat(tag,{maximumFractionDigits:0}),pct=new Intl.NumberFormat(tag,{style:'percent',minimumFractionDigits:1,maximumFractionDigits:1});
var collator=new Intl.Collator(D.locale,{numeric:true,sensitivity:'base'});
var ESC={'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'};
function esc(s){return s==null?'':String(s).replace(/[&<>"']/g,function(c){return ESC[c]})}
function eur(n){return n==null?'':money.format(n)+' \\u20ac'}
// The table in whole euros (the cents are in the description's details): the columns stay narrow.
function eur0(n){return n==null?'':whole.format(n)+'\\u00a0\\u20ac'}
function per(n){return n==null?'':pct.format(n)}
// The path as given (as lint prints it): its folder above the file's name, smaller; a long
// folder loses its beginning (…/2020/), the name its end.
function path(f){var i=Math.max(f.lastIndexOf('/'),f.lastIndexOf('\\\\'));return (i<0?'':'<span class="dir"><bdi>'+esc(f.slice(0,i+1))+'</bdi></span>')+'<span class="base">'+esc(f.slice(i+1))+'</span>'}
function my(iso){return iso?Number(iso.slice(5,7))+'/'+iso.slice(0,4):'?'}
function day(iso){if(!iso)return '';return D.locale==='fi'?Number(iso.slice(8,10))+'.'+Number(iso.slice(5,7))+'.'+iso.slice(0,4):iso}
function pill(n,c){return '<span class="pill '+(n?c:'zero')+'">'+n+'</span>'}
function meter(r){if(r==null)return '';var w=Math.max(0,Math.min(1,r))*54;return '<span class="meter"><svg width="54" height="7" viewBox="0 0 54 7" aria-hidden="true"><rect class="bar '+(r>1?'error':'realised')+'" width="'+w.toFixed(1)+'" height="7"/></svg></span>'}
var COLS={
  file:{v:function(e){return e.f}},code:{v:function(e){return e.c||''}},name:{v:function(e){return e.n||''}},
  period:{v:function(e){return e.s||''}},status:{v:function(e){return e.st||''}},
  planned:{n:1,v:function(e){return e.p}},granted:{n:1,v:function(e){return e.g}},realised:{n:1,v:function(e){return e.r}},
  rate:{n:1,v:function(e){return e.q}},errors:{n:1,v:function(e){return e.E}},warnings:{n:1,v:function(e){return e.W}}
};
var all=E.map(function(_,i){return i});var view=all;var order=all;var query='';
var RH=46,first=0,virtual=E.length>${VIRTUAL_FROM},printing=false,current=-1,focusPos=-1;
function rowHtml(i,pos){
  // The row's link is its code; a file without one (not linted, say) has it on its path.
  var e=E[i];var id='p'+(i+1);
  return '<tr class="r'+(i===current?' current':'')+'" aria-rowindex="'+(pos+2)+'" data-i="'+i+'">'+
   '<td class="file" title="'+esc(e.f)+'">'+(e.c?path(e.f):'<a href="#'+id+'">'+path(e.f)+'</a>')+'</td>'+
   '<td class="code">'+(e.c?'<a href="#'+id+'">'+esc(e.c)+'</a>':'<span class="muted">'+esc(T.none)+'</span>')+'</td>'+
   '<td class="name"><span class="clip" title="'+esc(e.n||'')+'">'+esc(e.n!=null?e.n:(e.d.length?e.d[0][4]:''))+'</span>'+(e.a?'<span class="clip sub" title="'+esc(e.a)+'">'+esc(e.a)+'</span>':'')+'</td>'+
   '<td class="muted period">'+(e.s||e.e?my(e.s)+'\\u2013'+my(e.e):'')+'</td>'+
   '<td><span class="clip2" title="'+esc(e.st||'')+'">'+esc(e.st||'')+'</span></td>'+
   '<td class="num">'+eur0(e.p)+'</td><td class="num">'+eur0(e.g)+'</td><td class="num">'+eur0(e.r)+'</td>'+
   '<td class="num">'+per(e.q)+meter(e.q)+'</td>'+
   '<td class="num">'+pill(e.E,'err')+'</td><td class="num">'+pill(e.W,'warn')+'</td></tr>';
}
function spacer(){return '<tr class="sp" aria-hidden="true"><td colspan="'+NCOL+'"></td></tr>'}
function render(){
  var n=view.length,from=0,to=n;
  if(virtual&&!printing){
    var head=table.tHead.offsetHeight;var top=Math.max(0,scroller.scrollTop-head);
    var h=scroller.clientHeight||600;
    from=Math.max(0,Math.floor(top/RH)-10);to=Math.min(n,Math.ceil((top+h)/RH)+10);
  }
  var had=tbody.contains(document.activeElement);
  var html=[spacer()];for(var k=from;k<to;k++)html.push(rowHtml(view[k],k));html.push(spacer());
  tbody.innerHTML=html.join('');first=from;
  tbody.rows[0].cells[0].style.height=(from*RH)+'px';
  tbody.rows[tbody.rows.length-1].cells[0].style.height=((n-to)*RH)+'px';
  table.setAttribute('aria-rowcount',String(n+1));
  if(had&&focusPos>=from&&focusPos<to){var a=tbody.rows[focusPos-from+1].querySelector('a');if(a)a.focus({preventScroll:true})}
}
var pending=false;
function schedule(){if(pending)return;pending=true;requestAnimationFrame(function(){pending=false;render()})}
if(virtual)scroller.addEventListener('scroll',schedule,{passive:true});
window.addEventListener('resize',function(){if(virtual)schedule()});
function measure(){var r=tbody.rows[1];if(r&&r.classList.contains('r')&&r.offsetHeight>0)RH=r.offsetHeight}
// Sorting: the first click on a number column sorts largest first.
var sortKey=null,sortDir=0;
function sortBy(key){
  var col=COLS[key];if(!col)return;
  var dir=sortKey===key?-sortDir:(col.n?-1:1);sortKey=key;sortDir=dir;
  heads.forEach(function(h){if(h.getAttribute('data-key')===key)h.setAttribute('aria-sort',dir>0?'ascending':'descending');else h.setAttribute('aria-sort','none')});
  var keys=E.map(col.v);
  order=all.slice().sort(function(a,b){
    var x=keys[a],y=keys[b],ex=x==null||x==='',ey=y==null||y==='';
    if(ex||ey)return ex&&ey?a-b:ex?1:-1;
    var c=col.n?x-y:collator.compare(x,y);return c?dir*c:a-b;
  });
  applyFilter(true);
}
heads.forEach(function(h){var b=h.querySelector('button');if(b)b.addEventListener('click',function(){sortBy(h.getAttribute('data-key'))})});
// Filtering: every word must be found in the code, name, applicant, status, file,
// rule ids, Y-tunnus, regions or municipalities.
var hay=null;
function haystack(){
  if(hay)return hay;hay=new Array(E.length);
  for(var i=0;i<E.length;i++){var e=E[i];var rs={};var ids=[];for(var k=0;k<e.d.length;k++){var id=RULES[e.d[k][3]];if(!rs[id]){rs[id]=1;ids.push(id)}}
    hay[i]=[e.f,e.c,e.n,e.a,e.st,e.y,(e.R||[]).join(' '),(e.M||[]).join(' '),ids.join(' ')].join('\\n').toLowerCase()}
  return hay;
}
var input=document.getElementById('filter'),count=document.getElementById('count');
// The count: projects, and the files not linted (rows without a description) apart, as the totals card says.
var NL=0;for(var k=0;k<E.length;k++)if(!E[k].x)NL++;
function fill(t,a,b){return t.replace('{shown}',String(a)).replace('{all}',String(b))}
function rowsText(shown,all,u){return fill(T.rows,shown,all)+(NL?' + '+fill(T.rowsNotLinted,u,NL):'')}
function applyFilter(keepScroll){
  var words=query.toLowerCase().split(/\\s+/).filter(Boolean);
  if(!words.length)view=order;
  else{var h=haystack();view=order.filter(function(i){for(var w=0;w<words.length;w++)if(h[i].indexOf(words[w])<0)return false;return true})}
  if(count){var u=0;if(NL)for(var k=0;k<view.length;k++)if(!E[view[k]].x)u++;count.textContent=rowsText(view.length-u,E.length-NL,u)}
  focusPos=-1;if(!keepScroll)scroller.scrollTop=0;render();
}
if(input)input.addEventListener('input',function(){query=input.value;applyFilter(false)});
// Keyboard: up and down move between the rows' links.
tbody.addEventListener('focusin',function(ev){var tr=ev.target.closest&&ev.target.closest('tr.r');if(tr)focusPos=Number(tr.getAttribute('aria-rowindex'))-2});
tbody.addEventListener('keydown',function(ev){
  var k=ev.key,step=k==='ArrowDown'?1:k==='ArrowUp'?-1:k==='PageDown'?10:k==='PageUp'?-10:0;
  var to=k==='Home'?0:k==='End'?view.length-1:focusPos+step;
  if((!step&&k!=='Home'&&k!=='End')||focusPos<0)return;
  ev.preventDefault();to=Math.max(0,Math.min(view.length-1,to));focusPos=to;
  if(virtual){var head=table.tHead.offsetHeight,y=head+to*RH;
    if(y<scroller.scrollTop+head)scroller.scrollTop=y-head;else if(y+RH>scroller.scrollTop+scroller.clientHeight)scroller.scrollTop=y+RH-scroller.clientHeight;}
  render();var tr=tbody.rows[to-first+1];var a=tr&&tr.querySelector('a');if(a){a.focus({preventScroll:!virtual?false:true})}
});
// Details, drawn when asked for.
function dl(xs){return '<dl class="facts">'+xs.filter(function(x){return x[1]!==''&&x[1]!=null}).map(function(x){return '<dt>'+esc(x[0])+'</dt><dd>'+esc(x[1])+'</dd>'}).join('')+'</dl>'}
function detailHtml(i){
  var e=E[i],x=e.x,id='p'+(i+1),facts='';
  if(x){
    var left=[[T.period,e.s||e.e?day(e.s)+'\\u2013'+day(e.e):''],[T.status,e.st||''],[T.axis,x.ax||''],[T.objective,x.ob||''],[T.authority,x.au||''],[T.applicant,e.a||''],[T.yTunnus,e.y?e.y+(e.yv===false?' ('+T.invalid+')':''):''],[T.organisationType,x.ot||'']];
    if(x.pa&&x.pa.length)left.push([T.partners,x.pa.map(function(p){return p[0]+' ('+p[1]+(p[2]?'':', '+T.invalid)+')'}).join('; ')]);
    var right=[[T.plannedPublic,eur(e.p)],[T.granted,eur(e.g)+(x.es!=null?' ('+per(x.es)+' '+T.ofPlanned+')':'')],[T.realisedEuState,eur(x.re)+(x.rq!=null?' ('+per(x.rq)+' '+T.ofGranted+')':'')],[T.realisedPublic,eur(e.r)+(e.q!=null?' ('+per(e.q)+' '+T.ofPlanned+')':'')],
      [T.regions,(e.R||[]).join(', ')],[T.subregions,(x.sr||[]).join(', ')],[T.municipalities,(e.M||[]).join(', ')],[T.companies,(x.cp!=null?x.cp:T.none)+' / '+(x.cr!=null?x.cr:T.none)],[T.persons,x.pp!=null?String(x.pp):T.none]];
    facts='<div class="factgrid">'+dl(left)+dl(right)+'</div>';
    if(x.sc&&x.sc.length)facts+='<div class="scores"><span class="k">'+esc(T.scores)+'</span>'+x.sc.map(function(s){return '<span class="chip">'+esc(s[0])+' <b>'+esc(s[1]==null?T.none:s[1])+'</b>/<b>'+esc(s[2]==null?T.none:s[2])+'</b></span>'}).join('')+'</div>';
  }
  var f=e.d.length?'<div class="tablewrap"><table class="findings"><thead><tr><th scope="col">'+esc(T.line)+'</th><th scope="col">'+esc(T.severity)+'</th><th scope="col">'+esc(T.message)+'</th><th scope="col">'+esc(T.rule)+'</th></tr></thead><tbody>'+
    e.d.map(function(d){var r=RULES[d[3]],s=SEV[d[2]];return '<tr><td class="pos">'+d[0]+':'+d[1]+'</td><td><span class="sev '+s+'">'+esc(T.sev[s])+'</span></td><td>'+esc(d[4])+'</td><td><a class="rule" href="'+esc(D.docs.split('{rule}').join(encodeURIComponent(r)))+'" target="_blank" rel="noopener noreferrer">'+esc(r)+'</a></td></tr>'}).join('')+'</tbody></table></div>'
    :'<p class="ok">\\u2713 '+esc(T.noFindings)+'</p>';
  return '<details class="item" id="'+id+'" open><summary><span class="title">'+(e.c?'<span class="code">'+esc(e.c)+'</span>':'')+esc(e.n!=null?e.n:e.f)+'</span> '+pill(e.E,'err')+' '+pill(e.W,'warn')+'<span class="path">'+esc(e.f)+'</span></summary>'+facts+f+'</details>';
}
var details=document.getElementById('detail');
if(E.length<=${ALL_DETAILS})details.innerHTML=E.map(function(_,i){return detailHtml(i)}).join('');
function show(){
  var m=/^#p(\\d+)$/.exec(location.hash);if(!m)return;var i=Number(m[1])-1;if(!(i>=0&&i<E.length))return;
  current=i;
  var el=document.getElementById('p'+(i+1));
  if(!el){details.innerHTML=detailHtml(i);el=details.firstChild}
  el.open=true;var s=el.querySelector('summary');s.setAttribute('tabindex','-1');
  el.scrollIntoView({block:'start'});s.focus({preventScroll:true});render();
}
window.addEventListener('hashchange',show);
window.addEventListener('beforeprint',function(){printing=true;render()});
window.addEventListener('afterprint',function(){printing=false;render()});
applyFilter(false);measure();if(virtual)render();show();
(window.requestIdleCallback||setTimeout)(function(){haystack()});
document.documentElement.setAttribute('data-ready','1');
})();
`;

function sha256(s: string): string {
  return nodeCrypto().createHash('sha256').update(s, 'utf8').digest('base64');
}

/** A description as the page's script reads it (short keys: the JSON is in the page once per description). */
interface PageEntry {
  f: string;
  c?: string | null;
  n?: string | null;
  a?: string | null;
  y?: string | null;
  yv?: boolean | null;
  st?: string | null;
  s?: string | null;
  e?: string | null;
  p?: number | null;
  g?: number | null;
  r?: number | null;
  q?: number | null;
  E: number;
  W: number;
  R?: string[];
  M?: string[];
  /** Findings: line, column, severity (index into error/warning/info/hint), rule (index into `rules`), message. */
  d: [number, number, number, number, string][];
  x?: {
    ax: string;
    ob: string;
    au: string | null;
    ot: string | null;
    pa: [string, string, boolean][];
    es: number | null;
    re: number | null;
    rq: number | null;
    sr: string[];
    cp: number | null;
    cr: number | null;
    pp: number | null;
    sc: [string, number | null, number | null][];
  };
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

function pageData(input: ReportInput, perEntry: readonly SeverityCounts[], tx: Texts): string {
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const num = (v: { code: string | null; name: string } | null) => (v ? `${v.code ? `${v.code} ` : ''}${v.name}` : '');
  const entries = input.entries.map((en, i): PageEntry => {
    const s = en.summary;
    const { errors: E, warnings: W } = perEntry[i];
    const d = en.diagnostics.map((x): PageEntry['d'][number] => {
      let r = ruleIndex.get(x.rule);
      if (r === undefined) {
        r = rules.push(x.rule) - 1;
        ruleIndex.set(x.rule, r);
      }
      return [x.line, x.column, Math.max(0, SEVERITIES.indexOf(x.severity)), r, x.message];
    });
    if (!s) return { f: en.file, E, W, d };
    return {
      f: en.file,
      c: s.code,
      n: s.name,
      a: s.applicant,
      y: s.yTunnus,
      yv: s.yTunnusValid,
      st: s.status,
      s: s.start,
      e: s.end,
      p: s.amounts.plannedPublic,
      g: s.amounts.grantedEuState,
      r: s.amounts.realisedPublic,
      q: s.realisationPublic,
      E,
      W,
      R: s.regions,
      M: s.municipalities,
      d,
      x: {
        ax: num(s.axis),
        ob: num(s.objective),
        au: s.authority,
        ot: s.organisationType,
        pa: s.partners.map((p) => [p.name, p.yTunnus, p.yTunnusValid]),
        es: s.euStateShare,
        re: s.amounts.realisedEuState,
        rq: s.realisationEuState,
        sr: s.subregions,
        cp: s.companiesPlanned,
        cr: s.companiesRealised,
        pp: s.personsPlanned,
        sc: s.scores.filter((x) => (x.direct ?? 0) > 0 || (x.indirect ?? 0) > 0).map((x) => [x.name, x.direct, x.indirect]),
      },
    };
  });
  const t: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tx)) if (typeof v === 'string' || (typeof v === 'object' && v !== null)) t[k] = v;
  // Templates the script fills in (rowsText below, in the page).
  t.rows = tx.rows('{shown}', '{all}');
  t.rowsNotLinted = tx.rowsNotLinted('{shown}', '{all}');
  // The page makes a rule's link from this template ({rule}: the rule id, percent-encoded).
  const data = { locale: input.locale, docs: ruleDocsTemplate(input.docsBase ?? DOCS_BASE), rules, t, entries };
  // A data block, not a script: only `<` could end it early (`</script>`, `<!--`).
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The table's count: the projects, and apart from them the files that could not be linted
 * (rows too, but not projects), as the totals card counts them. The page's script says the
 * same (rowsText there).
 */
function rowsText(tx: Texts, shown: number, all: number, notLintedShown: number, notLinted: number): string {
  return notLinted ? `${tx.rows(shown, all)} + ${tx.rowsNotLinted(notLintedShown, notLinted)}` : tx.rows(shown, all);
}

const MAX_GROUPS = 100;
const MAX_GROUP_FILES = 10;

function groupsSection(groups: ReportGroups | undefined, tx: Texts): string {
  if (!groups) return '';
  const files = (fs: string[]) =>
    `<span class="files">${fs.slice(0, MAX_GROUP_FILES).map(esc).join(', ')}${fs.length > MAX_GROUP_FILES ? ` ${esc(tx.andMore(fs.length - MAX_GROUP_FILES))}` : ''}</span>`;
  const list = <G>(title: string, gs: G[], item: (g: G) => string) =>
    gs.length
      ? `<h3>${esc(title)} (${gs.length})</h3><ul>${gs
          .slice(0, MAX_GROUPS)
          .map((g) => `<li>${item(g)}</li>`)
          .join('')}</ul>${gs.length > MAX_GROUPS ? `<p class="note">${esc(tx.moreGroups(gs.length - MAX_GROUPS))}</p>` : ''}`
      : '';
  const codes = list(tx.sharedCodes, groups.codes, (g) => `<b>${esc(g.value)}</b> — ${esc(tx.inFiles(g.files.length))}: ${files(g.files)}`);
  const names = list(tx.conflictingNames, groups.applicants, (g) => `<b>${esc(g.value)}</b><ul>${g.names.map((n) => `<li>${esc(n.name)} — ${files(n.files)}</li>`).join('')}</ul>`);
  const body = codes || names ? codes + names : `<p class="ok">✓ ${esc(tx.groupsNone)}</p>`;
  return `<section class="panel groups" id="groups"><h2>${esc(tx.groups)}</h2>${body}</section>`;
}

/** The page: the tally (report-tally.ts) rendered as HTML, with its CSS, data and script. */
export function renderReport(input: ReportInput): string {
  const { locale } = input;
  const tx = TEXTS[locale];
  const f = fmt(locale);
  const tally = tallyReport(input);
  const { clean, others, funded, chartRows } = tally;
  const { errors, warnings } = tally.totals;
  const { plannedPublic: planned, grantedEuState: granted, realisedPublic: realisedPub } = tally.sums;

  const title = input.title ?? tx.title;
  const stamp = input.generated.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const n = tally.described.length;

  const card = (cls: string, k: string, v: string, sub = '', title = '') =>
    `<div class="card ${cls}"><div class="k">${esc(k)}</div><div class="v"${title ? ` title="${esc(title)}"` : ''}>${esc(v)}</div>${sub ? `<div class="s">${esc(sub)}</div>` : ''}</div>`;
  // Whole euros up to ten million; above that the card would overflow: 513 M€ (the exact sum as a tooltip).
  const money = (v: number | null) => (v === null ? tx.none : v < 1e7 ? f.eur(Math.round(v)) : `${f.compact(v)} €`);
  const cards = [
    card('', tx.projects, f.int(n), [tx.cleanCount(f.int(clean)), others ? `+\u00a0${others}\u00a0${tx.unreadableShort}` : ''].filter(Boolean).join(' · ')),
    card(errors ? 'err' : 'ok', tx.errors, f.int(errors)),
    card(warnings ? 'warn' : 'ok', tx.warnings, f.int(warnings)),
    card('', tx.plannedPublic, money(planned), '', f.eur(planned)),
    card('', tx.granted, money(granted), granted !== null && planned ? `${f.pct(granted / planned)} ${tx.ofPlanned}` : '', f.eur(granted)),
    card('', tx.realisedPublic, money(realisedPub), realisedPub !== null && planned ? `${f.pct(realisedPub / planned)} ${tx.ofPlanned}` : '', f.eur(realisedPub)),
  ];

  // Projects table: the head here, the rows drawn by the script from the data.
  const head: [string, string, string][] = [
    ['file', tx.file, 'file'],
    ['code', tx.code, 'code'],
    ['name', `${tx.name} / ${tx.applicant}`, 'name'],
    ['period', tx.period, 'period'],
    ['status', tx.status, 'status'],
    ['planned', tx.plannedPublic, 'money'],
    ['granted', tx.granted, 'money'],
    ['realised', tx.realisedPublic, 'money'],
    ['rate', tx.realisationRate, 'rate'],
    ['errors', tx.errors, 'count'],
    ['warnings', tx.warnings, 'count'],
  ];
  const numeric = new Set(['money', 'rate', 'count']);

  const skipped = input.skipped.length
    ? `<section class="panel"><h2>${esc(tx.skipped)}</h2><ul class="files">${input.skipped.map((s) => `<li>${esc(s.file)} <span class="muted">(${esc(tx.skipReason[s.reason])})</span></li>`).join('')}</ul></section>`
    : '';

  const csp = `default-src 'none'; style-src 'sha256-${sha256(CSS)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const all = input.entries.length;
  const charts = `<section class="panel noprint"><h2>${esc(tx.fundingChart)}</h2>${fundingChart(chartRows, tx, f)}${
    chartRows.length < funded.length ? `<p class="note">${esc(tx.fundingNote(chartRows.length, funded.length))}</p>` : ''
  }</section>
<section class="panel"><h2>${esc(tx.findingsChart)}</h2>${findingsChart(tally.byRule, tx, f, input.docsBase)}</section>
`;
  // Every description's findings at once below the charts; for a large report, the one
  // asked for right below the table.
  const details = `<section class="panel details" aria-labelledby="details-h"><h2 id="details-h">${esc(tx.details)}</h2>
<div id="detail">${all > ALL_DETAILS ? `<p class="note">${esc(tx.choose)}</p>` : ''}</div>
</section>
`;

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="generator" content="hanke ${esc(input.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${esc(title)}</h1><p>${esc(tx.generated)} ${esc(stamp)} · ${f.int(n)} ${esc(n === 1 ? tx.description : tx.descriptions)} · hanke ${esc(input.version)}</p></header>
<main>
<div class="cards">${cards.join('')}</div>
<section class="panel" aria-labelledby="projects-h"><h2 id="projects-h">${esc(tx.projects)}</h2>
<div class="tools"><input id="filter" type="search" placeholder="${esc(tx.filter)}" aria-label="${esc(tx.filter)}" aria-describedby="filter-help" aria-controls="projects"><span id="count" class="count" role="status" aria-live="polite">${esc(rowsText(tx, n, n, others, others))}</span><span class="count">${esc(tx.sortHint)}</span><span id="filter-help" class="sr">${esc(tx.filterHelp)} ${esc(tx.keys)}</span></div>
<div id="scroller" class="tablewrap${all > 25 ? ' scroll' : ''}"><table id="projects" aria-labelledby="projects-h" aria-rowcount="${all + 1}"><colgroup>${head.map(([k]) => `<col class="c-${k}">`).join('')}</colgroup><thead><tr aria-rowindex="1">${head
    .map(([k, label, c]) => `<th scope="col" class="${numeric.has(c) ? 'num' : ''}" data-key="${k}" aria-sort="none"><button type="button">${esc(label)}</button></th>`)
    .join('')}</tr></thead>
<tbody></tbody></table></div>
</section>
${groupsSection(input.groups, tx)}
${all > ALL_DETAILS ? details + charts : charts + details}${skipped}
</main>
<footer>hanke ${esc(input.version)}</footer>
<script type="application/json" id="hanke-data">${pageData(input, tally.perEntry, tx)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
