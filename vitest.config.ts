import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Hooks start servers, browsers and CLI processes: slow on a busy two-core machine.
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'server', include: ['src/**/*.test.ts', 'test/*.test.ts', 'web/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          // Builds the web app (dist/web) when its sources changed: only the browser tests serve it.
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
