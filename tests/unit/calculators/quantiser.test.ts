import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeRange, drawWeights, nominalBitsPerWeight, quantise, roundHalfEven, type QuantBits } from '../../../src/calculators/math/quantiser.ts';

const perTensor = (bits: QuantBits, symmetric: boolean) => ({ bits, symmetric, groupSize: null });

describe('worked by hand', () => {
  it('symmetric INT8 of [0.5, −1.27, 0.02]: scale 1.27/127 = 0.01, codes [50, −127, 2]', () => {
    const r = quantise([0.5, -1.27, 0.02], perTensor(8, true));
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]!.scale).toBeCloseTo(0.01, 15);
    expect(r.groups[0]!.zeroPoint).toBe(0);
    expect(r.codes).toEqual([50, -127, 2]);
    // Every value is a multiple of the scale, so the dequantised values are the inputs.
    r.dequantised.forEach((x, i) => expect(x).toBeCloseTo([0.5, -1.27, 0.02][i]!, 12));
    expect(r.maxAbsError).toBeLessThan(1e-12);
  });

  it('code ranges: INT8 ±127 and 0…255, INT4 ±7 and 0…15 (the note: −128 and −8 stay unused)', () => {
    expect(codeRange(8, true)).toEqual({ qMin: -127, qMax: 127 });
    expect(codeRange(4, true)).toEqual({ qMin: -7, qMax: 7 });
    expect(codeRange(8, false)).toEqual({ qMin: 0, qMax: 255 });
    expect(codeRange(4, false)).toEqual({ qMin: 0, qMax: 15 });
  });

  it('one outlier: INT4 per tensor of [0.1, 0.3, −0.3, 10] has s = 10/7 and rounds the small three to 0; groups of 2 keep them', () => {
    const xs = [0.1, 0.3, -0.3, 10];
    const tensor = quantise(xs, perTensor(4, true));
    expect(tensor.groups[0]!.scale).toBeCloseTo(10 / 7, 15);
    expect(tensor.codes).toEqual([0, 0, 0, 7]);
    const grouped = quantise(xs, { bits: 4, symmetric: true, groupSize: 2 });
    // Group 1: s = 0.3/7, 0.1/s = 2.33 → 2, 0.3/s = 7; group 2: s = 10/7, −0.3/s = −0.21 → 0.
    expect(grouped.groups.map((g) => g.scale)).toEqual([0.3 / 7, 10 / 7]);
    expect(grouped.codes).toEqual([2, 7, 0, 7]);
    expect(grouped.rmse).toBeLessThan(tensor.rmse);
  });

  it('ties round to even, as torch.round does: 2.5 → 2, 3.5 → 4, −2.5 → −2', () => {
    expect([0.5, 1.5, 2.5, 3.5, -0.5, -2.5, -3.5, 2.4, -2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, -0, -2, -4, 2, -3]);
  });

  it('all zeros: scale 0, codes 0, SQNR undefined (no signal)', () => {
    const r = quantise([0, 0, 0], perTensor(8, false));
    expect(r.codes).toEqual([0, 0, 0]);
    expect(r.sqnr).toEqual({ kind: 'zero-signal' });
  });

  it('values on the grid: no error, SQNR infinite (reported as a kind, never Infinity)', () => {
    const r = quantise([7, -7, 1, 0], perTensor(4, true));
    expect(r.codes).toEqual([7, -7, 1, 0]);
    expect(r.sqnr).toEqual({ kind: 'no-error' });
  });

  it('SQNR = 10 log10(Σx² / Σ(x − x̂)²): [1, 0.4] in INT4 symmetric → codes [7, 3], x̂ = [1, 3/7]', () => {
    const r = quantise([1, 0.4], perTensor(4, true));
    expect(r.codes).toEqual([7, 3]);
    const noise = (3 / 7 - 0.4) ** 2;
    expect(r.sqnr).toEqual({ kind: 'finite', db: expect.closeTo(10 * Math.log10(1.16 / noise), 12) as number });
    expect(r.rmse).toBeCloseTo(Math.sqrt(noise / 2), 15);
  });
});

