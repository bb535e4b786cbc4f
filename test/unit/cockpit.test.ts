// The applicant's cockpit in the pure core: inlay hints, code lenses and the preview
// page read the same figures (and agree with the summary and the hover), never speak
// where a finding does, and the page shows document text only escaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_LENS_KINDS, codeLenses, cockpitFigures, INLAY_HINT_KINDS, inlayHints } from '../../server/src/core/cockpit';
import { hoverAt } from '../../server/src/core/hover';
import { analyze } from '../../server/src/core/lint';
import { escapeHtml, renderDescriptionHtml } from '../../server/src/core/preview';
import { summarize } from '../../server/src/core/summary';
import { EXAMPLES, example } from '../helpers/examples';

const overlapsLine = (r: { start: { line: number }; end: { line: number } }, line: number) => r.start.line <= line && line <= r.end.line;

describe('inlay hints (core)', () => {
  it('example 000: period length, shares, coverage and group totals, in both languages', () => {
    const { doc, facts, findings } = analyze(example('000'));
    const en = inlayHints(doc, facts, findings, {}, 'en').map((h) => `${h.kind}:${h.label}`);
    expect(en).toEqual([
      'period:36 months',
      'financing:86 % of planned public',
      'financing:96 % of granted',
      'financing:83 % of planned',
      'municipalities:23 municipalities in 6 sub-regions and 1 region (on 1.8.2018)',
      'scores:direct 3/50 · indirect 3/50',
      'scores:direct 5/50 · indirect 5/50',
      'scores:direct 17/50 · indirect 17/50',
    ]);
    const fi = inlayHints(doc, facts, findings, {}, 'fi').map((h) => h.label);
    expect(fi.slice(0, 2)).toEqual(['36 kk', '86 % suunnitellusta julkisesta']);
    expect(fi).toContain('23 kuntaa 6 seutukunnassa ja 1 maakunnassa (1.8.2018)');
  });

  it('each kind can be switched off on its own', () => {
    const { doc, facts, findings } = analyze(example('001'));
    const all = inlayHints(doc, facts, findings, {}, 'en');
    for (const kind of INLAY_HINT_KINDS) {
      const without = inlayHints(doc, facts, findings, { [kind]: false }, 'en');
      expect(without.some((h) => h.kind === kind)).toBe(false);
      expect(without).toEqual(all.filter((h) => h.kind !== kind));
    }
  });

  it('on every example: never on a line with a finding, and the figures agree with the summary and the hover', () => {
    for (const { name, text } of EXAMPLES) {
      const { doc, facts, findings } = analyze(text);
      const hints = inlayHints(doc, facts, findings, {}, 'en');
      expect(hints.length, name).toBeGreaterThan(4);
      for (const h of hints)
        expect(
          findings.some((f) => overlapsLine(f.range, h.position.line) && f.range.start.character <= h.position.character && h.position.character <= f.range.end.character),
          `${name} ${h.label}`,
        ).toBe(false);
      const s = summarize(doc, facts, findings);
      const share = hints.find((h) => h.label.endsWith('of planned public'));
      expect(share?.label, name).toBe(`${Math.round(s.euStateShare! * 100)} % of planned public`);
      // The hover of section 5 states the same share.
      const heading = facts.section('5')!.heading.range.start;
      expect(hoverAt(doc, facts, findings, heading, 'en')!.markdown, name).toContain(`| ${Math.round(s.euStateShare! * 100)} % |`);
    }
  });

  it('a value with a finding gets no hint; the others stay', () => {
    const text = example('000').replace('Alkaa 1.8.2018 ja päättyy 31.7.2021', 'Alkaa 1.8.2018 ja päättyy 31.2.2021');
    const { doc, facts, findings } = analyze(text);
    const hints = inlayHints(doc, facts, findings, {}, 'en');
    expect(hints.some((h) => h.kind === 'period')).toBe(false);
    expect(hints.some((h) => h.kind === 'financing')).toBe(true);
  });

  it('no figures where values cannot be read: nothing invented', () => {
    const text = example('000')
      .replace('Suunniteltu julkinen rahoitus yhteensä: 335 500', 'Suunniteltu julkinen rahoitus yhteensä:')
      .replace(/^Kunnat: .*$/m, 'Kunnat:');
    const { doc, facts, findings } = analyze(text);
    const labels = inlayHints(doc, facts, findings, {}, 'en').map((h) => h.label);
    expect(labels.some((l) => /planned/.test(l))).toBe(false);
    expect(labels.some((l) => /municipalit/.test(l))).toBe(false);
    expect(labels).toContain('96 % of granted');
  });
});

