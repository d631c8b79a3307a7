/**
 * How the site turns TeX into what a reader sees: MathML, written by Temml. Browsers render
 * MathML Core themselves (Chromium 109+, Firefox, Safari) with the math font in
 * src/styles/math.css, and screen readers read it directly. KaTeX, which the site used before,
 * also positions every glyph in HTML spans beside its MathML; that HTML was about eight times
 * the MathML's size and made a note with a quiz weigh half a megabyte (BENCHMARKS.md §4).
 *
 * The build (rehype-math.ts, inline-math.ts, the quiz loader) and the browser (the quiz variants
 * typeset on demand, src/quiz-ui/variants.ts) render with these same options, so a formula looks
 * the same wherever it was typeset.
 */
import temml from 'temml';

/**
 * `wrap: 'tex'`: an inline formula is split after each top-level relation and operator, as TeX
 * would break it; math.css lets the pieces break across lines, so a long formula does not push
 * a phone's column wider. (Temml can also keep the TeX in an <annotation>, but then the formula
 * is one piece that cannot break; the TeX goes into `alttext` instead, below.)
 */
export const mathOptions = { annotate: false, wrap: 'tex', strict: false } as const;

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The MathML for `tex`; throws Temml's ParseError when it cannot parse. The `<math>` carries its
 * TeX in `alttext`, MathML's text alternative: a formula in a form label is named from it
 * (utils/math-label.ts), and a reader's tools can copy the source.
 */
export function renderMath(tex: string, displayMode: boolean): string {
  const mathml = temml.renderToString(tex, { ...mathOptions, displayMode, throwOnError: true });
  return mathml.replace(/^<math\b/, `<math alttext="${escapeAttribute(tex.trim().replace(/\s+/g, ' '))}"`);
}

export type Typeset = { mathml: string; problem?: undefined } | { mathml?: undefined; problem: string };

/** Formulas typeset in this build (notes and quiz variants repeat many of them). */
const typeset = new Map<string, Typeset>();

/** The MathML for `tex`, or why it cannot be typeset; each formula is typeset once a build. */
export function typesetMath(tex: string, displayMode: boolean): Typeset {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let result = typeset.get(key);
  if (!result) {
    try {
      result = { mathml: renderMath(tex, displayMode) };
    } catch (error) {
      result = { problem: (error instanceof Error ? error.message : String(error)).trim() };
    }
    typeset.set(key, result);
  }
  return result;
}
