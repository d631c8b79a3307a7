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

  it('each exp finite but the sum overflows: FP16 logits 10, 10, 10 (3 × 22032 > 65504) and FP32 88.5, 88.5', () => {
    const fp16 = naiveSoftmax([10, 10, 10], 'float16');
    expect(fp16.exps).toEqual([22032, 22032, 22032]);
    expect(fp16.sum).toBe(Infinity);
    expect(fp16.issue).toEqual({ kind: 'sum-overflow', index: 2, largestExp: 22032 });
    // e^x / ∞ = 0: the naive probabilities silently add up to 0.
    expect(fp16.probabilities).toEqual([0, 0, 0]);
    expect(round4(stableSoftmax([10, 10, 10], 'float16').probabilities)).toEqual([0.3333, 0.3333, 0.3333]);
    const fp32 = naiveSoftmax([88.5, 88.5], 'float32');
    expect(fp32.exps.every(Number.isFinite)).toBe(true);
    expect(fp32.issue).toEqual({ kind: 'sum-overflow', index: 1, largestExp: Math.fround(Math.exp(88.5)) });
    expect(naiveSoftmax([709.5, 709.5]).issue?.kind).toBe('sum-overflow');
    // Two terms stay below 65504 (44064): no issue.
    expect(naiveSoftmax([10, 10], 'float16').issue).toBeNull();
    // The naive log-sum-exp is log ∞ = ∞ (an overflow, not an underflow); the stable one is 10 + ln 3.
    expect(logSumExp([10, 10, 10], 'naive', 'float16')).toEqual({ value: Infinity, issue: fp16.issue });
    expect(logSumExp([10, 10, 10], 'stable', 'float16').value).toBeCloseTo(10 + Math.log(3), 2);
    expect(logSumExp([88.5, 88.5], 'stable', 'float32').value).toBeCloseTo(88.5 + Math.LN2, 5);
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
