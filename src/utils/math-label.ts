/**
 * Chromium leaves MathML out of the accessible name it computes for a form control from its
 * <label>: a radio button labelled only by a formula has no name at all, and "Shape $x$" is
 * named "Shape". KaTeX's `<math>` carries the TeX source in an <annotation>; copying it into an
 * aria-label on the <math> element puts the formula back into the name (TeX is also what
 * Wikipedia and MathJax use as a formula's text alternative). Used only for label contents:
 * in running text, screen readers read the MathML itself.
 */
const mathElement = /<math\b([^>]*)>([\s\S]*?)<\/math>/g;
const texAnnotation = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;

export function nameMathInLabel(html: string): string {
  return html.replace(mathElement, (whole, attributes: string, inner: string) => {
    const tex = texAnnotation.exec(inner)?.[1];
    if (!tex || /\baria-label=/.test(attributes)) return whole;
    // The annotation's text is already HTML-escaped; inside a quoted attribute a raw quote must be too.
    const label = tex.trim().replace(/\s+/g, ' ').replace(/"/g, '&quot;');
    return `<math${attributes} aria-label="${label}">${inner}</math>`;
  });
}
