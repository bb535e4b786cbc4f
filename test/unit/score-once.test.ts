// An 8.2 score is read once, by the parser, into `ScoreNode.value`; lint, hover, the
// summary (export and the HTML report) read that one value. Before, `010` was an
// invalid-score in lint, "Direct: 10" in the hover and null in `hanke export`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../server/src/core/facts';
import { hoverAt } from '../../server/src/core/hover';
import { analyze } from '../../server/src/core/lint';
import { summarize } from '../../server/src/core/summary';
import { readScore } from '../../server/src/core/values';
import { hanke } from '../cli/helpers';
import { example } from '../helpers/examples';

const ITEM = 'Luonnonvarojen käytön kestävyys';

function withScores(direct: string, indirect: string): string {
  const text = example('001');
  const line = text.split('\n').find((l) => l.startsWith(`${ITEM} `));
  if (!line) throw new Error(`no item line ${ITEM}`);
  return text.replace(line, `${ITEM} ${direct} ${indirect}`);
}

/** What lint, hover and the summary make of the item's direct score. */
function readings(text: string) {
  const { doc, findings } = analyze(text);
  const facts = deriveFacts(doc);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(`${ITEM} `));
  const node = doc.sections.flatMap((s) => s.items).find((i) => i.spec.name === ITEM)!;
  const invalid = findings.some((f) => f.rule === 'invalid-score' && f.range.start.line === line && f.range.start.character === ITEM.length + 1);
  const hover = hoverAt(doc, facts, findings, { line, character: 1 }, 'en')!.markdown;
  const summary = summarize(doc, facts, []).scores.find((s) => s.name === ITEM)!;
  return { node: node.scores[0].value, invalid, hover, exported: summary.direct };
}

describe('a score read once', () => {
  it('010 is not a score anywhere: lint reports it, the hover marks it, export gives null', () => {
    const r = readings(withScores('010', '0'));
    expect(r.node).toBeUndefined();
    expect(r.invalid).toBe(true);
    expect(r.hover).toContain('Direct: ✗ 010');
    expect(r.hover).not.toContain('Direct: 10');
    expect(r.exported).toBeNull();
  });

  it('a valid score is the same number everywhere', () => {
    const r = readings(withScores('7', '0'));
    expect(r.node).toBe(7);
    expect(r.invalid).toBe(false);
    expect(r.hover).toContain('Direct: 7 ');
    expect(r.exported).toBe(7);
  });

  it('for any token, lint, hover and summary agree with readScore', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{1,3}$/), fc.constantFrom('2,5', '-1', '11', '00', '10')), (tok) => {
        const r = readings(withScores(tok, '0'));
        const v = readScore(tok);
        expect(r.node).toBe(v);
        expect(r.invalid).toBe(v === undefined);
        expect(r.exported).toBe(v ?? null);
        expect(r.hover).toContain(v === undefined ? `Direct: ✗ ${tok}` : `Direct: ${v} `);
      }),
      { numRuns: 60 },
    );
  });

  it('hanke export gives null for 010 (the CLI reads the same value)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hanke-score-'));
    try {
      writeFileSync(join(dir, 'a.txt'), withScores('010', '4'));
      const r = hanke(['export', '--format', 'json', join(dir, 'a.txt')]);
      const [row] = JSON.parse(r.stdout) as Record<string, unknown>[];
      const scores = row.scores as { name: string; direct: number | null; indirect: number | null }[] | undefined;
      const mine = scores?.find((s) => s.name === ITEM);
      expect(mine).toMatchObject({ direct: null, indirect: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
