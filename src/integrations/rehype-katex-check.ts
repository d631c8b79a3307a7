/**
 * Runs before rehype-katex and renders every formula once with `throwOnError`, so a formula
 * KaTeX cannot parse fails the build naming the file and the formula, instead of shipping
 * red error text in the page.
 */
import katex from 'katex';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export default function rehypeKatexCheck() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (el) => {
      const classes = el.properties?.className;
      const list = Array.isArray(classes) ? classes.map(String) : [];
      const display = list.includes('math-display');
      if (!display && !list.includes('math-inline')) return;
      const tex = toString(el);
      try {
        katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore' });
      } catch (error) {
        const where = file.path ?? file.history[0] ?? '(unknown file)';
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${where}: KaTeX cannot render the formula $${tex}$: ${reason}`);
      }
    });
  };
}
