/**
 * A display formula, a table or a code block wider than the column scrolls sideways in its own
 * box (`.math-display`, `table` and `pre` have `overflow-x: auto` in global.css, with shadows
 * at an edge that has more): on a phone many do. A keyboard user can only scroll what can take
 * focus, and which ones overflow depends on the screen, so every one gets `tabindex="0"`
 * (WCAG 2.1.1; axe's scrollable-region-focusable). What takes focus is named too: a formula by
 * its MathML, a table by its column headings (Markdown tables have no caption), a code block as
 * "Code". Calculators' tables do the same in their own markup. Runs after rehype-math.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { t } from '../i18n/index.ts';

const isDisplayMath = (el: Element) => {
  const className = el.properties?.className;
  return Array.isArray(className) && className.includes('math-display');
};

/** "method, how it works, preserves": the header row's cells; Chinese ones joined with 、. */
function tableName(table: Element): string | undefined {
  let heads: string[] = [];
  visit(table, 'element', (el) => {
    if (heads.length > 0 || el.tagName !== 'tr') return;
    const cells = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'th');
    heads = cells.map((c) => toString(c).replace(/\s+/g, ' ').trim()).filter(Boolean);
  });
  if (heads.length === 0) return undefined;
  return heads.join(heads.some((h) => /\p{Script=Han}/u.test(h)) ? '、' : ', ');
}

export default function rehypeScrollable() {
  return (tree: Root, file?: { path?: string }) => {
    const zh = /[/\\]zh[/\\]/.test(file?.path ?? '');
    visit(tree, 'element', (el) => {
      if (isDisplayMath(el)) el.properties.tabIndex = 0;
      else if (el.tagName === 'table') {
        el.properties.tabIndex = 0;
        const hasCaption = el.children.some((c) => c.type === 'element' && c.tagName === 'caption');
        const name = hasCaption ? undefined : tableName(el);
        if (name && el.properties.ariaLabel === undefined) el.properties.ariaLabel = name;
      } else if (el.tagName === 'pre') {
        el.properties.tabIndex = 0;
        // A <pre> has no role of its own that may carry a name; a group may.
        el.properties.role ??= 'group';
        el.properties.ariaLabel ??= t(zh ? 'zh' : 'en', 'note.codeBlock');
      }
    });
  };
}
