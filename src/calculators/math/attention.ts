/**
 * Scaled dot-product attention for small matrices: Attention(Q, K, V) = softmax(QKᵀ/√d_k)·V,
 * with the softmax taken row by row (one row per query). Matrices are arrays of rows.
 */
import { softmaxWithTemperature } from './sampling.ts';

export type AttentionResult = {
  /** QKᵀ: one row per query, one column per key. */
  scores: number[][];
  /** QKᵀ/√d_k (or QKᵀ unchanged when scaling is off). */
  scaled: number[][];
  /** Row-wise softmax of `scaled`: each row sums to 1. */
  weights: number[][];
  /** weights · V: one row per query. */
  output: number[][];
  /** Entropy of each row of weights, in nats and in bits. */
  entropyNats: number[];
  entropyBits: number[];
  /** d_k: the number of columns of Q and K. */
  dk: number;
};

/** A·Bᵀ for matrices with the same number of columns. */
export function timesTranspose(A: number[][], B: number[][]): number[][] {
  return A.map((a) => B.map((b) => a.reduce((s, x, k) => s + x * (b[k] ?? 0), 0)));
}

/** A·B for A (m×n) and B (n×p). */
export function matMul(A: number[][], B: number[][]): number[][] {
  const p = B[0]?.length ?? 0;
  return A.map((a) => Array.from({ length: p }, (_, j) => a.reduce((s, x, k) => s + x * (B[k]?.[j] ?? 0), 0)));
}

/** Softmax of each row, stable (the row maximum is subtracted first). */
export function rowSoftmax(scores: number[][]): number[][] {
  return scores.map((row) => softmaxWithTemperature(row, 1));
}

/** Entropy −Σ w log w of a probability row in the given log base (0·log 0 = 0). */
export function rowEntropy(row: number[], base: number): number {
  return row.reduce((s, w) => (w > 0 ? s - (w * Math.log(w)) / Math.log(base) : s), 0) + 0;
}

/** Why Q, K and V cannot be combined (null when they can). */
export function attentionShapeProblem(Q: number[][], K: number[][], V: number[][]): 'qk-columns' | 'kv-rows' | null {
  if ((Q[0]?.length ?? 0) !== (K[0]?.length ?? 0)) return 'qk-columns';
  if (K.length !== V.length) return 'kv-rows';
  return null;
}

/**
 * Attention for one head. Preconditions: Q and K have the same number of columns (d_k ≥ 1),
 * K and V have the same number of rows (one per key), all entries finite.
 */
export function scaledDotProductAttention(Q: number[][], K: number[][], V: number[][], scale = true): AttentionResult {
  const dk = Q[0]?.length ?? 1;
  const scores = timesTranspose(Q, K);
  const factor = scale ? 1 / Math.sqrt(dk) : 1;
  const scaled = scores.map((row) => row.map((x) => x * factor));
  const weights = rowSoftmax(scaled);
  return {
    scores,
    scaled,
    weights,
    output: matMul(weights, V),
    entropyNats: weights.map((row) => rowEntropy(row, Math.E)),
    entropyBits: weights.map((row) => rowEntropy(row, 2)),
    dk,
  };
}
