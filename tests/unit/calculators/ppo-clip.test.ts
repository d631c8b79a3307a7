import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { klEstimators, objectiveCurve, ppoClip, ratioFromLogProbs } from '../../../src/calculators/math/ppo-clip.ts';

describe('ppoClip (one token of L^CLIP = min(r·A, clip(r, 1 − ε, 1 + ε)·A))', () => {
  // The note's worked example "PPO's clip, ε = 0.2" (content/en/probability/importance-sampling-policy-gradients.mdx):
  // log π_old = −1.2.
  it('note: log π −0.95, A = +0.5 → r = e^0.25 = 1.2840, r·A = 0.6420, clipped 0.6 wins, no gradient', () => {
    const r = ratioFromLogProbs(-0.95, -1.2);
    expect(r).toBeCloseTo(1.284, 4);
    const res = ppoClip(r, 0.5, 0.2);
    expect(res.unclipped).toBeCloseTo(0.642, 4);
    expect(res.clipped).toBeCloseTo(0.6, 12);
    expect(res.objective).toBeCloseTo(0.6, 12);
    expect(res.state).toBe('clipped');
    expect(res.slope).toBe(0);
  });

  it('note: log π −1.3, A = +0.5 → r = e^−0.1 = 0.9048 inside the range, L = 0.4524, gradient flows', () => {
    const res = ppoClip(ratioFromLogProbs(-1.3, -1.2), 0.5, 0.2);
    expect(res.objective).toBeCloseTo(0.4524, 4);
    expect(res.state).toBe('inside');
    expect(res.slope).toBe(0.5);
  });

  it('note: log π −1.55, A = −1 → r = 0.7047, r·A = −0.7047, clipped −0.8 wins, no gradient', () => {
    const r = ratioFromLogProbs(-1.55, -1.2);
    expect(r).toBeCloseTo(0.7047, 4);
    const res = ppoClip(r, -1, 0.2);
    expect(res.unclipped).toBeCloseTo(-0.7047, 4);
    expect(res.objective).toBeCloseTo(-0.8, 12);
    expect(res.state).toBe('clipped');
    expect(res.slope).toBe(0);
  });

  // Worked by hand from the definition: the four sign cases of the note on information in LLMs.
  it('moves that made the objective worse are never clipped', () => {
    // A > 0, r = 0.5 < 0.8: r·A = 0.5 < 0.8·1, the min keeps r·A and its slope A.
    expect(ppoClip(0.5, 1, 0.2)).toMatchObject({ objective: 0.5, clipped: 0.8, state: 'unclippedOutside', slope: 1 });
    // A < 0, r = 1.5 > 1.2: r·A = −1.5 < −1.2, kept.
    expect(ppoClip(1.5, -1, 0.2)).toMatchObject({ objective: -1.5, clipped: -1.2, state: 'unclippedOutside', slope: -1 });
  });

  it('the kink, zero advantage, r = 1', () => {
    expect(ppoClip(1.2, 2, 0.2)).toMatchObject({ state: 'edge', slope: null });
    expect(ppoClip(1.2, 2, 0.2).objective).toBeCloseTo(2.4, 12);
    // At 1 − ε with A > 0 there is no kink: r·A is taken on both sides.
    expect(ppoClip(0.8, 2, 0.2).state).toBe('inside');
    expect(ppoClip(3, 0, 0.2)).toMatchObject({ objective: 0, state: 'zeroAdvantage', slope: 0 });
    expect(Object.is(ppoClip(3, -0, 0.2).objective, 0)).toBe(true);
    expect(ppoClip(1, -0.7, 0.1)).toMatchObject({ objective: -0.7, state: 'inside', slope: -0.7 });
  });

  it('the curve has its corners at 1 ± ε and is flat past the rewarded edge', () => {
    expect(objectiveCurve(1, 0.2, 2).map(([x, y]) => [x, Number(y.toFixed(12))])).toEqual([
      [0, 0],
      [0.8, 0.8],
      [1.2, 1.2],
      [2, 1.2],
    ]);
    expect(objectiveCurve(-1, 0.2, 2).map(([x, y]) => [x, Number(y.toFixed(12))])).toEqual([
      [0, -0.8],
      [0.8, -0.8],
      [1.2, -1.2],
      [2, -2],
    ]);
  });

  it('property: L ≤ r·A, L = r·A inside the range, and L is the min of the two terms', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (r, A, eps) => {
          const res = ppoClip(r, A, eps);
          expect(res.objective).toBeLessThanOrEqual(res.unclipped + 1e-12);
          expect(res.objective).toBe(Math.min(res.unclipped, res.clipped) + 0);
          if (r > 1 - eps && r < 1 + eps) expect(res.objective).toBeCloseTo(r * A, 12);
          // The slope, where defined, matches a finite difference.
          if (res.slope !== null && Math.abs(r - (1 - eps)) > 1e-6 && Math.abs(r - (1 + eps)) > 1e-6 && r > 1e-6) {
            const h = 1e-7;
            const fd = (ppoClip(r + h, A, eps).objective - ppoClip(r - h, A, eps).objective) / (2 * h);
            expect(fd).toBeCloseTo(res.slope, 4);
          }
        },
      ),
    );
  });
});

