import type { HankeDocument } from '../../model';
import { parse } from '../../parser';
import { headingText, SECTIONS, type SectionSpec } from '../../schema';
import { fieldInsertionPoint, type InsertionPoint, insertionEdit, presentSections, sectionInsertionPoint } from '../../places';
import { fieldLine, sectionText } from '../../template';
import { type Rule, type RuleFinding, type TextEdit, t } from '../types';

/**
 * The edits that put back a heading lost above its section's fields: the heading, and
 * the fields the section then still lacks (found by reading the document with the
 * heading in place), so that one fix-all leaves no missing-field behind. Insertions at
 * one place are joined (heading first).
 */
function headingAndMissingFields(doc: HankeDocument, spec: SectionSpec, p: InsertionPoint, heading: string): TextEdit[] {
  const eol = doc.eol;
  const at = p.at.line;
  const lines = [...doc.lines];
  lines.splice(at, 0, heading, '');
  const virtual = parse(lines.join(eol));
  const section = presentSections(virtual).get(spec.number);
  const edits: TextEdit[] = [insertionEdit(p, heading, eol)];
  if (!section || section.heading.line !== at) return edits;
  const tight = spec.body === 'questions' || spec.body === 'scores';
  for (const field of spec.fields ?? []) {
    if (!field.required || section.fields.some((f) => f.spec === field)) continue;
    const e = insertionEdit(fieldInsertionPoint(section, field, virtual), fieldLine(field), eol, tight);
    const line = e.range.start.line;
    if (line < at + 2) continue; // not where a field goes: left to missing-field
    const start = { line: line - 2, character: e.range.start.character };
    const same = edits.find((x) => x.range.start.line === start.line && x.range.start.character === start.character);
    if (same) same.newText += e.newText;
    else edits.push({ range: { start, end: start }, newText: e.newText });
  }
  return edits;
}

export const missingSection: Rule = {
  id: 'missing-section',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { survey: 'sectionMissing' },
  description: t('Osio tai alaosio puuttuu.', 'A section or subsection is absent.'),
  check({ doc }) {
    const present = presentSections(doc);
    const out: RuleFinding[] = [];
    for (const spec of SECTIONS) {
      if (present.has(spec.number)) continue;
      // One fault, one finding: a subsection of an absent parent goes with the parent…
      if (spec.parent && !present.has(spec.parent) && !SECTIONS.some((s) => s.parent === spec.parent && present.has(s.number))) continue;
      const p = sectionInsertionPoint(doc, spec);
      const heading = headingText(spec);
      // …unless the parent is absent but some of its subsections are there, or the section's
      // content is there without its heading: then the heading alone goes in, before them.
      const text = p.headingOnly ? heading : sectionText(spec, doc.eol);
      out.push({
        range: p.anchor,
        message: t(`Osio "${heading}" puuttuu.`, `Section "${heading}" is missing.`),
        fixes: [
          { title: t(`Lisää osio "${heading}"`, `Insert section "${heading}"`), edits: p.orphan ? headingAndMissingFields(doc, spec, p, heading) : [insertionEdit(p, text, doc.eol)], safe: true },
        ],
      });
    }
    return out;
  },
};
