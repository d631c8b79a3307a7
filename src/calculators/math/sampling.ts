/**
 * Next-token sampling: logits → temperature-scaled softmax → top-k → top-p (nucleus) →
 * renormalised distribution → one seeded draw. Ties are broken by the lower index, so every
 * step is deterministic.
 */
import { mulberry32 } from '../../utils/seeded-random.ts';

/**
 * softmax(logits / T), computed stably by subtracting the largest logit first.
 * Preconditions: at least one finite logit, T > 0. As T → 0 the mass concentrates on the
 * arg-max (shared equally among tied maxima); T = 1 is the plain softmax.
 */
export function softmaxWithTemperature(logits: number[], temperature = 1): number[] {
  const max = Math.max(...logits);
  // (x − max) / T, not x/T − max/T: a tiny T must not turn both into ∞ and leave NaN.
  const weights = logits.map((x) => Math.exp((x - max) / temperature));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Indices ordered by probability, largest first; equal probabilities keep index order. */
export function rankByProbability(probs: number[]): number[] {
  return probs.map((_, i) => i).sort((i, j) => (probs[j] ?? 0) - (probs[i] ?? 0) || i - j);
}

/**
 * Which tokens top-k keeps: the k most probable (ties → lower index). k = 0 means "off"
 * (keep all). Precondition: k is a whole number ≥ 0.
 */
export function topKFilter(probs: number[], k: number): boolean[] {
  if (k <= 0 || k >= probs.length) return probs.map(() => true);
  const kept = new Set(rankByProbability(probs).slice(0, k));
  return probs.map((_, i) => kept.has(i));
}

/**
 * Which tokens top-p keeps: the smallest set of most probable tokens whose cumulative
 * probability reaches p (ties → lower index first). `probs` need not sum to 1 (zeros may mark
 * tokens already removed); p is compared with the cumulative share of the total. p ≥ 1 keeps
 * every token (even one whose probability underflowed to 0). Precondition: 0 < p.
 * A relative slack of 1e-12 stops rounding (0.5 + 0.3 < 0.8) from keeping one token too many.
 */
export function topPFilter(probs: number[], p: number): boolean[] {
  const total = probs.reduce((s, x) => s + x, 0);
  if (p >= 1) return probs.map(() => true);
  const kept = probs.map(() => false);
  let cumulative = 0;
  for (const i of rankByProbability(probs)) {
    if ((probs[i] ?? 0) <= 0) break;
    kept[i] = true;
    cumulative += probs[i] ?? 0;
    if (cumulative >= (p - 1e-12) * total) break;
  }
  return kept;
}

/** Zeroes the tokens not kept and rescales the rest to sum to 1. Precondition: one kept token with nonzero probability. */
export function renormalise(probs: number[], kept: boolean[]): number[] {
  const masked = probs.map((x, i) => (kept[i] ? x : 0));
  const total = masked.reduce((s, x) => s + x, 0);
  return masked.map((x) => x / total);
}

/** Shannon entropy in bits (0·log 0 = 0). */
export function entropyBits(probs: number[]): number {
  return probs.reduce((s, x) => (x > 0 ? s - x * Math.log2(x) : s), 0);
}

export { mulberry32 };

/**
 * One draw from `probs` (nonnegative, not all zero; need not sum exactly to 1) by inverse
 * CDF with the first mulberry32 number of `seed`. Never returns a zero-probability index.
 */
export function sampleIndex(probs: number[], seed: number): number {
  const total = probs.reduce((s, x) => s + x, 0);
  const u = mulberry32(seed)() * total;
  let cumulative = 0;
  let last = -1;
  for (const [i, x] of probs.entries()) {
    if (x <= 0) continue;
    cumulative += x;
    last = i;
    if (u < cumulative) return i;
  }
  return last;
}

export type SamplingResult = {
  /** softmax(logits / T) before any filtering. */
  before: number[];
  keptByTopK: boolean[];
  kept: boolean[];
  /** The distribution actually sampled from. */
  after: number[];
  entropyBefore: number;
  entropyAfter: number;
  sample: number;
};

/**
 * The whole pipeline in the order common decoders use: temperature, then top-k, then top-p
 * on the top-k-renormalised distribution, then a seeded draw.
 * Preconditions: finite logits (at least one), T > 0, whole k ≥ 0, 0 < p ≤ 1.
 */
export function sampleNextToken(logits: number[], options: { temperature: number; topK: number; topP: number; seed: number }): SamplingResult {
  const before = softmaxWithTemperature(logits, options.temperature);
  const keptByTopK = topKFilter(before, options.topK);
  const nucleus = topPFilter(renormalise(before, keptByTopK), options.topP);
  const kept = nucleus.map((k, i) => k && (keptByTopK[i] ?? false));
  const after = renormalise(before, kept);
  return {
    before,
    keptByTopK,
    kept,
    after,
    entropyBefore: entropyBits(before),
    entropyAfter: entropyBits(after),
    sample: sampleIndex(after, options.seed),
  };
}
