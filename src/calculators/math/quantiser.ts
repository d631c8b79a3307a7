/**
 * Uniform weight quantisation (content/en/numerical-analysis/quantisation.mdx): INT8 or INT4
 * codes, symmetric (absmax, zero-point 0) or asymmetric (min/max, integer zero-point), with one
 * scale per tensor or per group of g consecutive weights; the error it makes and what the
 * scales cost in storage.
 *
 * Scales are used at full (float64) precision; storing them in FP16 would move each x̂ by at
 * most a relative 2^-11 more, which the bits-per-weight count pays for but the errors ignore.
 */
import { mulberry32 } from '../../utils/seeded-random.ts';

export type QuantBits = 4 | 8;

export type QuantScheme = {
  bits: QuantBits;
  /** true: absmax, codes ±(2^(b−1) − 1), zero-point 0; false: min/max, codes 0 … 2^b − 1. */
  symmetric: boolean;
  /** Weights per scale; null for one scale for the whole tensor. */
  groupSize: number | null;
};

export type QuantGroup = {
  /** Index of the group's first weight. */
  start: number;
  /** One past its last weight. */
  end: number;
  /** The step between neighbouring grid points; 0 when every weight of the group is 0. */
  scale: number;
  /** The integer code that stands for 0 (always 0 when symmetric). */
  zeroPoint: number;
};

/** SQNR in dB, or why there is no finite number. */
export type Sqnr =
  | { kind: 'finite'; db: number }
  /** No rounding error at all (every weight is on the grid): the ratio is infinite. */
  | { kind: 'no-error' }
  /** Every weight is 0: there is no signal to compare the (zero) noise with. */
  | { kind: 'zero-signal' };

export type QuantResult = {
  codes: number[];
  dequantised: number[];
  groups: QuantGroup[];
  qMin: number;
  qMax: number;
  maxAbsError: number;
  /** Index of the weight with the largest |x̂ − x| (the first one, on a tie). */
  maxAbsErrorAt: number;
  rmse: number;
  sqnr: Sqnr;
  /** b + (bits of FP16 scales, and 16-bit zero-points when asymmetric) / number of weights. */
  bitsPerWeight: number;
  /** The per-weight share of the scales (and zero-points): bitsPerWeight − b. */
  overheadBits: number;
};

/** Bits stored per group besides the codes: an FP16 scale, and a 16-bit zero-point if asymmetric (as in the note). */
export function overheadBitsPerGroup(symmetric: boolean): number {
  return symmetric ? 16 : 32;
}

/** Nominal bits per weight with full groups of g: b + 16/g (+ 16/g for zero-points). */
export function nominalBitsPerWeight(bits: number, groupSize: number, symmetric: boolean): number {
  return bits + overheadBitsPerGroup(symmetric) / groupSize;
}

