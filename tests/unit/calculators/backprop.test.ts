import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backprop, gradientCheck, loss, sigmoid } from '../../../src/calculators/math/backprop.ts';

describe('backprop through L = (σ(w·x + b) − y)²', () => {
  it('a hand-computed case: x = 1, w = 0, b = 0, y = 1', () => {
    // z = 0, a = ½, d = −½, L = ¼; ∂L/∂d = −1, ∂L/∂z = −1 · ¼ = −¼, ∂L/∂w = −¼ · 1, ∂L/∂b = −¼.
    const r = backprop({ x: 1, w: 0, b: 0, y: 1 });
    expect(r.loss).toBe(0.25);
    expect(r.gradients).toEqual({ w: -0.25, b: -0.25, x: -0, y: 1 });
    expect(r.steps.map((s) => s.node)).toEqual(['u', 'z', 'a', 'd', 'L', '∂L/∂L', '∂L/∂d', '∂L/∂a', '∂L/∂z', '∂L/∂b', '∂L/∂u', '∂L/∂w', '∂L/∂x', '∂L/∂y']);
  });

  it('a second case: x = 2, w = 0.5, b = −1, y = 0 (z = 0 again)', () => {
    const r = backprop({ x: 2, w: 0.5, b: -1, y: 0 });
    // a = ½, d = ½, L = ¼, ∂L/∂z = 1 · ¼, ∂L/∂w = ¼ · 2 = ½, ∂L/∂x = ¼ · 0.5.
    expect(r.loss).toBe(0.25);
    expect(r.gradients.w).toBe(0.5);
    expect(r.gradients.b).toBe(0.25);
    expect(r.gradients.x).toBe(0.125);
  });

  it('σ is stable for large |z|', () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
    expect(loss({ x: 1, w: 1000, b: 0, y: 1 })).toBe(0);
  });
});

describe('finite-difference check', () => {
  it('analytic ∂L/∂w and ∂L/∂b match central differences to 1e-7 (random inputs)', () => {
    const arb = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(arb, arb, arb, fc.double({ min: 0, max: 1, noNaN: true }), (x, w, b, y) => {
        const check = gradientCheck({ x, w, b, y });
        for (const k of ['w', 'b'] as const) {
          const diff = Math.abs(check.analytic[k] - check.numeric[k]);
          if (diff > 1e-7 * Math.max(1e-3, Math.abs(check.analytic[k]))) return false;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('relative error is tiny for a typical case', () => {
    const check = gradientCheck({ x: 1.5, w: -0.8, b: 0.3, y: 1 });
    expect(check.relativeError.w).toBeLessThan(1e-8);
    expect(check.relativeError.b).toBeLessThan(1e-8);
  });
});
