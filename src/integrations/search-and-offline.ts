/**
 * After Astro has written the site: index it with Pagefind (one index a language), then
 * generate the Workbox service workers that save the site for offline use, one language or
 * both (see writeServiceWorker). Order matters: the index must exist before a service worker
 * lists what to precache.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { htmlLang, languages as siteLanguages, type Lang } from '../utils/lang.ts';

/**
 * What Pagefind must not index. Formulas (MathML, inline and display): flattened to text they
 * read as noise in an excerpt ("softmax(z)i=ezi∑j=1nezj") and match nothing a reader types;
 * the prose around a formula names what it is. A calculator's fields and a quiz's buttons,
 * answer formats, numbering and intro are the same on every page: indexed, they crowd excerpts
 * ("Check Hint Show solution") and rank pages by boilerplate. Quiz prompts, hints and solutions
 * stay.
 */
export const pagefindExcludeSelectors = [
  'math',
  '.calculator-body',
  '.quiz-intro',
  '.q-heading',
  '.q-controls',
  '.q-accepts',
  '.q-feedback',
  '.q-history',
  // "Hint 1 of 2", "Worked solution": the labels, not what they open.
  '.q-body summary',
];

/**
 * What "save for offline" stores, as packs: the shared files every page needs, plus one pack a
 * language. A reader saves their own language (and, if they tick it, the other), so the
 * English reader does not store the Chinese site, and the other way round.
 *
 * Shared: the root language chooser, the 404 page, the favicon, every bundled script, style
 * and woff2 font (the same /_astro/ files serve both languages), Pagefind's loader and worker,
 * and both languages' "you are offline" pages (so an address in the unsaved language still
 * gets a page in that language, not the browser's error).
 */
export const sharedPatterns = [
  'index.html',
  '404.html',
  'favicon.svg',
  '_astro/**/*.{js,css,woff2,svg}',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  '*/offline/index.html',
];

type PagefindEntry = { languages: Record<string, { hash: string; wasm: string | null }> };

/**
 * A language's own files: everything under /<lang>/ (pages and any data files next to them,
 * such as a note's quiz data), and what Pagefind loads to search that language. Pagefind names
 * each language's files after it (see pagefind-entry.json): its meta file pagefind.<hash>.pf_meta,
 * its index, fragment and filter chunks <key>_*, and the WebAssembly build for its stemmer
 * (wasm.<wasm>.pagefind, or wasm.unknown.pagefind for a language without one, as Chinese).
 * A search only ever reads its own language's files (Pagefind picks the index from <html lang>).
 */
export function languagePatterns(lang: Lang, entry: PagefindEntry): string[] {
  const key = htmlLang[lang].toLowerCase();
  const index = entry.languages[key];
  if (!index) throw new Error(`Pagefind wrote no index for ${key} (pagefind-entry.json has ${Object.keys(entry.languages).join(', ')})`);
  return [
    `${lang}/**/*`,
    `pagefind/pagefind.${index.hash}.pf_meta`,
    `pagefind/wasm.${index.wasm ?? 'unknown'}.pagefind`,
    `pagefind/index/${key}_*`,
    `pagefind/fragment/${key}_*`,
    `pagefind/filter/${key}_*`,
  ];
}

/** The three service workers: one language each, or both (also what a visitor who saved before packs existed has). */
export const offlinePacks = { en: ['en'], zh: ['zh'], both: ['en', 'zh'] } as const satisfies Record<string, readonly Lang[]>;
export type PackName = keyof typeof offlinePacks;
/** The service worker file of a pack; `sw.js` (both) is the file every earlier visitor registered. */
export const swFile = (pack: PackName) => (pack === 'both' ? 'sw.js' : `sw-${pack}.js`);
/** The small script each service worker imports: its pack's versions and the rule for taking over. */
export const packScriptFile = (pack: PackName) => (pack === 'both' ? 'sw-pack.js' : `sw-${pack}-pack.js`);

/** What offline.json tells the panel: sizes before anything is downloaded. */
export type OfflineInfo = {
  /** The files every pack holds (counted in each language's figures too). */
  shared: { files: number; bytes: number };
  languages: Record<Lang, { version: string; files: number; bytes: number; pages: number; quizzes: number }>;
};

