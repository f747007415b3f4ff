import { defineConfig } from 'vitest/config';

// Tests import every @etagrad package by name and run it from its sources through the
// `@etagrad/source` export condition, so `npm test` needs no build step.
export default defineConfig({
  resolve: { conditions: ['@etagrad/source'] },
  ssr: { resolve: { conditions: ['@etagrad/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.ci/results.json' }]],
    setupFiles: ['test/fast-check-seed.ts'],
    testTimeout: 30_000,
  },
});
