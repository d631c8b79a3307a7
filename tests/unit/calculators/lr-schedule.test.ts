import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { learningRateAt, scheduleCurve, type LrSchedule } from '../../../src/calculators/math/lr-schedule.ts';

const base: LrSchedule = { peak: 3e-4, totalSteps: 10_000, warmupSteps: 1_000, shape: 'cosine', minLr: 3e-5 };

describe('learningRateAt', () => {
  it('warm-up goes linearly from 0 to the peak', () => {
    expect(learningRateAt(0, base)).toBe(0);
    expect(learningRateAt(250, base)).toBeCloseTo(7.5e-5, 15);
    expect(learningRateAt(500, base)).toBeCloseTo(1.5e-4, 15);
    expect(learningRateAt(1_000, base)).toBe(3e-4);
  });

  it('cosine: halfway through the decay the rate is (peak + min)/2; it ends at min', () => {
    expect(learningRateAt(5_500, base)).toBeCloseTo((3e-4 + 3e-5) / 2, 15);
    expect(learningRateAt(10_000, base)).toBeCloseTo(3e-5, 15);
    expect(learningRateAt(20_000, base)).toBeCloseTo(3e-5, 15);
    // A quarter of the way: min + (peak − min)(1 + cos(π/4))/2.
    expect(learningRateAt(3_250, base)).toBeCloseTo(3e-5 + (2.7e-4 * (1 + Math.SQRT1_2)) / 2, 15);
  });

  it('linear decay: straight line from peak to min', () => {
    const s = { ...base, shape: 'linear' as const, minLr: 0 };
    expect(learningRateAt(5_500, s)).toBeCloseTo(1.5e-4, 15);
    expect(learningRateAt(10_000, s)).toBe(0);
  });

  it('step decay: ×gamma every stepSize steps after warm-up, floored at min', () => {
    const s: LrSchedule = { peak: 0.1, totalSteps: 100, warmupSteps: 0, shape: 'step', minLr: 0.0005, stepSize: 30, gamma: 0.1 };
    expect(learningRateAt(0, s)).toBe(0.1);
    expect(learningRateAt(29, s)).toBe(0.1);
    expect(learningRateAt(30, s)).toBeCloseTo(0.01, 15);
    expect(learningRateAt(60, s)).toBeCloseTo(0.001, 15);
    expect(learningRateAt(90, s)).toBe(0.0005);
  });

  it('constant after warm-up; no warm-up starts at the peak', () => {
    expect(learningRateAt(7_777, { ...base, shape: 'constant' })).toBe(3e-4);
    expect(learningRateAt(0, { ...base, warmupSteps: 0 })).toBe(3e-4);
  });
});

describe('properties', () => {
  const schedules = fc.record({
    peak: fc.double({ min: 1e-6, max: 1, noNaN: true }),
    totalSteps: fc.integer({ min: 1, max: 100_000 }),
    warmupFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    shape: fc.constantFrom('cosine', 'linear', 'step', 'constant') as fc.Arbitrary<LrSchedule['shape']>,
    minFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    stepSize: fc.integer({ min: 1, max: 5000 }),
    gamma: fc.double({ min: 0.01, max: 1, noNaN: true }),
  });

  it('the rate stays within [0, peak], and within [min, peak] after warm-up', () => {
    fc.assert(
      fc.property(schedules, fc.double({ min: 0, max: 1, noNaN: true }), (r, where) => {
        const s: LrSchedule = { ...r, warmupSteps: Math.floor(r.warmupFraction * r.totalSteps), minLr: r.minFraction * r.peak };
        const step = Math.round(where * s.totalSteps);
        const lr = learningRateAt(step, s);
        const eps = 1e-12 * s.peak;
        if (lr < -eps || lr > s.peak + eps) return false;
        return step < s.warmupSteps || lr >= s.minLr - eps;
      }),
    );
  });

  it('cosine and linear decay never increase after warm-up', () => {
    fc.assert(
      fc.property(schedules, (r) => {
        const s: LrSchedule = { ...r, shape: r.shape === 'cosine' ? 'cosine' : 'linear', warmupSteps: 0, minLr: r.minFraction * r.peak };
        const curve = scheduleCurve(s, 50);
        return curve.every(([, lr], i) => i === 0 || lr <= curve[i - 1]![1] + 1e-15);
      }),
    );
  });

  it('the plotted curve starts at step 0 and ends at totalSteps', () => {
    const curve = scheduleCurve({ peak: 0.1, totalSteps: 100, warmupSteps: 10, shape: 'step', minLr: 0, stepSize: 25, gamma: 0.5 });
    expect(curve[0]).toEqual([0, 0]);
    expect(curve.at(-1)?.[0]).toBe(100);
    expect(curve).toContainEqual([34, 0.1]);
    expect(curve).toContainEqual([35, 0.05]);
  });
});
