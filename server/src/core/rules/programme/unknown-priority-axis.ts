import { AXES } from '../../reference';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { axisText, closestAxisByName, joinList, readAxis } from '../../programme-reading';

/**
 * `Toimintalinja` whose number is not an axis of the programme, or that has no number
 * and a name that does not name exactly one axis. (A value without a number whose name
 * is an axis's official name is programme-name-mismatch's: the axis is known.)
 */
export const unknownPriorityAxis: Rule = {
  id: 'unknown-priority-axis',
  category: 'programme',
  defaultSeverity: 'error',
  fixable: 'safe',
  description: t('Toimintalinjan numeroa ei ole rakennerahasto-ohjelmassa.', 'The Toimintalinja number is not a priority axis of the programme.'),
  check({ facts }) {
    const a = readAxis(facts);
    if (!a) return [];
    const out: RuleFinding[] = [];
    if (a.code !== undefined && a.codeRange) {
      if (a.axis) return [];
      const numbers = AXES.map((x) => String(x.number));
      const fi = joinList(numbers, 'ja');
      const en = joinList(numbers, 'and');
      const fixes: Fix[] = [];
      let nameNote = t('', '');
      if (a.named.length === 1) {
        const n = a.named[0];
        nameNote = t(` Nimi on toimintalinjan ${n.number} nimi.`, ` The name is that of axis ${n.number}.`);
        fixes.push({ title: t(`Vaihda numeroksi ${n.number}`, `Change the number to ${n.number}`), edits: [{ range: a.codeRange, newText: String(n.number) }], safe: true });
      }
      out.push({
        range: a.codeRange,
        message: t(`Toimintalinjaa ${a.code} ei ole ohjelmassa; toimintalinjat ovat ${fi}.${nameNote.fi}`, `Priority axis ${a.code} is not in the programme; the axes are ${en}.${nameNote.en}`),
        fixes,
      });
      return out;
    }
    // No number.
    if (a.named.length === 1) return [];
    const value = a.field.value;
    if (a.named.length > 1) {
      const which = a.named.map((x) => String(x.number));
      out.push({
        range: a.field.valueRange,
        message: t(
          `Toimintalinjasta puuttuu numero; "${value}" on toimintalinjojen ${joinList(which, 'ja')} nimi.`,
          `The priority axis has no number; "${value}" is the name of axes ${joinList(which, 'and')}.`,
        ),
      });
      return out;
    }
    const near = closestAxisByName(a.name);
    out.push({
      range: a.field.valueRange,
      message: t(`Toimintalinjasta puuttuu numero, eikä "${value}" ole ohjelman toimintalinjan nimi.`, `The priority axis has no number, and "${value}" is not the name of an axis of the programme.`),
      fixes: near ? [{ title: t(`Korjaa muotoon "${axisText(near)}"`, `Change to "${axisText(near)}"`), edits: [{ range: a.field.valueRange, newText: axisText(near) }], safe: false }] : [],
    });
    return out;
  },
};
