/**
 * Clipping gradients by their global L2 norm, as torch.nn.utils.clip_grad_norm_ does
 * (PyTorch, torch/nn/utils/clip_grad.py: total_norm = ‖(‖g₁‖, …, ‖g_K‖)‖₂,
 * clip_coef = max_norm / (total_norm + 1e-6), clamped to at most 1, every gradient multiplied
 * by it), and for contrast clipping each tensor on its own and clipping each component by
 * value (torch.nn.utils.clip_grad_value_), which both change the direction.
 */

/** The ε PyTorch adds to the total norm before dividing. */
export const CLIP_EPSILON = 1e-6;

/** One line of the gradient list: an optional name before a colon, then the numbers. */
export type GradientLine = { line: number; name: string | null; numbers: string };

/**
 * Splits the typed text into tensors, one per non-blank line; "attn.q: 3, 4" names the
 * tensor attn.q. A full-width colon (：) works too, as a Chinese keyboard types it.
 */
export function splitGradientLines(text: string): GradientLine[] {
  const lines: GradientLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const match = /^\s*([^:：]*?)\s*[:：](.*)$/.exec(raw);
    if (match) lines.push({ line: index + 1, name: match[1] || null, numbers: match[2] ?? '' });
    else lines.push({ line: index + 1, name: null, numbers: raw });
  });
  return lines;
}

/** The Euclidean norm, without overflow or underflow in the squares (Math.hypot). */
export function l2(xs: readonly number[]): number {
  return Math.hypot(...xs);
}

export type Clipping = {
  /** ‖g_k‖₂ of each tensor. */
  norms: number[];
  /** The global norm √(Σ‖g_k‖²). */
  total: number;
  /** min(1, max_norm / (total + 1e-6)), PyTorch's clip_coef_clamped. */
  coef: number;
  clipped: number[][];
  /** The global norm after clipping. */
  totalAfter: number;
  /** Clipping each tensor on its own with the same rule: its coefficients, results and global norm. */
  perTensor: { coefs: number[]; clipped: number[][]; total: number };
  /**
   * The angle in radians between the globally clipped update (which points where the gradient
   * does) and the per-tensor clipped one; null when the gradient is zero and has no direction.
   */
  angle: number | null;
  /** Clipping by value: every component clamped to [−max_norm, max_norm], and its global norm. */
  byValue: { clipped: number[][]; total: number };
  /** The angle between the gradient and its value-clipped version; null for a zero gradient. */
  angleByValue: number | null;
};

/** PyTorch's coefficient for a norm and a threshold: min(1, max_norm / (norm + 1e-6)). */
export function clipCoefficient(norm: number, maxNorm: number): number {
  return Math.min(1, maxNorm / (norm + CLIP_EPSILON));
}

/**
 * The angle between two vectors, 2·atan2(‖â − b̂‖, ‖â + b̂‖) with â, b̂ the unit vectors:
 * accurate for small angles, where acos of the cosine loses half its digits (Kahan).
 */
export function angleBetween(a: readonly number[], b: readonly number[]): number | null {
  const na = l2(a);
  const nb = l2(b);
  if (na === 0 || nb === 0) return null;
  const diff = a.map((x, i) => x / na - (b[i] ?? 0) / nb);
  const sum = a.map((x, i) => x / na + (b[i] ?? 0) / nb);
  return 2 * Math.atan2(l2(diff), l2(sum));
}

/**
 * Global-norm clipping of `tensors` at `maxNorm` (> 0), with per-tensor clipping beside it.
 * Precondition: finite entries; returns null when the norm itself overflows a double.
 */
export function clipByGlobalNorm(tensors: readonly number[][], maxNorm: number): Clipping | null {
  const norms = tensors.map(l2);
  const total = l2(norms);
  if (!Number.isFinite(total)) return null;
  const coef = clipCoefficient(total, maxNorm);
  const clipped = tensors.map((t) => t.map((x) => x * coef));
  const coefs = norms.map((n) => clipCoefficient(n, maxNorm));
  const perClipped = tensors.map((t, k) => t.map((x) => x * (coefs[k] ?? 1)));
  const byValue = tensors.map((t) => t.map((x) => Math.min(maxNorm, Math.max(-maxNorm, x))));
  return {
    norms,
    total,
    coef,
    clipped,
    totalAfter: l2(clipped.map(l2)),
    perTensor: { coefs, clipped: perClipped, total: l2(perClipped.map(l2)) },
    angle: angleBetween(clipped.flat(), perClipped.flat()),
    byValue: { clipped: byValue, total: l2(byValue.map(l2)) },
    angleByValue: angleBetween(tensors.flat(), byValue.flat()),
  };
}
