/**
 * The site the `built` and `browser` projects test, built into dist/ once per test run. The build
 * runs in the background while the files that need no site run (the unit tests and the checks,
 * which the sequencer starts first), and every file of those two projects waits for it first
 * (tests/setup/site-ready.ts). Both projects name this file; the second call finds the build
 * started. AFM_SKIP_BUILD=1 reuses an existing dist/ while iterating on tests; AFM_DIST_DIR
 * tests a build of one's own.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { astroInBackground, buildEnv, outputTail, siteBuildStatus } from '../helpers/build-env.ts';

const root = join(import.meta.dirname, '..', '..');

/** Written whole under another name, then renamed: a file waiting in site-ready.ts never reads half of it. */
const finish = (error: string | null) => {
  writeFileSync(`${siteBuildStatus}.part`, JSON.stringify({ error }));
  renameSync(`${siteBuildStatus}.part`, siteBuildStatus);
};

export default function buildSite(): (() => void) | undefined {
  if (process.env.AFM_SITE_BUILD_STARTED === '1') return;
  process.env.AFM_SITE_BUILD_STARTED = '1';
  mkdirSync(dirname(siteBuildStatus), { recursive: true });
  rmSync(siteBuildStatus, { force: true });
  // A build of one's own (tests/helpers/site.ts reads it): tested as it is, never rebuilt here.
  const own = process.env.AFM_DIST_DIR;
  if (own) {
    if (!existsSync(join(own, 'index.html'))) throw new Error(`AFM_DIST_DIR=${own} has no built site`);
    return void finish(null);
  }
  if (process.env.AFM_SKIP_BUILD === '1' && existsSync(join(root, 'dist', 'index.html'))) return void finish(null);

  const started = Date.now();
  // As `npm run build` makes it: production code of every library, the configured base.
  const build = astroInBackground(['build'], buildEnv({ AFM_OUT_DIR: join(root, 'dist') }));
  const output = { stdout: '', stderr: '' };
  build.stdout?.on('data', (chunk) => (output.stdout += chunk));
  build.stderr?.on('data', (chunk) => (output.stderr += chunk));
  build.on('close', (code) => {
    if (code !== 0) return finish(`The site build failed (exit ${code}):\n${outputTail(output, 60)}`);
    // A newcomer's `npm start` should print only what matters: every warning is either fixed or
    // filtered in astro.config.mjs with the reason.
    const warnings = `${output.stdout}\n${output.stderr}`.split('\n').filter((line) => /\[WARN\]/.test(line));
    if (warnings.length > 0) return finish(`The site build printed ${warnings.length} warning(s):\n${warnings.slice(0, 20).join('\n')}`);
    console.log(`Site built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    finish(null);
  });
  // A run stopped early (a filter, Ctrl+C) does not leave the build going.
  return () => {
    if (build.exitCode === null) build.kill();
  };
}
