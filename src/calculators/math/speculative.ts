/**
 * Speculative decoding (Leviathan et al. 2023, "Fast Inference from Transformers via
 * Speculative Decoding"; Chen et al. 2023): a draft model proposes γ tokens, the target scores
 * them in one pass and accepts each with probability min(1, p/q). Expected tokens per target
 * pass, the expected wall-clock speed-up, the best γ, and the acceptance rate of two
 * distributions.
 */

/**
 * Expected tokens per target pass when each drafted token is accepted independently with
 * probability α: E = (1 − α^(γ+1)) / (1 − α) (Leviathan et al. 2023, eq. 1), and γ + 1 at
 * α = 1. Written as −expm1((γ+1) ln α) / (1 − α) so that α close to 1 keeps its digits.
 */
export function expectedTokens(alpha: number, gamma: number): number {
  if (alpha >= 1) return gamma + 1;
  if (alpha <= 0) return 1;
  return -Math.expm1((gamma + 1) * Math.log(alpha)) / (1 - alpha);
}

/**
 * Expected wall-clock improvement over plain decoding when a draft step costs c target steps:
 * E / (γc + 1) (Leviathan et al. 2023, Theorem 3.8).
 */
export function speedup(alpha: number, gamma: number, c: number): number {
  return expectedTokens(alpha, gamma) / (gamma * c + 1);
}

export type BestGamma = { gamma: number; speedup: number; atLimit: boolean };

/**
 * The γ in 1…maxGamma with the largest speed-up (the smallest such γ on a tie). `atLimit`
 * says the search stopped at its end while the speed-up was still rising (α = 1 with c = 0).
 */
export function bestGamma(alpha: number, c: number, maxGamma = 32): BestGamma {
  let best = { gamma: 1, speedup: speedup(alpha, 1, c) };
  for (let g = 2; g <= maxGamma; g++) {
    const s = speedup(alpha, g, c);
    if (s > best.speedup * (1 + 1e-12)) best = { gamma: g, speedup: s };
  }
  return { ...best, atLimit: best.gamma === maxGamma && maxGamma > 1 };
}

export type Acceptance = {
  /** α = Σ min(p, q) = 1 − TV(p, q). */
  alpha: number;
  /** TV(p, q) = ½ Σ |p − q|. */
  tv: number;
  /** min(1, p/q) per token; null where q = 0 (the draft never proposes it). */
  acceptProb: Array<number | null>;
  /** norm(max(0, p − q)), the distribution a rejected token is replaced from; null when p = q (nothing is ever rejected). */
  residual: number[] | null;
};

/** The acceptance rate of draft q for target p, two distributions over the same tokens. */
export function acceptance(p: number[], q: number[]): Acceptance {
  let alpha = 0;
  let tv = 0;
  let residualMass = 0;
  const excess: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] ?? 0;
    const qi = q[i] ?? 0;
    alpha += Math.min(pi, qi);
    tv += Math.abs(pi - qi) / 2;
    const e = Math.max(0, pi - qi);
    excess.push(e);
    residualMass += e;
  }
  const acceptProb = q.map((qi, i) => (qi > 0 ? Math.min(1, (p[i] ?? 0) / qi) : null));
  // Σ max(0, p − q) = 1 − α = TV exactly; a tiny mass is rounding, not a distribution.
  const residual = residualMass > 1e-12 ? excess.map((e) => e / residualMass) : null;
  return { alpha: Math.min(alpha, 1), tv, acceptProb, residual };
}
