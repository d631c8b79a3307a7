/**
 * Makes Vite's preload helper a plain call of the import. Vite wraps each `import()` of the
 * browser build in `__vitePreload`, which loads the imported chunk's CSS and preloads its own
 * imports; the helper weighs more than the header script of every page (BENCHMARKS.md §6). Our
 * lazily loaded chunks (search, offline panel, calculators, quizzes) carry no CSS, and module
 * preloading is turned off, so here the helper only has to run the import.
 *
 * Vite has no option to leave the helper out (vitejs/vite#18551, #13952): this plugin serves
 * the helper module itself. Should a lazily loaded chunk ever bring CSS, the build fails rather
 * than ship a page that loses it.
 */
import type { Plugin } from 'vite';

/** The id under which Vite's import analysis imports its helper. */
const HELPER_ID = '\0vite/preload-helper.js';

export function noPreloadHelper(): Plugin {
  return {
    name: 'afm:no-preload-helper',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    // Astro sets `modulePreload` for the client build itself, after the user's Vite config.
    configEnvironment(name, config) {
      if (name === 'client') (config.build ??= {}).modulePreload = false;
    },
    load(id) {
      if (id === HELPER_ID) return 'export const __vitePreload = (load) => load();';
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        // With preloading off, the only dependencies Vite still lists for an import() are CSS files.
        const withCss = Object.values(bundle).filter((c) => c.type === 'chunk' && c.code.includes('__vite__mapDeps'));
        if (withCss.length)
          this.error(`${withCss.map((c) => c.fileName).join(', ')}: import() of a chunk with CSS, which the plain preload helper would not load`);
      },
    },
  };
}
