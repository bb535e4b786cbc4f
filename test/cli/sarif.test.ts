// `hanke lint --format sarif`: valid SARIF 2.1.0 (checked against the official schema's
// definitions for what we emit), with the rule catalogue as rule metadata.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, hanke, mixedFolder, removeDir } from './helpers';
import { validate } from './sarif-schema';

// The default level of every rule of the product specification's catalogue (version 1 and 2),
// written out here so that the test needs nothing outside the repository.
const SPEC_ERRORS = [
  'missing-section',
  'duplicate-section',
  'missing-field',
  'invalid-y-tunnus',
  'invalid-project-code',
  'invalid-date',
  'date-order',
  'invalid-postal-code',
  'invalid-number',
  'invalid-choice',
  'unknown-priority-axis',
  'objective-axis-mismatch',
  'financing-granted-exceeds-planned',
  'financing-realized-exceeds-granted',
  'financing-eu-exceeds-public',
  'unknown-region',
  'unknown-subregion',
  'unknown-municipality',
  'invalid-score',
  'axis-fund-mismatch',
];
const SPEC_WARNINGS = [
  'section-order',
  'section-title',
  'empty-field',
  'duplicate-field',
  'unknown-field',
  'empty-section',
  'date-out-of-programme',
  'invalid-phone',
  'invalid-email',
  'invalid-url',
  'unusual-value',
  'programme-name-mismatch',
  'financing-realized-exceeds-planned',
  'geography-mismatch',
  'missing-justification',
  'final-report-missing',
  'realized-figures-missing',
  'axis-not-yet-available',
  'authority-fund-mismatch',
  'region-outside-programme',
  'section-number',
  'duplicate-project-code',
  'conflicting-applicant',
];
/** Rules added by the catalogue's version 2 (may not all be implemented yet). */
const SPEC_V2 = ['axis-fund-mismatch', 'axis-not-yet-available', 'authority-fund-mismatch', 'region-outside-programme', 'section-number', 'duplicate-project-code', 'conflicting-applicant'];
const SPEC_RULES = [...SPEC_ERRORS.map((id) => ({ id, level: 'error' })), ...SPEC_WARNINGS.map((id) => ({ id, level: 'warning' }))];

let mixed: ReturnType<typeof mixedFolder>;
let log: any; // eslint-disable-line @typescript-eslint/no-explicit-any
let status: number | null;
beforeAll(() => {
  mixed = mixedFolder();
  const r = hanke(['lint', '--format', 'sarif', EXAMPLES_DIR, mixed.dir, 'no such file.txt']);
  status = r.status;
  log = JSON.parse(r.stdout);
});
afterAll(() => removeDir(mixed.dir));

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(status).toBe(2);
  });

  it('the validator does catch what the schema forbids', () => {
    const bad = structuredClone(log);
    bad.runs[0].results[0].level = 'fatal';
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    bad.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
    bad.runs[0].tool.driver.rules[0].severity = 'error';
    bad.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'a file.txt';
    delete bad.runs[0].tool.driver.name;
    const errors = validate(bad).map((e) => e.path + ': ' + e.message);
    expect(errors).toHaveLength(6);
  });

  it('describes every rule: id, short description, help URI, default level', () => {
    const rules = log.runs[0].tool.driver.rules;
    const ids = rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['not-a-description', 'unreadable', 'encoding', 'missing-section', 'missing-field', 'empty-field']) expect(ids).toContain(id);
    // The version-2 rules (SPEC.md §4) come from the registry like the others.
    for (const id of ['axis-fund-mismatch', 'axis-not-yet-available', 'authority-fund-mismatch', 'region-outside-programme', 'section-number']) expect(ids).toContain(id);
    for (const r of rules) {
      expect(r.shortDescription.text.length).toBeGreaterThan(5);
      // No link to an unpublished site by default: `--docs-url` gives one (test/cli/conventions.test.ts).
      expect(r.helpUri).toBeUndefined();
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
    // Rules of the specification that exist carry its default level; the catalogue's first version is all there.
    for (const s of SPEC_RULES) if (!SPEC_V2.includes(s.id)) expect(ids).toContain(s.id);
    for (const s of SPEC_RULES) {
      const r = rules.find((x: { id: string }) => x.id === s.id);
      if (r) expect(r.defaultConfiguration.level, s.id).toBe(s.level);
    }
  });

  it('results point at their rule, file and region', () => {
    const { rules } = log.runs[0].tool.driver;
    const results = log.runs[0].results;
    for (const res of results) {
      expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.message.text.length).toBeGreaterThan(0);
    }
    const byRule = (id: string) => results.filter((r: { ruleId: string }) => r.ruleId === id);
    expect(byRule('final-report-missing')).toHaveLength(3); // 002, 003, and the Windows-1252 copy of 002
    expect(byRule('empty-field')).toHaveLength(1);
    expect(byRule('encoding')).toHaveLength(1);
    const missing = byRule('unreadable').find((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'no%20such%20file.txt'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(missing.level).toBe('error');
    expect(missing.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    const empty = byRule('empty-field')[0].locations[0].physicalLocation;
    expect(empty.artifactLocation.uri).toMatch(/^file:\/\/\/.*004_c6454f714b590c05\.txt$/);
    expect(empty.region).toMatchObject({ startLine: 47, startColumn: 1, endLine: 47 });
  });

  it('skipped files are tool notifications', () => {
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    const notes = inv.toolExecutionNotifications.map((n: any) => `${n.level} ${n.message.text} ${n.locations[0].physicalLocation.artifactLocation.uri.split('/').pop()}`); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(notes).toEqual(['note Skipped: a binary file. c-binary.txt', 'note Skipped: not a project description. d-note.txt', 'note Skipped: an empty file. e-empty.txt']);
  });

  it('an empty run is valid too', () => {
    const r = hanke(['lint', '--format', 'sarif', '--quiet', EXAMPLES_DIR]);
    const empty = JSON.parse(r.stdout);
    expect(validate(empty)).toEqual([]);
    expect(empty.runs[0].results).toEqual([]);
    expect(r.status).toBe(0);
  });
});
