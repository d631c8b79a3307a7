/**
 * Runs before rehype-katex and renders every formula once with `throwOnError`, so a formula
 * KaTeX cannot parse fails the build naming the file and the formula, instead of shipping
 * red error text in the page.
 */
import katex from 'katex';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function walk(node: Root | Element, visit: (el: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      visit(child);
      walk(child, visit);
    }
  }
}

export default function rehypeKatexCheck() {
  return (tree: Root, file: VFile) => {
    walk(tree, (el) => {
      const classes = el.properties?.className;
      const list = Array.isArray(classes) ? classes.map(String) : [];
      const display = list.includes('math-display');
      if (!display && !list.includes('math-inline')) return;
      const tex = el.children.map(textOf).join('');
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
