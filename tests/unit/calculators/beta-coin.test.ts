import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { betaDensity, betaMode, betaQuantile, coinPosterior, logGamma, regularisedIncompleteBeta as incBeta } from '../../../src/calculators/math/beta-coin.ts';

/** n choose k as a double (exact for the small n used here). */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/**
 * For integer a, b: I_x(a, b) = P(at least a successes in a + b − 1 Bernoulli(x) trials)
 * = Σ_{j=a}^{a+b−1} C(a+b−1, j) x^j (1 − x)^{a+b−1−j} (e.g. Abramowitz & Stegun 26.5.24 via 6.6.4).
 */
function binomialTail(x: number, a: number, b: number): number {
  const m = a + b - 1;
  let s = 0;
  for (let j = a; j <= m; j++) s += choose(m, j) * x ** j * (1 - x) ** (m - j);
  return s;
}

describe('logGamma', () => {
  it('matches factorials and Γ(½) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // ln 170! from the sum of logs.
    let lf = 0;
    for (let i = 2; i <= 170; i++) lf += Math.log(i);
    expect(Math.abs(logGamma(171) - lf) / lf).toBeLessThan(1e-14);
  });
});

describe('regularisedIncompleteBeta', () => {
  it('Beta(1, 1) is uniform; Beta(2, 2) is 3x² − 2x³; Beta(a, 1) is x^a; Beta(½, ½) is (2/π) arcsin √x', () => {
    for (const x of [0, 0.001, 0.1, 0.37, 0.5, 0.9, 0.999, 1]) {
      expect(Math.abs(incBeta(x, 1, 1)! - x)).toBeLessThan(1e-14);
      expect(Math.abs(incBeta(x, 2, 2)! - (3 * x * x - 2 * x ** 3))).toBeLessThan(1e-14);
      expect(Math.abs(incBeta(x, 3.7, 1)! - x ** 3.7)).toBeLessThan(1e-13);
      expect(Math.abs(incBeta(x, 0.5, 0.5)! - (2 / Math.PI) * Math.asin(Math.sqrt(x)))).toBeLessThan(1e-13);
    }
  });

  it('property: integer a, b agree with the binomial-sum closed form to 1e-12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, x) => {
        expect(Math.abs(incBeta(x, a, b)! - binomialTail(x, a, b))).toBeLessThan(1e-12);
      }),
    );
  });

  it('matches @stdlib/math-base-special-betainc 0.2.3 (a port of Boost ibeta) to 1e-12', () => {
    // Values printed once by that package on 2026-12-06; it is not a dependency of the site.
    expect(incBeta(0.3, 9, 5)).toBeCloseTo(0.0040309701434999975, 12);
    expect(incBeta(0.6, 0.5, 3.2)).toBeCloseTo(0.9805353951652958, 12);
    expect(incBeta(0.99, 200, 3)).toBeCloseTo(0.671238171038389, 12);
    expect(incBeta(0.02, 1.5, 40)).toBeCloseTo(0.34654713215022026, 12);
  });
});

describe('betaQuantile', () => {
  it('Beta(2, 2): the root of 3x² − 2x³ = p in [0, 1], x = ½ + cos(arccos(1 − 2p)/3 + 4π/3), to 1e-12', () => {
    for (const p of [0.001, 0.025, 0.1, 0.5, 0.8, 0.975, 0.999]) {
      const exact = 0.5 + Math.cos(Math.acos(1 - 2 * p) / 3 + (4 * Math.PI) / 3);
      expect(Math.abs(betaQuantile(p, 2, 2)! - exact)).toBeLessThan(1e-12);
    }
  });

  it('closed forms: uniform, Beta(a, 1) = p^(1/a), Beta(1, b) = 1 − (1 − p)^(1/b), arcsine sin²(πp/2)', () => {
    for (const p of [0.025, 0.3, 0.975]) {
      expect(Math.abs(betaQuantile(p, 1, 1)! - p)).toBeLessThan(1e-12);
      expect(Math.abs(betaQuantile(p, 4, 1)! - p ** 0.25)).toBeLessThan(1e-12);
      expect(Math.abs(betaQuantile(p, 1, 6)! - (1 - (1 - p) ** (1 / 6)))).toBeLessThan(1e-12);
      expect(Math.abs(betaQuantile(p, 0.5, 0.5)! - Math.sin((Math.PI * p) / 2) ** 2)).toBeLessThan(1e-12);
    }
    // A tail far below 1e-16 is still found: Beta(0.05, 1) has quantile p^20.
    expect(betaQuantile(0.025, 0.05, 1)! / 0.025 ** 20).toBeCloseTo(1, 10);
  });

  it('matches @stdlib/stats-base-dists-beta-quantile 0.2.3 (Boost ibeta_inv) to 1e-10', () => {
    // [p, a, b, quantile] printed once by that package on 2026-12-06.
    const table: Array<[number, number, number, number]> = [
      [0.025, 9, 5, 0.38573833824929465],
      [0.975, 9, 5, 0.8614206611098394],
      [0.025, 4, 1.5, 0.3299256547111405],
      [0.975, 74, 38, 0.7450942634927533],
      [0.025, 0.5, 0.5, 0.001541333133436012],
      [0.5, 71, 31, 0.6973644392850504],
      [0.025, 1001, 2001, 0.3166892388920107],
      [0.975, 0.3, 12.7, 0.14253381643574367],
      [0.001, 3.5, 0.25, 0.2523947204669473],
    ];
    for (const [p, a, b, x] of table) expect(Math.abs(betaQuantile(p, a, b)! - x), `${p} ${a} ${b}`).toBeLessThan(1e-10);
  });

  it('property: I at the p-quantile gives p back to 1e-10 (a, b ≥ 1, bounded density)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, p) => {
          expect(Math.abs(incBeta(betaQuantile(p, a, b)!, a, b)! - p)).toBeLessThan(1e-10);
        },
      ),
    );
  });

  it('property: for any a, b the quantile is the double where I crosses p (a, b < 1 are too steep near 0 and 1 for |I − p| itself)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0.05, max: 200, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (a, b, p) => {
          const x = betaQuantile(p, a, b)!;
          const step = 4 * Math.max(Number.EPSILON * x, Number.MIN_VALUE);
          expect(incBeta(x - step, a, b)!).toBeLessThanOrEqual(p + 1e-12);
          expect(incBeta(x + step, a, b)!).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });
});

