// Property-based robustness of the core: for mutated real descriptions and for random
// text, the parser and every rule never throw, every range lies inside the document
// and round-trips through offsets, the model's texts are the texts at its ranges, and
// every safe fix changes only the span it edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { applicableFixes, applyEdits } from '../../server/src/core/fixes';
import { analyze, analyzeDocument, type Finding } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/parser';
import { RULES } from '../../server/src/core/rules';
import { applyByOffsets, modelProblems, mutatedDescription, params, randomDescription, RUNS, timeout } from './support';

/** Runs each rule on its own, so that a crash names the rule. */
function checkEveryRule(text: string): Finding[] {
  const doc = parse(text);
  const facts = deriveFacts(doc);
  for (const rule of RULES) {
    try {
      rule.check({ doc, facts });
    } catch (e) {
      throw new Error(`rule ${rule.id} threw on this text: ${(e as Error).stack}\n--- text (JSON) ---\n${JSON.stringify(text).slice(0, 4000)}`);
    }
  }
  return analyzeDocument(doc).findings;
}

function checkDocument(text: string): void {
  const doc = parse(text);
  const findings = checkEveryRule(text);
  const problems = modelProblems(text, doc, findings);
  if (problems.length) throw new Error(`${problems.slice(0, 10).join('\n')}\n--- text (JSON) ---\n${JSON.stringify(text).slice(0, 4000)}`);
}

function checkFixes(text: string): void {
  const findings = analyze(text).findings;
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (!fix.safe) continue;
      const expected = applyByOffsets(text, fix.edits);
      if (expected === undefined) throw new Error(`${f.rule}: the edits of one fix overlap: ${JSON.stringify(fix.edits)}`);
      const got = applyEdits(text, fix.edits);
      if (got !== expected) {
        throw new Error(`${f.rule}: applyEdits changed more than the fix's spans ${JSON.stringify(fix.edits)}\n--- text (JSON) ---\n${JSON.stringify(text).slice(0, 4000)}`);
      }
      // The fixed text is still a text the linter handles.
      checkEveryRule(got);
    }
  }
  // Fix-all: the chosen edits do not overlap and change only their spans.
  const all = applicableFixes(findings);
  const expected = applyByOffsets(text, all);
  if (expected === undefined) throw new Error(`applicableFixes chose overlapping edits: ${JSON.stringify(all)}`);
  expect(applyEdits(text, all)).toBe(expected);
}

describe('core robustness (property-based)', () => {
  it(
    `parses and lints mutated examples: no throw, ranges inside, texts at ranges (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(mutatedDescription, (text) => checkDocument(text)),
        params(),
      );
    },
    timeout(RUNS, 150),
  );

  it(
    `parses and lints random text (${RUNS * 2} runs)`,
    () => {
      fc.assert(
        fc.property(randomDescription, (text) => checkDocument(text)),
        params(2),
      );
    },
    timeout(RUNS * 2, 50),
  );

  it(
    `safe fixes change only their spans, alone and all together (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(mutatedDescription, (text) => checkFixes(text)),
        params(),
      );
    },
    timeout(RUNS, 400),
  );
});
