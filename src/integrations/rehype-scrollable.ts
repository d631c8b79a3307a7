/**
 * A display formula or a table wider than the column scrolls sideways (`.katex-display` and
 * `table` have `overflow-x: auto` in global.css): on a phone many do. A keyboard user can only
 * scroll what can take focus, and which ones overflow depends on the screen, so every display
 * formula and every table gets `tabindex="0"` (WCAG 2.1.1; axe's scrollable-region-focusable).
 * Calculators' tables do the same in their own markup. Runs after rehype-katex.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isDisplayMath = (el: Element) => {
  const className = el.properties?.className;
  return Array.isArray(className) && className.includes('katex-display');
};

export default function rehypeScrollable() {
  return (tree: Root) => {
    visit(tree, 'element', (el) => {
      if (isDisplayMath(el) || el.tagName === 'table') el.properties.tabIndex = 0;
    });
  };
}
