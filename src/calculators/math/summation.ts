/**
 * Long sums in low precision (content/en/numerical-analysis/summation-and-stability.mdx):
 * naive (left-to-right), pairwise and Kahan summation with every operation rounded to FP32,
 * BF16 or FP16, against the exact sum of the terms as stored.
 *
 * Each operation is done in float64 and then rounded to the format. For + and − of two
 * numbers of a format with p ≤ 24 bits of precision that is the correctly rounded result:
 * float64 has 53 ≥ 2p + 2 bits, so the double rounding is innocuous.
 */
import { binaryExponent, FLOAT_FORMATS, formatLimits, type FloatFormat } from './float-formats.ts';
import { mulberry32 } from '../../utils/seeded-random.ts';

export type SumFormat = 'fp32' | 'bf16' | 'fp16';
export type Rounder = (x: number) => number;

/** 1.5 · 2^52: adding and subtracting 1.5 · 2^52 · q rounds to a multiple of q, ties to even. */
const ROUNDING_SHIFT = 6755399441055744;

/**
 * Round to nearest, ties to even, into format `f` (overflow → ±∞). The same result as
 * float-formats' roundToFormat(x, f).value (the unit tests check it), without its allocation,
 * since a sum rounds millions of times.
 */
export function makeRounder(f: FloatFormat): Rounder {
  const { emin, maxFinite } = formatLimits(f);
  const m = f.mantissaBits;
  return (x: number) => {
    const a = x < 0 ? -x : x;
    if (a === 0 || a === Infinity || a !== a) return x;
    // Far beyond the format (and near float64's own limit, where the shift below would overflow).
    if (a > 2 * maxFinite) return x < 0 ? -Infinity : Infinity;
    const e = binaryExponent(a);
    // The spacing of the format's numbers in a's binade (the subnormal spacing below the normals).
    const shift = 2 ** ((e < emin ? emin : e) - m) * ROUNDING_SHIFT;
    const r = a + shift - shift;
    if (r > maxFinite) return x < 0 ? -Infinity : Infinity;
    return x < 0 ? -r : r;
  };
}

const ROUNDERS: Record<SumFormat, Rounder> = {
  fp32: Math.fround,
  bf16: makeRounder(FLOAT_FORMATS.bf16),
  fp16: makeRounder(FLOAT_FORMATS.fp16),
};

export function rounderFor(format: SumFormat): Rounder {
  return ROUNDERS[format];
}

/** s = start; s = fl(s + x) for each term in order. */
export function naiveSum(xs: ArrayLike<number>, round: Rounder, start = 0): number {
  let s = start;
  for (let i = 0; i < xs.length; i++) s = round(s + xs[i]!);
  return s;
}

/** Kahan's compensated sum, every operation rounded (the loop of the note's "Kahan compensated summation"). */
export function kahanSum(xs: ArrayLike<number>, round: Rounder, start = 0): number {
  let s = start;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const y = round(xs[i]! - c);
    const t = round(s + y);
    c = round(round(t - s) - y);
    s = t;
  }
  return s;
}

/**
 * Pairwise sum of xs[lo..hi): split at the middle, sum each half, add the two (no blocks of
 * naive summation at the leaves, so the tree is exactly the note's). A start value is added to
 * the tree's result at the end.
 */
export function pairwiseSum(xs: ArrayLike<number>, round: Rounder, start = 0): number {
  const tree = (lo: number, hi: number): number => {
    if (hi - lo === 1) return xs[lo]!;
    if (hi - lo === 2) return round(xs[lo]! + xs[lo + 1]!);
    const mid = lo + Math.floor((hi - lo) / 2);
    return round(tree(lo, mid) + tree(mid, hi));
  };
  if (xs.length === 0) return start;
  return start === 0 ? tree(0, xs.length) : round(start + tree(0, xs.length));
}

/** The exact sum of start and the terms, in double-double (about 106 bits), rounded to float64. */
export function referenceSum(xs: ArrayLike<number>, start = 0): { value: number; exact: boolean } {
  let hi = start;
  let lo = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    // Knuth's TwoSum: hi + x = s + e exactly.
    const s = hi + x;
    const v = s - hi;
    const e = hi - (s - v) + (x - v);
    hi = s;
    lo += e;
  }
  const value = hi + lo;
  // Exact in float64 when the double-double sum fits one double.
  return { value, exact: value - hi === lo };
}

export type TermSource = { kind: 'copies'; value: number } | { kind: 'random'; scale: number; seed: number };

/**
 * The n terms as stored in the format: n copies of round(value), or n draws k/2^24 · scale
 * (k uniform in 0 … 2^24 − 1, mulberry32(seed)), each rounded to the format.
 */
