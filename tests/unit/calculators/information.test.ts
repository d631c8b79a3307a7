import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crossEntropy,
  distributionProblem,
  entropy,
  klDivergence,
  logSoftmax,
  logitsMeasures,
  normalise,
  oneHot,
  perplexity,
  softmax,
  unsupportedIndices,
} from '../../../src/calculators/math/information.ts';

const distribution = fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }).map(normalise);
const pair = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    )
    .filter(([p]) => p.some((x) => x > 0))
    .map(([p, q]) => [normalise(p), normalise(q)] as const),
);

describe('entropy and friends', () => {
  it('a fair coin has 1 bit (ln 2 nats) of entropy', () => {
    expect(entropy([0.5, 0.5])).toBe(1);
    expect(entropy([0.5, 0.5], Math.E)).toBeCloseTo(Math.LN2, 15);
    expect(entropy([1, 0])).toBe(0);
  });

  it('KL(Bern(0.5) ‖ Bern(0.25)) = 0.2075 bits', () => {
    const kl = klDivergence([0.5, 0.5], [0.25, 0.75]);
    expect(kl.toFixed(4)).toBe('0.2075');
    expect(kl).toBeCloseTo(1 - 0.5 * Math.log2(3), 14);
  });

  it('KL is infinite (not NaN) where Q has no mass and P does', () => {
    expect(klDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(crossEntropy([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(perplexity([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(klDivergence([1, 0], [0.5, 0.5])).toBe(1);
    expect(unsupportedIndices([0.5, 0.5, 0], [1, 0, 0])).toEqual([1]);
  });

  it('perplexity of a uniform guess over 4 outcomes is 4', () => {
    expect(perplexity([0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    // Logits mode: target 2, Q = softmax(logits); cross-entropy = −ln q₂.
    const q = softmax([1, 2, 3]);
    expect(crossEntropy(oneHot(3, 2), q, Math.E)).toBeCloseTo(-Math.log(q[2]!), 14);
    expect(perplexity(oneHot(3, 2), q)).toBeCloseTo(1 / q[2]!, 12);
  });

  it('logits mode is stable: logits (1000, 0, −1000) give cross-entropy 2000 nats, not ∞', () => {
    const far = logitsMeasures([1000, 0, -1000], 2, Math.E);
    expect(far.crossEntropy).toBe(2000);
    expect(far.klPQ).toBe(2000);
    expect(far.entropyP).toBe(0);
    expect(far.klQP).toBe(Infinity);
    // H(Q) ≈ 1000·e^−1000 ≈ 10^−431 is below the smallest double: 0 is the rounded answer (not NaN).
    expect(far.entropyQ).toBe(0);
    expect(logitsMeasures([10, 0, -10], 0, Math.E).entropyQ).toBeCloseTo(entropy(softmax([10, 0, -10]), Math.E), 15);
    // Perplexity e^2000 ≈ 3.881×10^868: too large for a double, so it comes with its log₁₀.
    expect(far.perplexity).toBe(Infinity);
    expect(far.log10Perplexity).toBeCloseTo(2000 / Math.LN10, 9);
    expect(far.log10Perplexity).toBeCloseTo(868.58896, 5);
    // In bits: 2000 / ln 2 = 2885.39 bits. Target 1: 1000 nats.
    expect(logitsMeasures([1000, 0, -1000], 2, 2).crossEntropy).toBeCloseTo(2000 / Math.LN2, 9);
    expect(logitsMeasures([1000, 0, -1000], 1).crossEntropy).toBeCloseTo(1000 / Math.LN2, 9);
    // The right answer: a tiny loss keeps its digits (log1p), ln(1 + e^-30) = 9.357622968839e-14.
    expect(logitsMeasures([30, 0], 0, Math.E).crossEntropy).toBeCloseTo(9.357622968839e-14, 25);
    expect(logitsMeasures([1000, 0, -1000], 0, Math.E).crossEntropy).toBe(0);
  });

  it('logits mode agrees with the probability route where that does not overflow', () => {
    const logits = [2, 1, 0.1];
    for (const base of [2, Math.E]) {
      for (const t of [0, 1, 2]) {
        const m = logitsMeasures(logits, t, base);
        const q = softmax(logits);
        const p = oneHot(3, t);
        expect(m.crossEntropy).toBeCloseTo(crossEntropy(p, q, base), 13);
        expect(m.klPQ).toBeCloseTo(klDivergence(p, q, base), 13);
        expect(m.entropyQ).toBeCloseTo(entropy(q, base), 13);
        expect(m.perplexity).toBeCloseTo(perplexity(p, q), 12);
        m.q.forEach((x, i) => expect(x).toBeCloseTo(q[i]!, 15));
      }
    }
    // The classic example: logits (2, 1, 0.1), target 0 → −ln 0.659 = 0.4170 nats.
    expect(logitsMeasures(logits, 0, Math.E).crossEntropy.toFixed(4)).toBe('0.4170');
    expect(logSoftmax([1000, 1000]).map((x) => x + Math.LN2)).toEqual([0, 0]);
  });

  it('says why a list is not a distribution', () => {
    expect(distributionProblem([0.5, 0.5])).toBeNull();
    expect(distributionProblem([0.5, -0.1, 0.6])).toEqual({ kind: 'negative', index: 1 });
    expect(distributionProblem([0.33, 0.33, 0.33])).toEqual({ kind: 'sum', sum: expect.closeTo(0.99, 12) });
    expect(distributionProblem([])).toEqual({ kind: 'empty' });
  });

  it('KL ≥ 0, and KL = 0 for identical distributions (property)', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        expect(klDivergence(p, q)).toBeGreaterThanOrEqual(0);
        expect(klDivergence(p, p)).toBeLessThan(1e-12);
      }),
    );
  });

  it('H(P, Q) = H(P) + KL(P ‖ Q) in bits and nats (property)', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        for (const base of [2, Math.E]) {
          expect(crossEntropy(p, q, base)).toBeCloseTo(entropy(p, base) + klDivergence(p, q, base), 10);
        }
      }),
    );
  });

  it('entropy is at most log n (property)', () => {
    fc.assert(
      fc.property(distribution, (p) => {
        expect(entropy(p)).toBeLessThanOrEqual(Math.log2(p.length) + 1e-12);
      }),
    );
  });
});
