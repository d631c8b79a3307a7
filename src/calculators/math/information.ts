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

/** Σ term(pᵢ, qᵢ) over the i where pᵢ > 0; +∞ when one of them has qᵢ = 0 (a log of 0 in the sum). */
function sumOverSupport(p: number[], q: number[], term: (x: number, y: number) => number): number {
  let total = 0;
  for (const [i, x] of p.entries()) {
    if (x <= 0) continue;
    const y = q[i] ?? 0;
    if (y <= 0) return Number.POSITIVE_INFINITY;
    total += term(x, y);
  }
  return total;
}

/** H(P, Q) = −Σ pᵢ log qᵢ; +∞ when some pᵢ > 0 has qᵢ = 0. */
export function crossEntropy(p: number[], q: number[], base = 2): number {
  return sumOverSupport(p, q, (x, y) => -x * log(y, base)) + 0;
}

/** D_KL(P ‖ Q) = Σ pᵢ log(pᵢ / qᵢ) ≥ 0; +∞ when some pᵢ > 0 has qᵢ = 0. */
export function klDivergence(p: number[], q: number[], base = 2): number {
  // Rounding can leave −1e-17 for P = Q; KL is never negative.
  const total = sumOverSupport(p, q, (x, y) => x * log(x / y, base));
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

/**
 * log softmax(x)ᵢ = xᵢ − LSE(x), computed stably: with m = max x and the arg-max a,
 * LSE = m + log1p(Σᵢ≠a e^(xᵢ − m)), so no exp overflows and a tiny log-loss keeps its digits.
 * Precondition: finite logits, at least one.
 */
export function logSoftmax(logits: number[]): number[] {
  const m = Math.max(...logits);
  const a = logits.indexOf(m);
  const rest = logits.reduce((s, x, i) => (i === a ? s : s + Math.exp(x - m)), 0);
  const tail = Math.log1p(rest);
  return logits.map((x) => x - m - tail);
}

export type LogitsMeasures = {
  /** Q = softmax(logits); entries may underflow to 0 though log Q stays finite. */
  q: number[];
  /** log Q in nats (finite for finite logits). */
  logQ: number[];
  /** H(P) for the one-hot P: 0. */
  entropyP: number;
  entropyQ: number;
  /** H(P, Q) = −log q_target. */
  crossEntropy: number;
  /** D_KL(P ‖ Q) = H(P, Q) − H(P) = H(P, Q). */
  klPQ: number;
  /** D_KL(Q ‖ P) = +∞ with two or more outcomes: every q is positive, P is 0 off the target. */
  klQP: number;
  /** exp(H(P, Q) in nats); +∞ when that overflows a double (see log10Perplexity). */
  perplexity: number;
  /** log₁₀ of the perplexity, finite even when the perplexity itself is too large for a double. */
  log10Perplexity: number;
};

/**
 * Entropy, cross-entropy, both KLs and perplexity for Q = softmax(logits) and the one-hot P
 * on `target`, all from log-softmax (never log of a rounded probability): logits
 * (1000, 0, −1000) with target 2 give H(P, Q) = 2000 nats, not ∞. Units as for `entropy`.
 * Preconditions: finite logits, 0 ≤ target < logits.length.
 */
export function logitsMeasures(logits: number[], target: number, base = 2): LogitsMeasures {
  const logQ = logSoftmax(logits);
  const q = logQ.map(Math.exp);
  const unit = Math.log(base);
  const crossNats = -(logQ[target] ?? Number.NaN);
  // q·log q with q = e^(log q): an underflowed q contributes 0, as it should in the limit.
  const entropyQNats = -q.reduce((s, p, i) => s + p * (logQ[i] ?? 0), 0);
  const cross = Math.max(0, crossNats) / unit + 0;
  return {
    q,
    logQ,
    entropyP: 0,
    entropyQ: Math.max(0, entropyQNats) / unit + 0,
    crossEntropy: cross,
    klPQ: cross,
    klQP: logits.length > 1 ? Number.POSITIVE_INFINITY : 0,
    perplexity: Math.exp(Math.max(0, crossNats)),
    log10Perplexity: Math.max(0, crossNats) / Math.LN10,
  };
}
