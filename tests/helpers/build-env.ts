import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './content.ts';

/**
 * The environment for a child `astro build` started from a test: the test process's own,
 * without what Vitest adds. Vitest sets NODE_ENV=test (libraries then keep their
 * development-only code, so the site would not be the one `npm run build` makes) and puts
 * BASE_URL, MODE, DEV, PROD and SSR into process.env (BASE_URL would override the configured
 * base in every `import.meta.env.BASE_URL` of the pages).
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([key]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(key) && !key.startsWith('VITEST'),
  );
  return { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Runs `astro <command>` in this project with `env` (from buildEnv) and waits for it. Every
 * build and `astro check` started from the tests runs one at a time, across test files and
 * workers: each writes the same `.astro/` folder (the content modules and types it syncs),
 * whatever its content and output folders are, so two at once can read each other's (it failed
 * a fixture build once with UnknownContentCollectionError).
 */
export function astro(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync('flock', astroCommand(args), { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The last lines of a command's output, for a failure message. */
export const outputTail = (result: { stdout: string; stderr: string }, lines = 40): string =>
  `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-lines).join('\n');

/**
 * Where the global setup's site build (tests/setup/build-site.ts) writes how it ended, for the
 * test files waiting on it: `{"error": null}` or the build's message.
 */
export const siteBuildStatus = join(repoRoot, 'node_modules', '.cache', 'afm-site-build.json');

/** astro() without waiting: the child process, its output piped. */
export function astroInBackground(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('flock', astroCommand(args), { cwd: repoRoot, env });
}

const astroCommand = (args: string[]) => [
  join(tmpdir(), 'afm-astro-build.lock'),
  process.execPath,
  join(repoRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'),
  ...args,
];

/** `astro build` of this project, one at a time with every other (see astro()). */
export const astroBuild = (env: NodeJS.ProcessEnv): SpawnSyncReturns<string> => astro(['build'], env);
