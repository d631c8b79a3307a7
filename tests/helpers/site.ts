/** Helpers for tests over the built site in dist/. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './content.ts';

// AFM_DIST_DIR: a helper's own build (AFM_OUT_DIR=…) can be checked without taking dist/.
export const distDir = process.env.AFM_DIST_DIR ?? join(repoRoot, 'dist');

/** Every built HTML page, as paths relative to dist/ (`en/probability/index.html`). */
export function builtPages(): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
}

export function readBuilt(path: string): string {
  return readFileSync(join(distDir, path), 'utf8');
}

/** The page for a site route such as `/en/probability/`. */
export function readRoute(route: string): string {
  const clean = route.replace(/^\//, '');
  return readBuilt(clean.endsWith('.html') ? clean : join(clean, 'index.html'));
}
