// Format never corrupts a document: see edit-checks.ts for the properties and the budget.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyDescription, checkFormat, edChunks } from './edit-checks';
import { timeout } from './support';

describe('format never corrupts a document (property-based)', () => {
  for (const [k, { runs, params }] of edChunks(3).entries()) {
    it(
      `format: one pass, only white space / grouping / official spelling, any line endings and BOM (part ${k + 1}, ${runs} runs)`,
      async () => {
        // A turn of the event loop between chunks: vitest's worker answers its RPC (a worker
        // busy for over a minute makes it time out).
        await new Promise((resolve) => setImmediate(resolve));
        fc.assert(
          fc.property(anyDescription, (text) => checkFormat(text)),
          params,
        );
      },
      timeout(runs, 20),
    );
  }
});
