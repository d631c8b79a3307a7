/**
 * Prettier's formatting over the whole tree, as a test beside the others rather than a command
 * before Vitest starts: it keeps one core busy for ~10 s while the other runs test files, and it
 * needs no built site, so it runs while the site builds (tests/setup/sequencer.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildEnv, outputTail } from '../helpers/build-env.ts';
import { repoRoot } from '../helpers/content.ts';

it('every file is formatted as Prettier formats it (npm run format fixes it)', () => {
  const prettier = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--check', '.'], { cwd: repoRoot, env: buildEnv(), encoding: 'utf8' });
  expect(result.status, outputTail(result)).toBe(0);
});
