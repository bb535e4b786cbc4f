// Fix-all never corrupts a document: see edit-checks.ts for the properties and the budget.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyDescription, checkFixAll, edChunks } from './edit-checks';
import { timeout } from './support';

describe('fix-all never corrupts a document (property-based)', () => {
  for (const [k, { runs, params }] of edChunks(1).entries()) {
    it(
      `fix-all: non-overlapping LSP edits, nothing new, nothing safe left, then format in one pass (part ${k + 1}, ${runs} runs)`,
      async () => {
        // A turn of the event loop between chunks: vitest's worker answers its RPC (a worker
        // busy for over a minute makes it time out).
        await new Promise((resolve) => setImmediate(resolve));
        fc.assert(
          fc.property(anyDescription, (text) => checkFixAll(text)),
          params,
        );
      },
      timeout(runs, 30),
    );
  }
});
