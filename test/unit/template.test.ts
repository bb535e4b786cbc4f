// The new-description skeleton (template.ts, request hanke/template) parses into every
// section and field of the schema, with no structure findings but the empty ones.
import { describe, expect, it } from 'vitest';
import { formatText } from '../../server/src/core/format';
import { analyze } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { RULES } from '../../server/src/core/rules';
import { allFields, allScoreItems, SECTIONS } from '../../server/src/core/schema';
import { descriptionTemplate } from '../../server/src/core/template';

const category = new Map(RULES.map((r) => [r.id, r.category]));

describe('descriptionTemplate()', () => {
  const text = descriptionTemplate();

  it('has every section once, in the official order, with exact headings', () => {
    const doc = parse(text);
    expect(doc.sections.map((s) => s.spec.number)).toEqual(SECTIONS.map((s) => s.number));
    expect(doc.sections.every((s) => s.heading.titleExact)).toBe(true);
    expect(doc.preamble.banner).toBeDefined();
    expect(doc.preamble.title).toBeDefined();
    expect(doc.preamble.other).toEqual([]);
  });

  it('has every field, question and score item with its exact label and nothing unrecognised', () => {
    const doc = parse(text);
    const fields = doc.sections.flatMap((s) => s.fields);
    expect(fields.every((f) => f.labelMatch === 'exact')).toBe(true);
    expect(fields.map((f) => f.spec!.key)).toEqual(allFields().map((f) => f.field.key));
    const items = doc.sections.flatMap((s) => s.items);
    expect(items.every((i) => i.nameExact)).toBe(true);
    expect(items.map((i) => i.spec.key)).toEqual(allScoreItems().map((i) => i.key));
    for (const s of doc.sections) {
      expect(s.strays).toEqual([]);
      if (s.spec.body !== 'text') expect(s.texts).toEqual([]);
    }
    const s6 = doc.sections.find((s) => s.spec.number === '6')!;
    expect(s6.placeMarker).toBeDefined();
    const s82 = doc.sections.find((s) => s.spec.number === '8.2')!;
    expect(s82.scoreHeader).toBeDefined();
    expect(s82.groups.every((g) => g.exact)).toBe(true);
  });

  it('lints with no structure findings other than empty-field and empty-section', () => {
    const { findings } = analyze(text);
    const structure = findings.filter((f) => category.get(f.rule) === 'structure');
    expect([...new Set(structure.map((f) => f.rule))].sort()).toEqual(['empty-field', 'empty-section']);
    // Exactly the required values, and the text sections that need text.
    const required = allFields().filter((f) => f.field.valueRequired).length;
    expect(structure.filter((f) => f.rule === 'empty-field')).toHaveLength(required);
    const textRequired = SECTIONS.filter((s) => s.textRequired).length;
    expect(structure.filter((f) => f.rule === 'empty-section')).toHaveLength(textRequired);
  });

  it('an empty skeleton reports no value, programme, financing or geography errors either', () => {
    const other = analyze(text).findings.filter((f) => category.get(f.rule) !== 'structure');
    expect(other.map((f) => `${f.rule}@${f.range.start.line + 1}`)).toEqual([]);
  });

  it('with CRLF line endings, the same', () => {
    const crlf = descriptionTemplate('\r\n');
    expect(crlf).toBe(text.replace(/\n/g, '\r\n'));
    expect(analyze(crlf).findings.map((f) => f.rule)).toEqual(analyze(text).findings.map((f) => f.rule));
  });

  it('formatting it keeps the same findings', () => {
    const formatted = formatText(text);
    expect(analyze(formatted).findings.map((f) => f.rule)).toEqual(analyze(text).findings.map((f) => f.rule));
  });

  it('is formatted, apart from the space left after each empty label for typing', () => {
    expect(formatText(text)).toBe(text.replace(/: $/gm, ':'));
  });
});
