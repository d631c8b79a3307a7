import { defineConfig } from 'vitest/config';

/**
 * Two test files at a time, of any kind (AFM_TEST_WORKERS says otherwise). Vitest's default on
 * a 2-core machine is one (cores − 1), but a browser test keeps Chromium waiting on pages about
 * half the time: two files side by side fill both cores (BENCHMARKS.md §7). Each browser file has
 * its own server and Chromium, so they do not share state.
 */
const workers = Number(process.env.AFM_TEST_WORKERS ?? 2);

export default defineConfig({
  test: {
    maxWorkers: workers,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'checks',
          include: ['tests/checks/**/*.test.ts'],
          // astro check may wait its turn behind a fixture build (tests/helpers/build-env.ts).
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Property tests and formula typesetting take seconds on a busy 2-core machine; speed is measured
          // in benchmarks, not here.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'built',
          include: ['tests/built/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