describe('betaDensity and betaMode', () => {
  it('densities by hand: Beta(2, 2) is 6x(1 − x); Beta(1, 1) is 1; ends', () => {
    expect(betaDensity(0.3, 2, 2)).toBeCloseTo(6 * 0.3 * 0.7, 13);
    expect(betaDensity(0, 1, 1)).toBeCloseTo(1, 13);
    expect(betaDensity(1, 1, 3)).toBe(0);
    expect(betaDensity(0, 1, 3)).toBeCloseTo(3, 13);
    expect(betaDensity(0, 0.5, 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('the mode and its edge cases', () => {
    expect(betaMode(9, 5)).toEqual({ kind: 'interior', value: 8 / 12 });
    expect(betaMode(1, 1)).toEqual({ kind: 'uniform' });
    expect(betaMode(0.5, 0.5)).toEqual({ kind: 'bimodal' });
    expect(betaMode(0.5, 3)).toEqual({ kind: 'zero', value: 0 });
    expect(betaMode(1, 3)).toEqual({ kind: 'zero', value: 0 });
    expect(betaMode(4, 1)).toEqual({ kind: 'one', value: 1 });
    expect(betaMode(1, 0.5)).toEqual({ kind: 'one', value: 1 });
  });
});

describe('coinPosterior (the note mle-map, content/en/probability/mle-map.mdx)', () => {
  it('7 heads, 3 tails, Beta(2, 2): MLE 0.7, posterior Beta(9, 5), MAP 8/12 = 0.6667, mean 9/14 = 0.6429', () => {
    const r = coinPosterior(7, 3, 2, 2);
    expect(r.mle).toBe(0.7);
    expect([r.alpha, r.beta]).toEqual([9, 5]);
    expect(r.map).toEqual({ kind: 'interior', value: 8 / 12 });
    expect(r.mean).toBeCloseTo(9 / 14, 15);
    expect(r.interval![0]).toBeCloseTo(0.38573833824929465, 10);
    expect(r.interval![1]).toBeCloseTo(0.8614206611098394, 10);
  });

  it('note: three heads in three flips: MLE 1, MAP 0.8 with Beta(2, 2)', () => {
    const r = coinPosterior(3, 0, 2, 2);
    expect(r.mle).toBe(1);
    expect(r.map).toEqual({ kind: 'interior', value: 0.8 });
  });

  it('note: 70 of 100 with Beta(5, 5): MAP 74/108 = 0.6852', () => {
    const r = coinPosterior(70, 30, 5, 5);
    expect(r.mle).toBe(0.7);
    if (r.map.kind !== 'interior') throw new Error('interior expected');
    expect(r.map.value).toBeCloseTo(0.6852, 4);
    expect(r.map.value).toBeCloseTo(74 / 108, 15);
  });

  it('note: Beta(1, 1) gives back the MLE; no flips has no MLE', () => {
    expect(coinPosterior(7, 3, 1, 1).map).toEqual({ kind: 'interior', value: 0.7 });
    const none = coinPosterior(0, 0, 2, 2);
    expect(none.mle).toBeNull();
    expect(none.map).toEqual({ kind: 'interior', value: 0.5 });
    // The posterior is the prior: Beta(2, 2), so the interval is its quantiles.
    expect(none.interval![0]).toBeCloseTo(0.5 + Math.cos(Math.acos(0.95) / 3 + (4 * Math.PI) / 3), 12);
  });

  it('edge cases: no flips and a uniform prior has no single mode; Jeffreys prior with all heads has its mode at 1', () => {
    const flat = coinPosterior(0, 0, 1, 1);
    expect(flat.map).toEqual({ kind: 'uniform' });
    expect(flat.mapFormula).toBeNull();
    expect(flat.interval).toEqual([expect.closeTo(0.025, 12), expect.closeTo(0.975, 12)]);
    const jeffreys = coinPosterior(5, 0, 0.5, 0.5);
    expect(jeffreys.map).toEqual({ kind: 'one', value: 1 });
    // Posterior Beta(5.5, 0.5): the formula (h + a − 1)/(n + a + b − 2) = 4.5/4 lies outside [0, 1].
    expect(jeffreys.mapFormula).toBeCloseTo(1.125, 15);
    // One head under Beta(½, ½): Beta(1.5, 0.5), the formula's denominator n + a + b − 2 is 0.
    const oneHead = coinPosterior(1, 0, 0.5, 0.5);
    expect(oneHead.map).toEqual({ kind: 'one', value: 1 });
    expect(oneHead.mapFormula).toBeNull();
    expect([oneHead.mapNumerator, oneHead.mapDenominator]).toEqual([0.5, 0]);
  });
});
