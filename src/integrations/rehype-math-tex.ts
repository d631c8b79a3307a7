/**
 * Takes rehype-math's place for the quiz variants that the browser typesets itself
 * (src/quiz-ui/variants.ts): each formula is checked here exactly as rehype-math checks the
 * page's, so a formula that cannot be typeset still fails the build, and is then left as its
 * TeX in `<span class="math-tex">` (with `data-display` for a display formula). TeX is a fraction
 * of the MathML, which keeps a question's twenty-odd variants light to fetch and to save offline.
 */
import type { Root } from 'hast';
import { typesetMath } from './math.ts';
import { formulaError, replaceFormulas } from './rehype-math.ts';

export default function rehypeMathTex() {
  return (tree: Root) =>
    replaceFormulas(tree, (tex, displayMode) => {
      const { problem } = typesetMath(tex, displayMode);
      if (problem !== undefined) throw formulaError(tex, problem);
      return {
        type: 'element',
        tagName: 'span',
        properties: displayMode ? { className: ['math-tex'], dataDisplay: '' } : { className: ['math-tex'] },
        children: [{ type: 'text', value: tex }],
      };
    });
}
