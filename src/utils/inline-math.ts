/**
 * Text with `$…$` formulas (a glossary definition) as HTML: the text escaped, each formula
 * typeset at build time exactly as in the notes (MathML, src/integrations/math.ts). A formula
 * that cannot be typeset throws, naming it, so the build fails.
 */
import { typesetMath } from '../integrations/math.ts';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderInlineMath(text: string): string {
  // Odd pieces are formulas; an unpaired `$` leaves an even count and is a mistake.
  const pieces = text.split(/(?<!\\)\$/);
  if (pieces.length % 2 === 0) throw new Error(`unpaired $ in “${text}”`);
  return pieces
    .map((piece, i) => {
      if (i % 2 === 0) return escapeHtml(piece.replace(/\\\$/g, '$'));
      const { mathml, problem } = typesetMath(piece, false);
      if (problem !== undefined) throw new Error(`formula $${piece}$ does not parse: ${problem}`);
      return mathml;
    })
    .join('');
}
