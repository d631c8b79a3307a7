/**
 * `astro check`: the types of every `.astro`, `.ts` and `.mjs` file; a warning fails it too. It
 * writes `.astro/` as a build does, so it waits its turn behind the site build and the fixture
 * builds (astro() in tests/helpers/build-env.ts); the sequencer starts it once the site is
 * built, so no worker sits waiting for the lock.
 */
import { expect, it } from 'vitest';
import { astro, buildEnv, outputTail } from '../helpers/build-env.ts';

it('astro check finds no error and no warning', () => {
  const result = astro(['check', '--minimumFailingSeverity', 'warning'], buildEnv());
  expect(result.status, outputTail(result)).toBe(0);
  expect(result.stdout).toMatch(/0 errors/);
});
