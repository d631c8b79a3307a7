/**
 * The built service worker and what every page pays for it: the precache lists every page,
 * asset, woff2 font and the Pagefind index; offline.json tells the panel the size; the
 * script every page loads (search, offline and update hooks) stays under 1 KB gzipped.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, distDir, readBuilt } from '../helpers/site.ts';

const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
const precached = new Set([...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!));

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`/${relative(distDir, path)}`);
    }
  };
  walk(join(distDir, folder));
  return out;
}

describe('service worker precache', () => {
  it('lists every page, script, style, woff2 font and the whole Pagefind index', () => {
    for (const page of builtPages()) expect(precached.has(`/${page}`), page).toBe(true);
    const assets = filesUnder('_astro');
    expect(assets.some((f) => f.endsWith('.woff2'))).toBe(true);
    for (const file of assets.filter((f) => /\.(js|css|woff2)$/.test(f))) expect(precached.has(file), file).toBe(true);
    const index = filesUnder('pagefind').filter((f) => /\/(index|fragment|filter)\/|\.pf_meta$|wasm\..*\.pagefind$|pagefind(-worker)?\.js$|pagefind-entry\.json$/.test(f));
    expect(index.length).toBeGreaterThan(20);
    for (const file of index) expect(precached.has(file), file).toBe(true);
    // Pagefind's own UI bundles are not used by the site's search dialog.
    expect([...precached].filter((u) => /pagefind-(component-|modular-)?ui/.test(u))).toEqual([]);
  });

  it('waits for the visitor before a new version takes over, and falls back to an offline page per language', () => {
    expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
    // skipWaiting() appears only in that message handler.
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(sw).toContain('fallbackURL:"/zh/offline/index.html"');
    expect(sw).toContain('fallbackURL:"/en/offline/index.html"');
    expect(precached.has('/zh/offline/index.html') && precached.has('/en/offline/index.html')).toBe(true);
  });

  it('offline.json gives the panel the number of files and their size', () => {
    const info = JSON.parse(readFileSync(join(distDir, 'offline.json'), 'utf8')) as { version: string; files: number; bytes: number };
    expect(info.files).toBe(precached.size);
    const bytes = [...precached].filter((u) => u !== '/offline.json').reduce((sum, u) => sum + statSync(join(distDir, u)).size, 0);
    expect(info.bytes).toBe(bytes);
    console.log(`Offline download: ${info.files} files, ${(info.bytes / 1024 / 1024).toFixed(1)} MiB`);
  });
});

describe('what every page pays', () => {
  it('the header script (search, offline and update hooks) is at most 1 KB gzipped and loads the rest on demand', () => {
    const perPage = builtPages()
      // The root page only picks a language; every other page has the site header.
      .filter((p) => p !== 'index.html')
      .map((p) => new Set([...readBuilt(p).matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!)));
    const common = [...perPage[0]!].filter((src) => perPage.every((s) => s.has(src)));
    expect(common).toHaveLength(1);
    const code = readFileSync(join(distDir, common[0]!), 'utf8');
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`Header script ${common[0]}: ${code.length} B, ${gz} B gzipped`);
    expect(gz).toBeLessThanOrEqual(1024);
    // Search, the offline panel and the update notice are separate chunks, imported on use.
    for (const chunk of ['search-dialog', 'offline-panel', 'update-notice']) expect(code).toMatch(new RegExp(`import\\(\`\\./${chunk}\\.[\\w-]+\\.js\`\\)`));
    expect(code).not.toContain('pagefind');
  });
});
