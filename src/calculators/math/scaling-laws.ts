/**
 * Compute-optimal model size for a training budget: C ≈ 6ND, the "tokens per parameter" rule
 * and the Chinchilla fit L(N, D) = E + A/N^α + B/D^β (Hoffmann et al. 2022, "Training
 * Compute-Optimal Large Language Models", approach 3, eq. 10), with its closed-form optimum.
 */

export type ChinchillaFit = { E: number; A: number; B: number; alpha: number; beta: number };

/** Hoffmann et al. (2022), approach 3: the rounded constants the paper prints (nats per token). */
export const CHINCHILLA: ChinchillaFit = { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 };

/** Training FLOPs per parameter per token: 2 forward + 4 backward. */
export const FLOPS_PER_PARAM_TOKEN = 6;

export type Plan = { N: number; D: number; tokensPerParam: number; loss: number };

/** The fitted loss L(N, D) = E + A/N^α + B/D^β. */
export function chinchillaLoss(N: number, D: number, fit: ChinchillaFit = CHINCHILLA): number {
  return fit.E + fit.A / N ** fit.alpha + fit.B / D ** fit.beta;
}

/** Why a budget cannot be planned, or null when it can. */
export type BudgetProblem = 'not-positive' | 'not-finite';

export function budgetProblem(C: number): BudgetProblem | null {
  if (!Number.isFinite(C)) return 'not-finite';
  if (C <= 0) return 'not-positive';
  return null;
}

/**
 * The rule "r tokens per parameter": D = rN and C = 6ND = 6rN², so N = √(C / 6r).
 * At r = 20 this is the note's N = √(C/120).
 */
export function planByRatio(C: number, tokensPerParam: number, fit: ChinchillaFit = CHINCHILLA): Plan {
  const N = Math.sqrt(C / (FLOPS_PER_PARAM_TOKEN * tokensPerParam));
  const D = tokensPerParam * N;
  return { N, D, tokensPerParam, loss: chinchillaLoss(N, D, fit) };
}

/**
 * The minimum of L(N, D) along 6ND = C in closed form: setting d/dN of
 * E + A N^−α + B (C/6N)^−β to zero gives αA N^−α = βB D^−β, so
 * N = G (C/6)^(β/(α+β)), D = G⁻¹ (C/6)^(α/(α+β)), G = (αA / βB)^(1/(α+β)).
 */
export function planByFit(C: number, fit: ChinchillaFit = CHINCHILLA): Plan {
  const { A, B, alpha, beta } = fit;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const perSix = C / FLOPS_PER_PARAM_TOKEN;
  const N = G * perSix ** (beta / (alpha + beta));
  const D = perSix / N;
  return { N, D, tokensPerParam: D / N, loss: chinchillaLoss(N, D, fit) };
}

/** The constant G = (αA / βB)^(1/(α+β)) of the closed form. */
export function chinchillaG(fit: ChinchillaFit = CHINCHILLA): number {
  return ((fit.alpha * fit.A) / (fit.beta * fit.B)) ** (1 / (fit.alpha + fit.beta));
}

/**
 * The IsoFLOP curve: (log₁₀ N, L(N, C/6N)) for N spread evenly in log space from `lo` to `hi`
 * parameters, the profile Hoffmann et al.'s approach 2 reads the optimum from.
 */
export function isoFlopCurve(C: number, lo: number, hi: number, samples = 120, fit: ChinchillaFit = CHINCHILLA): Array<[number, number]> {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const points: Array<[number, number]> = [];
  for (let i = 0; i <= samples; i++) {
    const x = a + ((b - a) * i) / samples;
    const N = 10 ** x;
    points.push([x, chinchillaLoss(N, C / (FLOPS_PER_PARAM_TOKEN * N), fit)]);
  }
  return points;
}

export type TrainingTime = { flopsPerSecond: number; seconds: number; hours: number; days: number; gpuDays: number };

/**
 * Wall-clock time of a C-FLOP run on `gpus` accelerators of `peakFlopsPerGpu` FLOP/s each at
 * model FLOPs utilisation `mfu` (Chowdhery et al. 2022, PaLM): seconds = C / (gpus · peak · MFU).
 */
export function trainingTime(C: number, gpus: number, peakFlopsPerGpu: number, mfu: number): TrainingTime {
  const flopsPerSecond = gpus * peakFlopsPerGpu * mfu;
  const seconds = C / flopsPerSecond;
  const days = seconds / 86_400;
  return { flopsPerSecond, seconds, hours: seconds / 3_600, days, gpuDays: days * gpus };
}
