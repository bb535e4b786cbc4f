// The five real descriptions give exactly the findings SPEC.md expects, and nothing else.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/core/lint';
import { EXAMPLES, EXAMPLES_DIR } from '../helpers/examples';

/** SHA-256 of each published description as downloaded: the copies in examples/ are byte for byte the originals. */
const SHA256: Record<string, string> = {
  '000_fd82c0a4482b2871.txt': '00342a698a2c8efef591680c44bbb87e6b918088143ff135c3f00788ab56fd31',
  '001_c147123f3233b9d8.txt': 'e1b170448ec13752eec3d9d6dca48cc7b643603e89b4174fb1e3a966ba6dfc17',
  '002_c7f847b1d9114a65.txt': '4b35c174c2184bc675bd2eca75f63a3d3381e2701ebddb09eadae4acf7dc56db',
  '003_7c242a97482f2b72.txt': '224098cbcc59b579bcf1f06d314541321124f1197e92d80c089badcc838d5730',
  '004_c6454f714b590c05.txt': 'e839dba631e28e79ed2513a6ca386da048cc0a302157c952fa0b7be8e3068cb9',
};

const EXPECTED: Record<string, string[]> = {
  '000_fd82c0a4482b2871.txt': [],
  '001_c147123f3233b9d8.txt': [],
  '002_c7f847b1d9114a65.txt': ['final-report-missing@9 Loppuraportin tiivistelmä'],
  '003_7c242a97482f2b72.txt': ['final-report-missing@9 Loppuraportin tiivistelmä'],
  '004_c6454f714b590c05.txt': ['empty-field@Hakijoiden lukumäärä tai tuen siirto -menettely'],
};

describe('the five real examples', () => {
  it('are all here', () => expect(EXAMPLES.map((e) => e.name)).toEqual(Object.keys(EXPECTED)));
  for (const { name, text } of EXAMPLES) {
    it(`${name}: exactly the findings SPEC.md expects`, () => {
      const lines = text.split('\n');
      const got = analyze(text).findings.map((f) => `${f.rule}@${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
      expect(got).toEqual(EXPECTED[name]);
    });
  }
  it('the copies in examples/ are the published files, byte for byte', () => {
    for (const [name, sha] of Object.entries(SHA256)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(EXAMPLES_DIR, name)))
          .digest('hex'),
        name,
      ).toBe(sha);
    }
  });
});
