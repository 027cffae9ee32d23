import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Some tests generate thousands of entries; on a loaded 2-core machine 5 s is not a hang.
          testTimeout: 60_000,
          // npm test runs this project under three zones; a plain run uses the department's own.
          env: { TZ: process.env.TZ ?? 'Asia/Shanghai' },
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
