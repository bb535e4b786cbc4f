// Text of sections and fields as the schema declares them: the new-description
// skeleton, and the text inserted by the missing-section and missing-field fixes.
import { childSections, type FieldSpec, headingText, PREAMBLE, type SectionSpec, SECTIONS } from './schema';

/** `Label: ` — the line a missing field's fix inserts. */
export function fieldLine(field: FieldSpec): string {
  return `${field.label}: `;
}

/** The body lines of a section (without its heading), one item per entry. */
function bodyItems(spec: SectionSpec): string[] {
  const items: string[] = [];
  switch (spec.body) {
    case 'fields':
      for (const f of spec.fields ?? []) {
        if (f.group === 'place' && spec.placeMarker && !items.includes(spec.placeMarker)) items.push(spec.placeMarker);
        items.push(fieldLine(f));
      }
      break;
    case 'questions':
      // Each answer is followed directly by its justification: no blank lines inside 8.1.
      items.push((spec.fields ?? []).map(fieldLine).join('\n'));
      break;
    case 'scores': {
      const lines = [spec.scoreHeader ?? ''];
      for (const g of spec.groups ?? []) {
        lines.push(g.name);
        for (const it of g.items) lines.push(`${it.name} 0 0`);
      }
      // The score table is written without blank lines between its rows.
      items.push(lines.join('\n'));
      break;
    }
    case 'text':
      if (spec.dashMeansEmpty && !spec.textRequired) items.push('-');
      break;
    default:
      break;
  }
  return items;
}

/**
 * A section with its heading, its labels and (for a parent) its subsections, items
 * separated by blank lines, using `eol` as line ending; no trailing line break.
 */
export function sectionText(spec: SectionSpec, eol = '\n'): string {
  const parts = [headingText(spec), ...bodyItems(spec)];
  for (const child of childSections(spec.number)) parts.push(sectionText(child, '\n'));
  return parts.join('\n\n').replace(/\n/g, eol);
}

/** A complete new description: preamble and every section, ready to fill in. */
export function descriptionTemplate(eol = '\n'): string {
  const parts: string[] = [PREAMBLE.banner, PREAMBLE.title];
  for (const spec of SECTIONS) if (spec.level === 1) parts.push(sectionText(spec));
  return (parts.join('\n\n') + '\n').replace(/\n/g, eol);
}
