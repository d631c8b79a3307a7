import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crossEntropy,
  distributionProblem,
  entropy,
  klDivergence,
  normalise,
  oneHot,
  perplexity,
  softmax,
  unsupportedIndices,
} from '../../../src/calculators/math/information.ts';

const distribution = fc
  .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })
  .map(normalise);
const pair = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.tuple(
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
  ).filter(([p]) => p.some((x) => x > 0)).map(([p, q]) => [normalise(p), normalise(q)] as const),
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
    fc.assert(fc.property(distribution, (p) => {
      expect(entropy(p)).toBeLessThanOrEqual(Math.log2(p.length) + 1e-12);
    }));
  });
});
