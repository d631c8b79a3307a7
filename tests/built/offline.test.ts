/**
 * The built service workers and what every page pays for them. "Save for offline" stores a
 * pack: sw-en.js and sw-zh.js precache one language, sw.js both. Each language's pack holds
 * every page of that language, the data files next to them (a note's quiz data), the search
 * files that language's search reads, and the shared scripts, styles and fonts, and stays at
 * most 12 MiB; it holds no page or search file of the other language. offline.json tells the
 * panel each pack's size. The lists are read from dist/, never counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtPages, distDir, readBuilt } from '../helpers/site.ts';

type OfflineInfo = {
  shared: { files: number; bytes: number };
  languages: Record<'en' | 'zh', { version: string; files: number; bytes: number; pages: number; quizzes: number }>;
};

const budget = 12 * 1024 * 1024;
const langs = ['en', 'zh'] as const;
const pagefindKey = { en: 'en', zh: 'zh-cn' } as const;
const workerOf = { en: 'sw-en.js', zh: 'sw-zh.js', both: 'sw.js' } as const;

const precacheOf = (file: string) => new Set([...readFileSync(join(distDir, file), 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!));
const packs = { en: precacheOf(workerOf.en), zh: precacheOf(workerOf.zh), both: precacheOf(workerOf.both) };
const bytesOf = (urls: Iterable<string>) => [...urls].reduce((sum, u) => sum + statSync(join(distDir, u)).size, 0);
const info = JSON.parse(readFileSync(join(distDir, 'offline.json'), 'utf8')) as OfflineInfo;

function filesUnder(folder: string): string[] {
  if (!existsSync(join(distDir, folder))) return [];
  const entries = readdirSync(join(distDir, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => `/${relative(distDir, join(e.parentPath, e.name))}`);
}

/** What a search in `lang` reads (pagefind.js's init: the entry, that language's meta and wasm, its index, fragment and filter chunks). */
function searchFiles(lang: 'en' | 'zh'): string[] {
  const entry = JSON.parse(readFileSync(join(distDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm: string | null }>;
  };
  const key = pagefindKey[lang];
  const index = entry.languages[key]!;
  const chunks = ['index', 'fragment', 'filter'].flatMap((d) => filesUnder(`pagefind/${d}`).filter((f) => f.startsWith(`/pagefind/${d}/${key}_`)));
  // The loader, its worker and the entry first: both languages read those.
  return [
    '/pagefind/pagefind.js',
    '/pagefind/pagefind-worker.js',
    '/pagefind/pagefind-entry.json',
    `/pagefind/pagefind.${index.hash}.pf_meta`,
    `/pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`,
    ...chunks,
  ];
}

describe('offline packs', () => {
  for (const lang of langs) {
    const other = lang === 'en' ? 'zh' : 'en';
    const pack = packs[lang];

    it(`${lang}: every page, its data files and its search files are in the pack, and nothing of the other language's but its offline page`, () => {
      const pages = builtPages().filter((p) => p.startsWith(`${lang}/`));
      expect(pages.length).toBeGreaterThan(20);
      for (const page of pages) expect(pack.has(`/${page}`), page).toBe(true);
      // Everything under /<lang>/: pages and the data files beside them (quiz data, when a note has any).
      for (const file of filesUnder(lang)) expect(pack.has(file), file).toBe(true);
      const search = searchFiles(lang);
      expect(search.filter((f) => /\/(index|fragment)\//.test(f)).length).toBeGreaterThan(2);
      for (const file of search) expect(pack.has(file), file).toBe(true);
      expect([...pack].filter((u) => u.startsWith(`/${other}/`))).toEqual([`/${other}/offline/index.html`]);
      const loader = new Set(searchFiles(lang).slice(0, 3));
      expect(searchFiles(other).filter((f) => !loader.has(f) && pack.has(f))).toEqual([]);
    });

    it(`${lang}: offline.json gives the pack's size, files, pages and quizzes`, () => {
      const bytes = bytesOf(pack);
      console.log(`Offline pack ${lang}: ${pack.size} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
      expect(info.languages[lang].files).toBe(pack.size);
      expect(info.languages[lang].bytes).toBe(bytes);
      expect(info.languages[lang].pages).toBe(builtPages().filter((p) => p.startsWith(`${lang}/`) && !p.includes('/offline/')).length);
      const quizPages = builtPages().filter((p) => p.startsWith(`${lang}/`) && readBuilt(p).includes('class="quiz"'));
      expect(info.languages[lang].quizzes).toBe(quizPages.length);
      expect(quizPages.length).toBeGreaterThan(20);
    });

    // Issue #17's target (BENCHMARKS.md section 5 has the history).
    it(`${lang}: the pack is at most 12 MiB (#17)`, () => {
      expect(bytesOf(pack)).toBeLessThanOrEqual(budget);
    });
  }

  it('shares the scripts, styles, fonts, root, 404 and offline pages, once in the pack of both languages', () => {
    const assets = filesUnder('_astro').filter((f) => /\.(js|css|woff2)$/.test(f));
    expect(assets.some((f) => f.endsWith('.woff2'))).toBe(true);
    const shared = [...assets, '/index.html', '/404.html', '/favicon.svg', '/en/offline/index.html', '/zh/offline/index.html'];
    for (const pack of Object.values(packs)) for (const file of shared) expect(pack.has(file), file).toBe(true);
    expect([...packs.both].sort()).toEqual([...new Set([...packs.en, ...packs.zh])].sort());
    const common = [...packs.en].filter((u) => packs.zh.has(u));
    expect(info.shared).toEqual({ files: common.length, bytes: bytesOf(common) });
    // Pagefind's own UI bundles are not used by the site's search dialog; the workers and
    // offline.json (always read from the network) are in no pack.
    expect([...packs.both].filter((u) => /pagefind-(component-|modular-)?ui|\/sw[\w-]*\.js$|offline\.json$/.test(u))).toEqual([]);
  });

  it('waits for the visitor before a new version takes over, and falls back to an offline page per language', () => {
    for (const file of Object.values(workerOf)) {
      const sw = readFileSync(join(distDir, file), 'utf8');
      expect(sw, file).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
      // skipWaiting() appears only in that message handler.
      expect(sw.match(/skipWaiting\(\)/g), file).toHaveLength(1);
      expect(sw).toContain('fallbackURL:"/zh/offline/index.html"');
      expect(sw).toContain('fallbackURL:"/en/offline/index.html"');
      // The pack script: it takes over at once only when every language both workers serve has the same version.
      const script = /importScripts\("([^"]+)"\)/.exec(sw)?.[1];
      expect(script, file).toBeDefined();
      const pack = readFileSync(join(distDir, script!), 'utf8');
      expect(pack.match(/skipWaiting\(\)/g)).toHaveLength(1);
      expect(pack).toMatch(/common\.every\(\(lang\) => before\[lang\] === versions\[lang\]\)\) \{\s*takesOver = true;\s*await self\.skipWaiting\(\)/);
      const versions = JSON.parse(/const versions = (\{[^}]*\})/.exec(pack)![1]!) as Record<string, string>;
      expect(Object.keys(versions).sort(), file).toEqual(file === 'sw.js' ? ['en', 'zh'] : [file.slice(3, 5)]);
      for (const [lang, version] of Object.entries(versions)) expect(version).toBe(info.languages[lang as 'en' | 'zh'].version);
    }
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
