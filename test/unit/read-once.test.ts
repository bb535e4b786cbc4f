// Facts that were worked out in two places now have one: the fund of a document (the
// rules' titleFund, the export's `fund`) and the status of a Y-tunnus (the rule, the
// hover and the export's `yTunnusValid`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts, titleFund } from '../../server/src/core/facts';
import { analyze } from '../../server/src/core/lint';
import { summarize } from '../../server/src/core/summary';
import { yTunnusStatus } from '../../server/src/core/ytunnus';
import { example } from '../helpers/examples';

const E1 = example('001');
const TITLE = 'Euroopan sosiaalirahaston (ESR) rahoittaman hankkeen kuvaus';

describe('the fund of a document', () => {
  it('without a project code, the export gives the fund the rules read from the title', () => {
    for (const title of [TITLE, 'Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus', 'Hankkeen kuvaus', 'Euroopan sosiaalirahaston hanke']) {
      const text = E1.replace(TITLE, title).replace('Hankekoodi: S20015', 'Hankekoodi:');
      const { doc } = analyze(text);
      expect(summarize(doc, deriveFacts(doc)).fund, title).toBe(titleFund(doc) ?? null);
    }
  });
});

describe('the status of a Y-tunnus', () => {
  it('the rule, the hover’s status and the export agree for any value', () => {
    const value = fc.oneof(fc.stringMatching(/^\d{7}-\d$/), fc.constantFrom('0176478-2', '0176478-3', '176478-2', 'FI01764782', '1234568-1', ''));
    fc.assert(
      fc.property(value, (v) => {
        const { doc, findings } = analyze(E1.replace('Y-tunnus: 0176478-2', `Y-tunnus: ${v}`));
        const reported = findings.some((f) => f.rule === 'invalid-y-tunnus');
        const exported = summarize(doc, deriveFacts(doc)).yTunnusValid;
        if (v === '') return; // empty-field's, and null in the export
        const valid = yTunnusStatus(v).kind === 'valid';
        expect(reported).toBe(!valid);
        expect(exported).toBe(valid);
      }),
      { numRuns: 80 },
    );
  });
});
