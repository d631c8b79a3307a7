/**
 * Entropy, cross-entropy, KL divergence and perplexity of discrete distributions.
 * `base` chooses the unit: 2 for bits, Math.E for nats. Conventions: 0·log(0/q) = 0, and
 * p·log(p/0) = +∞ for p > 0, so a distribution that puts mass where Q has none gives an
 * infinite cross-entropy and KL divergence (returned as Infinity, never NaN).
 * Preconditions unless stated: P and Q have the same length, nonnegative entries, each sums to 1.
 */
import { softmaxWithTemperature } from './sampling.ts';

const log = (x: number, base: number) => Math.log(x) / Math.log(base);

/** H(P) = −Σ pᵢ log pᵢ. */
export function entropy(p: number[], base = 2): number {
  return p.reduce((s, x) => (x > 0 ? s - x * log(x, base) : s), 0) + 0;
}

/** H(P, Q) = −Σ pᵢ log qᵢ; +∞ when some pᵢ > 0 has qᵢ = 0. */
export function crossEntropy(p: number[], q: number[], base = 2): number {
  let total = 0;
  for (const [i, x] of p.entries()) {
    if (x <= 0) continue;
    const y = q[i] ?? 0;
    if (y <= 0) return Number.POSITIVE_INFINITY;
    total -= x * log(y, base);
  }
  return total + 0;
}

/** D_KL(P ‖ Q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0; +∞ when some pᵢ > 0 has qᵢ = 0. */
export function klDivergence(p: number[], q: number[], base = 2): number {
  let total = 0;
  for (const [i, x] of p.entries()) {
    if (x <= 0) continue;
    const y = q[i] ?? 0;
    if (y <= 0) return Number.POSITIVE_INFINITY;
    total += x * log(x / y, base);
  }
  // Rounding can leave −1e-17 for P = Q; KL is never negative.
  return Math.max(0, total);
}

/** Perplexity exp(H(P, Q) in nats) = base^(H(P, Q) in that base): the effective number of choices. */
export function perplexity(p: number[], q: number[]): number {
  return Math.exp(crossEntropy(p, q, Math.E));
}

/** Indices of the entries where P has mass and Q has none (why a KL is infinite). */
export function unsupportedIndices(p: number[], q: number[]): number[] {
  return p.flatMap((x, i) => (x > 0 && !((q[i] ?? 0) > 0) ? [i] : []));
}

export type DistributionProblem = { kind: 'empty' } | { kind: 'negative'; index: number } | { kind: 'sum'; sum: number };

/** Why a list is not a probability distribution (null if it is, to within `tol` on the sum). */
export function distributionProblem(p: number[], tol = 1e-6): DistributionProblem | null {
  if (p.length === 0) return { kind: 'empty' };
  const index = p.findIndex((x) => x < 0);
  if (index >= 0) return { kind: 'negative', index };
  const sum = p.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > tol) return { kind: 'sum', sum };
  return null;
}

/** The list divided by its sum. Precondition: nonnegative with a positive sum. */
export function normalise(p: number[]): number[] {
  const sum = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / sum);
}

/** The one-hot distribution on `target` (0-based) among n outcomes. */
export function oneHot(n: number, target: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === target ? 1 : 0));
}

/** Softmax of logits (stable): the model's predicted distribution Q in "logits" mode. */
export function softmax(logits: number[]): number[] {
  return softmaxWithTemperature(logits, 1);
}
