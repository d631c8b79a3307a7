/**
 * Text with `$…$` formulas (a glossary definition) as HTML: the text escaped, each formula
 * rendered by KaTeX at build time exactly as in the notes (HTML for the eye, MathML for screen
 * readers). A formula KaTeX cannot parse throws, naming it, so the build fails.
 */
import katex from 'katex';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderInlineMath(text: string): string {
  // Odd pieces are formulas; an unpaired `$` leaves an even count and is a mistake.
  const pieces = text.split(/(?<!\\)\$/);
  if (pieces.length % 2 === 0) throw new Error(`unpaired $ in “${text}”`);
  return pieces
    .map((piece, i) => {
      if (i % 2 === 0) return escapeHtml(piece.replace(/\\\$/g, '$'));
      try {
        return katex.renderToString(piece, { throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' });
      } catch (error) {
        throw new Error(`formula $${piece}$ does not parse: ${error instanceof Error ? error.message : String(error)}`);
      }
    })
    .join('');
}
