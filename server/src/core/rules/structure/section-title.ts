import { type Rule, type RuleFinding, t } from '../types';

export const sectionTitle: Rule = {
  id: 'section-title',
  category: 'structure',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { survey: 'inexactTitle' },
  description: t('Otsikko poikkeaa virallisesta.', "A heading's title differs from the official title."),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const s of doc.sections) {
      if (s.heading.titleExact) continue;
      const official = s.spec.title;
      out.push({
        range: s.heading.titleRange,
        message: t(`Otsikon virallinen muoto on "${official}".`, `The official title is "${official}".`),
        fixes: [{ title: t(`Korjaa otsikoksi "${official}"`, `Change the title to "${official}"`), edits: [{ range: s.heading.titleRange, newText: official }], safe: true }],
      });
    }
    return out;
  },
};
