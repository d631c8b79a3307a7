import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entropy, informationMeasures, jointTableProblem, normaliseJoint } from '../../../src/calculators/math/mutual-information.ts';

describe('known tables', () => {
  it('perfectly dependent 2×2 uniform diagonal: I = 1 bit = ln 2 nats', () => {
    const m = informationMeasures([
      [0.5, 0],
      [0, 0.5],
    ]);
    expect(m.mutualInformation).toBeCloseTo(1, 15);
    expect(m.hX).toBe(1);
    expect(m.hXY).toBe(1);
    expect(m.hXgivenY).toBe(0);
    expect(
      informationMeasures(
        [
          [0.5, 0],
          [0, 0.5],
        ],
        'nats',
      ).mutualInformation,
    ).toBeCloseTo(Math.LN2, 15);
  });

  it('the default table 0.3 0.2; 0.1 0.4', () => {
    const m = informationMeasures([
      [0.3, 0.2],
      [0.1, 0.4],
    ]);
    expect(m.px).toEqual([0.5, 0.5]);
    expect(m.py[0]).toBeCloseTo(0.4, 15);
    expect(m.hX).toBe(1);
    expect(m.hY).toBeCloseTo(0.970951, 6);
    expect(m.hXY).toBeCloseTo(1.846439, 6);
    expect(m.mutualInformation).toBeCloseTo(0.124511, 6);
    expect(m.hXgivenY).toBeCloseTo(0.875489, 6);
  });

  it('entropy of a fair coin is 1 bit; of a certain outcome 0', () => {
    expect(entropy([0.5, 0.5])).toBe(1);
    expect(entropy([1, 0])).toBe(0);
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBe(2);
  });

  it('table problems and normalising', () => {
    expect(
      jointTableProblem([
        [0.3, 0.2],
        [0.1, 0.4],
      ]),
    ).toBeNull();
    expect(
      jointTableProblem([
        [3, 2],
        [1, 4],
      ]),
    ).toBe('not-normalised');
    expect(
      jointTableProblem([
        [-0.1, 0.6],
        [0.1, 0.4],
      ]),
    ).toBe('negative');
    expect(jointTableProblem([[0, 0]])).toBe('zero-total');
    expect(
      normaliseJoint([
        [3, 2],
        [1, 4],
      ]),
    ).toEqual([
      [0.3, 0.2],
      [0.1, 0.4],
    ]);
  });
});

describe('properties', () => {
  const dist = (n: number) =>
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n })
      .filter((p) => p.some((x) => x > 1e-6))
      .map((p) => {
        const s = p.reduce((a, b) => a + b, 0);
        return p.map((x) => x / s);
      });
  const table = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
    .chain(([r, c]) => fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
    .filter((t) => t.flat().some((x) => x > 1e-6))
    .map(normaliseJoint);

  it('independent table (product of marginals) → I = 0', () => {
    fc.assert(
      fc.property(dist(3), dist(4), (p, q) => {
        const joint = p.map((a) => q.map((b) => a * b));
        return informationMeasures(joint).mutualInformation < 1e-9;
      }),
    );
  });

  it('I = H(X) + H(Y) − H(X,Y) and I ≥ 0, I ≤ min(H(X), H(Y))', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('bits' as const, 'nats' as const), (joint, unit) => {
        const m = informationMeasures(joint, unit);
        return m.mutualInformation >= 0 && Math.abs(m.mutualInformation - (m.hX + m.hY - m.hXY)) < 1e-9 && m.mutualInformation <= Math.min(m.hX, m.hY) + 1e-9;
      }),
    );
  });
});
