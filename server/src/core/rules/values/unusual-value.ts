import { AUTHORITIES, ORGANISATION_TYPES, shortenedStatus, STATUS_VALUES } from '../../reference';
import type { ValueKind } from '../../schema';
import { onceFor } from '../../util/memo';
import { type Rule, type RuleFinding, t } from '../types';
import { certainNearMiss, nearValues, replaceFix, valuedFields } from './common';

/** The open lists: the values seen, not every value there is. */
const OPEN_LISTS: Partial<Record<ValueKind, readonly string[]>> = {
  status: STATUS_VALUES,
  organisationType: ORGANISATION_TYPES,
  authority: AUTHORITIES,
};

/** Each list as a set, for the common case: a value written as listed. */
const knownSet = onceFor((list: readonly string[]) => new Set(list));

/** The value is written as listed in its open list (nothing for this rule to report). */
export function isListedValue(kind: ValueKind, value: string): boolean {
  return knownSet(OPEN_LISTS[kind] ?? []).has(value);
}

/** How many known values a finding suggests at most when the near miss is not certain. */
const MAX_SUGGESTIONS = 3;

/**
 * A value of an open list (`Toiminnan tila`, `Organisaatiotyyppi`, `Vastuuviranomainen`)
 * that is a near miss of a known value: a different case or spacing, ä/ö written a/o, or
 * a typo within the typo budget. A value far from every known one is accepted silently,
 * since the lists are not complete. The fix writes the known value; it is safe when
 * exactly one known value is that close. A `Toiminnan tila` that shortens a known status
 * to its last word (`Päättynyt` for `Toiminta päättynyt`) is reported too, with a safe
 * fix; the other rules take it as that status (final-report-missing, realized-figures-missing).
 */
export const unusualValue: Rule = {
  id: 'unusual-value',
  category: 'values',
  defaultSeverity: 'warning',
  fixable: 'safe',
  needs: { values: ['status', 'organisationType', 'authority'] },
  description: t('Avoimen listan arvo on lähellä tunnettua arvoa (todennäköinen kirjoitusvirhe).', 'A value of an open list that is a near miss of a known value (a likely typo).'),
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const f of valuedFields(doc, 'status', 'organisationType', 'authority')) {
      const known = OPEN_LISTS[f.spec!.kind] ?? [];
      if (isListedValue(f.spec!.kind, f.value)) continue;
      const full = f.spec!.kind === 'status' ? shortenedStatus(f.value) : undefined;
      if (full) {
        out.push({
          range: f.valueRange,
          message: t(
            `"${f.value}" on lyhennetty muoto; virallinen arvo on "${full}", ja sellaisena se luetaan.`,
            `"${f.value}" is a shortened form; the official value is "${full}", and it is read as such.`,
          ),
          fixes: [replaceFix(f.valueRange, full, true)],
        });
        continue;
      }
      const certain = certainNearMiss(f.value, known);
      const suggestions = certain ? [certain] : nearValues(f.value, known).slice(0, MAX_SUGGESTIONS);
      if (suggestions.length === 0) continue;
      const first = suggestions[0];
      out.push({
        range: f.valueRange,
        message: t(`"${f.value}" on lähellä tunnettua arvoa "${first}"; tarkoititko sitä?`, `"${f.value}" is close to the known value "${first}"; did you mean it?`),
        fixes: suggestions.map((s) => replaceFix(f.valueRange, s, s === certain)),
      });
    }
    return out;
  },
};
