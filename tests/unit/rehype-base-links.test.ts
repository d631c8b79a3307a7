/** The rehype plugin that prefixes root-relative links in notes and quiz texts with the base path. */
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import rehypeBaseLinks, { withBase } from '../../src/integrations/rehype-base-links.ts';

const a = (href: string): Element => ({ type: 'element', tagName: 'a', properties: { href }, children: [] });
const run = (base: string, hrefs: string[]) => {
  const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: hrefs.map(a) }] };
  rehypeBaseLinks({ base })(tree);
  return ((tree.children[0] as Element).children as Element[]).map((el) => el.properties.href);
};

describe('rehype-base-links', () => {
  it('prefixes root-relative links with the base', () => {
    expect(run('/ai-math/', ['/en/information-theory/entropy/', '/zh/information-theory/entropy/#例题'])).toEqual([
      '/ai-math/en/information-theory/entropy/',
      '/ai-math/zh/information-theory/entropy/#例题',
    ]);
    expect(withBase('/en/', '/ai-math')).toBe('/ai-math/en/');
  });

  it('leaves fragments, relative, protocol-relative and absolute links alone', () => {
    const hrefs = ['#q-fair-coin', 'entropy/', '../guide/', '//example.org/x', 'https://example.org/', 'mailto:a@b.c'];
    expect(run('/ai-math/', hrefs)).toEqual(hrefs);
  });

  it('changes nothing when the site is served at the root', () => {
    expect(run('/', ['/en/about/'])).toEqual(['/en/about/']);
  });
});
