import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests. `unit`: pure modules and authored content, no build needed.
 * `built`: assertions over the built site in dist/. `browser`: Chromium driven by
 * playwright-core against dist/ served on 127.0.0.1. The site is built once per run, by the
 * global setup of whichever of the last two runs first.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Property tests and KaTeX compiles take seconds on a busy 2-core machine; speed is measured
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
          // Two cores: one Chromium at a time keeps timings honest and the machine responsive.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
