import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/package/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