describe('code lenses (core)', () => {
  it('sit on the headings of sections 1, 5 and 6 of every example', () => {
    for (const { name, text } of EXAMPLES) {
      const { doc, facts, findings } = analyze(text);
      const lenses = codeLenses(doc, facts, findings, {}, 'fi');
      expect(
        lenses.map((l) => l.section),
        name,
      ).toEqual(['1', '5', '6']);
      for (const l of lenses) expect(l.range, name).toEqual(facts.section(l.section)!.heading.range);
    }
  });

  it('example 000 in one line each; switched off by kind', () => {
    const { doc, facts, findings } = analyze(example('000'));
    expect(codeLenses(doc, facts, findings, {}, 'fi').map((l) => l.title)).toEqual([
      'S21368 · ESR · TL 5 · 1.8.2018–31.7.2021 (36 kk) · Toiminta päättynyt',
      '✓ luvut johdonmukaiset · EU+valtio 86 % suunnitellusta julkisesta',
      'Keski-Suomi: 23 kuntaa 6 seutukunnassa ja 1 maakunnassa (1.8.2018)',
    ]);
    for (const kind of CODE_LENS_KINDS) expect(codeLenses(doc, facts, findings, { [kind]: false }, 'en').map((l) => l.kind)).toEqual(CODE_LENS_KINDS.filter((k) => k !== kind));
  });

  it('counts the financing findings', () => {
    const { doc, facts, findings } = analyze(example('000').replace('Toteutunut EU- ja valtion rahoitus: 278 300', 'Toteutunut EU- ja valtion rahoitus: 378 300'));
    const n = findings.filter((f) => f.range.start.line >= facts.section('5')!.range.start.line && f.range.start.line <= facts.section('5')!.range.end.line).length;
    expect(n).toBeGreaterThan(0);
    expect(codeLenses(doc, facts, findings, {}, 'en')[1].title).toMatch(new RegExp(`^${n} financing findings? · EU\\+state 86 %`));
  });
});

