// A rule that throws does not take the document down: the other rules run, the document
// gets one internal-error finding naming the rule (configurable like any rule), and the
// caller is told what was thrown. The protocol and CLI sides are in
// test/protocol/robustness.test.ts and test/cli/robustness.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/core/config';
import { analyze, analyzeSliced, injectRuleFaults } from '../../server/src/core/lint';
import { example } from '../helpers/examples';

afterEach(() => injectRuleFaults([]));

const strip = (fs: ReturnType<typeof analyze>['findings']) => fs.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character}`);

describe('fault isolation in the linter', () => {
  it('a throwing rule yields one internal-error finding naming it; every other rule still reports', () => {
    const text = example('002').replace('Hankekoodi: S', 'Hankekoodi: X');
    const clean = analyze(text).findings;
    expect(strip(clean)).toContain(`final-report-missing@${clean.find((f) => f.rule === 'final-report-missing')!.range.start.line}:0`);
    injectRuleFaults(['invalid-project-code']);
    const seen: { rule: string; error: unknown }[] = [];
    const broken = analyze(text, { onRuleError: (rule, error) => seen.push({ rule, error }) }).findings;
    const internal = broken.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].severity).toBe('error');
    expect(internal[0].message.en).toContain('"invalid-project-code"');
    expect(internal[0].message.fi).toContain('"invalid-project-code"');
    expect(internal[0].docsUrl).toMatch(/docs\/rules\/internal-error\.md$/);
    expect(seen.map((s) => s.rule)).toEqual(['invalid-project-code']);
    expect(seen[0].error).toBeInstanceOf(Error);
    // Everything but the failed rule's findings is still there.
    expect(strip(broken.filter((f) => f.rule !== 'internal-error'))).toEqual(strip(clean.filter((f) => f.rule !== 'invalid-project-code')));
  });

  it('two failing rules: two findings, one per rule', () => {
    injectRuleFaults(['missing-field', 'unknown-municipality']);
    const internal = analyze(example('000')).findings.filter((f) => f.rule === 'internal-error');
    expect(internal.map((f) => f.message.en.match(/rule "([^"]+)"/)![1]).sort()).toEqual(['missing-field', 'unknown-municipality']);
  });

  it('internal-error is configurable like any rule (severity, off) and accepted in .hankerc.json', () => {
    injectRuleFaults(['missing-field']);
    const { config, errors } = parseConfig('{"rules": {"internal-error": "warning", "unreadable": "off", "encoding": "info"}}');
    expect(errors).toEqual([]);
    expect(
      analyze(example('000'), config)
        .findings.filter((f) => f.rule === 'internal-error')
        .map((f) => f.severity),
    ).toEqual(['warning']);
    expect(analyze(example('000'), { rules: { 'internal-error': 'off' } }).findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
    // A failing rule that is off is not run at all.
    expect(analyze(example('000'), { rules: { 'missing-field': 'off' } }).findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
  });

  it('without faults, nothing changes: the examples have no internal-error', () => {
    for (const p of ['000', '001', '002', '003', '004']) expect(analyze(example(p)).findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
  });
});

describe('facts that cannot be derived (deriveFacts guarded)', () => {
  const clean = (text: string) => analyze(text).findings;

  it("the period's facts fail: one internal-error naming them and the rules held up; every other rule reports as before", () => {
    const text = example('000').replace('Kunnat: ', 'Kunnat: Xyzkylä, ');
    const before = clean(text);
    injectRuleFaults(['facts']);
    const seen: string[] = [];
    const after = analyze(text, { onRuleError: (rule) => seen.push(rule) }).findings;
    const internal = after.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(seen).toEqual(['facts']); // told once, not once per rule
    const held = internal[0].message.en.match(/not checked: ([^.]+)\./)![1].split(', ');
    // The rules that judge by the start date are the ones held up.
    expect(held).toEqual(expect.arrayContaining(['unknown-municipality', 'geography-mismatch']));
    expect(internal[0].message.en).toContain('project period');
    expect(internal[0].message.fi).toContain('hankkeen aikataulu');
    expect(internal[0].message.en).toContain('fault injected');
    // Nothing false: the rest is exactly the clean findings of the rules that ran.
    expect(strip(after.filter((f) => f.rule !== 'internal-error'))).toEqual(strip(before.filter((f) => !held.includes(f.rule))));
    expect(strip(before).filter((k) => k.startsWith('unknown-municipality')).length).toBeGreaterThan(0);
  });

  it('the status fails: the rules that need it are not checked (no final-report-missing guessed), the others run', () => {
    const text = example('002');
    const before = clean(text);
    expect(before.map((f) => f.rule)).toContain('final-report-missing');
    injectRuleFaults(['facts:status']);
    const after = analyze(text).findings;
    const internal = after.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].message.en).toContain('(status)');
    expect(internal[0].message.en).toMatch(/not checked: .*final-report-missing/);
    expect(after.map((f) => f.rule)).not.toContain('final-report-missing');
    const held = internal[0].message.en.match(/not checked: ([^.]+)\./)![1].split(', ');
    expect(strip(after.filter((f) => f.rule !== 'internal-error'))).toEqual(strip(before.filter((f) => !held.includes(f.rule))));
  });

  it('internal-error off: the facts fault is silent, the other findings stay', () => {
    injectRuleFaults(['facts']);
    const after = analyze(example('000'), { rules: { 'internal-error': 'off' } }).findings;
    expect(after.map((f) => f.rule)).not.toContain('internal-error');
  });

  it('also in the sliced lint of the server', async () => {
    injectRuleFaults(['facts']);
    const sliced = await analyzeSliced(example('000'), {}, () => Promise.resolve(), 0);
    expect(strip(sliced.findings)).toEqual(strip(analyze(example('000')).findings));
    expect(sliced.findings.filter((f) => f.rule === 'internal-error')).toHaveLength(1);
  });
});
