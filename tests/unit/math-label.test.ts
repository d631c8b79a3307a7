/** Formulas inside a <label> get their TeX as an aria-label, so the control they name has a name. */
import { describe, expect, it } from 'vitest';
import { nameMathInLabel } from '../../src/utils/math-label.ts';
import { renderMath } from '../../src/integrations/math.ts';

const math = (tex: string) => renderMath(tex, false);

describe('nameMathInLabel', () => {
  it('copies the TeX source of each formula into an aria-label on its <math>', () => {
    const html = nameMathInLabel(`Shape ${math('(B, T, d_{\\text{model}})')} or ${math('x^2')}`);
    const labels = [...html.matchAll(/<math[^>]* aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels).toEqual(['(B, T, d_{\\text{model}})', 'x^2']);
    expect(html.startsWith('Shape <math alttext=')).toBe(true);
  });

  it('keeps the markup valid when the TeX has quotes, ampersands and angle brackets', () => {
    const html = nameMathInLabel(math('a < b \\text{ "and" } c > d'));
    const label = /aria-label="([^"]*)"/.exec(html)?.[1];
    expect(label).toBe('a &lt; b \\text{ &quot;and&quot; } c &gt; d');
  });

  it('leaves text without formulas, and formulas already named, alone', () => {
    expect(nameMathInLabel('plain <em>text</em>')).toBe('plain <em>text</em>');
    const named = '<math alttext="y" aria-label="x"><mi>x</mi></math>';
    expect(nameMathInLabel(named)).toBe(named);
  });
});
