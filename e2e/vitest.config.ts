import { defineConfig } from 'vitest/config';

// Browser journeys run one file at a time against the platform that scripts/test-e2e.mjs started.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
