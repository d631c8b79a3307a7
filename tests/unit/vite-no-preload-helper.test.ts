/**
 * src/integrations/vite-no-preload-helper.ts serves Vite's preload helper as a plain call of the
 * import. It depends on the id under which Vite imports its helper: if a Vite upgrade changes
 * it, the full helper (with its preloading code) would quietly come back on every page. A small
 * Vite build checks that the lazily loaded chunk is imported with a plain call, and that a lazy
 * chunk with CSS of its own fails the build instead of losing its CSS.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { noPreloadHelper } from '../../src/integrations/vite-no-preload-helper.ts';

const dir = mkdtempSync(join(tmpdir(), 'afm-preload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Builds `main.js`, which imports `lazy.js` when clicked, as the site's client build would; returns the JS written. */
async function buildLazy(lazy: string): Promise<string> {
  writeFileSync(join(dir, 'main.js'), "document.body.onclick = () => import('./lazy.js').then((m) => m.run());\n");
  writeFileSync(join(dir, 'lazy.js'), lazy);
  writeFileSync(join(dir, 'lazy.css'), 'body { color: teal; }\n');
  const outDir = join(dir, 'out');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [noPreloadHelper()],
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(dir, 'main.js') } },
  });
  const assets = join(outDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
}

describe('the plain preload helper', () => {
  it('imports a lazy chunk with a plain call: no preloading code in the output', async () => {
    const js = await buildLazy('export const run = () => console.log(42);\n');
    expect(js).toContain('import(');
    // Vite's own helper adds <link rel="modulepreload"> elements and reports vite:preloadError.
    expect(js).not.toMatch(/modulepreload|preloadError|relList/);
  });

  it('fails the build when a lazily loaded chunk brings CSS', async () => {
    await expect(buildLazy("import './lazy.css';\nexport const run = () => console.log(42);\n")).rejects.toThrow(/chunk with CSS/);
  });
});
