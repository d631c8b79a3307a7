/**
 * The Chromium every tool here drives (the browser tests' harness, the Lighthouse benchmark):
 * Debian's, or the one CHROME_PATH names, with the flags for a root user on a closed network —
 * no sandbox, no background traffic to Google.
 */
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
