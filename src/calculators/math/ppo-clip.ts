/**
 * PPO's clipped objective for one token, and the k1, k2, k3 estimators of KL(policy ‖ reference)
 * with their exact means and standard deviations under the policy (Schulman, "Approximating KL
 * divergence", 2020). Names follow the note importance-sampling-policy-gradients: the policy is
 * q = π_θ, the reference p = π_ref, and the estimators use r = p(x)/q(x) with x ~ q.
 */

/**
 * Which branch of min(r·A, clip(r, 1 − ε, 1 + ε)·A) decides the objective at r:
 * - `inside`: 1 − ε < r < 1 + ε, both terms agree, ∂L/∂r = A;
 * - `clipped`: r is past the edge in the direction A rewards (r > 1 + ε with A > 0, r < 1 − ε
 *   with A < 0); the constant clipped term wins the minimum and ∂L/∂r = 0;
 * - `unclippedOutside`: r is outside the range in the direction that made the objective worse
 *   (r < 1 − ε with A > 0, r > 1 + ε with A < 0); the min keeps r·A, so ∂L/∂r = A;
 * - `edge`: exactly at the kink (r = 1 + ε with A > 0, r = 1 − ε with A < 0); the slope is A on
 *   one side and 0 on the other;
 * - `zeroAdvantage`: A = 0, the objective is 0 for every r.
 */
export type ClipState = 'inside' | 'clipped' | 'unclippedOutside' | 'edge' | 'zeroAdvantage';

export type PpoClipResult = {
  /** r·A */
  unclipped: number;
  /** clip(r, 1 − ε, 1 + ε) */
  clippedRatio: number;
  /** clip(r, 1 − ε, 1 + ε)·A */
  clipped: number;
  /** min(r·A, clip(r)·A) */
  objective: number;
  state: ClipState;
  /** ∂L/∂r where it exists (null at the kink: see `state` = edge). */
  slope: number | null;
};

export function clipRatio(r: number, eps: number): number {
  return Math.min(Math.max(r, 1 - eps), 1 + eps);
}

/** PPO's clipped surrogate objective for one token with ratio r ≥ 0, advantage A and 0 < ε < 1. */
export function ppoClip(r: number, advantage: number, eps: number): PpoClipResult {
  const unclipped = r * advantage;
  const clippedRatio = clipRatio(r, eps);
  const clipped = clippedRatio * advantage;
  // `+ 0` turns −0 (r·A with A = −0) into 0 so nothing shows "−0".
  const objective = Math.min(unclipped, clipped) + 0;
  let state: ClipState;
  if (advantage === 0) state = 'zeroAdvantage';
  else if ((advantage > 0 && r === 1 + eps) || (advantage < 0 && r === 1 - eps)) state = 'edge';
  else if ((advantage > 0 && r > 1 + eps) || (advantage < 0 && r < 1 - eps)) state = 'clipped';
  else if (r < 1 - eps || r > 1 + eps) state = 'unclippedOutside';
  else state = 'inside';
  const slope = state === 'edge' ? null : state === 'clipped' || state === 'zeroAdvantage' ? 0 : advantage;
  return { unclipped: unclipped + 0, clippedRatio, clipped: clipped + 0, objective, state, slope };
}

/** The ratio π_θ/π_old from the two log-probabilities: exp(new − old). */
export function ratioFromLogProbs(logpNew: number, logpOld: number): number {
  return Math.exp(logpNew - logpOld);
}

/**
 * Points (r, L(r)) of the clipped objective for 0 ≤ r ≤ rMax. L is piecewise linear with kinks
 * only at 1 − ε and 1 + ε, so the corners and the ends draw it exactly.
 */
export function objectiveCurve(advantage: number, eps: number, rMax: number): Array<[number, number]> {
  const xs = [0, 1 - eps, 1 + eps, rMax].filter((x) => x >= 0 && x <= rMax);
  return [...new Set(xs)].sort((a, b) => a - b).map((x) => [x, ppoClip(x, advantage, eps).objective]);
}

/** One category of the KL table: its probabilities, r = p/q, and the three estimates there. */
export type KlCategory = { q: number; p: number; ratio: number; k1: number; k2: number; k3: number };

export type EstimatorStats = { mean: number; sd: number };

export type KlEstimates =
  | {
      ok: true;
      /** KL(q ‖ p) = Σ q log(q/p) in nats, summed over the categories the policy can sample. */
      kl: number;
      /** One entry per category; null where q = 0 (never sampled, so no estimate is ever made there). */
      categories: Array<KlCategory | null>;
      k1: EstimatorStats;
      k2: EstimatorStats;
      k3: EstimatorStats;
      /** Σ p over the categories where q = 0: mass the policy never samples. E[r] = 1 − this, so E[k3] = KL − this. */
      unsampledMass: number;
    }
  /** The reference gives probability 0 to categories the policy samples: KL and k1, k2, k3 are infinite. */
  | { ok: false; reason: 'infinite'; indices: number[] };

/** Mean and standard deviation of values v under weights q (only where q > 0), summed exactly. */
function moments(q: number[], v: number[]): EstimatorStats {
  let mean = 0;
  q.forEach((w, i) => {
    if (w > 0) mean += w * (v[i] ?? 0);
  });
  // Two passes: Σ q (v − mean)² avoids the cancellation of E[v²] − mean² when the spread is tiny.
  let variance = 0;
  q.forEach((w, i) => {
    if (w > 0) variance += w * ((v[i] ?? 0) - mean) ** 2;
  });
  return { mean: mean + 0, sd: Math.sqrt(variance) };
}

/**
 * The three KL estimators for x ~ q, with r = p(x)/q(x): k1 = −log r, k2 = ½(log r)²,
 * k3 = (r − 1) − log r, each with its exact mean and standard deviation under q (a sum over
 * the categories, no sampling). Preconditions: q and p have the same length, nonnegative
 * entries, each sums to 1 (the widget normalises them). E[k1] = KL(q ‖ p) always; E[k3] = E[k1]
 * + E[r] − 1 with E[r] = Σ_{q>0} p, so k3 is unbiased exactly when p has no mass where q has
 * none (its bias is minus that unsampled mass, reported as `unsampledMass`).
 */
export function klEstimators(q: number[], p: number[]): KlEstimates {
  const indices = q.flatMap((w, i) => (w > 0 && !((p[i] ?? 0) > 0) ? [i] : []));
  if (indices.length > 0) return { ok: false, reason: 'infinite', indices };
  const categories = q.map((w, i): KlCategory | null => {
    if (!(w > 0)) return null;
    const pi = p[i] ?? 0;
    const ratio = pi / w;
    // log r as log p − log q: exact when r underflows or overflows as a quotient.
    const logRatio = Math.log(pi) - Math.log(w);
    // expm1 keeps (r − 1) − log r accurate when r is close to 1, where the two terms cancel.
    const k3 = Math.max(0, Math.expm1(logRatio) - logRatio);
    return { q: w, p: pi, ratio, k1: -logRatio + 0, k2: 0.5 * logRatio * logRatio, k3 };
  });
  const column = (key: 'k1' | 'k2' | 'k3') => categories.map((c) => (c ? c[key] : 0));
  const k1 = moments(q, column('k1'));
  const unsampledMass = p.reduce((s, x, i) => ((q[i] ?? 0) > 0 ? s : s + x), 0);
  return { ok: true, kl: Math.max(0, k1.mean), categories, k1, k2: moments(q, column('k2')), k3: moments(q, column('k3')), unsampledMass };
}