/**
 * Offline, an address without its trailing slash (/en/guide) matches nothing saved: pages are
 * saved as /en/guide/index.html, served for /en/guide/. Online the host redirects it to the
 * slashed address; offline this Workbox plugin does the same when that page is saved, instead
 * of the offline page. It runs in the service worker: Workbox copies its source into sw.js, so
 * it refers to nothing outside itself (and keeps to code that survives being put on one line).
 */
export const slashRedirectPlugin = {
  handlerDidError: async ({ request }: { request: Request }): Promise<Response | undefined> => {
    const url = new URL(request.url);
    const last = url.pathname.split('/').pop() ?? '';
    if (last === '' || last.includes('.')) return undefined;
    const saved = await caches.match(`${url.origin}${url.pathname}/index.html`, { ignoreSearch: true });
    return saved ? Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301) : undefined;
  },
};

export function searchAndOffline(): AstroIntegration {
  let base = '/';
  return {
    name: 'afm:search-and-offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: pagefindExcludeSelectors });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Date.now() - started} ms`);

        await writeServiceWorker(outDir, base, logger);
      },
    },
  };
}

/**
 * Writes the three service workers (sw-en.js, sw-zh.js and sw.js for both languages), each
 * with the script it imports, and offline.json (each language's size, file count, page and quiz
 * count, for the "save for offline" panel). Exported so a test can regenerate them over a
 * changed copy of the site, as a second deploy would.
 *
 * Why three workers at one scope rather than one worker a language (/en/sw.js at /en/,
 * /zh/sw.js at /zh/): a worker controls the pages in its scope, but a request for a page or a
 * Web Worker script is matched by its own URL. With one scope for the whole site,
 * - an address in the language that was not saved still gets that language's offline page
 *   (a worker at /en/ never sees a /zh/ navigation, so the reader would get the browser's error);
 * - Pagefind's Web Worker (/pagefind/pagefind-worker.js, outside /en/) is served offline;
 * - the root chooser and the 404 page are covered;
 * - a visitor who saved the site before packs existed has /sw.js at scope /: it is still the
 *   "both languages" worker, so their next visit updates it like any new version (the update
 *   notice), nothing is unregistered and nothing they saved is dropped;
 * - files shared by both languages are stored once.
 * The reader's choice is which script is registered; registering another one at the same scope
 * updates the registration. All three share Workbox's precache (one cache a scope), whose
 * install skips entries already stored, so adding the other language downloads only its files;
 * activation drops the entries the new worker does not list, so unticking it frees the space.
 * offline.json is in no pack: it describes what a save would download now, so it is always
 * read from the network (a cached copy would describe the saved version).
 */
