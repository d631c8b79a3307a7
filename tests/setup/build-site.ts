/**
 * Builds the site into dist/ once per test run (both the `built` and the `browser` projects
 * name this file; the second call finds the build done). AFM_SKIP_BUILD=1 reuses an existing
 * dist/ while iterating on tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { astroBuild, buildEnv } from '../helpers/build-env.ts';

const root = join(import.meta.dirname, '..', '..');

export default function buildSite(): void {
  if (process.env.AFM_SITE_BUILT === '1') return;
  // A build of one's own (tests/helpers/site.ts reads it): tested as it is, never rebuilt here.
  const own = process.env.AFM_DIST_DIR;
  if (own) {
    if (!existsSync(join(own, 'index.html'))) throw new Error(`AFM_DIST_DIR=${own} has no built site`);
    process.env.AFM_SITE_BUILT = '1';
    return;
  }
  if (process.env.AFM_SKIP_BUILD === '1' && existsSync(join(root, 'dist', 'index.html'))) {
    process.env.AFM_SITE_BUILT = '1';
    return;
  }
  const started = Date.now();
  // As `npm run build` makes it: production code of every library, the configured base.
  const result = astroBuild(buildEnv({ AFM_OUT_DIR: join(root, 'dist') }));
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.split('\n').slice(-60).join('\n');
    throw new Error(`The site build failed (exit ${result.status}):\n${output}`);
  }
  // A newcomer's `npm start` should print only what matters: every warning is either fixed or
  // filtered in astro.config.mjs with the reason.
  const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /\[WARN\]/.test(line));
  if (warnings.length > 0) throw new Error(`The site build printed ${warnings.length} warning(s):\n${warnings.slice(0, 20).join('\n')}`);
  console.log(`Site built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.env.AFM_SITE_BUILT = '1';
}
