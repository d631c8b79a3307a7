import { defineConfig } from 'vitest/config';

/**
 * Browser test files one at a time unless AFM_BROWSER_WORKERS says more (each file has its own
 * server and Chromium, so two can run side by side). Whether two at a time is faster on the idle
 * 2-core machine is still to be measured there (see BENCHMARKS.md §7): on a busy one the numbers
 * say nothing.
 */
const browserWorkers = Number(process.env.AFM_BROWSER_WORKERS ?? 1);

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
          maxWorkers: browserWorkers,
          // Vitest runs projects with different worker counts in separate groups, one after the other.
          ...(browserWorkers > 1 ? { sequence: { groupOrder: 1 } } : {}),
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
