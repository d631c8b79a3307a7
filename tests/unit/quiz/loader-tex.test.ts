/**
 * The quiz variants after the first are rendered with their formulas left as TeX for the
 * browser (src/integrations/rehype-math-tex.ts), and every one of those formulas is still
 * checked at build time: a formula in any variant that cannot be typeset fails the build naming the
 * file and the question (issue #17).
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeMathTex from '../../../src/integrations/rehype-math-tex.ts';
import { renderQuizFile } from '../../../src/build/quiz-loader.ts';
import { variantSource } from '../../../src/quiz-ui/variants.ts';

const processor = await createMarkdownProcessor({ syntaxHighlight: false, remarkPlugins: [remarkMath], rehypePlugins: [rehypeMathTex] });
const tex = async (markdown: string) => (await processor.render(markdown)).code;

const quiz = (prompt: string) => `topic: entropy
questions:
  - id: scaled
    type: numeric
    params: { n: { from: 1, to: 30, step: 1 } }
    prompt: { en: '${prompt}', zh: '${prompt}' }
    answer: { value: n }
    hints: [{ en: 'Read $n$.', zh: '读出 $n$。' }]
    solution: { en: 'It is {{n}}.', zh: '就是 {{n}}。' }
`;

describe('quiz variants with formulas as TeX', () => {
  it('leave each formula as its TeX in a math-tex span, display formulas marked', async () => {
    const html = await tex('Rotate $\\mathbf{v} = (2, 2)$ by $45^\\circ$ & more:\n\n$$\nx^2 < 1\n$$\n');
    expect(html).toContain('<span class="math-tex">\\mathbf{v} = (2, 2)</span>');
    expect(html).toContain('<span class="math-tex">45^\\circ</span>');
    expect(html).toContain('<span class="math-tex" data-display="">x^2 &#x3C; 1</span>');
    expect(html).not.toContain('<math');
  });

  it('render every variant after the first that way, with the first typeset', async () => {
    const typeset = async (markdown: string) => `[typeset]${markdown}`;
    const rendered = await renderQuizFile('quizzes/entropy.yaml', 'quizzes/entropy.yaml', { typeset, tex }, quiz('What is $n = {{n}}$?'));
    const variants = rendered.questions[0]!.variants;
    expect(variants.length).toBeGreaterThanOrEqual(20);
    expect(variants[0]!.prompt.en).toMatch(/^\[typeset\]What is \$n = \d+\$\?$/);
    for (const v of variants.slice(1)) expect(v.prompt.en).toMatch(/^<p>What is <span class="math-tex">n = \d+<\/span>\?<\/p>$/);
  });

  it("keep the texts as a template and each variant's numbers, which fill in to each variant's text", async () => {
    const typeset = async (markdown: string) => markdown;
    const rendered = await renderQuizFile('quizzes/entropy.yaml', 'quizzes/entropy.yaml', { typeset, tex }, quiz('What is $n = {{ n }}$, that is {{n}}?'));
    const q = rendered.questions[0]!;
    expect(q.template?.names).toEqual(['n']);
    expect(q.template?.variant.prompt.en).toBe('<p>What is <span class="math-tex">n = {{n}}</span>, that is {{n}}?</p>');
    const entry = { t: q.template!.variant.prompt.en, n: q.template!.names, v: q.template!.values };
    for (const [k, v] of q.variants.slice(1).entries()) expect(variantSource(entry, k + 1)).toBe(v.prompt.en);
    expect(variantSource(entry, q.variants.length)).toBeUndefined();
  });

  it('fail on a formula that cannot be typeset in a variant the page does not carry, naming the file and the question', async () => {
    // The first variant's renderer accepts anything: only the check of the other variants can fail.
    const typeset = async (markdown: string) => markdown;
    await expect(renderQuizFile('quizzes/entropy.yaml', 'quizzes/entropy.yaml', { typeset, tex }, quiz('What is $\\frac{{{n}}}{2$?'))).rejects.toThrow(
      /^quizzes\/entropy\.yaml: question "scaled": cannot typeset the formula \$\\frac\{\d+\}\{2\$/,
    );
  });
});
