/** The rehype plugins that walk every element: the KaTeX check and the scrollable marker. */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import rehypeKatexCheck from '../../src/integrations/rehype-katex-check.ts';
import rehypeScrollable from '../../src/integrations/rehype-scrollable.ts';

const tree = (html: string) => fromHtml(html, { fragment: true });

describe('rehype-katex-check', () => {
  const check = (html: string) => rehypeKatexCheck()(tree(html), new VFile({ path: 'content/en/x.mdx' }));
  it('passes formulas KaTeX can render, however deeply nested', () => {
    expect(() => check('<div><p><span class="math-inline">x^2</span></p><div><div class="math-display">\\frac{a}{b}</div></div></div>')).not.toThrow();
  });
  it('fails naming the file and the formula', () => {
    expect(() => check('<section><p>a <code class="math-inline">\\frac{1}{</code></p></section>')).toThrow(
      /content\/en\/x\.mdx: KaTeX cannot render the formula \$\\frac\{1\}\{\$/,
    );
    expect(() => check('<p><span class="math-display">\\notacommand</span></p>')).toThrow(/\\notacommand/);
  });
});

describe('rehype-scrollable', () => {
  it('lets the keyboard reach every display formula and table, nested or not', () => {
    const t = tree('<div><span class="katex-display">x</span><section><table><tr><td>1</td></tr></table></section><span class="katex">y</span></div>');
    rehypeScrollable()(t);
    const html = toHtml(t);
    expect(html).toContain('<span class="katex-display" tabindex="0">');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<span class="katex">y</span>');
  });

  it("names a table by its column headings and a code block as code, in the note's language", () => {
    const en = tree(
      '<table><thead><tr><th>method</th><th>how it works</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table><table><caption>Kept</caption><tr><th>a</th></tr></table><pre><code>x = 1</code></pre>',
    );
    rehypeScrollable()(en, new VFile({ path: 'content/en/x.mdx' }));
    const html = toHtml(en);
    expect(html).toContain('<table tabindex="0" aria-label="method, how it works">');
    expect(html).toContain('<table tabindex="0"><caption>Kept</caption>');
    expect(html).toContain('<pre tabindex="0" role="group" aria-label="Code">');
    const zh = tree('<table><tr><th>存的是什么</th><th>字节数</th></tr></table><pre><code>y</code></pre>');
    rehypeScrollable()(zh, new VFile({ path: 'content/zh/x.mdx' }));
    expect(toHtml(zh)).toContain('aria-label="存的是什么、字节数"');
    expect(toHtml(zh)).toContain('aria-label="代码"');
  });
});
