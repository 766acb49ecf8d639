import { defineConfig } from 'vitest/config';

// One real Neo4j for the whole run (started by test/global-setup.ts). Community edition has one
// database, so test files run one after another, each from an empty database (setupFiles) loading
// the site it needs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup/fresh-database.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
