// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexCheck from './src/integrations/rehype-katex-check.ts';
import rehypeBaseLinks from './src/integrations/rehype-base-links.ts';
import { katexWoff2Only } from './src/integrations/vite-katex-woff2.ts';
import { searchAndOffline } from './src/integrations/search-and-offline.ts';
import { noModulePreload } from './src/integrations/vite-no-preload-helper.ts';
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
    // Astro 7's default processor runs no remark/rehype plugins; KaTeX needs unified.
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        rehypeKatexCheck,
        [rehypeKatex, { strict: 'ignore', output: 'htmlAndMathml' }],
        // Authors write root-relative links (`/en/...`); under a sub-path they need the base.
        [rehypeBaseLinks, { base: siteConfig.base }],
      ],
    }),
  },
  integrations: [
    // optimize: static subtrees (all of KaTeX's output) become HTML strings instead of huge JSX trees.
    mdx({ optimize: true }),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
      filter: (page) => !page.endsWith('/404/') && !page.includes('/offline/'),
    }),
    searchAndOffline(),
  ],
  build: { concurrency: 2 },
  vite: { plugins: [katexWoff2Only(), noModulePreload()] },
});
