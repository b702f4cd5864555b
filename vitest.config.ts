import { defineConfig } from 'vitest/config';

// One config for both database passes: CITYDX_TEST_DB=postgres (set by `npm run test:pg`) runs the same
// files against a throwaway PostgreSQL database cloned per test file; otherwise PGlite in memory,
// started per file from a snapshot that the global setup migrated once.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'web/src/**/*.test.ts', 'tools/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
