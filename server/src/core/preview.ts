// The description as its public project page reads: project card, applicant and
// partners, target groups, financing with shares, the geography, the 8.1 answers, the
// 8.2 table and the final report, with each finding marked where it is. One pure
// function renders it as an HTML fragment (no scripts, no styles, no external
// resources): the editor's live preview wraps it in its webview, and the reviewer's
// HTML report can embed it per description. Sections are walked as the schema declares
// their bodies; the figures come from core/cockpit.ts, as for the hints and lenses.
//
// Hooks for the page around it: every block taken from the document carries
// `data-line` (its first line, 0-based), every section `data-section` and an id
// `s-<number>` (dots as dashes); a finding is `<span class="finding sev-<severity>">`.
// Its styles are PAGE_CSS (core/preview-style.ts), for the webview and a report alike.
import { type CockpitFigures, type CockpitLocale, cockpitFigures, euStateShareText, eurosText, geographyText, periodLengthText, percentText, scoreGroupText } from './cockpit';
import type { Facts } from './facts';
import type { Finding } from './lint';
import type { FieldNode, HankeDocument, SectionNode, TextLine } from './model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Tr = (fi: string, en: string) => string;

const SEVERITY_TEXT: Record<Finding['severity'], [string, string]> = { error: ['virhe', 'error'], warning: ['varoitus', 'warning'], info: ['tieto', 'info'], hint: ['vihje', 'hint'] };

/** Findings by the line they start on; each is shown once, where its line is rendered (else at the end of its section). */
class FindingMarks {
  private byLine = new Map<number, Finding[]>();
  private shown = new Set<Finding>();
  constructor(
    findings: readonly Finding[],
    private readonly tr: Tr,
    private readonly locale: CockpitLocale,
  ) {
    for (const f of findings) {
      const l = f.range.start.line;
      const list = this.byLine.get(l) ?? [];
      list.push(f);
      this.byLine.set(l, list);
    }
  }

  private render(f: Finding): string {
    this.shown.add(f);
    const [fi, en] = SEVERITY_TEXT[f.severity];
    return `<span class="finding sev-${f.severity}" data-line="${f.range.start.line}" data-rule="${escapeHtml(f.rule)}"><span class="sev">${escapeHtml(this.tr(fi, en))}</span> ${escapeHtml(f.message[this.locale])} <code>${escapeHtml(f.rule)}</code></span>`;
  }

  /** The findings on these lines not shown yet. */
  at(...lines: number[]): string {
    const out: string[] = [];
    for (const l of lines) for (const f of this.byLine.get(l) ?? []) if (!this.shown.has(f)) out.push(this.render(f));
    return out.join('');
  }

  /** `has-finding` when a line has a finding (for the block's class). */
  flag(...lines: number[]): string {
    return lines.some((l) => (this.byLine.get(l) ?? []).length > 0) ? ' has-finding' : '';
  }

  /** The findings between two lines not shown yet. */
  between(from: number, to: number): string {
    const out: string[] = [];
    for (const [l, list] of [...this.byLine].sort((a, b) => a[0] - b[0])) {
      if (l < from || l > to) continue;
      for (const f of list) if (!this.shown.has(f)) out.push(this.render(f));
    }
    return out.join('');
  }

  rest(): string {
    return this.between(0, Number.MAX_SAFE_INTEGER);
  }
}

const sectionId = (n: string) => `s-${n.replace(/\./g, '-')}`;

function valueHtml(f: FieldNode | undefined, extra = ''): string {
  if (!f || f.value === '') return '<span class="empty">–</span>';
  return `${escapeHtml(f.value)}${extra}`;
}

/** A field as a row of a definition list, its findings below the value. */
function fieldRow(f: FieldNode, marks: FindingMarks, extra = ''): string {
  return `<div class="field${marks.flag(f.line)}" data-line="${f.line}"><dt>${escapeHtml(f.label)}</dt><dd>${valueHtml(f, extra)}${marks.at(f.line)}</dd></div>`;
}

