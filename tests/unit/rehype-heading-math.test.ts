/** Headings with formulas: one clean text for the anchor and the table of contents. */
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import rehypeMath from '../../src/integrations/rehype-math.ts';
import rehypeHeadingMath, { withHeadingTexts } from '../../src/integrations/rehype-heading-math.ts';

/** The site's pipeline up to the plugin: markdown → MathML → headings. */
async function headings(markdown: string) {
  const file = { data: { astro: { frontmatter: {} as Record<string, unknown> } } };
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype);
  const tree = (await processor.run(processor.parse(markdown))) as Root;
  rehypeMath()(tree, new VFile({ path: 'x.md' }));
  rehypeHeadingMath()(tree, file);
  const hs = tree.children.filter((c): c is Element => c.type === 'element' && /^h\d$/.test(c.tagName));
  return { ids: hs.map((h) => h.properties.id), texts: file.data.astro.frontmatter.headingTexts as Record<string, string> | undefined };
}

describe('rehype-heading-math', () => {
  it('reads a formula once: "XW", not "XWXW", in the anchor and the contents', async () => {
    const { ids, texts } = await headings('### Row vectors and the $XW$ convention');
    expect(ids).toEqual(['row-vectors-and-the-xw-convention']);
    expect(texts).toEqual({ 'row-vectors-and-the-xw-convention': 'Row vectors and the XW convention' });
  });

  it('reads a bold letter as the plain letter, so the anchor does not change with its style', async () => {
    const { ids, texts } = await headings('## The vector $\\mathbf{x}W$');
    expect(ids).toEqual(['the-vector-xw']);
    expect(texts).toEqual({ 'the-vector-xw': 'The vector xW' });
  });

  it('writes roots and scripts readably, and keeps the anchor a plain d_k', async () => {
    const { ids, texts } = await headings('## 为什么要除以 $\\sqrt{d_k}$\n\n## Why $x^2$ and $\\sqrt{a+b}$');
    expect(ids).toEqual(['为什么要除以-d_k', 'why-x2-and-ab']);
    expect(Object.values(texts!)).toEqual(['为什么要除以 √dₖ', 'Why x² and √(a+b)']);
  });

  it('leaves headings without math to Astro, but counts them so a repeat gets a suffix', async () => {
    const { ids, texts } = await headings('## Shapes\n\n## Plain\n\n## Shapes $n$');
    expect(ids).toEqual([undefined, undefined, 'shapes-n']);
    expect(texts).toEqual({ 'shapes-n': 'Shapes n' });
    const repeated = await headings('## $n$\n\n## $n$');
    expect(repeated.ids).toEqual(['n', 'n-1']);
  });

  it('puts the clean text into the headings the page gets', () => {
    const fixed = withHeadingTexts(
      [
        { depth: 3, slug: 'a', text: 'XWXWXW' },
        { depth: 2, slug: 'b', text: 'B' },
      ],
      { headingTexts: { a: 'XW' } },
    );
    expect(fixed.map((h) => h.text)).toEqual(['XW', 'B']);
    expect(withHeadingTexts([{ depth: 2, slug: 'b', text: 'B' }], undefined)[0]!.text).toBe('B');
  });
});
