// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeMath from './src/integrations/rehype-math.ts';
import rehypeBaseLinks from './src/integrations/rehype-base-links.ts';
import rehypeScrollable from './src/integrations/rehype-scrollable.ts';
import rehypeHeadingMath from './src/integrations/rehype-heading-math.ts';
import { searchAndOffline } from './src/integrations/search-and-offline.ts';
import { noPreloadHelper } from './src/integrations/vite-no-preload-helper.ts';
import { inlineScriptHashes } from './src/integrations/csp.ts';
import { zhTypographyCheck } from './src/integrations/zh-typography.ts';
import { siteConfig } from './site.config.mjs';

export default defineConfig({
  site: siteConfig.site,
  base: siteConfig.base,
  trailingSlash: 'always',
  // Helpers and tests may build into a folder of their own without clobbering dist/.
  outDir: process.env.AFM_OUT_DIR ?? './dist',
  // Kept in the checkout (not node_modules/.astro) so a copy of the checkout that links
  // node_modules does not share the content store with this one.
  cacheDir: process.env.AFM_CACHE_DIR ?? './.cache/astro',
  markdown: {
    // Notes show code as plain monospace text. Shiki would colour it with inline styles (and
    // warn that they clash with a content security policy) for a handful of short snippets.
    syntaxHighlight: false,
    // Astro 7's default processor runs no remark/rehype plugins; the math needs unified.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        // Formulas become MathML at build time (src/integrations/math.ts).
        rehypeMath,
        // A heading's anchor and contents entry read its formula once (Astro would read it three times).
        rehypeHeadingMath,
        // Wide display formulas and tables scroll sideways: let a keyboard reach them.
        rehypeScrollable,
        // Authors write root-relative links (`/en/...`); under a sub-path they need the base.
        [rehypeBaseLinks, { base: siteConfig.base }],
      ],
    }),
  },
  integrations: [
    // optimize: static subtrees (every formula's MathML) become HTML strings instead of JSX trees.
    mdx({ optimize: true }),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
      filter: (page) => !page.endsWith('/404/') && !page.includes('/offline/'),
    }),
    searchAndOffline(),
    // Fails the build naming each Chinese page that shows ASCII "…" or ”…” (write “…”).
    zhTypographyCheck(),
  ],
  security: {
    // A <meta http-equiv="content-security-policy"> on every page. Astro adds the hashes of the
    // scripts and styles it bundles; no script may run inline unless its hash is listed.
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // Pagefind searches in /pagefind/pagefind-worker.js; the service worker is /sw.js. No blob: workers.
        "worker-src 'self'",
      ],
      scriptDirective: {
        // Pagefind's search runs as WebAssembly. In its worker the page's policy does not apply, but
        // when the worker cannot start Pagefind falls back to the page itself, where compiling
        // WebAssembly needs 'wasm-unsafe-eval' (which allows no JavaScript eval).
        resources: ["'self'", "'wasm-unsafe-eval'"],
        // The theme script (applied before first paint) and the root page's language redirect.
        hashes: inlineScriptHashes([new URL('./src/components/ThemeScript.astro', import.meta.url), new URL('./src/pages/index.astro', import.meta.url)]),
      },
      styleDirective: {
        // Temml's MathML sets a few properties with style="" attributes (a display formula's
        // `display: block math`, \boxed's border), and calculators colour plot text the same
        // way: allowed for attributes only; <style> and stylesheets still need 'self' or a hash.
        resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }],
      },
    },
  },
  build: { concurrency: 2 },
  // The content store (every note's rendered HTML) stays one file: Astro's experimental chunked
  // storage sizes its pieces by encoding the store one character at a time, which costs more than
  // compiling the store as one module now that formulas are MathML (BENCHMARKS.md §2, build profile).
  vite: {
    plugins: [noPreloadHelper()],
    // Vite would inline files under 4 KB as data: URLs; the content security policy allows fonts
    // and images from 'self' only, and the service worker precaches files, so every asset stays a file.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro marks each MDX module with a "use astro:head-inject" directive for its own
        // bookkeeping; the bundler warns once per note that it may drop it, which is harmless
        // (Astro reads it before bundling) and would bury every real warning in the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
