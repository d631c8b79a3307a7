/**
 * Speculative decoding calculator. Known answers: Leviathan et al. (2023), eq. 1
 * E = (1 − α^(γ+1))/(1 − α) and the speed-up E/(γc + 1) (Theorem 3.8), worked by hand, and the
 * worked example of content/en/probability/decoding-strategies.mdx (α = 0.8, γ = 4 → 3.3616,
 * speed-up 2.8013 at c = 0.05; p = (0.5, 0.3, 0.15, 0.05), q = (0.6, 0.15, 0.1, 0.15) → α = 0.8).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptance, bestGamma, expectedTokens, speedup } from '../../../src/calculators/math/speculative.ts';

describe('expected tokens per target pass', () => {
  it('α = 0.8, γ = 5: (1 − 0.8⁶)/0.2 = (1 − 0.262144)/0.2 = 3.68928', () => {
    expect(expectedTokens(0.8, 5)).toBeCloseTo(3.68928, 12);
  });

  it('the note: γ = 4 gives 3.3616 at α = 0.8, 2.3056 at α = 0.6, 4.0951 at α = 0.9', () => {
    expect(expectedTokens(0.8, 4)).toBeCloseTo(3.3616, 12);
    expect(expectedTokens(0.6, 4)).toBeCloseTo(2.3056, 12);
    expect(expectedTokens(0.9, 4)).toBeCloseTo(4.0951, 12);
  });

  it('α = 0: one token per pass, the target alone; α = 1: all γ drafts plus the bonus token', () => {
    expect(expectedTokens(0, 5)).toBe(1);
    expect(expectedTokens(1, 5)).toBe(6);
    expect(expectedTokens(1, 1)).toBe(2);
  });

  it('equals the geometric sum 1 + α + … + α^γ and is continuous at α = 1 (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 64 }), (alpha, gamma) => {
        let sum = 0;
        for (let k = 0; k <= gamma; k++) sum += alpha ** k;
        const e = expectedTokens(alpha, gamma);
        return Math.abs(e - sum) <= 1e-9 * sum && e >= 1 && e <= gamma + 1;
      }),
    );
    expect(expectedTokens(1 - 1e-12, 7)).toBeCloseTo(8, 8);
  });
});

describe('speed-up and the best γ', () => {
  it('the note: α = 0.8, γ = 4, c = 0.05 → 3.3616/1.2 = 2.8013', () => {
    expect(speedup(0.8, 4, 0.05)).toBeCloseTo(2.80133, 5);
  });

  it('α = 0.8, c = 0.05: γ = 8 is best (γ = 7: 4.16114/1.35 = 3.0823; γ = 8: 4.32891/1.40 = 3.0921; γ = 9: 4.46313/1.45 = 3.0780)', () => {
    expect(speedup(0.8, 7, 0.05)).toBeCloseTo(3.0823, 4);
    expect(speedup(0.8, 9, 0.05)).toBeCloseTo(3.078, 4);
    const best = bestGamma(0.8, 0.05);
    expect(best.gamma).toBe(8);
    expect(best.speedup).toBeCloseTo(3.0921, 4);
    expect(best.atLimit).toBe(false);
  });

  it('a useless draft (α = 0) only costs time: best γ = 1 with speed-up 1/(1 + c) < 1', () => {
    const best = bestGamma(0, 0.1);
    expect(best.gamma).toBe(1);
    expect(best.speedup).toBeCloseTo(1 / 1.1, 12);
  });

  it('a perfect free draft (α = 1, c = 0) keeps improving: the search ends at its limit', () => {
    const best = bestGamma(1, 0, 32);
    expect(best).toEqual({ gamma: 32, speedup: 33, atLimit: true });
  });

  it('no γ in the range beats the one chosen (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (alpha, c) => {
        const best = bestGamma(alpha, c, 32);
        for (let g = 1; g <= 32; g++) if (speedup(alpha, g, c) > best.speedup * (1 + 1e-9)) return false;
        return true;
      }),
    );
  });
});

describe('acceptance rate from two distributions', () => {
  it('the note: p = (0.5, 0.3, 0.15, 0.05), q = (0.6, 0.15, 0.1, 0.15) → α = 0.8, TV = 0.2, residual (0, 0.75, 0.25, 0)', () => {
    const a = acceptance([0.5, 0.3, 0.15, 0.05], [0.6, 0.15, 0.1, 0.15]);
    expect(a.alpha).toBeCloseTo(0.8, 12);
    expect(a.tv).toBeCloseTo(0.2, 12);
    const probs = a.acceptProb.map((x) => x ?? NaN);
    [0.8333, 1, 1, 0.3333].forEach((x, i) => expect(probs[i]).toBeCloseTo(x, 4));
    [0, 0.75, 0.25, 0].forEach((x, i) => expect(a.residual?.[i]).toBeCloseTo(x, 12));
  });

  it('identical distributions: α = 1 and nothing to resample', () => {
    const a = acceptance([0.2, 0.8], [0.2, 0.8]);
    expect(a.alpha).toBe(1);
    expect(a.residual).toBeNull();
  });

  it('a token the draft never proposes has no acceptance probability', () => {
    expect(acceptance([0.5, 0.5], [1, 0]).acceptProb).toEqual([0.5, null]);
  });

  it('exactness: min(p, q) + (1 − α)·residual = p, and α = 1 − TV (property)', () => {
    const dist = fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })
      .filter((xs) => xs.reduce((s, x) => s + x, 0) > 1e-3)
      .map((xs) => {
        const sum = xs.reduce((s, x) => s + x, 0);
        return xs.map((x) => x / sum);
      });
    fc.assert(
      fc.property(dist, dist, (p0, q0) => {
        const n = Math.min(p0.length, q0.length);
        const norm = (xs: number[]) => {
          const s = xs.reduce((a, x) => a + x, 0);
          return xs.map((x) => x / s);
        };
        const p = norm(p0.slice(0, n).map((x) => x + 1e-6));
        const q = norm(q0.slice(0, n).map((x) => x + 1e-6));
        const a = acceptance(p, q);
        if (Math.abs(a.alpha - (1 - a.tv)) > 1e-12) return false;
        return p.every((pi, i) => Math.abs(Math.min(pi, q[i]!) + (1 - a.alpha) * (a.residual?.[i] ?? 0) - pi) < 1e-9);
      }),
    );
  });
});
