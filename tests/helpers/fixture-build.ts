/**
 * Builds a tiny fixture site (a good probability note pair plus whatever a test adds) into a
 * temporary folder with its own content store, and hands back the exit status, the output and
 * the built pages. The real site's dist/ and cache are untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { astroBuild, buildEnv } from './build-env.ts';

/** A valid note's source with the given title. */
export const fixtureNote = (title: string) => `---
title: ${title}
description: A short fixture note used to check that the build rejects broken content.
area: probability
order: 0
---

Probability $p \\in [0, 1]$.
`;

export type FixtureBuild = { status: number | null; output: string; page: (path: string) => string | undefined };

export function buildFixture(files: Record<string, string>): FixtureBuild {
  const dir = mkdtempSync(join(tmpdir(), 'afm-fixture-'));
  try {
    const all: Record<string, string> = {
      'content/en/probability/index.mdx': fixtureNote('Probability'),
      'content/zh/probability/index.mdx': fixtureNote('概率'),
      'content/glossary/probability.yaml': '[]\n',
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    mkdirSync(join(dir, 'quizzes'), { recursive: true });
    const result = astroBuild(
      buildEnv({
        AFM_CONTENT_DIR: join(dir, 'content'),
        AFM_QUIZ_DIR: join(dir, 'quizzes'),
        AFM_OUT_DIR: join(dir, 'dist'),
        // Its own content store, so the real site's cache is untouched.
        AFM_CACHE_DIR: join(dir, 'cache'),
        AFM_FIXTURE_BUILD: '1',
      }),
    );
    // Read the pages now: the folder is removed before the caller looks.
    const pages = new Map<string, string>();
    for (const path of ['en/probability/index.html', 'zh/probability/index.html']) {
      const file = join(dir, 'dist', path);
      if (existsSync(file)) pages.set(path, readFileSync(file, 'utf8'));
    }
    return { status: result.status, output: `${result.stdout}\n${result.stderr}`, page: (path) => pages.get(path) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
