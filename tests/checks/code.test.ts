/**
 * The repository's own checks: Prettier's formatting over the whole tree, and `astro check`
 * (the types of every `.astro`, `.ts` and `.mjs` file; a warning fails it too). They run as
 * tests beside the others rather than before Vitest starts: each keeps one core busy for
 * 10–25 s, and the other core then has test files to run (BENCHMARKS.md §7).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { astro, buildEnv } from '../helpers/build-env.ts';
import { repoRoot } from '../helpers/content.ts';

/** The last lines of a command's output, for a failure message. */
const tail = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');

it('every file is formatted as Prettier formats it (npm run format fixes it)', () => {
  const prettier = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--check', '.'], { cwd: repoRoot, env: buildEnv(), encoding: 'utf8' });
  expect(result.status, tail(result)).toBe(0);
});

it('astro check finds no error and no warning', () => {
  const result = astro(['check', '--minimumFailingSeverity', 'warning'], buildEnv());
  expect(result.status, tail(result)).toBe(0);
  expect(result.stdout).toMatch(/0 errors/);
});