describe("the note's worked examples (content/en/numerical-analysis/quantisation.mdx)", () => {
  const x = [0.72, -1.5, 0.033, 1.1];

  it('symmetric INT8: s = 1.5/127 ≈ 0.011811, codes 61, −127, 3, 93, the table of x̂ and errors', () => {
    const r = quantise(x, perTensor(8, true));
    expect(r.groups[0]!.scale).toBeCloseTo(0.011811, 6);
    expect(r.codes).toEqual([61, -127, 3, 93]);
    const table = [0.72047, -1.5, 0.03543, 1.09843];
    r.dequantised.forEach((v, i) => expect(v).toBeCloseTo(table[i]!, 5));
    const errors = [0.00047, 0, 0.00243, -0.00157];
    r.dequantised.forEach((v, i) => expect(v - x[i]!).toBeCloseTo(errors[i]!, 5));
    // "Every error is below half a step, s/2 ≈ 0.00591"; 0.033 has the largest relative error, about 7%.
    expect(r.maxAbsError).toBeLessThan(0.00591);
    expect(Math.abs(r.dequantised[2]! - 0.033) / 0.033).toBeCloseTo(0.074, 3);
  });

  it('asymmetric INT4: s = 2.6/15 ≈ 0.17333, z = round(8.65) = 9, codes 13, 0, 9, 15, the table of x̂ and errors', () => {
    const r = quantise(x, perTensor(4, false));
    expect(r.groups[0]!.scale).toBeCloseTo(0.17333, 5);
    expect(r.groups[0]!.zeroPoint).toBe(9);
    expect(r.codes).toEqual([13, 0, 9, 15]);
    const table = [0.69333, -1.56, 0, 1.04];
    r.dequantised.forEach((v, i) => expect(v).toBeCloseTo(table[i]!, 5));
    const errors = [-0.02667, -0.06, -0.033, -0.06];
    r.dequantised.forEach((v, i) => expect(v - x[i]!).toBeCloseTo(errors[i]!, 5));
    // "about 25 times the largest INT8 error", "still within s/2 ≈ 0.08667".
    expect(r.maxAbsError / quantise(x, perTensor(8, true)).maxAbsError).toBeCloseTo(24.7, 1);
    expect(r.maxAbsError).toBeLessThan(0.08667);
  });

  it('a symmetric INT4 grid for the same data has s = 1.5/7 ≈ 0.21429', () => {
    expect(quantise(x, perTensor(4, true)).groups[0]!.scale).toBeCloseTo(0.21429, 5);
  });

  it('bits per weight: INT4, FP16 scale per 128 → 4.125; a 16-bit zero-point adds 0.125; 7B → 3.61 GB, 70B → 36.09 GB', () => {
    expect(nominalBitsPerWeight(4, 128, true)).toBe(4.125);
    expect(nominalBitsPerWeight(4, 128, false)).toBe(4.25);
    expect(nominalBitsPerWeight(8, 32, true)).toBe(8.5);
    expect((7e9 * nominalBitsPerWeight(4, 128, true)) / 8 / 1e9).toBeCloseTo(3.61, 2);
    expect((70e9 * nominalBitsPerWeight(4, 128, true)) / 8 / 1e9).toBeCloseTo(36.09, 2);
    expect(16 / nominalBitsPerWeight(4, 128, true)).toBeCloseTo(3.88, 2);
    // The same from quantise: 1024 weights in 8 groups of 128 carry 8 FP16 scales.
    const r = quantise(drawWeights('gaussian', 1024, 7), { bits: 4, symmetric: true, groupSize: 128 });
    expect(r.groups).toHaveLength(8);
    expect(r.bitsPerWeight).toBe(4.125);
    expect(quantise(drawWeights('gaussian', 1024, 7), { bits: 4, symmetric: false, groupSize: 128 }).bitsPerWeight).toBe(4.25);
  });

  it('a short last group: 100 weights in groups of 32 → 4 groups (32, 32, 32, 4), 4 · 16 / 100 = 0.64 extra bits', () => {
    const r = quantise(drawWeights('uniform', 100, 3), { bits: 8, symmetric: true, groupSize: 32 });
    expect(r.groups.map((g) => g.end - g.start)).toEqual([32, 32, 32, 4]);
    expect(r.bitsPerWeight).toBeCloseTo(8.64, 12);
  });
});

describe('subnormal weights', () => {
  it('keeps the zero-point a valid code when the scale underflows (fast-check found −8e-323, 4-bit asymmetric)', () => {
    const r = quantise([-8e-323], { bits: 4, symmetric: false, groupSize: null });
    expect(r.groups[0]!.zeroPoint).toBeGreaterThanOrEqual(0);
    expect(r.groups[0]!.zeroPoint).toBeLessThanOrEqual(15);
    expect(r.codes[0]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(r.dequantised[0]! + 8e-323)).toBeLessThanOrEqual(r.groups[0]!.scale / 2 + 1e-300);
  });
});

