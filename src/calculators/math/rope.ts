/**
 * Rotary position embeddings (RoPE, Su et al. 2021, "RoFormer"), as taught in
 * content/en/linear-algebra/rotations-and-rope.mdx: pair i of a d-dimensional query or key
 * (coordinates 2i and 2i + 1, the paper's and Meta's LLaMA layout) is rotated by the angle
 * m·θᵢ at position m, with θᵢ = b^(−2i/d). Position interpolation (Chen et al. 2023) divides
 * every position by a factor s before the rotation. Pure functions, no DOM.
 */
import { mulberry32 } from '../../utils/seeded-random.ts';

export type RopeReason = 'dimension' | 'base' | 'scale' | 'length';
export type RopeResult<T> = { ok: true; value: T } | { ok: false; reason: RopeReason };

export const TWO_PI = 2 * Math.PI;

/** The largest head dimension the explorer accepts (real models use 64–256). */
export const MAX_DIMENSION = 256;

/** θᵢ = b^(−2i/d) for i = 0 … d/2 − 1; d must be even and positive, b > 1. */
export function ropeFrequencies(d: number, base: number): RopeResult<number[]> {
  if (!Number.isInteger(d) || d < 2 || d % 2 !== 0 || d > MAX_DIMENSION) return { ok: false, reason: 'dimension' };
  if (!Number.isFinite(base) || base <= 1) return { ok: false, reason: 'base' };
  // exp(−(2i/d)·ln b) and b ** (−2i/d) agree to an ulp; ** keeps θ₀ = 1 and b^(−1/2) = 0.01 for b = 10⁴ exact.
  return { ok: true, value: Array.from({ length: d / 2 }, (_, i) => base ** ((-2 * i) / d)) };
}

/** An angle reduced to [0, 2π). */
export function reduceAngle(angle: number): number {
  const r = angle % TWO_PI;
  if (r >= 0) return r;
  // A tiny negative remainder (−5e-324) plus 2π rounds to 2π itself, which is a whole turn: 0.
  const up = r + TWO_PI;
  return up < TWO_PI ? up : 0;
}

/** One row of the frequency table: pair i at (interpolated) position m/s. */
export type PairRow = {
  i: number;
  theta: number;
  /** m·θᵢ/s in radians, unreduced. */
  angle: number;
  /** The same angle reduced to [0, 2π). */
  reduced: number;
  /** The reduced angle in degrees, [0, 360). */
  degrees: number;
  /** Full turns m·θᵢ/(2πs). */
  turns: number;
  /** s·2π/θᵢ in tokens: with positions divided by s a pair repeats after s times as many tokens (2π/θᵢ for s = 1). */
  wavelength: number;
};

export function pairTable(thetas: number[], position: number, scale = 1): PairRow[] {
  const p = position / scale;
  return thetas.map((theta, i) => {
    const angle = p * theta;
    const reduced = reduceAngle(angle);
    return { i, theta, angle, reduced, degrees: (reduced * 180) / Math.PI, turns: angle / TWO_PI, wavelength: (TWO_PI * scale) / theta };
  });
}

/** Rotates each pair (v₂ᵢ, v₂ᵢ₊₁) of v by angles[i] (counter-clockwise): the RoPE map at one position. */
export function rotatePairs(v: number[], angles: number[]): number[] {
  const out = [...v];
  angles.forEach((a, i) => {
    const x = v[2 * i] ?? 0;
    const y = v[2 * i + 1] ?? 0;
    const c = Math.cos(a);
    const s = Math.sin(a);
    out[2 * i] = x * c - y * s;
    out[2 * i + 1] = x * s + y * c;
  });
  return out;
}

export function dot(u: number[], v: number[]): number {
  return u.reduce((s, x, i) => s + x * (v[i] ?? 0), 0);
}

/** The query q at position m and the key k at position n, both rotated (positions divided by s). */
export function rotatedAt(v: number[], thetas: number[], position: number, scale = 1): number[] {
  return rotatePairs(
    v,
    thetas.map((t) => (position / scale) * t),
  );
}

/** q̃ₘ·k̃ₙ computed the way a model does: rotate both, then take the dot product. */
export function ropeScore(q: number[], k: number[], thetas: number[], m: number, n: number, scale = 1): RopeResult<number> {
  if (q.length !== 2 * thetas.length || k.length !== q.length) return { ok: false, reason: 'length' };
  if (!(scale > 0) || !Number.isFinite(scale)) return { ok: false, reason: 'scale' };
  return { ok: true, value: dot(rotatedAt(q, thetas, m, scale), rotatedAt(k, thetas, n, scale)) };
}

/**
 * The same score from the offset Δ = n − m alone, by the note's pair identity
 * rot_α u · rot_β v = (u·v)cos(β − α) + (u₂v₁ − u₁v₂)sin(β − α), summed over the pairs.
 */
export function relativeScore(q: number[], k: number[], thetas: number[], delta: number, scale = 1): number {
  let sum = 0;
  thetas.forEach((theta, i) => {
    const [u1, u2, v1, v2] = [q[2 * i] ?? 0, q[2 * i + 1] ?? 0, k[2 * i] ?? 0, k[2 * i + 1] ?? 0];
    const phi = (delta / scale) * theta;
    sum += (u1 * v1 + u2 * v2) * Math.cos(phi) + (u2 * v1 - u1 * v2) * Math.sin(phi);
  });
  return sum;
}

/** The all-ones vector of length d: q = k = 1 gives q̃·k̃(Δ) = 2·Σᵢ cos(Δθᵢ), whose value at Δ = 0 is d. */
export function ones(d: number): number[] {
  return Array.from({ length: d }, () => 1);
}

/**
 * A vector of d entries drawn uniformly from [−1, 1) by the site's seeded generator: the same
 * seed gives the same vector on every machine, so a shared link shows the same curve.
 */
export function randomVector(d: number, seed: number): number[] {
  const next = mulberry32(seed);
  return Array.from({ length: d }, () => 2 * next() - 1);
}

/** Largest offset the score curve accepts (the plot evaluates every integer offset up to it). */
export const MAX_OFFSET = 20_000;

export type CurvePoint = { delta: number; min: number; max: number };

/**
 * The score as a function of the offset Δ = 0 … L, evaluated at every integer Δ and grouped
 * into at most `buckets` runs of consecutive offsets, each with its smallest and largest value:
 * the fast pairs oscillate every few tokens, so sampling only some offsets would alias them,
 * while the envelope of each run shows the long-range decay faithfully.
 */
export function scoreCurve(q: number[], k: number[], thetas: number[], length: number, scale = 1, buckets = 400): CurvePoint[] {
  const L = Math.max(0, Math.floor(length));
  const per = Math.max(1, Math.ceil((L + 1) / buckets));
  const points: CurvePoint[] = [];
  for (let start = 0; start <= L; start += per) {
    let min = Infinity;
    let max = -Infinity;
    for (let delta = start; delta < start + per && delta <= L; delta++) {
      const s = relativeScore(q, k, thetas, delta, scale);
      if (s < min) min = s;
      if (s > max) max = s;
    }
    points.push({ delta: start, min, max });
  }
  return points;
}
