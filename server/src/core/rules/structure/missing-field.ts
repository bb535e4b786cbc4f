import type { FieldNode, Range, SectionNode } from '../../model';
import { fieldInsertionPoint, insertionEdit, presentSectionList } from '../../places';
import type { FieldSpec } from '../../schema';
import { fieldLine } from '../../template';
import { type Rule, type RuleFinding, t } from '../types';
import { short } from '../../util/short';

/** Some field of `fields` is `spec`'s. */
function hasField(fields: readonly FieldNode[], spec: FieldSpec): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].spec === spec) return true;
  return false;
}

/** Punctuation written where the colon belongs (`Kunnat; Laukaa`, `Hankekoodi - S21368`). */
const NOT_A_COLON = /^[ \t]*[;.,=\-\u2013\u2014][ \t]*/;

/**
 * A line of the section that is not a field but begins with `label` and goes on with
 * something else than a colon (`Kunnat; Laukaa`, `Hankekoodi S21368`): the field written
 * without its colon. `between` runs from the label's end to the value.
 */
function withoutColon(section: SectionNode, label: string): { range: Range; between: Range; text: string } | undefined {
  for (const t of section.strays) {
    if (t.text.length <= label.length || t.text.slice(0, label.length).toLowerCase() !== label.toLowerCase()) continue;
    const rest = t.text.slice(label.length);
    const punct = NOT_A_COLON.exec(rest);
    const gap = punct ? punct[0].length : /^[ \t]+/.exec(rest)?.[0].length;
    if (!gap) continue; // `Kunnatkin …`: another word
    const line = t.range.start.line;
    const at = t.range.start.character + label.length;
    return {
      range: { start: t.range.start, end: { line, character: at } },
      between: { start: { line, character: at }, end: { line, character: at + gap } },
      text: t.text,
    };
  }
  return undefined;
}

/**
 * Absent fields of the sections that are present, including the 8.1 questions and the
 * 8.2 items. A field whose label is misspelled counts as present (that is unknown-field's).
 * A field written without its colon (`Kunnat; Laukaa`) is missing too, but the finding is
 * on that line and its fix writes the colon (inserting an empty field beside it would
 * leave the value behind). That fix is offered, not applied by --fix: the value it brings
 * in is then checked and may have findings of its own (a safe fix makes nothing new), and
 * after bare white space the line may be a sentence beginning with the label's word.
 */
export const missingField: Rule = {
  id: 'missing-field',
  category: 'structure',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { survey: 'fieldMissing' },
  description: t('Osiosta puuttuu kenttä, kysymys tai arvioitava kohta.', 'A field, question or scored item of the section is absent.'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const section of presentSectionList(doc)) {
      const spec = section.spec;
      const tight = spec.body === 'questions' || spec.body === 'scores';
      for (const field of spec.fields ?? []) {
        if (!field.required || hasField(section.fields, field)) continue;
        const label = field.label;
        const bare = spec.body === 'fields' ? withoutColon(section, label) : undefined;
        if (bare) {
          const shown = short(bare.text, 40);
          out.push({
            range: bare.range,
            message: t(
              `Kenttä "${label}" puuttuu osiosta ${spec.number}: rivillä "${shown}" ei ole kaksoispistettä nimen jälkeen.`,
              `Field "${label}" is missing from section ${spec.number}: the line "${shown}" has no colon after the label.`,
            ),
            fixes: [{ title: t(`Kirjoita "${label}:"`, `Write "${label}:"`), edits: [{ range: { start: bare.range.start, end: bare.between.end }, newText: `${label}: ` }], safe: false }],
          });
          continue;
        }
        const p = fieldInsertionPoint(section, field, doc);
        out.push({
          range: p.anchor,
          message: t(`Kenttä "${label}" puuttuu osiosta ${spec.number}.`, `Field "${label}" is missing from section ${spec.number}.`),
          fixes: [{ title: t(`Lisää "${label}:"`, `Insert "${label}:"`), edits: [insertionEdit(p, fieldLine(field), doc.eol, tight)], safe: true }],
        });
      }
      for (const group of spec.groups ?? []) {
        for (const item of group.items) {
          if (section.items.some((it) => it.spec === item)) continue;
          // fieldInsertionPoint orders 8.2 items by their key.
          const p = fieldInsertionPoint(section, { key: item.key } as FieldSpec, doc);
          out.push({
            range: p.anchor,
            message: t(`Kohta "${item.name}" (${group.name}) puuttuu osiosta ${spec.number}.`, `Item "${item.name}" (${group.name}) is missing from section ${spec.number}.`),
            fixes: [{ title: t(`Lisää "${item.name}"`, `Insert "${item.name}"`), edits: [insertionEdit(p, `${item.name} 0 0`, doc.eol, true)], safe: false }],
          });
        }
      }
    }
    return out;
  },
};
