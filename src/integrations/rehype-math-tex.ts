/**
 * Takes rehype-katex's place (and rehype-katex-check's) for the quiz variants that the browser
 * typesets itself (src/quiz-ui/variants.ts): each formula is checked here with KaTeX exactly as
 * the page's formulas are, so a formula KaTeX cannot render still fails the build, and is then
 * left as its TeX in `<span class="math-tex">` (with `data-display` for a display formula).
 * TeX is a small fraction of KaTeX's output (HTML spans and MathML), which is what keeps a
 * question's twenty-odd variants light enough to fetch and to save for offline use.
 */
import katex from 'katex';
import type { Element, ElementContent, Root } from 'hast';

/** The options rehype-katex is given in astro.config.mjs; the browser uses the same. */
export const katexOptions = { strict: 'ignore', output: 'htmlAndMathml' } as const;

/** Formulas already checked in this build (variants repeat many of them). */
const checked = new Map<string, string | undefined>();

/** The reason KaTeX cannot render `tex`, or undefined when it can. */
export function katexProblem(tex: string, displayMode: boolean): string | undefined {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  if (!checked.has(key)) {
    let problem: string | undefined;
    try {
      katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    checked.set(key, problem);
  }
  return checked.get(key);
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

const classesOf = (el: Element) => (Array.isArray(el.properties?.className) ? el.properties.className.map(String) : []);

/** The formula `node` is (remark-math writes `<code class="math-inline">` and `<pre><code class="math-display">`). */
function formula(node: ElementContent): { tex: string; displayMode: boolean } | undefined {
  if (node.type !== 'element') return undefined;
  const inner = node.tagName === 'pre' && node.children.length === 1 ? node.children[0]! : node;
  if (inner.type !== 'element') return undefined;
  const classes = classesOf(inner);
  const displayMode = classes.includes('math-display') || inner !== node;
  if (!classes.includes('math-inline') && !classes.includes('math-display') && !(inner !== node && classes.includes('language-math'))) return undefined;
  return { tex: inner.children.map(textOf).join(''), displayMode };
}

function replaceFormulas(parent: Root | Element): void {
  parent.children = parent.children.map((child) => {
    const found = formula(child as ElementContent);
    if (!found) {
      if (child.type === 'element') replaceFormulas(child);
      return child;
    }
    const problem = katexProblem(found.tex, found.displayMode);
    if (problem) throw new Error(`KaTeX cannot render the formula $${found.tex}$: ${problem}`);
    return {
      type: 'element',
      tagName: 'span',
      properties: found.displayMode ? { className: ['math-tex'], dataDisplay: '' } : { className: ['math-tex'] },
      children: [{ type: 'text', value: found.tex }],
    } satisfies Element;
  }) as typeof parent.children;
}

export default function rehypeMathTex() {
  return (tree: Root) => replaceFormulas(tree);
}
