import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `npm test` measures the unit suite's coverage of src/ (the build suite's builds run in child
    // processes, which it cannot see). The floor sits a little under what is measured: a change that
    // lands untested code fails; raise it as coverage grows.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
      thresholds: { lines: 66, statements: 66, functions: 72, branches: 66 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          // Some tests generate thousands of entries; on a loaded 2-core machine 5 s is not a hang.
          testTimeout: 60_000,
          // npm test runs this project under three zones; a plain run uses the department's own.
          // The content cache (src/load/cache.ts) off: scripts run by tests on throwaway folders must neither
          // reuse records of an earlier run nor leave theirs in node_modules/.cache. Its own tests pass it in.
          env: { TZ: process.env.TZ ?? 'Asia/Shanghai', PORTAL_CONTENT_CACHE: '0' },
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tools/**/*.test.ts'],
        },
      },
      {
        // Real builds of real content: slow, run once, one file at a time.
        test: {
          name: 'build',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
