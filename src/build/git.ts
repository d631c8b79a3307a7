/**
 * "Last updated" dates from git history. In a shallow clone every file's history starts at
 * the clone's oldest commit, so the date shown is at least that commit's date (often the
 * latest deployment's); outside a git checkout no date is shown at all. Node-only.
 */
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';

let newest: Map<string, Date> | undefined;

/**
 * One `git log` over the whole history, newest commit first, giving each file the date of the
 * first commit that names it. One process for the whole build instead of one per page.
 */
function readHistory(): Map<string, Date> {
  const dates = new Map<string, Date>();
  let out = '';
  try {
    out = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', 'content'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch {
    return dates;
  }
  for (const commit of out.split('\0')) {
    const [date, ...files] = commit.trim().split('\n');
    if (!date) continue;
    const when = new Date(date);
    for (const file of files) if (file && !dates.has(file)) dates.set(file, when);
  }
  return dates;
}

/** The committer date of the newest commit that touched `file` (repository-relative), or undefined when unknown. */
export function lastUpdated(file: string): Date | undefined {
  newest ??= readHistory();
  return newest.get(relative(process.cwd(), resolve(file)).split('\\').join('/'));
}
