/**
 * Removes Vite's preload helper from the browser build. Our dynamic imports (search, offline
 * panel, calculators, quizzes) load chunks without CSS of their own, so the helper (~0.9 KB
 * gzipped on every page) would only wrap each `import()` with an empty dependency list.
 * Module preloading is turned off for the client environment (Astro sets `modulePreload`
 * itself, hence the late hook), and each `__vitePreload(() => …, __VITE_PRELOAD__)` call left
 * in a chunk becomes a direct call of its function, before Vite fills in the placeholders;
 * the helper's chunk, then unused, is not written.
 */
import type { Plugin } from 'vite';

const HELPER_IMPORT = /import\s*\{\s*\w+\s+as\s+__vitePreload\s*\}\s*from\s*"[^"]*preload-helper[^"]*";?\n?/;

export function noModulePreload(): Plugin {
  return {
    name: 'afm:no-module-preload',
    configEnvironment(name, config) {
      if (name === 'client') {
        config.build ??= {};
        config.build.modulePreload = false;
      }
    },
    renderChunk(code) {
      if (!HELPER_IMPORT.test(code)) return null;
      const unwrapped = code
        .replace(HELPER_IMPORT, '')
        .replace(/__vitePreload\(/g, '(')
        .replace(/,\s*__VITE_PRELOAD__\s*\)/g, ')()');
      if (unwrapped.includes('__vitePreload') || unwrapped.includes('__VITE_PRELOAD__')) return null;
      return { code: unwrapped, map: null };
    },
    // With every call unwrapped, nothing imports the helper's own chunk; Rollup still writes
    // it, and the service worker would precache it. Drop it when no chunk names it.
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      for (const helper of chunks.filter((c) => /preload-helper/.test(c.fileName))) {
        const file = helper.fileName.split('/').pop()!;
        if (!chunks.some((c) => c !== helper && c.code.includes(file))) delete bundle[helper.fileName];
      }
    },
  };
}