export function makeTerms(source: TermSource, n: number, round: Rounder): Float64Array {
  const xs = new Float64Array(n);
  if (source.kind === 'copies') {
    xs.fill(round(source.value));
    return xs;
  }
  const random = mulberry32(source.seed);
  for (let i = 0; i < n; i++) xs[i] = round((Math.floor(random() * 2 ** 24) / 2 ** 24) * source.scale);
  return xs;
}

export type MethodResult = { sum: number; absError: number; relError: number | null };

export type ErrorCurvePoint = { n: number; naive: number | null; pairwise: number | null; kahan: number | null };

export type SumLab = {
  reference: number;
  /** The reference is the exact sum (it fits a float64); otherwise it is that sum rounded to float64. */
  referenceExact: boolean;
  naive: MethodResult;
  pairwise: MethodResult;
  kahan: MethodResult;
  /** The naive sum stopped changing for good at this value, from this (1-based) term on; null if it did not. */
  stall: { value: number; fromTerm: number } | null;
  /**
   * Relative errors on the first m terms, for m = 1, 2, 4, … (powers of 2) and the full length;
   * null where the exact prefix sum is 0 (no relative error) or a method overflowed.
   */
  curve: ErrorCurvePoint[];
};

function judge(sum: number, reference: number): MethodResult {
  const absError = Math.abs(sum - reference);
  return { sum, absError, relError: reference === 0 ? null : absError / Math.abs(reference) };
}

/**
 * All three methods on the stored terms, in the format of `round`, and their errors as the
 * sum grows. One pass gives the naive and Kahan sums of every prefix; the pairwise sums of
 * the power-of-2 prefixes are the leftmost nodes of one balanced tree, built bottom-up.
 */
export function sumLab(xs: ArrayLike<number>, round: Rounder, start = 0): SumLab {
  const n = xs.length;
  const checkpoints: number[] = [];
  for (let m = 1; m < n; m *= 2) checkpoints.push(m);
  if (n > 0) checkpoints.push(n);
  const rel = (sum: number, ref: number) => (ref === 0 || !Number.isFinite(sum) ? null : Math.abs(sum - ref) / Math.abs(ref));

  const naiveAt: number[] = [];
  const kahanAt: number[] = [];
  const referenceAt: number[] = [];
  let next = 0;
  let sN = start;
  let lastChange = 0;
  let sK = start;
  let c = 0;
  let hi = start;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    const s1 = round(sN + x);
    if (s1 !== sN) lastChange = i + 1;
    sN = s1;
    const y = round(x - c);
    const t = round(sK + y);
    c = round(round(t - sK) - y);
    sK = t;
    // Knuth's TwoSum keeps the exact prefix sum as hi + lo (double-double).
    const s = hi + x;
    const v = s - hi;
    lo += hi - (s - v) + (x - v);
    hi = s;
    if (i + 1 === checkpoints[next]) {
      naiveAt.push(sN);
      kahanAt.push(sK);
      referenceAt.push(hi + lo);
      next += 1;
    }
  }
  const reference = hi + lo;

  const pairwiseAt: number[] = [];
  const withStart = (x: number) => (start === 0 ? x : round(start + x));
  // Reduced in place: after a level, level[j] is the sum of the j-th block of that level's size.
  let width = checkpoints.filter((m) => (m & (m - 1)) === 0).at(-1) ?? 0;
  const level = new Float64Array(width);
  for (let i = 0; i < width; i++) level[i] = xs[i]!;
  if (width > 0) pairwiseAt.push(withStart(level[0]!));
  while (width > 1) {
    width /= 2;
    for (let j = 0; j < width; j++) level[j] = round(level[2 * j]! + level[2 * j + 1]!);
    pairwiseAt.push(withStart(level[0]!));
  }
  if (pairwiseAt.length < checkpoints.length) pairwiseAt.push(pairwiseSum(xs, round, start));
  const pairwise = n === 0 ? start : pairwiseAt.at(-1)!;

  let laterTermsNonZero = false;
  for (let i = lastChange; i < n; i++) if (xs[i] !== 0) laterTermsNonZero = true;
  return {
    reference,
    referenceExact: reference - hi === lo,
    naive: judge(sN, reference),
    pairwise: judge(pairwise, reference),
    kahan: judge(sK, reference),
    stall: laterTermsNonZero && Number.isFinite(sN) ? { value: sN, fromTerm: lastChange + 1 } : null,
    curve: checkpoints.map((m, k) => ({
      n: m,
      naive: rel(naiveAt[k]!, referenceAt[k]!),
      pairwise: rel(pairwiseAt[k]!, referenceAt[k]!),
      kahan: rel(kahanAt[k]!, referenceAt[k]!),
    })),
  };
}
