import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  entropyBits,
  mulberry32,
  renormalise,
  sampleIndex,
  sampleNextToken,
  softmaxWithTemperature,
  topKFilter,
  topPFilter,
} from '../../../src/calculators/math/sampling.ts';

const logitsArb = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 12 });

describe('softmaxWithTemperature', () => {
  it('T = 1 is the plain softmax', () => {
    const p = softmaxWithTemperature([1, 2, 3], 1);
    const z = Math.E + Math.E ** 2 + Math.E ** 3;
    expect(p[0]).toBeCloseTo(Math.E / z, 14);
    expect(p[2]).toBeCloseTo(Math.E ** 3 / z, 14);
    expect(softmaxWithTemperature([0, Math.log(3)], 1)).toEqual([expect.closeTo(0.25, 14), expect.closeTo(0.75, 14)]);
  });

  it('T → 0 concentrates on the arg-max; ties share it', () => {
    expect(softmaxWithTemperature([1, 3, 2], 1e-3)).toEqual([0, 1, 0]);
    expect(softmaxWithTemperature([1, 3, 2], 1e-300)).toEqual([0, 1, 0]);
    expect(softmaxWithTemperature([3, 3, 2], 1e-300)).toEqual([0.5, 0.5, 0]);
  });

  it('large T flattens toward uniform; huge logits do not overflow', () => {
    const p = softmaxWithTemperature([1, 2, 3], 1e9);
    for (const x of p) expect(x).toBeCloseTo(1 / 3, 6);
    expect(softmaxWithTemperature([1000, 1000], 1)).toEqual([0.5, 0.5]);
  });

  it('sums to 1 and stays in [0, 1] (property)', () => {
    fc.assert(
      fc.property(logitsArb, fc.double({ min: 0.01, max: 100, noNaN: true }), (logits, t) => {
        const p = softmaxWithTemperature(logits, t);
        expect(Math.abs(p.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-12);
        for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
      }),
    );
  });
});

describe('filters', () => {
  const probs = [0.1, 0.5, 0.15, 0.25];

  it('top-k keeps the k most probable; ties go to the lower index; 0 means off', () => {
    expect(topKFilter(probs, 2)).toEqual([false, true, false, true]);
    expect(topKFilter(probs, 0)).toEqual([true, true, true, true]);
    expect(topKFilter(probs, 9)).toEqual([true, true, true, true]);
    expect(topKFilter([0.3, 0.3, 0.4], 2)).toEqual([true, false, true]);
  });

  it('top-p keeps the smallest set reaching p', () => {
    expect(topPFilter(probs, 0.5)).toEqual([false, true, false, false]);
    expect(topPFilter(probs, 0.6)).toEqual([false, true, false, true]);
    expect(topPFilter(probs, 0.75)).toEqual([false, true, false, true]); // 0.5 + 0.25 reaches 0.75 exactly
    expect(topPFilter([0.5, 0.3, 0.2], 0.8)).toEqual([true, true, false]);
    expect(topPFilter([0.25, 0.25, 0.5], 0.6)).toEqual([true, false, true]);
  });

  it('top-p with p = 1 keeps all', () => {
    expect(topPFilter(probs, 1)).toEqual([true, true, true, true]);
    fc.assert(
      fc.property(logitsArb, (logits) => {
        expect(topPFilter(softmaxWithTemperature(logits), 1).every(Boolean)).toBe(true);
      }),
    );
  });

  it('the kept set always reaches p and dropping its least likely token would not (property)', () => {
    fc.assert(
      fc.property(logitsArb, fc.double({ min: 0.01, max: 1, noNaN: true }), (logits, p) => {
        const probs = softmaxWithTemperature(logits);
        const kept = topPFilter(probs, p);
        const keptProbs = probs.filter((_, i) => kept[i]);
        const mass = keptProbs.reduce((s, x) => s + x, 0);
        expect(mass).toBeGreaterThanOrEqual(p - 1e-9);
        expect(mass - Math.min(...keptProbs)).toBeLessThan(p + 1e-9);
      }),
    );
  });

  it('renormalises the kept tokens to sum to 1', () => {
    expect(renormalise([0.1, 0.5, 0.15, 0.25], [false, true, false, true])).toEqual([0, 0.5 / 0.75, 0, 0.25 / 0.75]);
  });
});

describe('entropy and sampling', () => {
  it('entropy in bits', () => {
    expect(entropyBits([0.5, 0.5])).toBe(1);
    expect(entropyBits([0.25, 0.25, 0.25, 0.25])).toBe(2);
    expect(entropyBits([1, 0])).toBe(0);
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('a seeded sample is reproducible, never picks a removed token, and follows the probabilities', () => {
    const probs = [0, 0.2, 0, 0.8];
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 5000; seed++) counts[sampleIndex(probs, seed)]! += 1;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[3]! / 5000).toBeCloseTo(0.8, 1);
    expect(sampleIndex(probs, 7)).toBe(sampleIndex(probs, 7));
  });

  it('the pipeline: temperature, top-k, then top-p on the renormalised top-k distribution', () => {
    const r = sampleNextToken([2, 1, 0.5, -1], { temperature: 1, topK: 3, topP: 0.8, seed: 1 });
    expect(r.keptByTopK).toEqual([true, true, true, false]);
    // After top-k: [e², e, e^0.5] / Σ ≈ [0.629, 0.231, 0.140]; 0.629 < 0.8 ≤ 0.860.
    expect(r.kept).toEqual([true, true, false, false]);
    expect(r.after[0]).toBeCloseTo(Math.E ** 2 / (Math.E ** 2 + Math.E), 14);
    expect(r.entropyAfter).toBeLessThan(r.entropyBefore);
    expect([0, 1]).toContain(r.sample);
  });
});
