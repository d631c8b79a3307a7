/**
 * Headings with formulas get one clean text. Astro names a heading (its `id`, and the text
 * the table of contents shows) from every text node inside it; a formula's MathML writes bold
 * letters as Unicode math letters (𝐱) and scripts without a mark (x_k reads "xk"), so the
 * contents and the anchor need the formula read for what it is.
 *
 * This plugin runs after rehype-math and before Astro's own heading pass (user plugins come
 * first). It reads each formula from its MathML, and:
 * - sets the `id` of each heading with a formula from that text (Astro keeps an `id` that is
 *   already there), with the same slugger Astro uses; headings without math are left to Astro;
 * - records the readable text of headings whose text changed in the note's plugin front matter
 *   (`headingTexts`, id → text), which the note page reads to fix the table of contents.
 * The readable text writes √, sub- and superscripts with Unicode where it has the characters
 * (√dₖ, x²); the anchor uses plain ASCII marks (`d_k`), which slug the way they always did.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';

type Style = 'readable' | 'anchor';

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  i: 'ⁱ',
  n: 'ⁿ',
  T: 'ᵀ',
  '⊤': 'ᵀ',
  '′': '′',
};

const elements = (el: Element): Element[] => el.children.filter((c): c is Element => c.type === 'element');

/** A script (sub or sup) in Unicode when every character has one, else with `_`/`^` and braces if long. */
function script(text: string, table: Record<string, string>, mark: string, style: Style): string {
  const chars = [...text];
  if (style === 'readable' && chars.length > 0 && chars.every((ch) => table[ch])) return chars.map((ch) => table[ch]).join('');
  return chars.length === 1 ? `${mark}${text}` : `${mark}{${text}}`;
}

/** The text of a MathML subtree, one pass, no annotation. */
function mathText(node: ElementContent, style: Style): string {
  // NFKC: math letters (𝐱, 𝑥) to plain ones, so an anchor stays `x` whatever the letter's style.
  if (node.type === 'text') return node.value.replace(/[\u2061-\u2064]/g, '').normalize('NFKC');
  if (node.type !== 'element') return '';
  const kids = elements(node);
  const text = (i: number) => (kids[i] ? mathText(kids[i], style) : '');
  switch (node.tagName) {
    case 'annotation':
    case 'annotation-xml':
      return '';
    case 'msqrt': {
      const inner = node.children.map((c) => mathText(c, style)).join('');
      const single = kids.length === 1 && !(kids[0]!.tagName === 'mrow' && elements(kids[0]!).length > 1);
      return single ? `√${inner}` : `√(${inner})`;
    }
    case 'msub':
      return text(0) + script(text(1), SUB, '_', style);
    case 'msup':
      return text(0) + script(text(1), SUP, '^', style);
    case 'msubsup':
      return text(0) + script(text(1), SUB, '_', style) + script(text(2), SUP, '^', style);
    case 'mfrac':
      return `${text(0)}/${text(1)}`;
    case 'mspace':
      return ' ';
    default:
      return node.children.map((c) => mathText(c, style)).join('');
  }
}

/** The heading's text with each formula read once, from its MathML. */
export function headingText(node: Element, style: Style): string {
  const walk = (n: ElementContent): string => {
    if (n.type === 'text') return n.value;
    if (n.type !== 'element') return '';
    if (n.tagName === 'math') return mathText(n, style).trim();
    return n.children.map(walk).join('');
  };
  return node.children.map(walk).join('');
}

const isHeading = (el: Element) => /^h[1-6]$/.test(el.tagName);
const hasMath = (el: Element): boolean => elements(el).some((c) => c.tagName === 'math' || hasMath(c));

type AstroData = { astro?: { frontmatter?: Record<string, unknown> } };

export default function rehypeHeadingMath() {
  return (tree: Root, file: { data: AstroData }) => {
    const slugger = new GithubSlugger();
    const texts: Record<string, string> = {};
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (isHeading(child)) {
          // Every heading goes through the slugger, so a title that repeats still gets -1, -2; only
          // headings with math get their id here, the rest keep Astro's own.
          const given = child.properties.id;
          const id = typeof given === 'string' ? given : slugger.slug(headingText(child, 'anchor'));
          if (typeof given === 'string') slugger.slug(given);
          if (hasMath(child)) {
            child.properties.id = id;
            texts[id] = headingText(child, 'readable').replace(/\s+/g, ' ').trim();
          }
        } else {
          visit(child);
        }
      }
    };
    visit(tree);
    if (Object.keys(texts).length > 0) {
      file.data.astro ??= {};
      file.data.astro.frontmatter ??= {};
      file.data.astro.frontmatter.headingTexts = texts;
    }
  };
}

/** The note's headings with the clean text of those that hold formulas (see above). */
export function withHeadingTexts<H extends { slug: string; text: string }>(headings: H[], frontmatter: Record<string, unknown> | undefined): H[] {
  const texts = (frontmatter?.headingTexts ?? {}) as Record<string, string>;
  return headings.map((h) => (texts[h.slug] ? { ...h, text: texts[h.slug]! } : h));
}
