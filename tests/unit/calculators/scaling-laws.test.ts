/**
 * Scaling-law planner. Known answers come from the note content/en/calculus/scaling-laws.mdx,
 * whose numbers follow Hoffmann et al. (2022), "Training Compute-Optimal Large Language
 * Models": Chinchilla is 70 B parameters on 1.4 T tokens, Gopher 280 B on 300 B, and the
 * approach-3 fit E = 1.69, A = 406.4, B = 410.7, α = 0.34, β = 0.28. The closed-form optimum is
 * checked against a numeric minimisation of L along 6ND = C.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHINCHILLA,
  budgetProblem,
  chinchillaG,
  chinchillaLoss,
  isoFlopCurve,
  planByFit,
  planByRatio,
  trainingTime,
} from '../../../src/calculators/math/scaling-laws.ts';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('the tokens-per-parameter rule', () => {
  it('Chinchilla: C = 6 · 70e9 · 1.4e12 = 5.88e23 at 20 tokens per parameter gives N = 70 B, D = 1.4 T', () => {
    const C = 6 * 70e9 * 1.4e12;
    expect(rel(C, 5.88e23)).toBeLessThan(1e-15);
    const plan = planByRatio(C, 20);
    expect(rel(plan.N, 70e9)).toBeLessThan(1e-12);
    expect(rel(plan.D, 1.4e12)).toBeLessThan(1e-12);
    expect(plan.tokensPerParam).toBe(20);
    // The note's predicted loss for Chinchilla: 1.69 + 0.0835 + 0.1632 = 1.937.
    expect(plan.loss).toBeCloseTo(1.937, 3);
  });

  it('the note: C = 1e21 → N = 2.89e9, D = 5.77e10; C = 1e24 → N = 9.13e10, D = 1.83e12', () => {
    const small = planByRatio(1e21, 20);
    expect(small.N / 1e9).toBeCloseTo(2.89, 2);
    expect(small.D / 1e10).toBeCloseTo(5.77, 2);
    const large = planByRatio(1e24, 20);
    expect(large.N / 1e10).toBeCloseTo(9.13, 2);
    expect(large.D / 1e12).toBeCloseTo(1.83, 2);
    // A thousand times the compute: √1000 ≈ 31.6 times the parameters and the tokens.
    expect(large.N / small.N).toBeCloseTo(Math.sqrt(1000), 10);
  });

  it('the note: LLaMA-3 8B budget 7.2e23 by the 20-tokens rule is a 7.75e10-parameter model on 1.55e12 tokens', () => {
    const plan = planByRatio(6 * 8e9 * 15e12, 20);
    expect(plan.N / 1e10).toBeCloseTo(7.75, 2);
    expect(plan.D / 1e12).toBeCloseTo(1.55, 2);
  });

  it('spends exactly the budget: 6ND = C and D/N = r (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 15, max: 30, noNaN: true }), fc.double({ min: 0.1, max: 5000, noNaN: true }), (logC, r) => {
        const C = 10 ** logC;
        const plan = planByRatio(C, r);
        return rel(6 * plan.N * plan.D, C) < 1e-12 && rel(plan.D / plan.N, r) < 1e-12;
      }),
    );
  });
});

describe('the Chinchilla fit', () => {
  it('the note: losses of Chinchilla (1.937) and Gopher (1.993), with their terms', () => {
    expect(CHINCHILLA.A / 70e9 ** CHINCHILLA.alpha).toBeCloseTo(0.0835, 4);
    expect(CHINCHILLA.B / 1.4e12 ** CHINCHILLA.beta).toBeCloseTo(0.1632, 4);
    expect(chinchillaLoss(70e9, 1.4e12)).toBeCloseTo(1.937, 3);
    expect(CHINCHILLA.A / 280e9 ** CHINCHILLA.alpha).toBeCloseTo(0.0521, 4);
    expect(CHINCHILLA.B / 300e9 ** CHINCHILLA.beta).toBeCloseTo(0.2511, 4);
    expect(chinchillaLoss(280e9, 300e9)).toBeCloseTo(1.993, 3);
  });

  it("the note: the formula's own optimum at 5.88e23 is N ≈ 3.25e10, D ≈ 3.02e12, about 93 tokens per parameter, G = 1.345", () => {
    expect(chinchillaG()).toBeCloseTo(1.345, 3);
    const plan = planByFit(5.88e23);
    expect(plan.N / 1e10).toBeCloseTo(3.25, 2);
    expect(plan.D / 1e12).toBeCloseTo(3.02, 2);
    expect(Math.round(plan.tokensPerParam)).toBe(93);
    // Below the loss of Chinchilla itself on the same budget: it is the minimum.
    expect(plan.loss).toBeLessThan(chinchillaLoss(70e9, 1.4e12));
  });

  it('the exponents: N ∝ C^0.4516 and D ∝ C^0.5484 (the note rounds them to 0.45 and 0.55)', () => {
    const a = planByFit(1e20);
    const b = planByFit(1e25);
    expect(Math.log10(b.N / a.N) / 5).toBeCloseTo(0.28 / 0.62, 10);
    expect(Math.log10(b.D / a.D) / 5).toBeCloseTo(0.34 / 0.62, 10);
  });

  it('the closed form matches a numeric minimisation of L(N, C/6N) over log N (property)', () => {
    // Golden-section search on x = log₁₀ N: L along the constraint is convex in log N
    // (a sum of two exponentials in x plus a constant), so the search finds the one minimum.
    const numericMinimum = (C: number): number => {
      const f = (x: number) => chinchillaLoss(10 ** x, C / (6 * 10 ** x));
      let [lo, hi] = [0, Math.log10(C / 6)];
      const g = (Math.sqrt(5) - 1) / 2;
      for (let i = 0; i < 200; i++) {
        const m1 = hi - g * (hi - lo);
        const m2 = lo + g * (hi - lo);
        if (f(m1) < f(m2)) hi = m2;
        else lo = m1;
      }
      return 10 ** ((lo + hi) / 2);
    };
    fc.assert(
      fc.property(fc.double({ min: 15, max: 30, noNaN: true }), (logC) => {
        const C = 10 ** logC;
        const closed = planByFit(C);
        return rel(closed.N, numericMinimum(C)) < 1e-5 && rel(6 * closed.N * closed.D, C) < 1e-12;
      }),
      { numRuns: 50 },
    );
  });

  it('the IsoFLOP curve has its lowest sample next to the closed-form optimum', () => {
    const C = 5.88e23;
    const opt = planByFit(C);
    const curve = isoFlopCurve(C, opt.N / 100, opt.N * 100, 400);
    const lowest = curve.reduce((best, p) => (p[1] < best[1] ? p : best));
    expect(Math.abs(lowest[0] - Math.log10(opt.N))).toBeLessThan(4 / 400 + 1e-9);
    expect(lowest[1]).toBeGreaterThanOrEqual(opt.loss - 1e-12);
  });
});

describe('training time', () => {
  it('the note: 1e23 FLOPs on 1,000 GPUs of 400 TFLOP/s at 40% MFU takes 625,000 s = 173.6 h = 7.23 days, 7,234 GPU-days', () => {
    const t = trainingTime(1e23, 1000, 400e12, 0.4);
    expect(t.flopsPerSecond).toBeCloseTo(1.6e17, 0);
    expect(t.seconds).toBeCloseTo(625_000, 6);
    expect(t.hours).toBeCloseTo(173.6, 1);
    expect(t.days).toBeCloseTo(7.23, 2);
    expect(Math.round(t.gpuDays)).toBe(7234);
  });

  it('the note: LLaMA-2 7B, 8.4e22 FLOPs in 184,320 A100-hours at 312 TFLOP/s peak is an MFU of about 0.41', () => {
    // Inverting trainingTime: the MFU at which 184,320 GPU-hours exactly suffice.
    const mfu = 8.4e22 / (184_320 * 3_600 * 312e12);
    expect(mfu).toBeCloseTo(0.41, 2);
    expect(trainingTime(8.4e22, 1, 312e12, mfu).hours).toBeCloseTo(184_320, 6);
  });
});

describe('bad budgets', () => {
  it('names the problem', () => {
    expect(budgetProblem(0)).toBe('not-positive');
    expect(budgetProblem(-1e21)).toBe('not-positive');
    expect(budgetProblem(Infinity)).toBe('not-finite');
    expect(budgetProblem(Number.NaN)).toBe('not-finite');
    expect(budgetProblem(5.88e23)).toBeNull();
  });
});
