/**
 * Pagefind's own web bundle (dist/pagefind/pagefind.js) run from Node against the built index:
 * `document` is stubbed just enough for Pagefind to read the page language (which picks the
 * index) and `fetch` reads files from dist/. Each language gets its own copy of the module,
 * because the module holds one WebAssembly instance and the languages load different ones.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir } from './site.ts';
import { pagefindSearchOptions } from '../../src/scripts/search-options.ts';

export type SubHit = {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { id: string };
  weighted_locations: Array<{ weight: number; balanced_score: number; location: number }>;
};
export type SearchHit = { url: string; title: string; excerpt: string; filters: Record<string, string[]>; meta: Record<string, string>; sub_results: SubHit[] };
/** Up to `limit` results (10, as the dialog shows): each result's data is a fragment to load, so a test that looks at the first three asks for three. */
export type NodeSearch = { search(query: string, options?: { filters?: Record<string, string>; limit?: number }): Promise<SearchHit[]> };

type PagefindModule = {
  createInstance(options: Record<string, unknown>): {
    init(): Promise<void>;
    search(
      term: string,
      options?: Record<string, unknown>,
    ): Promise<{
      results: Array<{
        data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]>; sub_results?: SubHit[] }>;
      }>;
    } | null>;
  };
};

let installed = false;
let documentLang = 'en';
let copies = 0;

function installGlobals(): void {
  if (installed) return;
  installed = true;
  // Reads a site URL ("/pagefind/pagefind-entry.json?ts=…") from dist/.
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://127.0.0.1/');
    try {
      const body = await readFile(join(distDir, decodeURIComponent(url.pathname)));
      return new Response(body, { status: 200 });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  }) as typeof fetch;
  // Pagefind reads <html lang> through document.querySelector('html') when an instance is made.
  (globalThis as { document?: unknown }).document = {
    currentScript: null,
    querySelector: (selector: string) => (selector === 'html' ? { getAttribute: (name: string) => (name === 'lang' ? documentLang : null) } : null),
  };
}

/**
 * A search over the built index of one page language ('en' or 'zh-CN', as <html lang> says),
 * with the options the search dialog gives Pagefind (ranking, excerpt length) unless told otherwise.
 */
export async function nodeSearch(htmlLang: string, options: Record<string, unknown> = pagefindSearchOptions): Promise<NodeSearch> {
  installGlobals();
  const moduleUrl = `${pathToFileURL(join(distDir, 'pagefind', 'pagefind.js')).href}?copy=${++copies}`;
  const pagefind = (await import(/* @vite-ignore */ moduleUrl)) as PagefindModule;
  documentLang = htmlLang;
  const instance = pagefind.createInstance({ basePath: '/pagefind/', baseUrl: '/' });
  await instance.init();
  await (instance as unknown as { options(o: unknown): Promise<void> }).options(options);
  return {
    async search(query, { limit = 10, ...options } = {}) {
      const found = await instance.search(query, options);
      const data = await Promise.all((found?.results ?? []).slice(0, limit).map((r) => r.data()));
      return data.map((d) => ({
        url: d.url,
        title: d.meta.title ?? '',
        excerpt: d.excerpt,
        filters: d.filters,
        meta: d.meta,
        sub_results: d.sub_results ?? [],
      }));
    },
  };
}