describe('klEstimators (Schulman 2020, "Approximating KL divergence")', () => {
  it('note: q = (0.5, 0.3, 0.2), p = (0.4, 0.4, 0.2) reproduces the table of the worked example', () => {
    const res = klEstimators([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]);
    if (!res.ok) throw new Error('expected finite');
    // KL = 0.5 ln 1.25 + 0.3 ln 0.75 = 0.0253.
    expect(res.kl).toBeCloseTo(0.5 * Math.log(1.25) + 0.3 * Math.log(0.75), 15);
    expect(res.kl).toBeCloseTo(0.0253, 4);
    const r = res.categories.map((c) => c?.ratio);
    expect(r[0]).toBeCloseTo(0.8, 15);
    expect(r[1]).toBeCloseTo(4 / 3, 15);
    expect(r[2]).toBeCloseTo(1, 15);
    // The sampled second token: k1 = −0.2877, k2 = 0.0414, k3 = 0.0457.
    expect(res.categories[1]!.k1).toBeCloseTo(-0.2877, 4);
    expect(res.categories[1]!.k2).toBeCloseTo(0.0414, 4);
    expect(res.categories[1]!.k3).toBeCloseTo(0.0457, 4);
    expect(res.categories[0]!.k1).toBeCloseTo(0.2231, 4);
    expect(res.categories[0]!.k2).toBeCloseTo(0.0249, 4);
    expect(res.categories[0]!.k3).toBeCloseTo(0.0231, 4);
    // Means and standard deviations as in the note's table.
    expect(res.k1.mean).toBeCloseTo(0.0253, 4);
    expect(res.k1.sd).toBeCloseTo(0.2216, 4);
    expect(res.k2.mean).toBeCloseTo(0.0249, 4);
    expect(res.k2.sd).toBeCloseTo(0.0143, 4);
    expect(res.k3.mean).toBeCloseTo(0.0253, 4);
    expect(res.k3.sd).toBeCloseTo(0.016, 4);
    // "The standard deviation of k1 is 8.8 times the KL itself".
    expect(res.k1.sd / res.kl).toBeCloseTo(8.8, 1);
  });

  it('identical distributions: every estimate, mean and spread is 0', () => {
    const res = klEstimators([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]);
    if (!res.ok) throw new Error('expected finite');
    for (const s of [res.k1, res.k2, res.k3]) expect(s).toEqual({ mean: 0, sd: 0 });
    expect(res.kl).toBe(0);
  });

  it('by hand: q = (½, ½), p = (¼, ¾)', () => {
    // r = (½, 3/2); k1 = (ln 2, −ln 1.5); KL = ½ ln 2 − ½ ln 1.5 = ½ ln(4/3).
    const res = klEstimators([0.5, 0.5], [0.25, 0.75]);
    if (!res.ok) throw new Error('expected finite');
    expect(res.kl).toBeCloseTo(0.5 * Math.log(4 / 3), 15);
    // sd of k1: the two values are ln 2 and −ln 1.5, equally likely: half their gap.
    expect(res.k1.sd).toBeCloseTo((Math.log(2) + Math.log(1.5)) / 2, 15);
    // k2 mean = ¼ (ln²2 + ln²1.5).
    expect(res.k2.mean).toBeCloseTo((Math.log(2) ** 2 + Math.log(1.5) ** 2) / 4, 15);
    // k3 = (−½ + ln 2, ½ − ln 1.5).
    expect(res.categories[0]!.k3).toBeCloseTo(-0.5 + Math.log(2), 15);
    expect(res.categories[1]!.k3).toBeCloseTo(0.5 - Math.log(1.5), 15);
    expect(res.k3.sd).toBeCloseTo(Math.abs(-0.5 + Math.log(2) - (0.5 - Math.log(1.5))) / 2, 15);
  });

  it('reference 0 where the policy samples → infinite, naming the categories; q = 0 is never sampled', () => {
    expect(klEstimators([0.5, 0.5, 0], [1, 0, 0])).toEqual({ ok: false, reason: 'infinite', indices: [1] });
    const res = klEstimators([1, 0], [0.6, 0.4]);
    if (!res.ok) throw new Error('expected finite');
    expect(res.categories[1]).toBeNull();
    // KL = ln(1/0.6); k1 is constant, so its spread is 0. p has 0.4 where q has none: E[k3] = KL − 0.4.
    expect(res.kl).toBeCloseTo(-Math.log(0.6), 15);
    expect(res.k1.sd).toBe(0);
    expect(res.unsampledMass).toBeCloseTo(0.4, 15);
    expect(res.k3.mean).toBeCloseTo(-Math.log(0.6) - 0.4, 15);
  });

  const distribution = (n: number) =>
    fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((xs) => {
      const s = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / s);
    });
  const pair = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(distribution(n), distribution(n)));

  it('property: k3 ≥ 0 per sample; E[k1] = E[k3] = KL(q‖p) to 1e-12; k2 ≥ 0', () => {
    fc.assert(
      fc.property(pair, ([q, p]) => {
        const res = klEstimators(q, p);
        if (!res.ok) throw new Error('expected finite');
        const direct = q.reduce((s, x, i) => s + x * Math.log(x / p[i]!), 0);
        expect(Math.abs(res.kl - Math.max(0, direct))).toBeLessThan(1e-12);
        expect(Math.abs(res.k1.mean - res.kl)).toBeLessThan(1e-12);
        expect(Math.abs(res.k3.mean - res.kl)).toBeLessThan(1e-12);
        for (const c of res.categories) {
          expect(c!.k3).toBeGreaterThanOrEqual(0);
          expect(c!.k2).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
