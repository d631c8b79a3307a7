import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logSumExp, naiveSoftmax, stableSoftmax, type Precision } from '../../../src/calculators/math/softmax.ts';

const round4 = (xs: number[]) => xs.map((x) => Number(x.toFixed(4)));

describe('naive vs stable softmax', () => {
  it('naive softmax of [1000, 999] overflows; stable gives [0.7311, 0.2689]', () => {
    const naive = naiveSoftmax([1000, 999]);
    expect(naive.probabilities.every((p) => !Number.isFinite(p))).toBe(true);
    expect(naive.issue).toEqual({ kind: 'overflow', index: 0, logit: 1000 });
    const stable = stableSoftmax([1000, 999]);
    expect(round4(stable.probabilities)).toEqual([0.7311, 0.2689]);
    expect(stable.issue).toBeNull();
  });

  it('naive softmax of very negative logits underflows to 0/0', () => {
    expect(naiveSoftmax([-1000, -1001]).issue).toEqual({ kind: 'underflow' });
    expect(round4(stableSoftmax([-1000, -1001]).probabilities)).toEqual([0.7311, 0.2689]);
  });

  it('float16 overflows much earlier: exp(12) > 65504', () => {
    expect(naiveSoftmax([12, 11], 'float16').issue?.kind).toBe('overflow');
    expect(naiveSoftmax([12, 11], 'float32').issue).toBeNull();
    expect(naiveSoftmax([100, 99], 'float32').issue?.kind).toBe('overflow');
    const p = stableSoftmax([12, 11], 'float16').probabilities;
    expect(p[0]).toBeCloseTo(0.7311, 3);
  });

  it('small logits: naive and stable agree', () => {
    const a = naiveSoftmax([1, 2, 3]).probabilities;
    const b = stableSoftmax([1, 2, 3]).probabilities;
    expect(round4(a)).toEqual([0.09, 0.2447, 0.6652]);
    a.forEach((p, i) => expect(p).toBeCloseTo(b[i]!, 14));
  });
});

describe('log-sum-exp', () => {
  it('naive LSE of [1000, 999] is ∞; stable is 1000 + log(1 + e^-1) ≈ 1000.3133', () => {
    expect(logSumExp([1000, 999], 'naive').value).toBe(Infinity);
    expect(logSumExp([1000, 999], 'stable').value).toBeCloseTo(1000.3132617, 6);
    expect(logSumExp([-1000, -1000], 'naive').value).toBe(-Infinity);
    expect(logSumExp([-1000, -1000], 'stable').value).toBeCloseTo(-1000 + Math.LN2, 10);
    expect(logSumExp([0, 0, 0, 0]).value).toBeCloseTo(Math.log(4), 14);
  });
});

describe('properties', () => {
  const logits = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });
  const big = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 8 });

  it('stable softmax sums to 1, even for logits that overflow the naive one', () => {
    fc.assert(
      fc.property(big, fc.constantFrom<Precision>('float64', 'float32'), (xs, p) => {
        const probs = stableSoftmax(xs, p).probabilities;
        const sum = probs.reduce((a, b) => a + b, 0);
        return probs.every((q) => q >= 0 && q <= 1) && Math.abs(sum - 1) < (p === 'float64' ? 1e-12 : 1e-5);
      }),
    );
  });

  it('stable softmax is shift-invariant: softmax(x + c) = softmax(x)', () => {
    fc.assert(
      fc.property(logits, fc.double({ min: -1000, max: 1000, noNaN: true }), (xs, c) => {
        const a = stableSoftmax(xs).probabilities;
        const b = stableSoftmax(xs.map((x) => x + c)).probabilities;
        return a.every((p, i) => Math.abs(p - b[i]!) < 1e-9);
      }),
    );
  });

  it('stable LSE = max + log Σ softmax-denominator, and LSE ≥ max', () => {
    fc.assert(
      fc.property(big, (xs) => {
        const lse = logSumExp(xs).value;
        return lse >= Math.max(...xs) && lse <= Math.max(...xs) + Math.log(xs.length) + 1e-9;
      }),
    );
  });
});
