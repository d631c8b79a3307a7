/**
 * Before each `built` and `browser` test file: waits until the site build the global setup
 * started (build-site.ts) has finished, and fails the file with the build's own message if it
 * failed or printed a warning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { siteBuildStatus } from '../helpers/build-env.ts';

const gaveUp = Date.now() + 10 * 60_000;
while (!existsSync(siteBuildStatus)) {
  if (Date.now() > gaveUp) throw new Error(`No site build finished within 10 minutes (${siteBuildStatus} never appeared)`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const { error } = JSON.parse(readFileSync(siteBuildStatus, 'utf8')) as { error: string | null };
if (error) throw new Error(error);
