// Rules across documents (SPEC.md §4): the same Hankekoodi in several files, and one
// Y-tunnus with different applicant names. They run where several files are linted
// together (the CLI over a folder or glob, the report, the editor's workspace lint) and
// are silent for a single file. Pure, in two steps so that files can be read anywhere
// (worker threads, a cache): `documentKeys` takes what a document contributes (plain
// data), `checkAcrossDocuments` compares them, in time linear in the number of files.
import type { Locale } from './config';
import type { RuleSetting } from './lint';
import type { HankeDocument, Range } from './model';
import { findField } from './parser';
import type { Severity } from './rules/types';
import type { Texts } from './schema';
import { foldForCompare } from './util/similarity';
import { isValidYTunnus } from './ytunnus';

export interface CrossDocumentRule {
  id: string;
  category: 'cross-document';
  defaultSeverity: Severity;
  description: Texts;
  fixable: false;
}

export const CROSS_DOCUMENT_RULES = {
  duplicateProjectCode: {
    id: 'duplicate-project-code',
    category: 'cross-document',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      fi: 'Sama hankekoodi kahdessa tai useammassa tiedostossa (kun tiedostoja tarkistetaan yhdessä).',
      en: 'The same Hankekoodi in two or more files (when files are linted together).',
    },
  },
  conflictingApplicant: {
    id: 'conflicting-applicant',
    category: 'cross-document',
    defaultSeverity: 'warning',
    fixable: false,
    description: {
      fi: 'Samalla Y-tunnuksella eri hakijan nimet eri tiedostoissa (kun tiedostoja tarkistetaan yhdessä).',
      en: 'One Y-tunnus with different applicant names across files (when files are linted together).',
    },
  },
} as const satisfies Record<string, CrossDocumentRule>;

export const CROSS_DOCUMENT_RULE_LIST: readonly CrossDocumentRule[] = Object.values(CROSS_DOCUMENT_RULES);

/** A value of a document and where it is. */
export interface KeyValue {
  value: string;
  range: Range;
}

/** What one document contributes to the checks across documents: plain data. */
export interface DocumentKeys {
  /** A valid Hankekoodi (upper-case), with its range. */
  code?: KeyValue;
  /** A valid Y-tunnus of the applicant. */
  yTunnus?: KeyValue;
  /** The applicant's official name (`Hakijan virallinen nimi`), when there is one. */
  applicant?: KeyValue;
}

/**
 * The values the checks compare. Values that fail their own check (an invalid code or
 * Y-tunnus) are left out, as everywhere else: one fault, one finding.
 */
export function documentKeys(doc: HankeDocument): DocumentKeys | undefined {
  const keys: DocumentKeys = {};
  const code = findField(doc, 'projectCode');
  if (code?.typed?.kind === 'projectCode' && code.typed.valid) keys.code = { value: code.value.toUpperCase(), range: code.valueRange };
  const y = findField(doc, 'yTunnus');
  if (y && isValidYTunnus(y.value)) keys.yTunnus = { value: y.value, range: y.valueRange };
  const name = findField(doc, 'applicantName');
  if (name && name.value !== '') keys.applicant = { value: name.value, range: name.valueRange };
  return keys.code || keys.yTunnus ? keys : undefined;
}

export interface CrossInput {
  /** The file as it is named to the user. */
  file: string;
  keys?: DocumentKeys;
  /** The file's rule settings (its configuration). */
  rules?: Readonly<Record<string, RuleSetting>>;
}

export interface CrossFinding {
  /** Index of the file in the inputs. */
  index: number;
  rule: string;
  severity: Severity;
  range: Range;
  message: Texts;
}

export interface CrossGroups {
  /** Codes in two or more files: the code and the files' indices. */
  codes: { value: string; files: number[] }[];
  /** Y-tunnus values with two or more applicant names: each name (as first written) and its files. */
  applicants: { value: string; names: { name: string; files: number[] }[] }[];
}

export interface CrossResult {
  findings: CrossFinding[];
  groups: CrossGroups;
}

/** How many other files a message names; the rest are counted. */
export const NAMED_FILES = 3;

function setting(input: CrossInput, rule: CrossDocumentRule): RuleSetting {
  return input.rules?.[rule.id] ?? rule.defaultSeverity;
}

/** `a, b, c and 597 more` without listing every file: the first few of a group other than `self` (one of them). */
function others(files: readonly number[], self: number, inputs: readonly CrossInput[]): { named: string[]; total: number } {
  const named: string[] = [];
  for (let k = 0; k < files.length && named.length < NAMED_FILES; k++) if (files[k] !== self) named.push(inputs[files[k]].file);
  return { named, total: files.length - 1 };
}

/**
 * ` and 1 more`, ` and 3 more`: after 1 a Finnish noun is in the nominative (`ja 1 muu`),
 * after a larger number in the partitive (`ja 3 muuta`). Each pair: [after 1, after more].
 */
