import { findMunicipality, type MunicipalityPeriod, municipalityHistory, suggestMunicipality } from '../../reference';
import { formatIsoDate, nextIsoDay, type ListItem } from '../../values';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { cappedSuggestions, FINDINGS_PER_LIST, judgeDate, kuntaReadings, removeItemEdit, replaceFix, sameApartFromAccents, theRest } from './common';

/** The kunta that `period`'s kunta had become part of by `date`, following successive mergers. */
function successorOn(period: MunicipalityPeriod, date: string): MunicipalityPeriod | undefined {
  let name = period.mergedInto;
  for (let hops = 0; name !== undefined && hops < 5; hops++) {
    const p = findMunicipality(name, date);
    if (p) return p;
    const history = municipalityHistory(name);
    name = history[history.length - 1]?.mergedInto;
  }
  return undefined;
}

/** Replace a merged kunta by its successor, or drop it when the successor is listed already. */
function mergerFix(items: readonly ListItem[], i: number, successor: MunicipalityPeriod, date: string): Fix {
  const listed = items.some((other, j) => j !== i && findMunicipality(other.text, date)?.code === successor.code);
  if (!listed) return replaceFix(items[i], successor.name, false);
  return {
    title: t(`Poista ${items[i].text} (${successor.name} on jo listalla)`, `Remove ${items[i].text} (${successor.name} is listed already)`),
    edits: [removeItemEdit(items, i)],
    safe: false,
  };
}

/**
 * A `Kunnat` item that names no kunta existing on the project's start date: an unknown
 * name, or a kunta merged into another before the project started (Valtimo, merged into
 * Nurmes on 1.1.2020). Finnish names, listed aliases and Swedish names are accepted.
 * Without a valid start date, a name is accepted if the kunta existed at any time in the
 * data. Fix: the kunta it was merged into, else the closest name valid then.
 */
export const unknownMunicipality: Rule = {
  id: 'unknown-municipality',
  category: 'geography',
  defaultSeverity: 'error',
  fixable: 'safe',
  needs: { places: 'unknownKunta' },
  description: t('Kuntaa ei ollut olemassa hankkeen alkaessa.', 'A municipality (kunta) that did not exist on the start date.'),
  check({ facts }) {
    const out: RuleFinding[] = [];
    const suggest = cappedSuggestions(suggestMunicipality);
    const date = judgeDate(facts);
    // Each item's period on the day, read once per document (kuntaReadings).
    const kunnat = kuntaReadings(facts);
    const items = kunnat.map((k) => k.item);
    kunnat.forEach(({ item, period }, i) => {
      if (out.length > FINDINGS_PER_LIST) return;
      const written = item.text;
      if (period) return;
      if (out.length === FINDINGS_PER_LIST) {
        out.push(
          ...theRest(
            kunnat
              .slice(i)
              .filter((x) => !x.period)
              .map((x) => x.item),
            { fi: 'kunnat', en: 'municipalities' },
          ),
        );
        return;
      }
      const history = date ? municipalityHistory(written) : [];
      const first = history[0];
      const last = history[history.length - 1];
      if (date && last?.validUntil !== undefined && last.validUntil < date) {
        const gone = formatIsoDate(nextIsoDay(last.validUntil));
        const successor = successorOn(last, date);
        const into = last.mergedInto;
        out.push({
          range: item.range,
          message: into
            ? t(
                `Kunta ${last.name} yhdistettiin kuntaan ${into} ${gone}; sitä ei ollut hankkeen alkaessa ${formatIsoDate(date)}.`,
                `${last.name} was merged into ${into} on ${gone}; it did not exist on the start date ${formatIsoDate(date)}.`,
              )
            : t(
                `Kunta ${last.name} lakkautettiin ${gone}; sitä ei ollut hankkeen alkaessa ${formatIsoDate(date)}.`,
                `${last.name} was abolished on ${gone}; it did not exist on the start date ${formatIsoDate(date)}.`,
              ),
          fixes: successor ? [mergerFix(items, i, successor, date)] : [],
        });
        return;
      }
      if (date && first?.validFrom !== undefined && date < first.validFrom) {
        const name = suggest(written, date);
        out.push({
          range: item.range,
          message: t(
            `Kunta ${first.name} perustettiin vasta ${formatIsoDate(first.validFrom)}; sitä ei ollut hankkeen alkaessa ${formatIsoDate(date)}.`,
            `${first.name} was only established on ${formatIsoDate(first.validFrom)}; it did not exist on the start date ${formatIsoDate(date)}.`,
          ),
          fixes: name ? [replaceFix(item, name, false)] : [],
        });
        return;
      }
      const name = suggest(written, date);
      out.push({
        range: item.range,
        message: name
          ? t(`Tuntematon kunta "${written}"; tarkoititko "${name}"?`, `Unknown municipality (kunta) "${written}"; did you mean "${name}"?`)
          : t(`Tuntematon kunta "${written}".`, `Unknown municipality (kunta) "${written}".`),
        fixes: name ? [replaceFix(item, name, sameApartFromAccents(written, name))] : [],
      });
    });
    return out;
  },
};
