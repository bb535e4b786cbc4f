// `hanke report`: one self-contained HTML page for a reviewer. No external assets and no
// network: CSS, the sorting/filtering script and the charts (SVG) are inline, and a
// Content-Security-Policy with hashes forbids anything else. Every text taken from the
// descriptions is escaped.
import { createHash } from 'node:crypto';
import type { Locale } from '../core/config';
import { ruleDocsUrl } from '../core/docs';
import type { ProjectSummary } from '../core/summary';
import type { CliDiagnostic, SkipReason } from './lint-files';
import { formatIsoDate } from '../core/values';

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
    skipReason: { binary: 'binary', empty: 'empty', 'not-a-description': 'not a description' } as Record<SkipReason, string>,
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
    rows: (shown: number, all: number) => `${shown} of ${all} projects`,
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
    skipReason: { binary: 'binääritiedosto', empty: 'tyhjä', 'not-a-description': 'ei hankkeen kuvaus' } as Record<SkipReason, string>,
    none: '—',
    unreadableShort: 'ei tarkistettu',
    cleanCount: (n: string) => `${n} ilman huomautuksia`,
    sev: { error: 'virhe', warning: 'varoitus', info: 'tieto', hint: 'vihje' } as Record<string, string>,
    ofPlanned: 'suunnitellusta',
    ofGranted: 'myönnetystä',
    partners: 'Osatoteuttajat',
    subregions: 'Seutukunnat',
    sortHint: 'Lajittele napsauttamalla sarakkeen otsikkoa.',
    total: 'Yhteensä',
    rows: (shown: number, all: number) => `${shown}/${all} hanketta`,
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

const MAX_CHART_PROJECTS = 60;

