// Documents the edit properties once failed on, kept as fixtures: each must pass the
// same checks as the fuzzers' documents (test/fuzz/edit-checks.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { example } from '../helpers/examples';
import { checkFixAll, checkFormat } from './edit-checks';

/** Example 002 with one line replaced. */
const with002 = (from: string, to: string): string => {
  const text = example('002');
  if (!text.includes(from)) throw new Error(`no "${from}" in 002`);
  return text.replace(from, to);
};

describe('edit properties on documents they once failed on', () => {
  it('a sub-region in the nominative (Joensuu): fixing it lets geography-mismatch see the kunnat outside it', () => {
    // Fuzzer, seed 870886436: the fixed name reveals Lieksa (Pielisen Karjalan) outside the
    // one listed seutukunta; revealed by the fix, not made by it.
    const text = with002('Seutukunnat: Joensuun, Keski-Karjalan, Pielisen Karjalan', 'Seutukunnat: Joensuu');
    checkFixAll(text);
    checkFormat(text);
  });

  // Found documents kept whole (fixtures/*.txt), each named for what it caught:
  // - fixall-empty-field-twice: section 7.2's heading moved to the top; fix-all inserts its
  //   empty "Suunniteltu:" there while 7.1 already has an empty one (the oracle took the
  //   inserted finding for the user's; seed 20261134, path 9838).
  // - fixall-amount-revealed: "﻿1    278 300" (a BOM and four spaces inside) is invalid-number;
  //   its fix "1 278 300" makes the realised total readable, and financing-realized-exceeds-planned
  //   sees it (revealed by the fix, not made; seed 222079007, path 7601).
  // - fixall-section-before-restored: section 5's heading lost below 4.2, its fields read as
  //   4.2's text; fix-all puts the heading back above them and 4.2 is seen to be empty
  //   (revealed, not made; seed 794028092, path 6884).
  // - fixall-fields-before-sections: section 2 ends in a line starting with a zero-width
  //   space and sections 3–9 are missing; the missing fields of section 2 and the missing
  //   headings are inserted at one place, and the fields were joined after the headings (they
  //   landed in section 9 and were still missing; seed 943596976, path 1845).
  // - fixall-value-part-before-fields: CR line endings and a BOM, the text ends in
  //   "Erityistavoite: 10.1"; the objective's name and section 1's missing fields are
  //   inserted at its end, and the name landed after the inserted "Vastuuviranomainen: "
  //   (seed -1717508478, path 6034).
  const dir = join(__dirname, 'fixtures');
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    it(`fixtures/${name}`, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      checkFixAll(text);
      checkFormat(text);
    });
  }
});