/** Free text: lines starting with a dash as a list, the rest as paragraphs. */
function textHtml(texts: readonly TextLine[], marks: FindingMarks, tr: Tr): string {
  if (texts.length === 0 || (texts.length === 1 && texts[0].text === '-')) return `<p class="empty">${escapeHtml(tr('(ei tekstiä)', '(no text)'))}</p>`;
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.join('')}</ul>`);
    list = [];
  };
  for (const t of texts) {
    const m = /^[-•–]\s+(.*)$/.exec(t.text);
    if (m) list.push(`<li class="${marks.flag(t.line).trim()}" data-line="${t.line}">${escapeHtml(m[1])}${marks.at(t.line)}</li>`);
    else {
      flush();
      out.push(`<p class="${marks.flag(t.line).trim()}" data-line="${t.line}">${escapeHtml(t.text)}${marks.at(t.line)}</p>`);
    }
  }
  flush();
  return out.join('');
}

function heading(s: SectionNode, marks: FindingMarks, level: 2 | 3): string {
  return `<h${level} data-line="${s.heading.line}" class="${marks.flag(s.heading.line).trim()}">${escapeHtml(`${s.heading.number} ${s.heading.title}`)}</h${level}>${marks.at(s.heading.line)}`;
}

function fieldsBody(s: SectionNode, marks: FindingMarks, fig: CockpitFigures, tr: Tr, locale: CockpitLocale): string {
  const extras = new Map<string, string>();
  const sum = fig.summary;
  const note = (t: string) => ` <span class="figure">${escapeHtml(t)}</span>`;
  if (fig.period) extras.set('period', note(periodLengthText(fig.period, locale)));
  if (sum.euStateShare !== null) extras.set('grantedEuState', note(tr(`${percentText(sum.euStateShare)} suunnitellusta julkisesta`, `${percentText(sum.euStateShare)} of planned public`)));
  if (sum.realisationEuState !== null) extras.set('realisedEuState', note(tr(`${percentText(sum.realisationEuState)} myönnetystä`, `${percentText(sum.realisationEuState)} of granted`)));
  if (sum.realisationPublic !== null) extras.set('realisedPublic', note(tr(`${percentText(sum.realisationPublic)} suunnitellusta`, `${percentText(sum.realisationPublic)} of planned`)));
  if (fig.geography.municipalities > 0) extras.set('municipalities', note(geographyText(fig.geography, locale)));
  const rows: string[] = [];
  const placeLine = s.placeMarker?.line;
  let placeShown = placeLine === undefined;
  const place = () => {
    placeShown = true;
    rows.push(`</dl><p class="place" data-line="${placeLine}">${escapeHtml(s.placeMarker!.text)}${marks.at(placeLine!)}</p><dl>`);
  };
  for (const f of s.fields) {
    if (!placeShown && f.line > placeLine!) place();
    // Amounts as written, grouped as the published page shows them.
    const t = f.typed;
    const shownValue = t?.kind === 'amount' && t.valid && t.cents !== undefined && f.spec?.kind === 'amount' ? `${eurosText(t.cents / 100)} €` : undefined;
    if (shownValue)
      rows.push(
        `<div class="field amount${marks.flag(f.line)}" data-line="${f.line}"><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(shownValue)}${extras.get(f.spec!.key) ?? ''}${marks.at(f.line)}</dd></div>`,
      );
    else rows.push(fieldRow(f, marks, f.spec ? (extras.get(f.spec.key) ?? '') : ''));
  }
  if (!placeShown) place();
  let out = `<dl>${rows.join('')}</dl>`.replace(/<dl><\/dl>/g, '');
  if (s.partners) {
    const p = s.partners;
    const items = p.entries.map(
      (e) => `<li data-line="${e.line}" class="${marks.flag(e.line).trim()}">${escapeHtml(e.name)}${e.yTunnus ? ` <span class="ytunnus">${escapeHtml(e.yTunnus)}</span>` : ''}${marks.at(e.line)}</li>`,
    );
    out += `<h4 data-line="${p.label.line}">${escapeHtml(p.label.text)}</h4>${marks.at(p.label.line)}${items.length ? `<ul class="partners">${items.join('')}</ul>` : ''}`;
  }
  if (s.spec.number === '5' && sum.euStateShare !== null) out += `<p class="summary">${escapeHtml(euStateShareText(sum.euStateShare, locale))}</p>`;
  if (s.texts.length) out += textHtml(s.texts, marks, tr);
  return out;
}

function questionsBody(s: SectionNode, marks: FindingMarks, tr: Tr): string {
  const rows = s.fields.map((f) => {
    const just = f.justification.map((j) => `<p data-line="${j.line}">${escapeHtml(j.text)}${marks.at(j.line)}</p>`).join('');
    return `<div class="answer${marks.flag(f.line)}" data-line="${f.line}"><p class="question">${escapeHtml(f.label)}</p><p class="reply"><strong>${valueHtml(f)}</strong>${marks.at(f.line)}</p>${just || `<p class="empty">${escapeHtml(tr('(ei perustelua)', '(no justification)'))}</p>`}</div>`;
  });
  return rows.join('') + (s.texts.length ? textHtml(s.texts, marks, tr) : '');
}

function scoresBody(s: SectionNode, marks: FindingMarks, fig: CockpitFigures, tr: Tr, locale: CockpitLocale): string {
  const head = `<thead><tr><th>${escapeHtml(tr('Kohta', 'Item'))}</th><th>${escapeHtml(tr('Välitön', 'Direct'))}</th><th>${escapeHtml(tr('Välillinen', 'Indirect'))}</th><th>${escapeHtml(tr('Perustelu', 'Justification'))}</th></tr></thead>`;
  const rows: string[] = [];
  // Groups and items in document order.
  const entries = [...s.groups.map((g) => ({ line: g.line.line, group: g })), ...s.items.map((i) => ({ line: i.line, item: i }))].sort((a, b) => a.line - b.line);
  for (const e of entries) {
    if ('group' in e && e.group) {
      const g = fig.scoreGroups.find((x) => x.range.start.line === e.line);
      rows.push(
        `<tr class="group${marks.flag(e.line)}" data-line="${e.line}"><th colspan="4">${escapeHtml(e.group.line.text)}${g ? ` <span class="figure">${escapeHtml(scoreGroupText(g, locale))}</span>` : ''}${marks.at(e.line)}</th></tr>`,
      );
    } else if ('item' in e && e.item) {
      const i = e.item;
      const lines = [i.line, ...i.justification.map((j) => j.line)];
      const just = i.justification.map((j) => escapeHtml(j.text)).join('<br>');
      rows.push(
        `<tr class="item${marks.flag(...lines)}" data-line="${i.line}"><td>${escapeHtml(i.name)}${marks.at(...lines)}</td><td class="num">${escapeHtml(i.scores[0]?.raw ?? '–')}</td><td class="num">${escapeHtml(i.scores[1]?.raw ?? '–')}</td><td>${just}</td></tr>`,
      );
    }
  }
  const total = fig.scoreGroups.reduce((a, g) => ({ d: a.d + g.direct, i: a.i + g.indirect, max: a.max + g.max }), { d: 0, i: 0, max: 0 });
  const foot = fig.scoreGroups.length
    ? `<tfoot><tr><th>${escapeHtml(tr('Yhteensä', 'Total'))}</th><td class="num">${total.d}/${total.max}</td><td class="num">${total.i}/${total.max}</td><td></td></tr></tfoot>`
    : '';
  return `<table class="scores">${head}<tbody>${rows.join('')}</tbody>${foot}</table>` + (s.texts.length ? textHtml(s.texts, marks, tr) : '');
}

function sectionHtml(s: SectionNode, marks: FindingMarks, fig: CockpitFigures, tr: Tr, locale: CockpitLocale): string {
  let body: string;
  switch (s.spec.body) {
    case 'fields':
      body = fieldsBody(s, marks, fig, tr, locale);
      break;
    case 'questions':
      body = questionsBody(s, marks, tr);
      break;
    case 'scores':
      body = scoresBody(s, marks, fig, tr, locale);
      break;
    case 'parent':
      body = s.children.map((c) => sectionHtml(c, marks, fig, tr, locale)).join('') + (s.texts.length ? textHtml(s.texts, marks, tr) : '');
      break;
    default:
      body = textHtml(s.texts, marks, tr);
  }
  if (s.strays.length) body += s.strays.map((t) => `<p class="stray${marks.flag(t.line)}" data-line="${t.line}">${escapeHtml(t.text)}${marks.at(t.line)}</p>`).join('');
  const level = s.spec.level === 1 ? 2 : 3;
  // What is left of the section's findings (a missing field…), at its end.
  const rest = s.spec.body === 'parent' ? '' : marks.between(s.range.start.line, s.range.end.line);
  return `<section id="${sectionId(s.heading.number)}" data-section="${escapeHtml(s.heading.number)}" data-line="${s.heading.line}" class="body-${s.spec.body}">${heading(s, marks, level)}${body}${rest ? `<div class="findings">${rest}</div>` : ''}</section>`;
}

/** The project card at the top: fund, name, code, period, status. */
function card(doc: HankeDocument, facts: Facts, fig: CockpitFigures, tr: Tr, locale: CockpitLocale): string {
  const s = fig.summary;
  const bits: string[] = [];
  if (s.code) bits.push(`<span class="code">${escapeHtml(s.code)}</span>`);
  if (s.fund) bits.push(`<span class="fund">${escapeHtml(s.fund)}</span>`);
  if (fig.period) bits.push(`<span class="period">${escapeHtml(`${fig.period.range} · ${periodLengthText(fig.period, locale)}`)}</span>`);
  if (s.status) bits.push(`<span class="status${s.ended ? ' ended' : ''}">${escapeHtml(s.status)}</span>`);
  const line = facts.section('1')?.heading.line ?? 0;
  const banner = doc.preamble.title ? `<p class="banner">${escapeHtml(doc.preamble.title.text)}</p>` : '';
  const counts = s.errors + s.warnings + s.notes;
  const state =
    counts === 0
      ? `<p class="state ok">${escapeHtml(tr('Ei huomautuksia.', 'No findings.'))}</p>`
      : `<p class="state">${escapeHtml(tr(`Huomautuksia: ${s.errors} virhettä, ${s.warnings} varoitusta, ${s.notes} muuta.`, `Findings: ${s.errors} errors, ${s.warnings} warnings, ${s.notes} other.`))}</p>`;
  return `<header class="card" data-line="${line}">${banner}<h1>${escapeHtml(s.name ?? tr('(nimetön hanke)', '(unnamed project)'))}</h1><p class="facts">${bits.join(' ')}</p>${s.applicant ? `<p class="applicant">${escapeHtml(s.applicant)}</p>` : ''}${state}</header>`;
}

/**
 * The description as an HTML fragment (an `<article>`), in the locale's language for
 * everything the tool adds; the document's own text is shown as written, escaped.
 */
export function renderDescriptionHtml(doc: HankeDocument, facts: Facts, findings: readonly Finding[], locale: CockpitLocale, figures: CockpitFigures = cockpitFigures(doc, facts, findings)): string {
  const tr: Tr = (fi, en) => (locale === 'fi' ? fi : en);
  const marks = new FindingMarks(findings, tr, locale);
  const first = doc.tree[0]?.heading.line ?? doc.lines.length;
  const before = marks.between(0, first - 1);
  const sections = doc.tree.map((s) => sectionHtml(s, marks, figures, tr, locale)).join('');
  const rest = marks.rest();
  return `<article class="hanke-page" lang="fi">${card(doc, facts, figures, tr, locale)}${before ? `<div class="findings">${before}</div>` : ''}${sections}${rest ? `<div class="findings">${rest}</div>` : ''}</article>`;
}
