import type { FieldNode } from '../../model';
import { fieldInsertionPoint, insertionEdit, presentSectionList } from '../../places';
import type { FieldSpec } from '../../schema';
import { fieldLine } from '../../template';
import { type Rule, type RuleFinding, t } from '../types';

/** Some field of `fields` is `spec`'s. */
function hasField(fields: readonly FieldNode[], spec: FieldSpec): boolean {
  for (let i = 0; i < fields.length; i++) if (fields[i].spec === spec) return true;
  return false;
}

/**
 * Absent fields of the sections that are present, including the 8.1 questions and the
 * 8.2 items. A field whose label is misspelled counts as present (that is unknown-field's).
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
        const p = fieldInsertionPoint(section, field, doc);
        const label = field.label;
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
