/**
 * "Last updated" dates from git history. In a shallow clone every file's history starts at
 * the clone's oldest commit, so the date shown is at least that commit's date (often the
 * latest deployment's); outside a git checkout no date is shown at all.
 */
import { execFileSync } from 'node:child_process';

const cache = new Map<string, Date | undefined>();

/** The committer date of the newest commit that touched `file`, or undefined when unknown. */
export function lastUpdated(file: string): Date | undefined {
  if (cache.has(file)) return cache.get(file);
  let date: Date | undefined;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    date = out ? new Date(out) : undefined;
  } catch {
    date = undefined;
  }
  cache.set(file, date);
  return date;
}
