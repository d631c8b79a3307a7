import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attentionShapeProblem, rowEntropy, scaledDotProductAttention } from '../../../src/calculators/math/attention.ts';

const matrix = (rows: number, cols: number) =>
  fc.array(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

describe('scaled dot-product attention', () => {
  it('a hand-computed 2×2 case', () => {
    // Q = I, K = [[ln 3, 0], [0, 0]], no scaling: scores = [[ln 3, 0], [0, 0]].
    const Q = [
      [1, 0],
      [0, 1],
    ];
    const K = [
      [Math.log(3), 0],
      [0, 0],
    ];
    const V = [
      [1, 0],
      [0, 1],
    ];
    const r = scaledDotProductAttention(Q, K, V, false);
    expect(r.scores).toEqual([
      [Math.log(3), 0],
      [0, 0],
    ]);
    expect(r.weights[0]![0]).toBeCloseTo(0.75, 14);
    expect(r.weights[0]![1]).toBeCloseTo(0.25, 14);
    expect(r.weights[1]).toEqual([0.5, 0.5]);
    expect(r.output[0]![0]).toBeCloseTo(0.75, 14);
    expect(r.output[1]).toEqual([0.5, 0.5]);
    expect(r.entropyBits[1]).toBe(1);
    expect(r.entropyNats[1]).toBeCloseTo(Math.LN2, 15);
    expect(r.entropyBits[0]).toBeCloseTo(-(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25)), 12);
  });

  it('scaling divides every score by √d_k', () => {
    const Q = [
      [1, 2],
      [3, 4],
      [0, 1],
    ];
    const K = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const V = [[1], [2], [3]];
    const on = scaledDotProductAttention(Q, K, V, true);
    const off = scaledDotProductAttention(Q, K, V, false);
    expect(on.dk).toBe(2);
    expect(off.scores).toEqual([
      [1, 2, 3],
      [3, 4, 7],
      [0, 1, 1],
    ]);
    on.scaled.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(off.scores[i]![j]! / Math.SQRT2, 14)));
    expect(off.scaled).toEqual(off.scores);
    // Scaling flattens the weights: higher entropy.
    on.entropyBits.forEach((h, i) => expect(h).toBeGreaterThanOrEqual(off.entropyBits[i]! - 1e-12));
  });

  it('checks shapes', () => {
    expect(attentionShapeProblem([[1, 2]], [[1, 2, 3]], [[1]])).toBe('qk-columns');
    expect(attentionShapeProblem([[1, 2]], [[1, 2]], [[1], [2]])).toBe('kv-rows');
    expect(
      attentionShapeProblem(
        [[1, 2]],
        [
          [1, 2],
          [3, 4],
        ],
        [[1], [2]],
      ),
    ).toBeNull();
  });

  it('every row of weights sums to 1; entropy ≤ log₂(keys) (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.integer({ min: 1, max: 4 }).chain((d) => fc.tuple(matrix(n, d), matrix(n, d), matrix(n, 2)))),
        fc.boolean(),
        ([Q, K, V], scale) => {
          const r = scaledDotProductAttention(Q, K, V, scale);
          for (const [i, row] of r.weights.entries()) {
            expect(Math.abs(row.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
            expect(r.entropyBits[i]!).toBeLessThanOrEqual(Math.log2(K.length) + 1e-12);
            expect(r.entropyBits[i]!).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('row entropy of a one-hot row is 0', () => {
    expect(rowEntropy([0, 1, 0], 2)).toBe(0);
  });
});