function andMore(n: number, fi: [string, string] = ['muu', 'muuta'], en: [string, string] = ['more', 'more']): Texts {
  const k = n === 1 ? 0 : 1;
  return { fi: ` ja ${n} ${fi[k]}`, en: ` and ${n} ${en[k]}` };
}

function listText(o: { named: string[]; total: number }): Texts {
  const more = o.total - o.named.length;
  const names = o.named.join(', ');
  if (more <= 0) return { fi: names, en: names };
  const tail = andMore(more);
  return { fi: names + tail.fi, en: names + tail.en };
}

/** Groups of two or more, in the order their first member came. */
function groupsOf(inputs: readonly CrossInput[], key: (k: DocumentKeys) => string | undefined): [string, number[]][] {
  // A lone member is kept as its index (most values are unique: no array for each).
  const by = new Map<string, number | number[]>();
  const out: [string, number[]][] = [];
  for (let i = 0; i < inputs.length; i++) {
    const k = inputs[i].keys;
    const v = k && key(k);
    if (v === undefined) continue;
    const g = by.get(v);
    if (g === undefined) by.set(v, i);
    else if (typeof g === 'number') by.set(v, [g, i]);
    else g.push(i);
  }
  // forEach, not for…of: no [value, group] pair made for each of the (mostly unique) values.
  by.forEach((g, v) => {
    if (typeof g !== 'number') out.push([v, g]);
  });
  return out;
}

/** Applicant names compared without case or spacing differences. */
function sameName(s: string): string {
  return foldForCompare(s.replace(/\s+/g, ' ').trim());
}

/** Compares the documents' keys. Time and memory linear in the number of files (and messages of bounded length). */
export function checkAcrossDocuments(inputs: readonly CrossInput[]): CrossResult {
  const findings: CrossFinding[] = [];
  const groups: CrossGroups = { codes: [], applicants: [] };
  if (inputs.length < 2) return { findings, groups };

  const dup = CROSS_DOCUMENT_RULES.duplicateProjectCode;
  for (const [code, files] of groupsOf(inputs, (k) => k.code?.value)) {
    // The report lists a group only where the rule is on (for at least one of its files).
    if (files.some((i) => setting(inputs[i], dup) !== 'off')) groups.codes.push({ value: code, files });
    for (const i of files) {
      const s = setting(inputs[i], dup);
      if (s === 'off') continue;
      const o = others(files, i, inputs);
      const list = listText(o);
      findings.push({
        index: i,
        rule: dup.id,
        severity: s,
        range: inputs[i].keys!.code!.range,
        message: {
          fi: `Hankekoodi ${code} on myös ${o.total === 1 ? 'toisessa tiedostossa' : `${o.total} muussa tiedostossa`}: ${list.fi}.`,
          en: `Hankekoodi ${code} is also in ${o.total === 1 ? 'another file' : `${o.total} other files`}: ${list.en}.`,
        },
      });
    }
  }

  const conflict = CROSS_DOCUMENT_RULES.conflictingApplicant;
  for (const [y, files] of groupsOf(inputs, (k) => (k.applicant ? k.yTunnus?.value : undefined))) {
    const names = new Map<string, { name: string; files: number[] }>();
    for (const i of files) {
      const name = inputs[i].keys!.applicant!.value;
      const key = sameName(name);
      const n = names.get(key);
      if (n) n.files.push(i);
      else names.set(key, { name, files: [i] });
    }
    if (names.size < 2) continue;
    const byName = [...names.values()];
    if (files.some((i) => setting(inputs[i], conflict) !== 'off')) groups.applicants.push({ value: y, names: byName });
    const item = (n: { name: string; files: number[] }, locale: Locale) => `"${n.name}" (${inputs[n.files[0]].file}${n.files.length > 1 ? andMore(n.files.length - 1)[locale] : ''})`;
    for (const own of byName) {
      // The other names, each with the first of its files; at most NAMED_FILES names.
      const shown = byName
        .slice(0, NAMED_FILES + 1)
        .filter((n) => n !== own)
        .slice(0, NAMED_FILES);
      const rest = names.size - 1 - shown.length;
      const message: Texts = {
        fi: `Y-tunnuksella ${y} on muissa tiedostoissa eri hakijan nimi: ${shown.map((n) => item(n, 'fi')).join(', ')}${rest > 0 ? andMore(rest, ['muu nimi', 'muuta nimeä']).fi : ''}.`,
        en: `Y-tunnus ${y} has a different applicant name in other files: ${shown.map((n) => item(n, 'en')).join(', ')}${rest > 0 ? andMore(rest, undefined, ['more name', 'more names']).en : ''}.`,
      };
      for (const i of own.files) {
        const s = setting(inputs[i], conflict);
        if (s !== 'off') findings.push({ index: i, rule: conflict.id, severity: s, range: inputs[i].keys!.applicant!.range, message });
      }
    }
  }
  return { findings, groups };
}
