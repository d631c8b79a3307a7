/**
 * The Chromium every tool here drives, with the flags for a root user on a closed network —
 * no sandbox, no background traffic to Google. CHROME_PATH names another binary for both uses.
 */
import { existsSync } from 'node:fs';

/** Debian's full Chromium: what the Lighthouse benchmark measures with, as a reader's browser paints. */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const headlessShell = '/usr/bin/chromium-headless-shell';

/**
 * The browser tests' Chromium: Debian's headless shell when it is installed (package
 * chromium-headless-shell, built from the same Chromium source: same Blink, V8 and service
 * workers, without the browser's window layer). It opens a context in about a third of the
 * time (BENCHMARKS.md §7), which halves the browser tests. Otherwise the full Chromium.
 */
export const testChromePath = process.env.CHROME_PATH ?? (existsSync(headlessShell) ? headlessShell : chromePath);

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
