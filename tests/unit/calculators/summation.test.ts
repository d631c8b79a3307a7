import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FLOAT_FORMATS, roundToFormat, ulp } from '../../../src/calculators/math/float-formats.ts';
import { kahanSum, makeRounder, makeTerms, naiveSum, pairwiseSum, referenceSum, rounderFor, sumLab } from '../../../src/calculators/math/summation.ts';

const fp32 = rounderFor('fp32');
const bf16 = rounderFor('bf16');
const fp16 = rounderFor('fp16');
const ones = (n: number) => new Float64Array(n).fill(1);

describe('rounding to the format', () => {
  it('agrees with float-formats’ roundToFormat (round to nearest, ties to even) on BF16 and FP16', () => {
    for (const id of ['bf16', 'fp16'] as const) {
      const fast = makeRounder(FLOAT_FORMATS[id]);
      fc.assert(
        fc.property(fc.double({ noNaN: true }), (x) => {
          expect(Object.is(fast(x), roundToFormat(x, FLOAT_FORMATS[id]).value)).toBe(true);
        }),
        { numRuns: 3000 },
      );
      // Ties and their neighbours at every binade the sums meet, subnormals included.
      for (let k = -30; k <= 20; k++) {
        const half = ulp(2 ** k, FLOAT_FORMATS[id]) / 2;
        for (const x of [2 ** k + half, 2 ** k + 3 * half, 2 ** k + half * (1 + 2 ** -20), -(2 ** k + half)]) {
          expect(fast(x)).toBe(roundToFormat(x, FLOAT_FORMATS[id]).value);
        }
      }
    }
  });

  it('the note’s cancellation example: FP16 stores 1.001 as 1.0009765625, BF16 as 1; FP16 overflows above 65504', () => {
    expect(fp16(1.001)).toBe(1.0009765625);
    expect(bf16(1.001)).toBe(1);
    expect(fp16(65519.99)).toBe(65504);
    expect(fp16(65520)).toBe(Infinity);
    expect(bf16(257)).toBe(256);
    expect(bf16(259)).toBe(260);
  });
});

describe('stagnation (the note’s “Stagnation” and worked example)', () => {
  it('FP32 naive sum of 2^24 + 1 ones stops at 2^24 = 16,777,216', () => {
    expect(naiveSum(ones(2 ** 24 + 1), fp32)).toBe(16_777_216);
  });

  it('BF16 naive sum of 1000 ones sticks at 256, from term 257 on; pairwise gives 1000 exactly', () => {
    const r = sumLab(ones(1000), bf16);
    expect(r.naive.sum).toBe(256);
    expect(r.stall).toEqual({ value: 256, fromTerm: 257 });
    expect(r.pairwise.sum).toBe(1000);
    expect(r.reference).toBe(1000);
    expect(r.referenceExact).toBe(true);
  });

  it('FP16 naive sum of ones sticks at 2048', () => {
    const r = sumLab(ones(3000), fp16);
    expect(r.naive.sum).toBe(2048);
    expect(r.stall).toEqual({ value: 2048, fromTerm: 2049 });
  });

  it('Kahan versus naive in BF16: start at 256, add four 1s → naive 256, Kahan 260 (the note’s table)', () => {
    const xs = ones(4);
    expect(naiveSum(xs, bf16, 256)).toBe(256);
    expect(kahanSum(xs, bf16, 256)).toBe(260);
    // The note's steps: s after each step 256, 258, 260, 260.
    expect([1, 2, 3, 4].map((k) => kahanSum(ones(k), bf16, 256))).toEqual([256, 258, 260, 260]);
    const r = sumLab(xs, bf16, 256);
    expect(r.reference).toBe(260);
    expect(r.kahan.absError).toBe(0);
  });
});

describe('sums of 0.1 in FP32', () => {
  const tenths = makeTerms({ kind: 'copies', value: 0.1 }, 1_000_000, fp32);

  it('the reference is n · fl32(0.1) = 100000.00149011612, exactly', () => {
    const r = referenceSum(tenths);
    expect(r.exact).toBe(true);
    expect(r.value).toBe(1e6 * Math.fround(0.1));
    expect(r.value).toBeCloseTo(100000.00149011612, 8);
  });

  it('Kahan of 10^6 × 0.1 is within a few ulps of 100000 (ulp = 2^-7 there); naive drifts to 100958.34375', () => {
    const kahan = kahanSum(tenths, fp32);
    expect(Math.abs(kahan - 100000)).toBeLessThanOrEqual(2 * 2 ** -7);
    // The well-known float result of adding 0.1f a million times (C, NumPy float32 cumsum).
    expect(naiveSum(tenths, fp32)).toBe(100958.34375);
    expect(Math.abs(pairwiseSum(tenths, fp32) - 100000)).toBeLessThanOrEqual(2 * 2 ** -7);
  });
});

describe('the note’s error bounds hold (naive (n−1)u, pairwise ⌈log2 n⌉u, Kahan 2u + O(nu²), relative to Σ|x|)', () => {
  it('random terms in FP32 and BF16', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 2, max: 3000 }), fc.constantFrom('fp32', 'bf16', 'fp16'), (seed, n, format) => {
        const round = rounderFor(format as 'fp32' | 'bf16' | 'fp16');
        const u = format === 'fp32' ? 2 ** -24 : format === 'bf16' ? 2 ** -8 : 2 ** -11;
        const xs = makeTerms({ kind: 'random', scale: 1, seed }, n, round);
        const r = sumLab(xs, round);
        // Positive terms: Σ|x| is the reference itself.
        const gamma = (k: number) => (k * u) / (1 - k * u);
        if ((n - 1) * u < 1) expect(r.naive.absError).toBeLessThanOrEqual(gamma(n - 1) * r.reference * (1 + 1e-12));
        expect(r.pairwise.absError).toBeLessThanOrEqual(gamma(Math.ceil(Math.log2(n))) * r.reference * (1 + 1e-12));
        if (format === 'fp32') expect(r.kahan.absError).toBeLessThanOrEqual((2 * u + n * u * u) * r.reference);
      }),
      { numRuns: 60 },
    );
  });

  it('the curve: n = 1, 2, 4, … and the full length, each value the method on that prefix', () => {
    const round = bf16;
    const xs = makeTerms({ kind: 'random', scale: 1, seed: 11 }, 1000, round);
    const r = sumLab(xs, round, 3);
    expect(r.curve.map((p) => p.n)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000]);
    for (const p of r.curve) {
      const prefix = xs.subarray(0, p.n);
      const ref = referenceSum(prefix, 3).value;
      expect(p.naive).toBe(Math.abs(naiveSum(prefix, round, 3) - ref) / ref);
      expect(p.kahan).toBe(Math.abs(kahanSum(prefix, round, 3) - ref) / ref);
      expect(p.pairwise).toBe(Math.abs(pairwiseSum(prefix, round, 3) - ref) / ref);
    }
    expect(r.curve.at(-1)!.naive).toBe(r.naive.relError);
  });

  it('no relative error when the exact sum is 0; overflow in FP16 gives no finite sum', () => {
    const r = sumLab(new Float64Array([1, -1]), fp32);
    expect(r.naive.relError).toBeNull();
    expect(r.curve.at(-1)!.naive).toBeNull();
    const big = sumLab(makeTerms({ kind: 'copies', value: 1000 }, 100, fp16), fp16);
    expect(big.naive.sum).toBe(Infinity);
    expect(big.curve.at(-1)!.naive).toBeNull();
    expect(big.reference).toBe(100_000);
  });
});
