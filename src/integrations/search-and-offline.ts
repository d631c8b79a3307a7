/**
 * After Astro has written the site: index it with Pagefind (one index a language), then
 * generate the Workbox service worker that precaches every page, asset, font and the index.
 * Order matters: the index must exist before the service worker lists what to precache.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/**
 * What Pagefind must not index. Formulas (KaTeX, inline and display): flattened to text they
 * read as noise in an excerpt ("softmax(z)i=ezi∑j=1nezj") and match nothing a reader types;
 * the prose around a formula names what it is. A calculator's fields and a quiz's buttons,
 * answer formats, numbering and intro are the same on every page: indexed, they crowd excerpts
 * ("Check Hint Show solution") and rank pages by boilerplate. Quiz prompts, hints and solutions
 * stay.
 */
export const pagefindExcludeSelectors = [
  '.katex',
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

/** The files a visitor saves for offline use (globs relative to the build folder). */
export const precachePatterns = [
  '**/*.html',
  '_astro/**/*.{js,css,woff2,svg}',
  'favicon.svg',
  'offline.json',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/*.pf_meta',
  'pagefind/wasm.*.pagefind',
  'pagefind/index/*',
  'pagefind/fragment/*',
  'pagefind/filter/*',
];

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
 * Writes offline.json (version, file count and size, for the "save for offline" panel) and the
 * service worker precaching the built folder. Exported so a test can regenerate the service
 * worker over a changed copy of the site, as a second deploy would.
 */
export async function writeServiceWorker(outDir: string, base: string, logger: { info(m: string): void; warn(m: string): void } = console): Promise<void> {
  const { generateSW, getManifest } = await import('workbox-build');
  // Size first, so the "save for offline" control can tell the visitor before it starts.
  const sizeOnly = await getManifest({ globDirectory: outDir, globPatterns: precachePatterns.filter((p) => p !== 'offline.json'), maximumFileSizeToCacheInBytes: 8 * 1024 * 1024 });
  const version = createHash('sha256')
    .update(sizeOnly.manifestEntries.map((e) => `${e.url}@${e.revision ?? ''}`).join('\n'))
    .digest('hex')
    .slice(0, 12);
  await writeFile(join(outDir, 'offline.json'), JSON.stringify({ version, files: sizeOnly.count + 1, bytes: sizeOnly.size }));

  const sw = await generateSW({
    globDirectory: outDir,
    globPatterns: precachePatterns,
    swDest: join(outDir, 'sw.js'),
    modifyURLPrefix: { '': base },
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // Calculator state lives in the query string and Pagefind adds ?ts=…: the cached page or
    // index file is the same whatever the parameters say.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // No skipWaiting: a new version waits until the visitor accepts the reload, so one
    // page never mixes files of two versions.
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
  logger.info(`Service worker precaches ${sw.count} files, ${(sw.size / 1024 / 1024).toFixed(2)} MiB (version ${version})`);
}
