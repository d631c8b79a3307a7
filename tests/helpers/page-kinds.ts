/**
 * Which built pages together show every kind of element the site has, so a check that needs a
 * real browser (axe's colour contrast, target sizes) can run on a handful of pages instead of
 * all of them and still meet every component, in every context it appears in.
 *
 * A page's "signature" is the set of its elements' shapes: tag, classes and the attributes that
 * change how an element is presented or exposed (role, tabindex, type, hidden, open), each
 * alone and under its parent's shape. What assistive technology never meets (aria-hidden
 * subtrees) and the insides of formulas and drawings (<math>, <svg>) are left out: they repeat
 * endlessly and are checked as a whole element. `coverPages` picks pages greedily until every
 * shape that occurs anywhere occurs on a picked page; a new note that uses a new component adds
 * itself to the set.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const shownAttributes = ['role', 'tabindex', 'type', 'hidden', 'open'];

function shape(element: Element): string {
  const attrs = new Map(element.attrs.map((a) => [a.name, a.value]));
  const classes = (attrs.get('class') ?? '').split(/\s+/).filter(Boolean).sort();
  const marks = shownAttributes.filter((name) => attrs.has(name)).map((name) => `[${name}=${attrs.get(name)}]`);
  return `${element.tagName}${classes.map((c) => `.${c}`).join('')}${marks.join('')}`;
}

/** The shapes of the elements in a page's <body>, alone and as `parent > child`. */
export function pageSignature(html: string): Set<string> {
  const shapes = new Set<string>();
  const visit = (node: ParentNode, parent: string, inBody: boolean) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const element = child as Element;
      const own = shape(element);
      const body = inBody || element.tagName === 'body';
      if (body) {
        shapes.add(own);
        shapes.add(`${parent} > ${own}`);
      }
      const hidden = element.attrs.some((a) => a.name === 'aria-hidden' && a.value === 'true');
      if (hidden || element.tagName === 'math' || element.tagName === 'svg') continue;
      visit(element.tagName === 'template' ? (element as DefaultTreeAdapterMap['template']).content : element, own, body);
    }
  };
  visit(parse(html), '', false);
  return shapes;
}

/**
 * The fewest pages (greedily: each next page is the one adding most new shapes; ties go to the
 * earlier one) whose signatures together hold every shape of `signatures`, starting from the
 * pages in `start` (always kept, in their order).
 */
export function coverPages(signatures: ReadonlyMap<string, ReadonlySet<string>>, start: readonly string[] = []): string[] {
  const chosen = [...start];
  const covered = new Set(start.flatMap((page) => [...(signatures.get(page) ?? [])]));
  for (;;) {
    let best: string | undefined;
    let gain = 0;
    for (const [page, shapes] of signatures) {
      let added = 0;
      for (const s of shapes) if (!covered.has(s)) added++;
      if (added > gain) [best, gain] = [page, added];
    }
    if (best === undefined) return chosen;
    chosen.push(best);
    for (const s of signatures.get(best)!) covered.add(s);
  }
}