/** Round half to even, as torch.round and the IEEE default do, so ties do not drift one way. */
export function roundHalfEven(t: number): number {
  const r = Math.round(t);
  // Math.round sends halves up; pull the odd results of an exact tie back to even.
  return Math.abs(t % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The code range: symmetric ±(2^(b−1) − 1) leaves −2^(b−1) unused; asymmetric 0 … 2^b − 1. */
export function codeRange(bits: QuantBits, symmetric: boolean): { qMin: number; qMax: number } {
  return symmetric ? { qMin: -(2 ** (bits - 1) - 1), qMax: 2 ** (bits - 1) - 1 } : { qMin: 0, qMax: 2 ** bits - 1 };
}

/**
 * Scale and zero-point for one group. Asymmetric ranges are widened to include 0 (as
 * PyTorch's min/max observers do) so that 0 stays exact and the zero-point is a valid code.
 */
export function groupParams(xs: ArrayLike<number>, start: number, end: number, bits: QuantBits, symmetric: boolean): QuantGroup {
  const { qMax } = codeRange(bits, symmetric);
  let lo = 0;
  let hi = 0;
  for (let i = start; i < end; i++) {
    const x = xs[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (symmetric) {
    const absmax = Math.max(-lo, hi);
    return { start, end, scale: absmax / qMax, zeroPoint: 0 };
  }
  const scale = (hi - lo) / qMax;
  // −lo/scale is at most qMax, except when a subnormal scale has been rounded (weights near
  // 1e-323): then it can land past the top code, which is not a valid zero-point.
  return { start, end, scale, zeroPoint: scale === 0 ? 0 : Math.min(qMax, roundHalfEven(-lo / scale)) };
}

/** Quantises and dequantises `xs` (finite, at least one) with `scheme`. */
export function quantise(xs: readonly number[], scheme: QuantScheme): QuantResult {
  const n = xs.length;
  const { bits, symmetric } = scheme;
  const { qMin, qMax } = codeRange(bits, symmetric);
  const g = scheme.groupSize === null ? n : Math.max(1, Math.min(scheme.groupSize, n));
  const groups: QuantGroup[] = [];
  const codes = new Array<number>(n);
  const dequantised = new Array<number>(n);
  // Powers are summed in units of the largest |x| so that neither x² nor (x − x̂)² over- or underflows.
  let unit = 0;
  for (const x of xs) unit = Math.max(unit, Math.abs(x));
  if (unit === 0) unit = 1;
  let signal = 0;
  let noise = 0;
  let maxAbsError = 0;
  let maxAbsErrorAt = 0;
  for (let start = 0; start < n; start += g) {
    const end = Math.min(start + g, n);
    const group = groupParams(xs, start, end, bits, symmetric);
    groups.push(group);
    for (let i = start; i < end; i++) {
      const x = xs[i]!;
      // An all-zero group has scale 0: every code is the zero-point and x̂ = 0 = x.
      const q = group.scale === 0 ? group.zeroPoint : Math.min(qMax, Math.max(qMin, roundHalfEven(x / group.scale) + group.zeroPoint));
      const xHat = group.scale * (q - group.zeroPoint);
      codes[i] = q;
      dequantised[i] = xHat;
      const e = xHat - x;
      signal += (x / unit) ** 2;
      noise += (e / unit) ** 2;
      if (Math.abs(e) > maxAbsError) {
        maxAbsError = Math.abs(e);
        maxAbsErrorAt = i;
      }
    }
  }
  const sqnr: Sqnr = signal === 0 ? { kind: 'zero-signal' } : noise === 0 ? { kind: 'no-error' } : { kind: 'finite', db: 10 * Math.log10(signal / noise) };
  const overheadBits = (groups.length * overheadBitsPerGroup(symmetric)) / n;
  return {
    codes,
    dequantised,
    groups,
    qMin,
    qMax,
    maxAbsError,
    maxAbsErrorAt,
    rmse: unit * Math.sqrt(noise / n),
    sqnr,
    bitsPerWeight: bits + overheadBits,
    overheadBits,
  };
}

export type WeightSource = 'gaussian' | 'outliers' | 'uniform';

/** Size of the planted outliers, in standard deviations of the Gaussian weights. */
export const OUTLIER_SIGMAS = 20;
/** One outlier per this many weights (at least one). */
export const OUTLIER_EVERY = 256;

/**
 * `count` weights drawn reproducibly from `seed` (mulberry32): standard normal (Box–Muller),
 * standard normal with ±20σ outliers at one random position per 256 weights (at least one),
 * or uniform on [−1, 1).
 */
export function drawWeights(source: WeightSource, count: number, seed: number): number[] {
  const random = mulberry32(seed);
  const normal = () => {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  if (source === 'uniform') return Array.from({ length: count }, () => 2 * random() - 1);
  const xs = Array.from({ length: count }, normal);
  if (source === 'outliers') {
    const outliers = Math.max(1, Math.round(count / OUTLIER_EVERY));
    for (let k = 0; k < outliers; k++) {
      const at = Math.floor(random() * count);
      xs[at] = (random() < 0.5 ? -1 : 1) * OUTLIER_SIGMAS;
    }
  }
  return xs;
}
