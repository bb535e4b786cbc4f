import { allFields, type FieldSpec, type SectionSpec } from '../../schema';
import { type Rule, type RuleFinding, t } from '../types';

/** The schema's realised fields and their sections, in the schema's order (picked out once). */
function realisedFields(): readonly { section: SectionSpec; field: FieldSpec }[] {
  return (realised ??= allFields().filter((x) => x.field.realised));
}

let realised: readonly { section: SectionSpec; field: FieldSpec }[] | undefined;

/**
 * `Toiminnan tila: Toiminta päättynyt` and a realised figure (the `realised` fields of
 * the schema: the two `Toteutunut` amounts of section 5 and 7.1's realised count) is
 * present but empty. An absent field is missing-field's.
 */
export const realizedFiguresMissing: Rule = {
  id: 'realized-figures-missing',
  category: 'principles',
  defaultSeverity: 'warning',
  fixable: false,
  description: t('Hanke on päättynyt, mutta toteutunut rahoitus tai määrä puuttuu.', 'The project has ended but a realised amount or count is empty.'),
  check({ facts }) {
    if (!facts.ended) return [];
    const out: RuleFinding[] = [];
    for (const { section, field } of realisedFields()) {
      const f = facts.field(field.key);
      if (!f || f.value !== '') continue;
      out.push({
        range: f.labelRange,
        message: t(
          `Hanke on päättynyt, mutta kentällä "${field.label}" (osio ${section.number}) ei ole arvoa.`,
          `The project has ended but "${field.label}" (section ${section.number}) has no value.`,
        ),
      });
    }
    return out;
  },
};
