/**
 * Principal component analysis of a few points in 2-D or 3-D, as taught in
 * content/en/linear-algebra/eigen-svd-pca.mdx: centre the points, form the sample covariance
 * C = XcᵀXc/(n − 1), and take C's eigenpairs, largest variance first. The eigenpairs come from
 * the site's Jacobi routine for symmetric matrices (symmetric-eigen.ts, which linear-algebra.ts's
 * eigen also uses), accurate to rounding for these sizes. Pure functions, no DOM.
 */
import { symmetricEigen } from './symmetric-eigen.ts';

export type PcaReason = 'tooFew' | 'dimension' | 'noSpread';

export type Pca = {
  n: number;
  /** The mean point μ. */
  mean: number[];
  /** The sample covariance matrix (divisor n − 1). */
  covariance: number[][];
  /** Variances along the components, largest first (tiny negative rounding clamped to 0). */
  values: number[];
  /**
   * Unit components wᵢ, in the order of `values`. Sign convention: the entry of largest
   * magnitude is positive; when two entries tie (to 1e-12), the first of them is.
   */
  vectors: number[][];
  /** λᵢ / Σλ. */
  ratios: number[];
  /** Σ_{j ≤ i} λⱼ / Σλ. */
  cumulative: number[];
  /**
   * For each component, whether its direction is fixed by the data: false when its variance
   * equals another's (to a relative 1e-10 of the total), so any direction in their common
   * eigenspace would do and the displayed one is arbitrary.
   */
  unique: boolean[];
  /** Each point's coordinates on every component, zᵢ = (x − μ)·wᵢ. */
  scores: number[][];
};

/** Relative tolerance (of the total variance) under which two variances count as equal. */
export const EQUAL_TOLERANCE = 1e-10;

/** Flips v so that its largest-magnitude entry (the first one, on a tie) is positive. */
export function fixSign(v: number[]): number[] {
  const big = Math.max(...v.map(Math.abs));
  const lead = v.find((x) => Math.abs(x) >= big * (1 - 1e-12)) ?? 0;
  return lead < 0 ? v.map((x) => -x + 0) : v.map((x) => x + 0);
}

export function pca(points: number[][]): { ok: true; value: Pca } | { ok: false; reason: PcaReason } {
  const n = points.length;
  const p = points[0]?.length ?? 0;
  if (p !== 2 && p !== 3) return { ok: false, reason: 'dimension' };
  if (points.some((row) => row.length !== p || row.some((x) => !Number.isFinite(x)))) return { ok: false, reason: 'dimension' };
  if (n < 2) return { ok: false, reason: 'tooFew' };

  const mean = Array.from({ length: p }, (_, j) => points.reduce((s, row) => s + row[j]!, 0) / n);
  const centred = points.map((row) => row.map((x, j) => x - mean[j]!));
  // All points equal: after centring every coordinate is 0, up to the rounding of the mean.
  const size = Math.max(...centred.flat().map(Math.abs));
  const spread = Math.max(...points.flat().map(Math.abs));
  if (!(size > 1e-14 * spread)) return { ok: false, reason: 'noSpread' };
  // Work on Xc / max|xc| so no product under- or overflows (1e-160² is 0 in doubles); the
  // components are the same and the variances scale back by size².
  const unit = centred.map((row) => row.map((x) => x / size));
  const unitCov = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => unit.reduce((s, row) => s + row[a]! * row[b]!, 0) / (n - 1)));
  const covariance = unitCov.map((row) => row.map((x) => x * size * size));
  const eig = symmetricEigen(unitCov);
  const unitTotal = unitCov.reduce((s, row, i) => s + row[i]!, 0);
  // Rounding can leave a zero variance (collinear points) slightly negative.
  const unitValues = eig.values.map((v) => (v < 0 && v > -1e-12 * unitTotal ? 0 : v));
  const values = unitValues.map((v) => v * size * size);
  const vectors = values.map((_, i) => fixSign(eig.vectors.map((row) => row[i] ?? 0)));
  // Ratios and ties from the scaled values, which cannot under- or overflow.
  const sum = unitValues.reduce((s, v) => s + v, 0);
  const ratios = unitValues.map((v) => v / sum);
  let run = 0;
  const cumulative = unitValues.map((v) => (run += v) / sum);
  const unique = unitValues.map((v, i) => unitValues.every((w, j) => j === i || Math.abs(v - w) > EQUAL_TOLERANCE * sum));
  const scores = centred.map((row) => vectors.map((w) => row.reduce((s, x, j) => s + x * w[j]!, 0)));
  return { ok: true, value: { n, mean, covariance, values, vectors, ratios, cumulative, unique, scores } };
}
