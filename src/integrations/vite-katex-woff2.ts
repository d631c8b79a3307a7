/**
 * KaTeX's stylesheet lists woff2, woff and ttf for every font; every browser we support takes
 * woff2, so the other two are dropped before Vite copies ~40 useless font files into the build.
 */
import type { Plugin } from 'vite';

export function katexWoff2Only(): Plugin {
  return {
    name: 'afm:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/katex(\.min)?\.css($|\?)/.test(id)) return null;
      return code.replace(/,\s*url\([^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
    },
  };
}
