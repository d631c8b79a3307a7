/** The rehype plugins that walk every element: the math typesetter and the scrollable marker. */
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import rehypeMath from '../../src/integrations/rehype-math.ts';
import rehypeScrollable from '../../src/integrations/rehype-scrollable.ts';

const tree = (html: string) => fromHtml(html, { fragment: true });

describe('rehype-math', () => {
  const typeset = (html: string) => {
    const t = tree(html);
    rehypeMath()(t, new VFile({ path: 'content/en/x.mdx' }));
    return toHtml(t);
  };
  it('typesets every formula as MathML with its TeX as alttext, however deeply nested; a display one in its own box', () => {
    const html = typeset(
      '<div><p><code class="language-math math-inline">x^2</code></p><div><pre><code class="language-math math-display">\\frac{a}{b}</code></pre></div></div>',
    );
    expect(html).toContain('<p><math alttext="x^2"><msup><mi>x</mi><mn class="tml-sml-pad">2</mn></msup></math></p>');
    expect(html).toMatch(/<div class="math-display"><math alttext="\\frac\{a\}\{b\}" display="block"[^>]*><mfrac><mi>a<\/mi><mi>b<\/mi><\/mfrac>/);
    expect(html).not.toContain('<pre>');
    expect(html).not.toContain('<code');
  });
  it('writes bold letters as Unicode math letters, which MathML Core shows in bold', () => {
    expect(typeset('<code class="math-inline">\\mathbf{x}</code>')).toContain('<mi>𝐱</mi>');
  });
  it('splits an inline formula after its relations and operators, where a line may break (math.css)', () => {
    expect(typeset('<code class="math-inline">a = b + c</code>')).toContain(
      '<mrow><mi>a</mi><mo>=</mo></mrow><mrow><mi>b</mi><mo>+</mo></mrow><mrow><mi>c</mi></mrow>',
    );
  });
  it('fails naming the file and the formula', () => {
    expect(() => typeset('<section><p>a <code class="math-inline">\\frac{1}{</code></p></section>')).toThrow(
      /content\/en\/x\.mdx: cannot typeset the formula \$\\frac\{1\}\{\$/,
    );
    expect(() => typeset('<pre><code class="math-display">\\notacommand</code></pre>')).toThrow(/\\notacommand/);
  });
});

describe('rehype-scrollable', () => {
  it('lets the keyboard reach every display formula and table, nested or not', () => {
    const t = tree('<div><div class="math-display"><math>x</math></div><section><table><tr><td>1</td></tr></table></section><math>y</math></div>');
    rehypeScrollable()(t);
    const html = toHtml(t);
    expect(html).toContain('<div class="math-display" tabindex="0">');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<math>y</math>');
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
