// The cases of issue 12 ("edits must never corrupt a document") as fixtures: format is
// idempotent in one pass (a label that lost its first letter right after another field,
// a label or value split over two lines, a BOM before a preamble that is not the banner,
// mixed line endings), and fix-all puts a lost heading back where it belongs, fixes three
// missing fields at one place in one pass, and sends edits an LSP client accepts.
// The same properties for all inputs are in test/fuzz/edits-format.test.ts and edits-fixall.test.ts.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { applicableFixes, applyEdits } from '../../server/src/core/fixes';
import { formatEdits, formatText, lineEndings } from '../../server/src/core/format';
import { analyze } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import type { TextEdit } from '../../server/src/core/rules/types';
import { EXAMPLES, example } from '../helpers/examples';

const ex000 = example('000');
const lspApply = (text: string, edits: readonly TextEdit[]) => TextDocument.applyEdits(TextDocument.create('untitled:x', 'hanke', 1, text), edits as TextEdit[]);

/** Formats once through the LSP's applyEdits and checks that a second pass has nothing to do. */
function formatOnce(text: string): string {
  const out = lspApply(text, formatEdits(parse(text), text));
  expect(formatEdits(parse(out), out)).toEqual([]);
  expect(formatText(text)).toBe(out);
  return out;
}

describe('format: one pass is enough', () => {
  it('a label that lost its first letter, right after the previous field, gets one blank line once', () => {
    const text = ex000.replace('\n\nSuunniteltu julkinen rahoitus yhteensä:', '\nuunniteltu julkinen rahoitus yhteensä:');
    const out = formatOnce(text);
    expect(out).toBe(ex000);
    expect(formatOnce(out)).toBe(ex000);
  });

  it('a label or a value split over two lines is formatted once and its words kept', () => {
    for (const text of [
      ex000.replace('Hankekoodi: S21368', 'Hankekoodi:\nS21368'),
      ex000.replace('Hankkeen nimi: Marke', 'Hankkeen\nnimi: Marke'),
      ex000.replace('\n\nToteutunut julkinen rahoitus yhteensä:', '\nToteutunut julkinen\nrahoitus yhteensä:'),
    ]) {
      const out = formatOnce(text);
      expect(out.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    }
  });

  it('a BOM before a first line that is not the banner stays one BOM', () => {
    for (const text of ['\uFEFF' + ex000.replace('Euroopan unioni Vipuvoimaa EU:lta', 'Hello  '), '\uFEFFfoo\n\n' + ex000, '\uFEFF \n\nHello\n1 Hanke\n']) {
      const out = formatOnce(text);
      expect(out.startsWith('\uFEFF')).toBe(true);
      expect(out.slice(1).includes('\uFEFF')).toBe(false);
    }
  });

  it('mixed line endings: a blank line inserted after a lone CR is a CR (an LF would join it)', () => {
    // The document's first ending is LF; the line before the inserted blank line ends with CR.
    const text = 'Euroopan unioni Vipuvoimaa EU:lta\n\nEuroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus\n\n1 Hanke\n\nHankekoodi: S21368\rHankkeen nimi: X\n';
    const out = formatOnce(text);
    expect(out).toContain('Hankekoodi: S21368\r\rHankkeen nimi: X');
    // Every ending mix of an example.
    const lines = ex000.split('\n');
    for (const mix of [['\r'], ['\r\n'], ['\n', '\r'], ['\r', '\n'], ['\r\n', '\r', '\n']]) {
      const mixed = lines
        .map((l, i) => l + (i < lines.length - 1 ? mix[i % mix.length] : ''))
        .join('')
        .replace(/\n\n(Suunniteltu julkinen)/, '\n$1');
      formatOnce(mixed);
      formatOnce('\uFEFF' + mixed);
    }
  });

  it('lineEndings lists the break after each line', () => {
    expect(lineEndings('a\r\nb\rc\nd')).toEqual(['\r\n', '\r', '\n', '']);
    expect(lineEndings('')).toEqual(['']);
  });
});

/** Fix-all once: the edits an LSP client accepts, applied as it applies them. */
function fixAllOnce(text: string): string {
  const edits = applicableFixes(analyze(text).findings);
  const fixed = lspApply(text, edits);
  expect(applyEdits(text, edits)).toBe(fixed);
  return fixed;
}

describe('fix-all', () => {
  for (const { name, text } of EXAMPLES) {
    it(`${name}: heading 7 deleted: inserted before 7.1, not after 7.2 (no section-order); the text is restored`, () => {
      const mutated = text.replace(/^7 [^\n]*\r?\n\r?\n/m, '');
      expect(mutated).not.toBe(text);
      const fixed = fixAllOnce(mutated);
      expect(analyze(fixed).findings.filter((f) => f.rule === 'section-order')).toEqual([]);
      expect(fixed).toBe(text);
    });

    it(`${name}: heading 8.1 deleted, its questions still there: only the heading goes back`, () => {
      const mutated = text.replace(/^8\.1 [^\n]*\r?\n\r?\n/m, '');
      expect(mutated).not.toBe(text);
      const fixed = fixAllOnce(mutated);
      expect(fixed).toBe(text);
      expect(fixed.split('Hankkeen päätavoite on sukupuolten tasa-arvon edistäminen:').length).toBe(2);
    });
  }

  it('a heading lost above fields also puts back the fields the section then lacks, in one pass', () => {
    const mutated = ex000.replace(/^2 Hakijan perustiedot\n\n/m, '').replace(/^Y-tunnus: [^\n]*\n\n/m, '');
    const fixed = fixAllOnce(mutated);
    const after = analyze(fixed).findings;
    expect(after.filter((f) => f.rule === 'missing-section' || f.rule === 'missing-field')).toEqual([]);
    expect(fixed).toBe(ex000.replace(/^Y-tunnus: [^\n]*$/m, 'Y-tunnus: '));
  });

  it('three missing fields at the same place are all inserted in one pass, in the schema order', () => {
    const mutated = ex000.replace(/^Hankekoodi:.*\n\n^Hankkeen nimi:.*\n\n^Toimintalinja:.*\n\n/m, '');
    expect(analyze(mutated).findings.filter((f) => f.rule === 'missing-field')).toHaveLength(3);
    const fixed = fixAllOnce(mutated);
    const after = analyze(fixed).findings;
    expect(after.filter((f) => f.rule === 'missing-field')).toEqual([]);
    expect(after.filter((f) => f.fixes.some((x) => x.safe))).toEqual([]);
    expect(fixed).toBe(ex000.replace(/^(Hankekoodi:|Hankkeen nimi:|Toimintalinja:).*$/gm, '$1 '));
  });

  it('a replacement and an insertion at the same start are sent so that an LSP client applies them', () => {
    // Hankekoodi missing (inserted before "Hankkeen nimi") and "Hankkeen nimi" misspelled (replaced).
    const mutated = ex000.replace(/^Hankekoodi:.*\n\n/m, '').replace('Hankkeen nimi:', 'Hankkeen nmi:');
    const edits = applicableFixes(analyze(mutated).findings);
    const starts = edits.map((e) => `${e.range.start.line}:${e.range.start.character}`);
    expect(new Set(starts).size).toBeLessThan(starts.length);
    const fixed = fixAllOnce(mutated);
    expect(fixed).toBe(ex000.replace(/^Hankekoodi:.*$/m, 'Hankekoodi: '));
  });
});
