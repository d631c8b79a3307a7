/**
 * Typesets every formula of a note at build time (remark-math marks them), as MathML
 * (src/integrations/math.ts). A formula that cannot be typeset fails the build naming the file
 * and the formula, instead of shipping red error text in the page. A display formula is wrapped
 * in `<div class="math-display">`, the box that scrolls sideways when it is wider than the
 * column (rehype-scrollable.ts, global.css).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { typesetMath } from './math.ts';

const classesOf = (el: Element) => (Array.isArray(el.properties?.className) ? el.properties.className.map(String) : []);

/**
 * The formula `node` is, if it is one. remark-math writes `<code class="language-math math-inline">`
 * for `$…$` and `<pre><code class="language-math math-display">` for `$$…$$`.
 */
export function formulaOf(node: RootContent | ElementContent): { tex: string; displayMode: boolean } | undefined {
  if (node.type !== 'element') return undefined;
  const inner = node.tagName === 'pre' && node.children.length === 1 ? node.children[0]! : node;
  if (inner.type !== 'element') return undefined;
  const classes = classesOf(inner);
  const displayMode = classes.includes('math-display') || inner !== node;
  if (!classes.includes('math-inline') && !classes.includes('math-display') && !(inner !== node && classes.includes('language-math'))) return undefined;
  return { tex: toString(inner), displayMode };
}

/** Replaces each formula under `parent` by `replace(formula)`, depth first. */
export function replaceFormulas(parent: Root | Element, replace: (tex: string, displayMode: boolean) => ElementContent): void {
  parent.children = parent.children.map((child) => {
    const found = formulaOf(child);
    if (!found) {
      if (child.type === 'element') replaceFormulas(child, replace);
      return child;
    }
    return replace(found.tex, found.displayMode);
  }) as typeof parent.children;
}

/** The error a formula that cannot be typeset raises, naming where it is when that is known here. */
export function formulaError(tex: string, problem: string, where?: string): Error {
  return new Error(`${where ? `${where}: ` : ''}cannot typeset the formula $${tex}$: ${problem}`);
}

export default function rehypeMath() {
  return (tree: Root, file: VFile) => {
    const where = file.path ?? file.history[0] ?? '(unknown file)';
    replaceFormulas(tree, (tex, displayMode) => {
      const { mathml, problem } = typesetMath(tex, displayMode);
      if (problem !== undefined) throw formulaError(tex, problem, where);
      const math = fromHtmlIsomorphic(mathml, { fragment: true }).children[0] as Element;
      return displayMode ? { type: 'element', tagName: 'div', properties: { className: ['math-display'] }, children: [math] } : math;
    });
  };
}
