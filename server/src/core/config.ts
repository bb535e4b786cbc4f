// Configuration shared by the editor and the CLI: `.hankerc.json` and the `hanke.*`
// settings. Pure: text in, options or clear errors out (the callers do the I/O).
import type { LintOptions, RuleSetting } from './lint';
import { CATALOGUE } from './rules';
import type { Texts } from './schema';
import { closest } from './util/similarity';

export const CONFIG_FILE = '.hankerc.json';
export const SETTINGS = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type Locale = 'fi' | 'en';

/** ESLint's words and numbers for a severity. */
const ESLINT_SETTINGS: Readonly<Record<string, (typeof SETTINGS)[number]>> = { warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

/** The setting an invalid value most likely means: ESLint's `warn`/0/1/2, another case, or a typo. */
export function settingMeant(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const v = String(value).trim().toLowerCase();
  if (ESLINT_SETTINGS[v]) return ESLINT_SETTINGS[v];
  if ((SETTINGS as readonly string[]).includes(v)) return v;
  return closest(v, SETTINGS, (x) => x)?.item;
}

export interface HankeConfig extends LintOptions {
  locale?: Locale;
}

export interface ConfigError {
  message: Texts;
  /** Offset in the config text when known. */
  offset?: number;
}

export interface ConfigResult {
  config: HankeConfig;
  errors: ConfigError[];
}

const t = (fi: string, en: string): Texts => ({ fi, en });

/** Every id a configuration may name: the whole catalogue. */
const CONFIGURABLE: readonly { id: string }[] = CATALOGUE;
const CONFIGURABLE_IDS = new Set(CONFIGURABLE.map((r) => r.id));
/** Errors reported one by one at most; the rest are counted (a file of 100 000 wrong keys stays readable). */
const MAX_ERRORS = 50;

/** Validates a parsed `rules` object / `hanke.rules` setting. Unknown ids and values are errors. */
export function validateRules(rules: unknown, where: string): { rules: Record<string, RuleSetting>; errors: ConfigError[] } {
  const out: Record<string, RuleSetting> = {};
  const errors: ConfigError[] = [];
  if (rules === undefined || rules === null) return { rules: out, errors };
  if (typeof rules !== 'object' || Array.isArray(rules)) {
    errors.push({ message: t(`${where}: "rules" pitää olla objekti (säännön tunnus → vakavuus).`, `${where}: "rules" must be an object (rule id → severity).`) });
    return { rules: out, errors };
  }
  let more = 0;
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    if (errors.length >= MAX_ERRORS && (!CONFIGURABLE_IDS.has(id) || typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value))) {
      more++;
      continue;
    }
    if (!CONFIGURABLE_IDS.has(id)) {
      const near = closest(id, CONFIGURABLE, (r) => r.id);
      const hint = near ? t(` Tarkoititko "${near.item.id}"?`, ` Did you mean "${near.item.id}"?`) : t('', '');
      errors.push({ message: t(`${where}: tuntematon sääntö "${id}".${hint.fi}`, `${where}: unknown rule "${id}".${hint.en}`) });
      continue;
    }
    if (typeof value !== 'string' || !(SETTINGS as readonly string[]).includes(value)) {
      const near = settingMeant(value);
      const hint = near ? t(` Tarkoititko "${near}"?`, ` Did you mean "${near}"?`) : t('', '');
      errors.push({
        message: t(
          `${where}: säännön "${id}" arvo ${JSON.stringify(value)} ei kelpaa; sallitut: ${SETTINGS.join(', ')}.${hint.fi}`,
          `${where}: rule "${id}" has invalid value ${JSON.stringify(value)}; allowed: ${SETTINGS.join(', ')}.${hint.en}`,
        ),
      });
      continue;
    }
    out[id] = value as RuleSetting;
  }
  if (more > 0) errors.push({ message: t(`${where}: ${more} muuta virheellistä sääntöasetusta.`, `${where}: ${more} more invalid rule settings.`) });
  return { rules: out, errors };
}

/** Reads the text of a `.hankerc.json`. */
export function parseConfig(text: string, where = CONFIG_FILE): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const offset = pos ? Number(pos[1]) : 0;
    if (!pos) return { config: {}, errors: [{ message: t(`${where}: virheellinen JSON: ${msg}`, `${where}: invalid JSON: ${msg}`), offset }] };
    // Where, as an editor shows it (V8's message gives only an offset before Node 21).
    const before = text.replace(/^\uFEFF/, '').slice(0, offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return {
      config: {},
      errors: [{ message: t(`${where}: virheellinen JSON rivillä ${line}, sarakkeessa ${column}: ${msg}`, `${where}: invalid JSON at line ${line}, column ${column}: ${msg}`), offset }],
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, errors: [{ message: t(`${where}: asetusten pitää olla JSON-objekti.`, `${where}: the configuration must be a JSON object.`), offset: 0 }] };
  }
  const obj = raw as Record<string, unknown>;
  const errors: ConfigError[] = [];
  const config: HankeConfig = {};
  let unknown = 0;
  for (const key of Object.keys(obj)) {
    if (key !== 'rules' && key !== 'locale' && key !== '$schema') {
      if (unknown++ < MAX_ERRORS) errors.push({ message: t(`${where}: tuntematon asetus "${key}" (sallitut: rules, locale).`, `${where}: unknown setting "${key}" (allowed: rules, locale).`) });
    }
  }
  if (unknown > MAX_ERRORS) errors.push({ message: t(`${where}: ${unknown - MAX_ERRORS} muuta tuntematonta asetusta.`, `${where}: ${unknown - MAX_ERRORS} more unknown settings.`) });
  const r = validateRules(obj.rules, where);
  for (const e of r.errors) errors.push(e);
  config.rules = r.rules;
  if (obj.locale !== undefined) {
    if (obj.locale === 'fi' || obj.locale === 'en') config.locale = obj.locale;
    else errors.push({ message: t(`${where}: "locale" on "fi" tai "en".`, `${where}: "locale" is "fi" or "en".`) });
  }
  return { config, errors };
}

/** Later settings override earlier ones rule by rule. */
export function mergeConfigs(...configs: (HankeConfig | undefined)[]): HankeConfig {
  const out: HankeConfig = { rules: {} };
  for (const c of configs) {
    if (!c) continue;
    Object.assign(out.rules!, c.rules ?? {});
    if (c.locale) out.locale = c.locale;
  }
  return out;
}

/** 'fi' for Finnish locales (fi, fi-FI, fi_FI.UTF-8), otherwise 'en'. */
export function localeFrom(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const l = tag.toLowerCase();
  if (l.startsWith('fi')) return 'fi';
  if (l.startsWith('en') || l === 'c' || l === 'posix' || l.startsWith('c.')) return 'en';
  return undefined;
}

export function pick(texts: Texts, locale: Locale): string {
  return texts[locale];
}