describe('properties', () => {
  const weights = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 200 });
  const schemes = fc.record({
    bits: fc.constantFrom(4, 8) as fc.Arbitrary<QuantBits>,
    symmetric: fc.boolean(),
    groupSize: fc.option(fc.integer({ min: 1, max: 64 }), { nil: null }),
  });

  it('every code is in range and every error is at most half its group’s step (“|x − x̂| ≤ s/2”)', () => {
    fc.assert(
      fc.property(weights, schemes, (xs, scheme) => {
        const r = quantise(xs, scheme);
        for (const g of r.groups) {
          for (let i = g.start; i < g.end; i++) {
            expect(r.codes[i]).toBeGreaterThanOrEqual(r.qMin);
            expect(r.codes[i]).toBeLessThanOrEqual(r.qMax);
            expect(Math.abs(r.dequantised[i]! - xs[i]!)).toBeLessThanOrEqual((g.scale / 2) * (1 + 1e-9) + 1e-300);
          }
          expect(g.zeroPoint).toBeGreaterThanOrEqual(r.qMin);
          expect(g.zeroPoint).toBeLessThanOrEqual(r.qMax);
        }
      }),
    );
  });

  it('0 is always represented exactly (the zero-point), and symmetric codes are odd: q(−x) = −q(x)', () => {
    fc.assert(
      fc.property(weights, schemes, (xs, scheme) => {
        const r = quantise([...xs, 0], { ...scheme, groupSize: null });
        expect(r.dequantised.at(-1)).toBe(0);
        if (scheme.symmetric) {
          const neg = quantise(
            xs.map((x) => -x),
            scheme,
          );
          expect(neg.codes.map((q) => q + 0)).toEqual(quantise(xs, scheme).codes.map((q) => -q + 0));
        }
      }),
    );
  });

  it('uniform data: SQNR ≈ 20 log10(levels − 1) within 0.3 dB, and ≈ 6.02 b within 1.5 dB', () => {
    // The note's 6.02 b dB assumes 2^b levels over [−A, A]; symmetric codes use 2^b − 1 levels
    // (step A/(2^(b−1) − 1)) and asymmetric 2^b (step 2A/(2^b − 1)), so the exact constants are
    // 20 log10(2^b − 2) and 20 log10(2^b − 1): 48.10 / 48.13 dB for INT8, 22.92 / 23.52 dB for INT4.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(4, 8) as fc.Arbitrary<QuantBits>, fc.boolean(), (seed, bits, symmetric) => {
        const r = quantise(drawWeights('uniform', 4096, seed), perTensor(bits, symmetric));
        expect(r.sqnr.kind).toBe('finite');
        const db = r.sqnr.kind === 'finite' ? r.sqnr.db : NaN;
        const steps = symmetric ? 2 ** bits - 2 : 2 ** bits - 1;
        expect(Math.abs(db - 20 * Math.log10(steps))).toBeLessThan(0.3);
        expect(Math.abs(db - 6.02 * bits)).toBeLessThan(1.5);
      }),
      { numRuns: 30 },
    );
  });

  it('an outlier per 256 Gaussian weights: groups of 32 give a higher INT4 SQNR than one scale per tensor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const xs = drawWeights('outliers', 1024, seed);
        const db = (groupSize: number | null) => {
          const s = quantise(xs, { bits: 4, symmetric: true, groupSize }).sqnr;
          return s.kind === 'finite' ? s.db : NaN;
        };
        expect(db(32)).toBeGreaterThan(db(null) + 3);
      }),
      { numRuns: 30 },
    );
  });

  it('the draw is reproducible from the seed, and has the planted ±20 outliers', () => {
    expect(drawWeights('outliers', 512, 42)).toEqual(drawWeights('outliers', 512, 42));
    expect(drawWeights('gaussian', 8, 1)).not.toEqual(drawWeights('gaussian', 8, 2));
    expect(drawWeights('outliers', 512, 42).filter((x) => Math.abs(x) === 20).length).toBeGreaterThanOrEqual(1);
    const g = drawWeights('gaussian', 20000, 5);
    const mean = g.reduce((a, b) => a + b, 0) / g.length;
    const variance = g.reduce((a, b) => a + (b - mean) ** 2, 0) / g.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeCloseTo(1, 1);
    expect(drawWeights('uniform', 1000, 9).every((x) => x >= -1 && x < 1)).toBe(true);
  });
});

describe('extreme magnitudes', () => {
  it('1e200 and 1e-200 scale like 1: same codes and SQNR, no overflow of x²', () => {
    const base = quantise([0.72, -1.5, 0.033, 1.1], perTensor(8, true));
    for (const k of [1e200, 1e-200]) {
      const r = quantise(
        [0.72, -1.5, 0.033, 1.1].map((x) => x * k),
        perTensor(8, true),
      );
      expect(r.codes).toEqual(base.codes);
      expect(r.sqnr.kind).toBe('finite');
      if (r.sqnr.kind === 'finite' && base.sqnr.kind === 'finite') expect(r.sqnr.db).toBeCloseTo(base.sqnr.db, 9);
      expect(r.rmse / k).toBeCloseTo(base.rmse, 12);
    }
  });
});