export async function writeServiceWorker(
  outDir: string,
  base: string,
  logger: { info(m: string): void; warn(m: string): void } = console,
): Promise<OfflineInfo> {
  const { generateSW } = await import('workbox-build');
  const entry = JSON.parse(await readFile(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const manifests = {} as Record<PackName, Array<{ url: string; revision: string | null; size: number }>>;

  for (const pack of Object.keys(offlinePacks) as PackName[]) {
    const langs = offlinePacks[pack];
    const sw = await generateSW({
      globDirectory: outDir,
      globPatterns: [...sharedPatterns, ...langs.flatMap((l) => languagePatterns(l, entry))],
      swDest: join(outDir, swFile(pack)),
      importScripts: [packScriptFile(pack)],
      modifyURLPrefix: { '': base },
      manifestTransforms: [
        (entries) => {
          manifests[pack] = entries.map((e) => ({ url: e.url, revision: e.revision, size: e.size }));
          return { manifest: entries, warnings: [] };
        },
      ],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Calculator state lives in the query string and Pagefind adds ?ts=…: the cached page or
      // index file is the same whatever the parameters say.
      ignoreURLParametersMatching: [/.*/],
      directoryIndex: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      // No skipWaiting: a new version waits until the visitor accepts the reload, so one
      // page never mixes files of two versions. (The pack script lets a worker of the same
      // version take over at once: see packScript.)
      skipWaiting: false,
      inlineWorkboxRuntime: true,
      sourcemap: false,
      mode: 'production',
      runtimeCaching: [
        {
          urlPattern: ({ request, url }) => request.mode === 'navigate' && /\/zh\//.test(url.pathname),
          handler: 'NetworkOnly',
          options: { plugins: [slashRedirectPlugin], precacheFallback: { fallbackURL: `${base}zh/offline/index.html` } },
        },
        {
          urlPattern: ({ request }) => request.mode === 'navigate',
          handler: 'NetworkOnly',
          options: { plugins: [slashRedirectPlugin], precacheFallback: { fallbackURL: `${base}en/offline/index.html` } },
        },
      ],
    });
    for (const warning of sw.warnings) logger.warn(warning);
  }

  const enUrls = new Set(manifests.en.map((e) => e.url));
  const shared = manifests.zh.filter((e) => enUrls.has(e.url));
  const versionOf = (entries: Array<{ url: string; revision: string | null }>) =>
    createHash('sha256')
      .update(
        entries
          .map((e) => `${e.url}@${e.revision ?? ''}`)
          .sort()
          .join('\n'),
      )
      .digest('hex')
      .slice(0, 12);
  const bytesOf = (entries: Array<{ size: number }>) => entries.reduce((sum, e) => sum + e.size, 0);
  const languages = {} as OfflineInfo['languages'];
  for (const lang of siteLanguages) {
    const entries = manifests[lang];
    const pages = entries.filter((e) => e.url.startsWith(`${base}${lang}/`) && e.url.endsWith('.html') && !e.url.endsWith('/offline/index.html'));
    let quizzes = 0;
    for (const page of pages) if ((await readFile(join(outDir, page.url.slice(base.length)), 'utf8')).includes('class="quiz"')) quizzes++;
    languages[lang] = { version: versionOf(entries), files: entries.length, bytes: bytesOf(entries), pages: pages.length, quizzes };
  }
  const info: OfflineInfo = { shared: { files: shared.length, bytes: bytesOf(shared) }, languages };
  await writeFile(join(outDir, 'offline.json'), JSON.stringify(info));
  for (const pack of Object.keys(offlinePacks) as PackName[]) {
    const versions = Object.fromEntries(offlinePacks[pack].map((l) => [l, languages[l].version]));
    await writeFile(join(outDir, packScriptFile(pack)), packScript(versions));
  }
  for (const lang of siteLanguages) {
    const l = languages[lang];
    logger.info(
      `Offline pack ${lang}: ${l.files} files, ${(l.bytes / 1024 / 1024).toFixed(2)} MiB (${l.pages} pages, ${l.quizzes} quizzes; version ${l.version})`,
    );
  }
  // The last line of the phase (scripts/bench-scale.mjs times Workbox up to it).
  logger.info(
    `Service worker precaches ${manifests.both.length} files, ${(bytesOf(manifests.both) / 1024 / 1024).toFixed(2)} MiB for both languages (shared: ${shared.length} files, ${(info.shared.bytes / 1024 / 1024).toFixed(2)} MiB)`,
  );
  return info;
}

/**
 * The script a pack's service worker imports (plain JavaScript, run in the worker before
 * Workbox). A new worker normally waits until the reader accepts the reload (a page never
 * mixes two versions). When the reader only adds or drops a language, nothing the current
 * worker serves has changed: the new worker then takes over at once. The rule: every language
 * both workers serve has the same version (its files and the shared ones, by URL and hash), as
 * the active worker recorded on activation. The panel asks the new worker ("takesOver") whether
 * it will; a worker of a new version waits, and the update notice offers the reload.
 */
export function packScript(versions: Partial<Record<Lang, string>>): string {
  return `// Written by src/integrations/search-and-offline.ts (packScript).
(() => {
  const versions = ${JSON.stringify(versions)};
  const key = new URL('__afm-offline-pack', self.registration.scope).href;
  let takesOver = false;
  self.addEventListener('install', (event) => {
    event.waitUntil((async () => {
      if (!self.registration.active) return;
      const saved = await (await caches.open('afm-offline')).match(key);
      const before = saved ? (await saved.json()).versions || {} : {};
      const common = Object.keys(versions).filter((lang) => before[lang]);
      if (common.length > 0 && common.every((lang) => before[lang] === versions[lang])) {
        takesOver = true;
        await self.skipWaiting();
      }
    })());
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(caches.open('afm-offline').then((cache) => cache.put(key, new Response(JSON.stringify({ versions })))));
  });
  self.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'AFM_TAKES_OVER' && event.ports[0]) event.ports[0].postMessage(takesOver);
  });
})();
`;
}
