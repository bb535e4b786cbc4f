// The file checks (`encoding`, `unreadable`, `not-a-description`) are rules of the one
// registry: every place that configures rules accepts them (.hankerc.json, --config, --rule,
// the hanke.rules setting), and the JSON schema, SARIF and the settings list them. Before,
// they were kept apart and `{"rules": {"encoding": "off"}}` was an "unknown rule" (exit 2).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, validateRules } from '../../server/src/core/config';
import { rulesSchema } from '../../server/src/core/config-schema';
import { analyzeDocument, lintFileFacts } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { CATALOGUE, ruleById } from '../../server/src/core/rules';
import { example, hanke, removeDir, REPO, tempDir, toCp1252 } from './helpers';

const FILE_RULE_IDS = ['not-a-description', 'unreadable', 'encoding'];

let tmp: string;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => removeDir(tmp));

type Entry = { file: string; diagnostics: { rule: string; severity: string; line: number }[] };
const entries = (stdout: string) => JSON.parse(stdout) as Entry[];

describe('the file checks are rules of the registry', () => {
  it('each is in RULES, with category "file", and is configurable', () => {
    for (const id of FILE_RULE_IDS) {
      expect(ruleById(id)?.category).toBe('file');
      expect(ruleById(id)?.input).toBe('file');
      expect(validateRules({ [id]: 'off' }, 'test').errors).toEqual([]);
      expect(parseConfig(JSON.stringify({ rules: { [id]: 'hint' } })).config.rules).toEqual({ [id]: 'hint' });
    }
    expect(Object.keys((rulesSchema() as { properties: object }).properties).sort()).toEqual(CATALOGUE.map((r) => r.id).sort());
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas/hankerc.schema.json'), 'utf8')) as { properties: { rules: { properties: object } } };
    for (const id of FILE_RULE_IDS) expect(Object.keys(schema.properties.rules.properties)).toContain(id);
  });

  it('do not fire on a document without file facts (an editor buffer), and alone on a file that holds no description', () => {
    const doc = parse(readFileSync(example(0), 'utf8'));
    expect(analyzeDocument(doc).findings.filter((f) => FILE_RULE_IDS.includes(f.rule))).toEqual([]);
    expect(lintFileFacts({ kind: 'binary' }).map((f) => [f.rule, f.severity])).toEqual([['not-a-description', 'error']]);
    expect(lintFileFacts({ kind: 'binary' }, { rules: { 'not-a-description': 'off' } })).toEqual([]);
    expect(lintFileFacts({ kind: 'unreadable', reason: { fi: 'x', en: 'x' } }, { rules: { unreadable: 'warning' } }).map((f) => [f.rule, f.severity])).toEqual([['unreadable', 'warning']]);
  });
});

describe('configuring the file checks from the CLI', () => {
  it('.hankerc.json {"rules": {"encoding": "off"}} silences the encoding warning (was: unknown rule, exit 2)', () => {
    const d = join(tmp, 'rc');
    writeFileSync(join(tmp, 'cp.txt'), toCp1252(readFileSync(example(0), 'utf8')));
    const before = hanke(['lint', '--format', 'json', join(tmp, 'cp.txt')], { cwd: tmp });
    expect(entries(before.stdout)[0].diagnostics.map((x) => x.rule)).toEqual(['encoding']);
    mkdirSync(d);
    writeFileSync(join(d, '.hankerc.json'), JSON.stringify({ rules: { encoding: 'off' } }));
    writeFileSync(join(d, 'cp.txt'), toCp1252(readFileSync(example(0), 'utf8')));
    const r = hanke(['lint', '--format', 'json', join(d, 'cp.txt')], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(entries(r.stdout)[0].diagnostics).toEqual([]);
  });

  it('--config and --rule take the file checks', () => {
    const cfg = join(tmp, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'not-a-description': 'warning' } }));
    const notes = join(tmp, 'notes.txt');
    writeFileSync(notes, 'Ostoslista\nmaitoa\n');
    const viaConfig = hanke(['lint', '--format', 'json', '--config', cfg, notes], { cwd: tmp });
    expect(viaConfig.status).toBe(0);
    expect(entries(viaConfig.stdout)[0].diagnostics.map((x) => [x.rule, x.severity])).toEqual([['not-a-description', 'warning']]);
    const viaRule = hanke(['lint', '--format', 'json', '--rule', 'unreadable:off', join(tmp, 'missing.txt')], { cwd: tmp });
    // No finding; the run still fails for the missing input, and says why on stderr.
    expect(entries(viaRule.stdout)[0].diagnostics).toEqual([]);
    expect(viaRule.status).toBe(2);
    expect(viaRule.stderr).toContain('Cannot read the file: no such file. (the rule unreadable is off; the exit code is still 2)');
    const warn = hanke(['lint', '--format', 'json', '--rule', 'encoding:error', join(tmp, 'cp.txt')], { cwd: tmp });
    expect(warn.status).toBe(1);
    expect(entries(warn.stdout)[0].diagnostics.map((x) => [x.rule, x.severity])).toEqual([['encoding', 'error']]);
  });
});
