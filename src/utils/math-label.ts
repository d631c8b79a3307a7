/**
 * Chromium leaves MathML out of the accessible name it computes for a form control from its
 * <label>: a radio button labelled only by a formula has no name at all, and "Shape $x$" is
 * named "Shape". Each `<math>` carries its TeX source in `alttext` (src/integrations/math.ts); copying it into an
 * aria-label on the <math> element puts the formula back into the name (TeX is also what
 * Wikipedia and MathJax use as a formula's text alternative). Used only for label contents:
 * in running text, screen readers read the MathML itself.
 */
const mathTag = /<math\b([^>]*)>/g;
const altText = /\balttext="([^"]*)"/;

export function nameMathInLabel(html: string): string {
  return html.replace(mathTag, (whole, attributes: string) => {
    // Already escaped for a quoted attribute, as it is copied into another.
    const tex = altText.exec(attributes)?.[1];
    if (!tex || /\baria-label=/.test(attributes)) return whole;
    return `<math${attributes} aria-label="${tex}">`;
  });
}
