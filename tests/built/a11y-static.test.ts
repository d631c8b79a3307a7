/**
 * Accessibility that varies from page to page, checked on every built page without a browser.
 * axe runs in Chromium on one page of each kind and on pages covering every element shape
 * (tests/browser/a11y.test.ts); html-validate checks every page's image and link text, table
 * headers, ids, landmarks and ARIA use (html-valid.test.ts). What is left depends on a page's
 * own content, so it is checked here on all of them:
 *  - every form control (quiz answers and choices, calculator fields) has a name: a label with
 *    text, aria-label or aria-labelledby (a formula's MathML text or its aria-label counts);
 *  - every id reference (aria-labelledby, aria-describedby, aria-controls, label for, …) names an
 *    element of the same page;
 *  - every lang attribute is a well-formed language tag, and <html> has one;
 *  - headings never skip a level going down (h2 then h4), and the first one is the h1 (what
 *    axe's heading-order checks, a best practice outside the WCAG rule set).
 * Contents of <template> (a quiz question's other variants) and closed dialogs are checked too,
 * but headings in them start their own outline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { builtPages, distDir } from '../helpers/site.ts';
import { withHiddenVariants } from '../helpers/quiz-data.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const referenceAttributes = [
  'aria-labelledby',
  'aria-describedby',
  'aria-controls',
  'aria-owns',
  'aria-activedescendant',
  'aria-errormessage',
  'aria-details',
  'for',
  'list',
];
const controls = new Set(['input', 'select', 'textarea']);

const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const childrenOf = (node: Node): Node[] => {
  if ('content' in node && node.nodeName === 'template') return node.content.childNodes;
  return 'childNodes' in node ? node.childNodes : [];
};
const isElement = (node: Node): node is Element => 'tagName' in node;

/** A node's text as a name computation reads it: text, and aria-label where an element has one (MathML included). */
function nameText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) && node.nodeName !== '#document-fragment') return '';
  const label = isElement(node) ? (attribute(node, 'aria-label') ?? '') : '';
  return label + childrenOf(node).map(nameText).join('');
}

/** Headings of one outline: a template's or a dialog's headings belong to their own. */
function headingProblems(root: Node): string[] {
  const problems: string[] = [];
  const levels: number[] = [];
  const walk = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'template' || child.tagName === 'dialog') {
        problems.push(...headingProblems(child).map((p) => `in <${child.tagName}>: ${p}`));
        continue;
      }
      const match = /^h([1-6])$/.exec(child.tagName);
      if (match) {
        const level = Number(match[1]);
        const previous = levels.at(-1);
        if (previous !== undefined && level > previous + 1) problems.push(`<h${level}> “${nameText(child).trim().slice(0, 60)}” follows an <h${previous}>`);
        levels.push(level);
      }
      walk(child);
    }
  };
  walk(root);
  if (root.nodeName === '#document' && levels.length > 0 && levels[0] !== 1) problems.push(`the first heading is an <h${levels[0]}>, not the <h1>`);
  return problems;
}

/** What is wrong with a page (or a fragment of one), one readable line each. */
function accessibilityProblems(html: string, { fragment = false } = {}): string[] {
  const root = fragment ? parseFragment(html) : parse(html);
  const elements: Element[] = [];
  const collect = (node: Node) => {
    for (const child of childrenOf(node)) {
      if (isElement(child)) {
        elements.push(child);
        collect(child);
      }
    }
  };
  collect(root);
  const byId = new Map(elements.flatMap((e) => (attribute(e, 'id') ? [[attribute(e, 'id')!, e] as const] : [])));
  const labels = elements.filter((e) => e.tagName === 'label');
  const describe = (e: Element) => `<${e.tagName}${e.attrs.map((a) => ` ${a.name}="${a.value.slice(0, 40)}"`).join('')}>`;
  const problems: string[] = [];

  if (
    !fragment &&
    !attribute(
      elements.find((e) => e.tagName === 'html')!,
      'lang',
    )
  )
    problems.push('<html> has no lang');
  for (const element of elements) {
    for (const name of referenceAttributes) {
      for (const id of (attribute(element, name) ?? '').split(/\s+/).filter(Boolean)) {
        if (!byId.has(id)) problems.push(`${name}="${id}" names no element of the page: ${describe(element)}`);
      }
    }
    const lang = attribute(element, 'lang');
    if (lang !== undefined) {
      try {
        Intl.getCanonicalLocales(lang);
      } catch {
        problems.push(`lang="${lang}" is not a language tag: ${describe(element)}`);
      }
    }
    if (controls.has(element.tagName) && attribute(element, 'type') !== 'hidden') {
      const parts = [attribute(element, 'aria-label') ?? '', attribute(element, 'title') ?? ''];
      for (const id of (attribute(element, 'aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) parts.push(byId.has(id) ? nameText(byId.get(id)!) : '');
      const id = attribute(element, 'id');
      if (id) for (const label of labels) if (attribute(label, 'for') === id) parts.push(nameText(label));
      for (let up = element.parentNode; up && isElement(up); up = up.parentNode) if (up.tagName === 'label') parts.push(nameText(up));
      if (parts.join('').trim() === '') problems.push(`a form control without a name: ${describe(element)}`);
    }
  }
  problems.push(...headingProblems(root));
  return problems;
}

describe('accessibility checked without a browser', () => {
  it('catches what it is for', () => {
    expect(accessibilityProblems('<label>Answer <input></label><label for="b">B</label><input id="b">', { fragment: true })).toEqual([]);
    expect(accessibilityProblems('<label><math aria-label="x squared"><mi>x</mi></math><input type="radio"></label>', { fragment: true })).toEqual([]);
    expect(accessibilityProblems('<label for="a"></label><input id="a">', { fragment: true })).toEqual(['a form control without a name: <input id="a">']);
    expect(accessibilityProblems('<input aria-labelledby="nowhere">', { fragment: true })[0]).toMatch(/^aria-labelledby="nowhere" names no element/);
    expect(accessibilityProblems('<span lang="en_US!">x</span>', { fragment: true })).toEqual(['lang="en_US!" is not a language tag: <span lang="en_US!">']);
    expect(accessibilityProblems('<h1>A</h1><h2>B</h2><h4>C</h4>', { fragment: true })).toEqual(['<h4> “C” follows an <h2>']);
    expect(accessibilityProblems('<h1>A</h1><template><h3>Q</h3></template><dialog><h2>D</h2></dialog><h2>B</h2>', { fragment: true })).toEqual([]);
    expect(accessibilityProblems('<!doctype html><html><head><title>t</title></head><body><h2>B</h2></body></html>')).toEqual([
      '<html> has no lang',
      'the first heading is an <h2>, not the <h1>',
    ]);
  });

  it('finds nothing on any built page (quiz variants included)', { timeout: 120_000 }, () => {
    const pages = builtPages();
    expect(pages.length).toBeGreaterThan(50);
    const found = pages.flatMap((page) =>
      accessibilityProblems(withHiddenVariants(readFileSync(join(distDir, page), 'utf8'), distDir)).map((problem) => `${page}: ${problem}`),
    );
    expect(found).toEqual([]);
  });
});