interface Funded {
  anchor: string;
  label: string;
  title: string;
  planned: number | null;
  granted: number | null;
  realised: number | null;
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
    parts.push(`<a href="#${esc(r.anchor)}"><text class="label" x="${labelW - 10}" y="${(y0 + groupH / 2 - 1).toFixed(1)}" text-anchor="end">${esc(truncate(r.label, 40))}<title>${esc(r.title)}</title></text></a>`);
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

interface RuleCount {
  rule: string;
  errors: number;
  warnings: number;
  other: number;
}

function findingsChart(counts: RuleCount[], tx: Texts, f: Fmt): string {
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
    parts.push(`<a href="${esc(ruleDocsUrl(encodeURIComponent(c.rule)))}" target="_blank" rel="noopener noreferrer"><text class="label rule" x="${labelW - 10}" y="${y + 14}" text-anchor="end">${esc(c.rule)}</text></a>`);
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

// ---- Page ----

const CSS = `
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

const SCRIPT = `
(function(){
  var table=document.getElementById('projects');if(!table)return;
  var tbody=table.tBodies[0];var heads=table.tHead.rows[0].cells;
  var collator=new Intl.Collator(document.documentElement.lang||undefined,{numeric:true,sensitivity:'base'});
  function val(row,i){var c=row.cells[i];return c?c.getAttribute('data-v'):null}
  Array.prototype.forEach.call(heads,function(th,i){
    var b=th.querySelector('button');if(!b)return;
    b.addEventListener('click',function(){
      var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',dir);
      var num=th.classList.contains('num');var sign=dir==='ascending'?1:-1;
      var rows=Array.prototype.slice.call(tbody.rows);
      rows.sort(function(a,b){
        var x=val(a,i),y=val(b,i);
        if(x===null||x==='')return (y===null||y==='')?0:1;
        if(y===null||y==='')return -1;
        return sign*(num?(parseFloat(x)-parseFloat(y)):collator.compare(x,y));
      });
      rows.forEach(function(r){tbody.appendChild(r)});
    });
  });
  var input=document.getElementById('filter');var count=document.getElementById('count');
  var tpl=count?count.getAttribute('data-template'):'';
  function update(){
    var q=(input.value||'').toLowerCase().trim();var shown=0;
    Array.prototype.forEach.call(tbody.rows,function(r){
      var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;r.hidden=!hit;if(hit)shown++;
    });
    if(count)count.textContent=tpl.replace('{shown}',String(shown)).replace('{all}',String(tbody.rows.length));
  }
  if(input){input.addEventListener('input',update);update();}
  function openTarget(){var id=location.hash.slice(1);var el=id&&document.getElementById(id);if(el&&el.tagName==='DETAILS')el.open=true}
  window.addEventListener('hashchange',openTarget);openTarget();
})();
`;

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

function meter(rate: number | null): string {
  if (rate === null) return '';
  const w = Math.max(0, Math.min(1, rate)) * 54;
  const cls = rate > 1 ? 'error' : 'realised';
  return `<span class="meter"><svg width="54" height="7" viewBox="0 0 54 7" aria-hidden="true"><rect class="bar ${cls}" width="${w.toFixed(1)}" height="7"/></svg></span>`;
}

function pill(n: number, cls: 'err' | 'warn'): string {
  return `<span class="pill ${n ? cls : 'zero'}">${n}</span>`;
}

function sumOf(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) : null;
}

export function renderReport(input: ReportInput): string {
  const { locale } = input;
  const tx = TEXTS[locale];
  const f = fmt(locale);
  const described = input.entries.filter((e) => e.summary);
  const anchor = (i: number) => `p${i + 1}`;
  const anchors = new Map(input.entries.map((e, i) => [e, anchor(i)]));

  // Totals
  let errors = 0;
  let warnings = 0;
  let clean = 0;
  const byRule = new Map<string, RuleCount>();
  for (const e of input.entries) {
    let fileErrors = 0;
    let fileWarnings = 0;
    for (const d of e.diagnostics) {
      const c = byRule.get(d.rule) ?? { rule: d.rule, errors: 0, warnings: 0, other: 0 };
      if (d.severity === 'error') {
        c.errors++;
        fileErrors++;
      } else if (d.severity === 'warning') {
        c.warnings++;
        fileWarnings++;
      } else c.other++;
      byRule.set(d.rule, c);
    }
    errors += fileErrors;
    warnings += fileWarnings;
    if (e.diagnostics.length === 0) clean++;
  }
  const ruleCounts = [...byRule.values()].sort((a, b) => b.errors + b.warnings + b.other - (a.errors + a.warnings + a.other) || (a.rule < b.rule ? -1 : 1));
  const granted = sumOf(described.map((e) => e.summary!.amounts.grantedEuState));
  const planned = sumOf(described.map((e) => e.summary!.amounts.plannedPublic));
  const realisedPub = sumOf(described.map((e) => e.summary!.amounts.realisedPublic));

  const title = input.title ?? tx.title;
  const stamp = input.generated.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const n = described.length;

  const others = input.entries.length - n;
  const card = (cls: string, k: string, v: string, sub = '', title = '') =>
    `<div class="card ${cls}"><div class="k">${esc(k)}</div><div class="v"${title ? ` title="${esc(title)}"` : ''}>${esc(v)}</div>${sub ? `<div class="s">${esc(sub)}</div>` : ''}</div>`;
  // Whole euros up to ten million; above that the card would overflow: 513 M€ (the exact sum as a tooltip).
  const money = (v: number | null) => (v === null ? tx.none : v < 1e7 ? f.eur(Math.round(v)) : `${f.compact(v)} €`);
  const cards = [
    card('', tx.projects, f.int(n), [tx.cleanCount(f.int(clean)), others ? `+ ${others} ${tx.unreadableShort}` : ''].filter(Boolean).join(' · ')),
    card(errors ? 'err' : 'ok', tx.errors, f.int(errors)),
    card(warnings ? 'warn' : 'ok', tx.warnings, f.int(warnings)),
    card('', tx.plannedPublic, money(planned), '', f.eur(planned)),
    card('', tx.granted, money(granted), granted !== null && planned ? `${f.pct(granted / planned)} ${tx.ofPlanned}` : '', f.eur(granted)),
    card('', tx.realisedPublic, money(realisedPub), realisedPub !== null && planned ? `${f.pct(realisedPub / planned)} ${tx.ofPlanned}` : '', f.eur(realisedPub)),
  ];

  // Projects table
  const head: [string, string, boolean][] = [
    ['code', tx.code, false],
    ['name', `${tx.name} / ${tx.applicant}`, false],
    ['period', tx.period, false],
    ['status', tx.status, false],
    ['planned', tx.plannedPublic, true],
    ['granted', tx.granted, true],
    ['realised', tx.realisedPublic, true],
    ['rate', tx.realisationRate, true],
    ['errors', tx.errors, true],
    ['warnings', tx.warnings, true],
  ];
  const rows = input.entries.map((e) => {
    const s = e.summary;
    const id = anchors.get(e)!;
    const er = e.diagnostics.filter((d) => d.severity === 'error').length;
    const wr = e.diagnostics.filter((d) => d.severity === 'warning').length;
    const codeText = s?.code ?? e.file.split(/[\\/]/).pop() ?? e.file;
    const cells = [
      `<td class="code" data-v="${esc(codeText)}"><a href="#${id}" title="${esc(e.file)}">${esc(codeText)}</a></td>`,
      `<td class="name" data-v="${esc(s?.name ?? '')}">${esc(s?.name ?? e.diagnostics[0]?.message ?? '')}${s?.applicant ? `<span class="sub">${esc(s.applicant)}</span>` : ''}</td>`,
      `<td class="nowrap muted" data-v="${esc(s?.start ?? '')}">${esc(s ? f.period(s.start, s.end) : '')}</td>`,
      `<td data-v="${esc(s?.status ?? '')}">${esc(s?.status ?? '')}</td>`,
      `<td class="num" data-v="${s?.amounts.plannedPublic ?? ''}">${esc(f.eur(s?.amounts.plannedPublic ?? null))}</td>`,
      `<td class="num" data-v="${s?.amounts.grantedEuState ?? ''}">${esc(f.eur(s?.amounts.grantedEuState ?? null))}</td>`,
      `<td class="num" data-v="${s?.amounts.realisedPublic ?? ''}">${esc(f.eur(s?.amounts.realisedPublic ?? null))}</td>`,
      `<td class="num" data-v="${s?.realisationPublic ?? ''}">${esc(f.pct(s?.realisationPublic ?? null))}${meter(s?.realisationPublic ?? null)}</td>`,
      `<td class="num" data-v="${er}">${pill(er, 'err')}</td>`,
      `<td class="num" data-v="${wr}">${pill(wr, 'warn')}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });

  // Charts
  const funded: Funded[] = described
    .map((e) => ({
      anchor: anchors.get(e)!,
      label: `${e.summary!.code ?? ''} ${e.summary!.name ?? ''}`.trim() || e.file,
      title: `${e.summary!.code ?? ''} ${e.summary!.name ?? ''}`.trim() || e.file,
      planned: e.summary!.amounts.plannedPublic,
      granted: e.summary!.amounts.grantedEuState,
      realised: e.summary!.amounts.realisedPublic,
    }))
    .filter((r) => r.planned !== null || r.granted !== null || r.realised !== null);
  const chartRows = funded.length > MAX_CHART_PROJECTS ? [...funded].sort((a, b) => (b.planned ?? 0) - (a.planned ?? 0)).slice(0, MAX_CHART_PROJECTS) : funded;

  // Details
  const details = input.entries.map((e) => {
    const s = e.summary;
    const id = anchors.get(e)!;
    const left: [string, string][] = [];
    const right: [string, string][] = [];
    let scores = '';
    if (s) {
      const num = (v: { code: string | null; name: string } | null) => (v ? `${v.code ? `${v.code} ` : ''}${v.name}` : '');
      left.push([tx.period, s.start || s.end ? `${f.date(s.start)}–${f.date(s.end)}` : ''], [tx.status, s.status ?? ''], [tx.axis, num(s.axis)], [tx.objective, num(s.objective)], [tx.authority, s.authority ?? '']);
      left.push([tx.applicant, s.applicant ?? ''], [tx.yTunnus, s.yTunnus ? `${s.yTunnus}${s.yTunnusValid === false ? ` (${tx.invalid})` : ''}` : ''], [tx.organisationType, s.organisationType ?? '']);
      if (s.partners.length) left.push([tx.partners, s.partners.map((p) => `${p.name} (${p.yTunnus}${p.yTunnusValid ? '' : `, ${tx.invalid}`})`).join('; ')]);
      right.push(
        [tx.plannedPublic, f.eur(s.amounts.plannedPublic)],
        [tx.granted, `${f.eur(s.amounts.grantedEuState)}${s.euStateShare !== null ? ` (${f.pct(s.euStateShare)} ${tx.ofPlanned})` : ''}`],
        [tx.realisedEuState, `${f.eur(s.amounts.realisedEuState)}${s.realisationEuState !== null ? ` (${f.pct(s.realisationEuState)} ${tx.ofGranted})` : ''}`],
        [tx.realisedPublic, `${f.eur(s.amounts.realisedPublic)}${s.realisationPublic !== null ? ` (${f.pct(s.realisationPublic)} ${tx.ofPlanned})` : ''}`],
      );
      right.push([tx.regions, s.regions.join(', ')], [tx.subregions, s.subregions.join(', ')], [tx.municipalities, s.municipalities.join(', ')]);
      right.push([tx.companies, `${s.companiesPlanned ?? tx.none} / ${s.companiesRealised ?? tx.none}`], [tx.persons, `${s.personsPlanned ?? tx.none}`]);
      const scored = s.scores.filter((x) => (x.direct ?? 0) > 0 || (x.indirect ?? 0) > 0);
      if (scored.length) {
        scores = `<div class="scores"><span class="k">${esc(tx.scores)}</span>${scored
          .map((x) => `<span class="chip">${esc(x.name)} <b>${esc(x.direct ?? tx.none)}</b>/<b>${esc(x.indirect ?? tx.none)}</b></span>`)
          .join('')}</div>`;
      }
    }
    const dl = (xs: [string, string][]) => `<dl class="facts">${xs.filter(([, v]) => v !== '').map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
    const factsHtml = s ? `<div class="factgrid">${dl(left)}${dl(right)}</div>${scores}` : '';
    const findings = e.diagnostics.length
      ? `<div class="tablewrap"><table class="findings"><thead><tr><th>${esc(tx.line)}</th><th>${esc(tx.severity)}</th><th>${esc(tx.message)}</th><th>${esc(tx.rule)}</th></tr></thead><tbody>${e.diagnostics
          .map(
            (d) =>
              `<tr><td class="pos">${d.line}:${d.column}</td><td><span class="sev ${esc(d.severity)}">${esc(tx.sev[d.severity] ?? d.severity)}</span></td><td>${esc(d.message)}</td><td><a class="rule" href="${esc(ruleDocsUrl(encodeURIComponent(d.rule)))}" target="_blank" rel="noopener noreferrer">${esc(d.rule)}</a></td></tr>`,
          )
          .join('')}</tbody></table></div>`
      : `<p class="ok">✓ ${esc(tx.noFindings)}</p>`;
    const er = e.diagnostics.filter((d) => d.severity === 'error').length;
    const wr = e.diagnostics.filter((d) => d.severity === 'warning').length;
    const open = e.diagnostics.length > 0 || input.entries.length <= 10;
    return `<details class="item" id="${id}"${open ? ' open' : ''}><summary><span class="title">${s?.code ? `<span class="code">${esc(s.code)}</span>` : ''}${esc(s?.name ?? e.file)}</span> ${pill(er, 'err')} ${pill(wr, 'warn')}<span class="path">${esc(e.file)}</span></summary>${
      factsHtml
    }${findings}</details>`;
  });

  const skipped = input.skipped.length
    ? `<section class="panel"><h2>${esc(tx.skipped)}</h2><ul class="files">${input.skipped.map((s) => `<li>${esc(s.file)} <span class="muted">(${esc(tx.skipReason[s.reason])})</span></li>`).join('')}</ul></section>`
    : '';

  const csp = `default-src 'none'; style-src 'sha256-${sha256(CSS)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const countTpl = tx.rows(0, 0).replace('0', '{shown}').replace('0', '{all}');

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
<section class="panel"><h2>${esc(tx.projects)}</h2>
<div class="tools"><input id="filter" type="search" placeholder="${esc(tx.filter)}" aria-label="${esc(tx.filter)}"><span id="count" class="count" data-template="${esc(countTpl)}">${esc(tx.rows(input.entries.length, input.entries.length))}</span><span class="count">${esc(tx.sortHint)}</span></div>
<div class="tablewrap${input.entries.length > 25 ? ' scroll' : ''}"><table id="projects"><thead><tr>${head.map(([k, label, num]) => `<th class="${num ? 'num' : ''}" data-key="${k}"><button type="button">${esc(label)}</button></th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
</section>
<section class="panel"><h2>${esc(tx.fundingChart)}</h2>${fundingChart(chartRows, tx, f)}${chartRows.length < funded.length ? `<p class="note">${esc(tx.fundingNote(chartRows.length, funded.length))}</p>` : ''}</section>
<section class="panel"><h2>${esc(tx.findingsChart)}</h2>${findingsChart(ruleCounts, tx, f)}</section>
<section class="panel details"><h2>${esc(tx.details)}</h2>
${details.join('\n')}
</section>
${skipped}
</main>
<footer>hanke ${esc(input.version)}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
