import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './tests/setup/sequencer.ts';

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
    sequence: { sequencer: SlowFirstSequencer },
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
          // Worker threads start a test file faster than forked processes: 21 s instead of 31 s
          // for the ~75 small files here (BENCHMARKS.md §7). Each file still gets fresh modules.
          pool: 'threads',
          // Property tests and formula typesetting take seconds on a busy 2-core machine; speed is measured
          // in benchmarks, not here.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'built',
          include: ['tests/built/**/*.test.ts'],
          pool: 'threads',
          globalSetup: ['tests/setup/build-site.ts'],
          setupFiles: ['tests/setup/site-ready.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/build-site.ts'],
          setupFiles: ['tests/setup/site-ready.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
