/**
 * Prefixes root-relative links in rendered Markdown/MDX (notes and quiz texts) with the
 * site's base path, so an author's `[entropy](/en/information-theory/entropy/)` still works
 * when the site is served under a sub-path such as `/ai-math/`. Protocol-relative (`//host`),
 * absolute, relative and fragment-only links are left alone; with base "/" nothing changes.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export type Options = { base?: string };

/** The attributes that hold a URL, by element. */
const urlProps: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};

export function withBase(url: string, base: string): string {
  const prefix = base.replace(/\/?$/, '/');
  if (prefix === '/' || !/^\/(?!\/)/.test(url)) return url;
  return prefix + url.slice(1);
}

export default function rehypeBaseLinks({ base = '/' }: Options = {}) {
  return (tree: Root) => {
    if (base.replace(/\/?$/, '/') === '/') return;
    visit(tree, 'element', (el) => {
      for (const prop of urlProps[el.tagName] ?? []) {
        const value = el.properties?.[prop];
        if (typeof value === 'string') el.properties[prop] = withBase(value, base);
      }
    });
  };
}
