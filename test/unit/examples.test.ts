// The five real descriptions give exactly the findings SPEC.md expects, and nothing else.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/core/lint';
import { BUNDLED_EXAMPLES_DIR, EXAMPLES, SHARED_EXAMPLES_DIR } from '../helpers/examples';

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
      const got = lint(text).findings.map((f) => `${f.rule}@${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
      expect(got).toEqual(EXPECTED[name]);
    });
  }
  it('the bundled copies in examples/ equal the shared ground truth', () => {
    if (!existsSync(SHARED_EXAMPLES_DIR)) return;
    for (const name of Object.keys(EXPECTED)) {
      expect(readFileSync(join(BUNDLED_EXAMPLES_DIR, name), 'utf8')).toBe(readFileSync(join(SHARED_EXAMPLES_DIR, name), 'utf8'));
    }
  });
});
