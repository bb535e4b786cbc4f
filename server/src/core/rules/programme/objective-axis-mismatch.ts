import { type Axis, findAxis } from '../../reference';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { axisText, closestObjectiveByName, joinList, objectiveFault, objectiveText, readAxis, readObjective } from '../../programme-reading';

function objectivesOf(axis: Axis | undefined): { fi: string; en: string } {
  if (!axis || axis.objectives.length === 0) return { fi: '', en: '' };
  const codes = axis.objectives.map((o) => o.code);
  return {
    fi: ` Toimintalinjan ${axis.number} erityistavoitteet: ${joinList(codes, 'ja')}.`,
    en: ` The objectives of axis ${axis.number}: ${joinList(codes, 'and')}.`,
  };
}

/**
 * `Erityistavoite` that does not belong to the stated `Toimintalinja` (10.1 under axis 3).
 * Also reports an objective code that does not exist at all (it belongs to no axis), and
 * a value without a code whose name is not an objective's: neither can belong to the axis.
 * See reading.ts for how the work is shared with the other programme rules.
 */
export const objectiveAxisMismatch: Rule = {
  id: 'objective-axis-mismatch',
  category: 'programme',
  defaultSeverity: 'error',
  fixable: 'safe',
  description: t('Erityistavoite ei kuulu ilmoitettuun toimintalinjaan tai sitä ei ole ohjelmassa.', 'The Erityistavoite does not belong to the stated Toimintalinja, or is not in the programme.'),
  check({ facts }) {
    const o = readObjective(facts);
    if (!o) return [];
    const a = readAxis(facts);
    const fault = objectiveFault(a, o);
    if (!fault) return [];
    const out: RuleFinding[] = [];
    const list = objectivesOf(fault.axis);
    switch (fault.kind) {
      case 'unknownCode': {
        const fixes: Fix[] = [];
        const named = o.named.length === 1 ? o.named[0] : undefined;
        if (named && o.codeRange) {
          const fits = !fault.axis || named.axis === fault.axis.number;
          fixes.push({ title: t(`Vaihda koodiksi ${named.code}`, `Change the code to ${named.code}`), edits: [{ range: o.codeRange, newText: named.code }], safe: fits });
        }
        const nameNote = named ? t(` Nimi on erityistavoitteen ${named.code} nimi.`, ` The name is that of objective ${named.code}.`) : t('', '');
        out.push({
          range: o.codeRange ?? o.field.valueRange,
          message: t(
            `Erityistavoitetta ${o.code} ei ole ohjelmassa.${nameNote.fi}${named ? '' : list.fi}`,
            `Specific objective ${o.code} is not in the programme.${nameNote.en}${named ? '' : list.en}`,
          ),
          fixes,
        });
        break;
      }
      case 'noCode': {
        const value = o.field.value;
        const near = closestObjectiveByName(o.name);
        out.push({
          range: o.field.valueRange,
          message: t(
            `Erityistavoitteesta puuttuu koodi, eikä "${value}" ole ohjelman erityistavoitteen nimi.${list.fi}`,
            `The specific objective has no code, and "${value}" is not the name of an objective of the programme.${list.en}`,
          ),
          fixes: near
            ? [{ title: t(`Korjaa muotoon "${objectiveText(near)}"`, `Change to "${objectiveText(near)}"`), edits: [{ range: o.field.valueRange, newText: objectiveText(near) }], safe: false }]
            : [],
        });
        break;
      }
      case 'otherAxis': {
        const { objective, axis } = fault;
        const fixes: Fix[] = [];
        // The name names an objective of the stated axis: the code is the slip.
        const named = o.named.find((x) => x.axis === axis.number);
        if (named && o.codeRange) {
          fixes.push({ title: t(`Vaihda koodiksi ${named.code}`, `Change the code to ${named.code}`), edits: [{ range: o.codeRange, newText: named.code }], safe: true });
        }
        const home = findAxis(objective.axis);
        if (home && a) {
          fixes.push({
            title: t(`Vaihda toimintalinjaksi "${axisText(home)}"`, `Change the axis to "${axisText(home)}"`),
            edits: [{ range: a.field.valueRange, newText: axisText(home) }],
            safe: false,
          });
        }
        const code = objective.code;
        const nameNote = named ? t(` Nimi on erityistavoitteen ${named.code} nimi.`, ` The name is that of objective ${named.code}.`) : t('', '');
        out.push({
          range: o.codeRange ?? o.field.valueRange,
          message: t(
            `Erityistavoite ${code} kuuluu toimintalinjaan ${objective.axis}, ei toimintalinjaan ${axis.number}.${nameNote.fi}${list.fi}`,
            `Specific objective ${code} belongs to priority axis ${objective.axis}, not to axis ${axis.number}.${nameNote.en}${list.en}`,
          ),
          fixes,
        });
        break;
      }
    }
    return out;
  },
};
