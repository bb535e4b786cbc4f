// Configuration that a hostile or careless folder may hold: huge numbers of keys give a
// short, clear list of errors (no stack overflow), file-check ids are configurable.
import { describe, expect, it } from 'vitest';
import { parseConfig, validateRules } from '../../server/src/core/config';

describe('configuration with very many keys', () => {
  it('130 000 unknown rule keys: no stack overflow, a capped list of errors and a count of the rest', () => {
    const rules: Record<string, string> = {};
    for (let i = 0; i < 130_000; i++) rules[`rule-${i}`] = 'off';
    const { config, errors } = parseConfig(JSON.stringify({ rules }));
    expect(errors.length).toBeLessThanOrEqual(51);
    expect(errors[errors.length - 1].message.en).toMatch(/129950 more invalid rule settings/);
    expect(config.rules).toEqual({});
  });

  it('130 000 unknown top-level settings and the same as hanke.rules: likewise', () => {
    const obj: Record<string, number> = {};
    for (let i = 0; i < 130_000; i++) obj[`k${i}`] = i;
    const { errors } = parseConfig(JSON.stringify(obj));
    expect(errors.length).toBeLessThanOrEqual(51);
    expect(errors[errors.length - 1].message.en).toMatch(/129950 more unknown settings/);
    const v = validateRules(Object.fromEntries(Object.keys(obj).map((k) => [k, 'error'])), 'hanke.rules');
    expect(v.errors.length).toBeLessThanOrEqual(51);
  });

  it('valid keys among many invalid ones are still applied', () => {
    const rules: Record<string, string> = { 'missing-field': 'warning' };
    for (let i = 0; i < 1000; i++) rules[`x${i}`] = 'off';
    rules['unusual-value'] = 'off';
    const { config } = parseConfig(JSON.stringify({ rules }));
    expect(config.rules).toEqual({ 'missing-field': 'warning', 'unusual-value': 'off' });
  });
});

describe('a severity written another way gets a suggestion', () => {
  it("ESLint's warn and 0/1/2, another case and a typo name the setting meant; nonsense gets none", () => {
    const hint = (value: unknown) => parseConfig(JSON.stringify({ rules: { 'empty-field': value } })).errors[0]?.message;
    expect(hint('warn')?.en).toMatch(/invalid value "warn"; allowed: error, warning, info, hint, off\. Did you mean "warning"\?$/);
    expect(hint('warn')?.fi).toMatch(/Tarkoititko "warning"\?$/);
    expect(hint(2)?.en).toMatch(/Did you mean "error"\?$/);
    expect(hint(0)?.en).toMatch(/Did you mean "off"\?$/);
    expect(hint('Error')?.en).toMatch(/Did you mean "error"\?$/);
    expect(hint('eror')?.en).toMatch(/Did you mean "error"\?$/);
    expect(hint('xyz')?.en).toMatch(/allowed: error, warning, info, hint, off\.$/);
    expect(hint(true)?.en).toMatch(/allowed: error, warning, info, hint, off\.$/);
    expect(parseConfig(JSON.stringify({ rules: { 'empty-field': 'warning' } })).errors).toEqual([]);
  });
});

describe('a configuration that is not JSON', () => {
  it('says at which line and column (1-based), after a BOM and across line endings', () => {
    const at = (text: string) => parseConfig(text).errors[0];
    expect(at('{\n  "rules": {\n    empty: 1\n  }\n}\n').message.en).toMatch(/^\.hankerc\.json: invalid JSON at line 3, column 5: /);
    expect(at('\uFEFF{"rules":{,}}').message.fi).toMatch(/^\.hankerc\.json: virheellinen JSON rivillä 1, sarakkeessa 11: /);
    expect(at('{\r\n"a": 1,\r\n}').message.en).toMatch(/at line 3, column 1: /);
  });
});
