import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixSign, pca, type Pca } from '../../../src/calculators/math/pca.ts';

const run = (points: number[][]): Pca => {
  const r = pca(points);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const TOL = 1e-10;
const closeAll = (got: number[], want: number[], tol = TOL) => {
  expect(got).toHaveLength(want.length);
  got.forEach((x, i) => expect(Math.abs(x - want[i]!)).toBeLessThanOrEqual(tol));
};

/** λ = (a + c)/2 ± √(((a − c)/2)² + b²), the eigenvalues of the symmetric [[a, b], [b, c]] (any linear-algebra text). */
const closedForm = (a: number, b: number, c: number): [number, number] => {
  const mid = (a + c) / 2;
  const r = Math.hypot((a - c) / 2, b);
  return [mid + r, mid - r];
};

describe('the note’s worked example: (1, 1), (3, 2), (4, 1), (4, 4) (eigen-svd-pca.mdx, “PCA by hand”)', () => {
  const r = run([
    [1, 1],
    [3, 2],
    [4, 1],
    [4, 4],
  ]);
  it('mean (3, 2), covariance with n − 1 = [[2, 1], [1, 2]]', () => {
    closeAll(r.mean, [3, 2]);
    closeAll(r.covariance.flat(), [2, 1, 1, 2]);
  });
  it('λ = 3 and 1, w₁ = (1, 1)/√2, w₂ = (1, −1)/√2, 75 % and 25 %', () => {
    closeAll(r.values, [3, 1]);
    closeAll(r.vectors[0]!, [Math.SQRT1_2, Math.SQRT1_2]);
    closeAll(r.vectors[1]!, [Math.SQRT1_2, -Math.SQRT1_2]);
    closeAll(r.ratios, [0.75, 0.25]);
    closeAll(r.cumulative, [0.75, 1]);
    expect(r.unique).toEqual([true, true]);
  });
  it('projections on PC1: −3/√2, 0, 0, 3/√2 (≈ ±2.1213); their variance is 3', () => {
    closeAll(
      r.scores.map((z) => z[0]!),
      [-3 / Math.SQRT2, 0, 0, 3 / Math.SQRT2],
    );
    const z = r.scores.map((s) => s[0]!);
    expect(z.reduce((s, x) => s + x * x, 0) / 3).toBeCloseTo(3, 12);
  });
});

describe('known cases', () => {
  it('diagonal: (±1, 0), (0, ±2) → C = diag(2/3, 8/3), components along the axes', () => {
    const r = run([
      [1, 0],
      [-1, 0],
      [0, 2],
      [0, -2],
    ]);
    closeAll(r.mean, [0, 0]);
    closeAll(r.covariance.flat(), [2 / 3, 0, 0, 8 / 3]);
    closeAll(r.values, [8 / 3, 2 / 3]);
    closeAll(r.vectors[0]!, [0, 1]);
    closeAll(r.vectors[1]!, [1, 0]);
    closeAll(r.ratios, [0.8, 0.2]);
  });

  it('the same points rotated by 30°: same variances, components rotated (w₁ = (−1/2, √3/2), w₂ = (√3/2, 1/2))', () => {
    const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const rot = ([x, y]: number[]) => [c * x! - s * y!, s * x! + c * y!];
    const r = run(
      [
        [1, 0],
        [-1, 0],
        [0, 2],
        [0, -2],
      ].map(rot),
    );
    closeAll(r.values, [8 / 3, 2 / 3]);
    closeAll(r.vectors[0]!, [-0.5, Math.sqrt(3) / 2]);
    closeAll(r.vectors[1]!, [Math.sqrt(3) / 2, 0.5]);
    // C = R·diag(2/3, 8/3)·Rᵀ by hand: off-diagonal (2/3 − 8/3)·cos·sin = −2·(√3/2)(1/2) = −√3/2.
    closeAll(r.covariance.flat(), [(2 / 3) * c * c + (8 / 3) * s * s, -Math.sqrt(3) / 2, -Math.sqrt(3) / 2, (2 / 3) * s * s + (8 / 3) * c * c]);
  });

  it('3-D diagonal: (±3, 0, 0), (0, ±1, 0), (0, 0, ±2) → λ = 6, 8/3, 2/3 with n − 1 = 5', () => {
    const r = run([
      [3, 0, 0],
      [-3, 0, 0],
      [0, 1, 0],
      [0, -1, 0],
      [0, 0, 2],
      [0, 0, -2],
    ]);
    closeAll(r.values, [18 / 5, 8 / 5, 2 / 5]);
    closeAll(r.vectors[0]!, [1, 0, 0]);
    closeAll(r.vectors[1]!, [0, 0, 1]);
    closeAll(r.vectors[2]!, [0, 1, 0]);
    closeAll(r.ratios, [18 / 28, 8 / 28, 2 / 28]);
  });

  it('collinear points: the second variance is 0 and PC1 explains everything', () => {
    const r = run([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    closeAll(r.values, [2, 0]); // C = [[1, 1], [1, 1]] with n − 1 = 2
    closeAll(r.vectors[0]!, [Math.SQRT1_2, Math.SQRT1_2]);
    closeAll(r.ratios, [1, 0]);
    expect(r.unique).toEqual([true, true]);
  });
});

describe('degenerate input gives a reason or a flag, never NaN', () => {
  it('fewer than 2 points, identical points, wrong width', () => {
    expect(pca([[1, 2]])).toEqual({ ok: false, reason: 'tooFew' });
    expect(pca([])).toEqual({ ok: false, reason: 'dimension' });
    expect(
      pca([
        [0.1, 0.7],
        [0.1, 0.7],
        [0.1, 0.7],
      ]),
    ).toEqual({ ok: false, reason: 'noSpread' });
    expect(
      pca([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ]),
    ).toEqual({ ok: false, reason: 'dimension' });
    expect(pca([[1], [2]])).toEqual({ ok: false, reason: 'dimension' });
  });
  it('a square’s corners: equal variances, no unique direction', () => {
    const r = run([
      [1, 1],
      [-1, 1],
      [1, -1],
      [-1, -1],
    ]);
    closeAll(r.values, [4 / 3, 4 / 3]);
    expect(r.unique).toEqual([false, false]);
    // 3-D: a repeated pair does not make the distinct first one ambiguous.
    const r3 = run([
      [5, 0, 0],
      [-5, 0, 0],
      [0, 1, 0],
      [0, -1, 0],
      [0, 0, 1],
      [0, 0, -1],
    ]);
    expect(r3.unique).toEqual([true, false, false]);
  });
});

describe('sign convention: the largest entry is positive (the first on a tie)', () => {
  it('fixSign by hand', () => {
    expect(fixSign([-0.6, 0.8])).toEqual([-0.6, 0.8]);
    expect(fixSign([0.6, -0.8])).toEqual([-0.6, 0.8]);
    expect(fixSign([-Math.SQRT1_2, Math.SQRT1_2])).toEqual([Math.SQRT1_2, -Math.SQRT1_2]);
    expect(fixSign([0, -1, 0])).toEqual([0, 1, 0]);
  });
});

describe('properties', () => {
  const coord = fc.double({ min: -100, max: 100, noNaN: true });
  const points2 = fc.array(fc.tuple(coord, coord), { minLength: 2, maxLength: 12 }).map((ps) => ps.map(([x, y]) => [x, y]));
  const points3 = fc.array(fc.tuple(coord, coord, coord), { minLength: 2, maxLength: 12 }).map((ps) => ps.map(([x, y, z]) => [x, y, z]));

  it('2-D: eigenvalues match the closed form to 1e-10 (relative); C·w = λ·w; orthonormal; score variance = λ', () => {
    fc.assert(
      fc.property(points2, (pts) => {
        const r = pca(pts);
        if (!r.ok) return r.reason === 'noSpread';
        const { covariance: C, values, vectors, scores, n } = r.value;
        const scale = Math.max(Math.abs(C[0]![0]!), Math.abs(C[1]![1]!), Math.abs(C[0]![1]!));
        // Relative to the covariance's size, plus one step of the smallest double: points ~1e-162
        // apart give a covariance of 5e-324, where the closed form rounds to 0 (a fast-check find).
        const tol = (rel: number) => rel * scale + Number.MIN_VALUE;
        const [l1, l2] = closedForm(C[0]![0]!, C[0]![1]!, C[1]![1]!);
        if (Math.abs(values[0]! - l1) > tol(1e-10) || Math.abs(values[1]! - Math.max(l2, 0)) > tol(1e-10)) return false;
        return values.every((lambda, i) => {
          const w = vectors[i]!;
          const Cw = C.map((row) => row[0]! * w[0]! + row[1]! * w[1]!);
          const varZ = scores.reduce((s, z) => s + z[i]! ** 2, 0) / (n - 1);
          return (
            Math.abs(Math.hypot(...w) - 1) < 1e-12 &&
            Math.hypot(Cw[0]! - lambda * w[0]!, Cw[1]! - lambda * w[1]!) <= tol(1e-10) &&
            Math.abs(varZ - lambda) <= tol(1e-9)
          );
        });
      }),
    );
  });

  it('3-D: C·w = λ·w, Σλ = tr C, ratios sum to 1, components orthonormal, nothing is NaN', () => {
    fc.assert(
      fc.property(points3, (pts) => {
        const r = pca(pts);
        if (!r.ok) return r.reason === 'noSpread';
        const { covariance: C, values, vectors, ratios } = r.value;
        const tr = C[0]![0]! + C[1]![1]! + C[2]![2]!;
        const scale = Math.max(...C.flat().map(Math.abs));
        const tol = (rel: number) => rel * scale + Number.MIN_VALUE; // as in 2-D: subnormal covariances
        const dot = (u: number[], v: number[]) => u.reduce((s, x, i) => s + x * v[i]!, 0);
        const flat = [...values, ...vectors.flat(), ...ratios, ...r.value.scores.flat()];
        return (
          flat.every(Number.isFinite) &&
          Math.abs(values.reduce((s, v) => s + v, 0) - tr) <= tol(1e-10) &&
          Math.abs(ratios.reduce((s, v) => s + v, 0) - 1) < 1e-12 &&
          values.every((lambda, i) => {
            const w = vectors[i]!;
            const Cw = C.map((row) => dot(row, w));
            return Math.hypot(...Cw.map((x, j) => x - lambda * w[j]!)) <= tol(1e-10);
          }) &&
          vectors.every((u, i) => vectors.every((v, j) => Math.abs(dot(u, v) - (i === j ? 1 : 0)) < 1e-12))
        );
      }),
    );
  });
});