describe('preview page (core)', () => {
  it('example 000 reads as its public page: card, applicant, financing with shares, geography, 8.1, 8.2, final report', () => {
    const { doc, facts, findings } = analyze(example('000'));
    const html = renderDescriptionHtml(doc, facts, findings, 'en');
    expect(html).toMatch(/^<article class="hanke-page" lang="fi"><header class="card" data-line="4">.*<h1>Marke - palvelumarkkinoiden kehittäminen<\/h1>/);
    expect(html).toContain('<span class="code">S21368</span> <span class="fund">ESR</span> <span class="period">1.8.2018–31.7.2021 · 36 months</span>');
    expect(html).toContain('<dd>289 500 € <span class="figure">86 % of planned public</span></dd>');
    expect(html).toContain('<span class="figure">23 municipalities in 6 sub-regions and 1 region (on 1.8.2018)</span>');
    expect(html).toContain('<p class="question">Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen</p>');
    expect(html).toContain('<tr class="group" data-line="134"><th colspan="4">Ekologinen kestävyys <span class="figure">direct 3/50 · indirect 3/50</span></th></tr>');
    for (const n of ['1', '2', '3', '4', '4.1', '4.2', '5', '6', '7', '7.1', '7.2', '8', '8.1', '8.2', '9']) expect(html).toContain(`data-section="${n}"`);
    expect(html).toContain('No findings.');
  });

  it('marks each finding once, in place', () => {
    for (const { name, text } of EXAMPLES) {
      const { doc, facts, findings } = analyze(text);
      const html = renderDescriptionHtml(doc, facts, findings, 'fi');
      expect(html.match(/<span class="finding sev-/g)?.length ?? 0, name).toBe(findings.length);
    }
    const { doc, facts, findings } = analyze(example('004'));
    const html = renderDescriptionHtml(doc, facts, findings, 'en');
    expect(html).toMatch(
      /<div class="field has-finding" data-line="46"><dt>Hakijoiden lukumäärä tai tuen siirto -menettely<\/dt><dd><span class="empty">–<\/span><span class="finding sev-warning" data-line="46" data-rule="empty-field">/,
    );
  });

  const hostile = fc
    .string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', 'ä', '/', 's', 'c', 'r', 'i', 'p', 't', '='), minLength: 1, maxLength: 30 })
    .filter((s) => s.trim() !== '' && !s.includes('\n'));

  it('shows document text only escaped (property: any name, any line anywhere)', () => {
    const base = example('000').split('\n');
    fc.assert(
      fc.property(hostile, fc.nat(base.length - 1), (s, at) => {
        const lines = [...base];
        lines[8] = `Hankkeen nimi: ${s}`;
        lines.splice(at, 0, s);
        const { doc, facts, findings } = analyze(lines.join('\n'));
        const html = renderDescriptionHtml(doc, facts, findings, 'en');
        // Only the tags the renderer writes: no text became markup.
        const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
        for (const t of tags)
          expect([
            'article',
            'header',
            'p',
            'h1',
            'h2',
            'h3',
            'h4',
            'span',
            'section',
            'dl',
            'div',
            'dt',
            'dd',
            'ul',
            'li',
            'code',
            'strong',
            'table',
            'thead',
            'tbody',
            'tfoot',
            'tr',
            'th',
            'td',
            'br',
          ]).toContain(t);
        expect(html).toContain(`<h1>${escapeHtml(s.trim())}</h1>`);
        expect(html.match(/<span class="finding sev-/g)?.length ?? 0).toBe(findings.length);
      }),
      { numRuns: 150 },
    );
  });

  it('renders, hints and lenses whatever the parser reads (property: lines dropped from an example)', () => {
    const base = example('002').split('\n');
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(base.length - 1), { maxLength: 40 }), (drop) => {
        const text = base.filter((_, i) => !drop.includes(i)).join('\n');
        const { doc, facts, findings } = analyze(text);
        const f = cockpitFigures(doc, facts, findings);
        const html = renderDescriptionHtml(doc, facts, findings, 'fi', f);
        // Hints sit at the end of a value on a line of the text, never inside a finding; lenses on headings.
        for (const h of inlayHints(doc, facts, findings, {}, 'fi', f)) {
          expect(h.position.character).toBeLessThanOrEqual(doc.lines[h.position.line].length);
          expect(
            findings.some(
              (x) => x.range.start.line === h.position.line && x.range.start.character <= h.position.character && h.position.character <= x.range.end.character && x.range.end.line === h.position.line,
            ),
          ).toBe(false);
        }
        for (const l of codeLenses(doc, facts, findings, {}, 'fi', f)) expect(doc.sections.some((x) => x.heading.range === l.range)).toBe(true);
        expect(html.startsWith('<article')).toBe(true);
        expect(html.match(/<section /g)?.length ?? 0).toBe(html.match(/<\/section>/g)?.length ?? 0);
        expect(html.match(/<span class="finding sev-/g)?.length ?? 0).toBe(findings.length);
      }),
      { numRuns: 100 },
    );
  });
});
