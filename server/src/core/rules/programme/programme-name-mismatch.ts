import type { Range } from '../../model';
import { isOfficialName } from '../../reference';
import type { Texts } from '../../schema';
import { type Fix, type Rule, type RuleFinding, t } from '../types';
import { isNearMiss, meantObjective, type NumberedReading, objectiveFault, otherNamedAxis, readAxis, readObjective } from '../../programme-reading';

interface Official {
  code: string;
  name: string;
  variants: readonly string[];
  /** 'Toimintalinjan 5' / 'priority axis 5'. */
  what: Texts;
  /** 'numeroksi' / 'number': what the number fix changes. */
  noun: Texts;
}

interface Other {
  code: string;
  /** 'toimintalinjan 3' / 'axis 3'. */
  what: Texts;
  /** The number fix is the likelier one: put it first. */
  preferred: boolean;
  /** A sentence saying why the number fix is likelier. */
  note: Texts;
}

/** The written name of a known axis or objective against its official name. */
function checkName(r: NumberedReading, official: Official, other: Other | undefined): RuleFinding | undefined {
  const { what, name } = official;
  if (r.name === '') {
    // '5.' or '10.1': append the name (after a '.', as EURA writes it).
    const codeEnd = r.codeRange?.end ?? r.nameRange.start;
    const edit = { range: { start: codeEnd, end: r.nameRange.end } as Range, newText: `. ${name}` };
    return {
      range: r.field.valueRange,
      message: t(`${what.fi} nimi puuttuu; virallinen nimi on "${name}".`, `The name of ${what.en} is missing; the official name is "${name}".`),
      fixes: [{ title: t(`Lisää nimi "${name}"`, `Insert the name "${name}"`), edits: [edit], safe: true }],
    };
  }
  if (isOfficialName(name, official.variants, r.name)) return undefined;
  const nameFix: Fix = {
    title: t(`Korjaa nimeksi "${name}"`, `Change the name to "${name}"`),
    edits: [{ range: r.nameRange, newText: name }],
    // A near miss of the official name is a typo; anything else is a guess.
    safe: !other && isNearMiss(name, official.variants, r.name),
  };
  const fixes: Fix[] = [nameFix];
  let otherNote = t('', '');
  if (other && r.codeRange) {
    const numberFix: Fix = {
      title: t(`Vaihda ${official.noun.fi} ${other.code}`, `Change the ${official.noun.en} to ${other.code}`),
      edits: [{ range: r.codeRange, newText: other.code }],
      safe: false,
    };
    if (other.preferred) fixes.unshift(numberFix);
    else fixes.push(numberFix);
    otherNote = t(` "${r.name}" on ${other.what.fi} nimi.${other.note.fi}`, ` "${r.name}" is the name of ${other.what.en}.${other.note.en}`);
  }
  return {
    range: r.nameRange,
    message: t(`${what.fi} virallinen nimi on "${name}".${otherNote.fi}`, `The official name of ${what.en} is "${name}".${otherNote.en}`),
    fixes,
  };
}

/** A value with a name but no number: insert the number the name stands for. */
function missingNumber(r: NumberedReading, code: string, name: string, what: Texts, noun: Texts): RuleFinding {
  const at = r.field.valueRange.start;
  return {
    range: r.field.valueRange,
    message: t(`${what.fi} ${noun.fi} puuttuu; virallinen muoto on "${code}. ${name}".`, `The ${noun.en} of ${what.en} is missing; the official form is "${code}. ${name}".`),
    fixes: [{ title: t(`Lisää ${noun.fi} ${code}`, `Insert the ${noun.en} ${code}`), edits: [{ range: { start: at, end: at }, newText: `${code}. ` }], safe: true }],
  };
}

/**
 * `Toimintalinja` or `Erityistavoite` whose number is right but whose name is not the
 * official name (nor a spelling used by official pages). Also: a number without a name,
 * and a name without a number when the name is that of exactly one axis / objective.
 */
export const programmeNameMismatch: Rule = {
  id: 'programme-name-mismatch',
  category: 'programme',
  defaultSeverity: 'warning',
  fixable: 'safe',
  description: t('Toimintalinjan tai erityistavoitteen nimi poikkeaa virallisesta.', 'The name of the priority axis or specific objective differs from the official name.'),
  check({ facts }) {
    const out: RuleFinding[] = [];
    const a = readAxis(facts);
    const o = readObjective(facts);
    if (a) {
      if (a.code !== undefined && a.axis) {
        const axis = a.axis;
        const other = otherNamedAxis(a);
        const objective = o && meantObjective(o);
        const objectiveThere = !!other && objective?.axis === other.number;
        const f = checkName(
          a,
          { code: String(axis.number), name: axis.name, variants: axis.variants, what: t(`Toimintalinjan ${axis.number}`, `priority axis ${axis.number}`), noun: t('numeroksi', 'number') },
          other && {
            code: String(other.number),
            what: t(`toimintalinjan ${other.number}`, `axis ${other.number}`),
            preferred: objectiveThere,
            note: objectiveThere
              ? t(` Erityistavoite ${objective!.code} kuuluu toimintalinjaan ${other.number}.`, ` Specific objective ${objective!.code} belongs to axis ${other.number}.`)
              : t('', ''),
          },
        );
        if (f) out.push(f);
      } else if (a.code === undefined && a.named.length === 1) {
        const axis = a.named[0];
        out.push(missingNumber(a, String(axis.number), axis.name, t('Toimintalinjan', 'the priority axis'), t('numero', 'number')));
      }
    }
    if (o) {
      if (o.code !== undefined && o.objective) {
        // When objective-axis-mismatch reports the objective, which one is meant is in doubt.
        if (!objectiveFault(a, o)) {
          const obj = o.objective;
          const other = o.named.find((x) => x !== obj);
          const f = checkName(
            o,
            { code: obj.code, name: obj.name, variants: obj.variants, what: t(`Erityistavoitteen ${obj.code}`, `specific objective ${obj.code}`), noun: t('koodiksi', 'code') },
            other && { code: other.code, what: t(`erityistavoitteen ${other.code}`, `objective ${other.code}`), preferred: false, note: t('', '') },
          );
          if (f) out.push(f);
        }
      } else if (o.code === undefined && o.named.length === 1) {
        const obj = o.named[0];
        out.push(missingNumber(o, obj.code, obj.name, t('Erityistavoitteen', 'the specific objective'), t('koodi', 'code')));
      }
    }
    return out;
  },
};
