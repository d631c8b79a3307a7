/** Learning-rate schedules: linear warm-up followed by cosine, linear, step or constant decay. */

export type LrShape = 'cosine' | 'linear' | 'step' | 'constant';

export type LrSchedule = {
  /** The learning rate reached at the end of warm-up (> 0). */
  peak: number;
  /** Length of the run in steps (integer ≥ 1); cosine and linear reach `minLr` here. */
  totalSteps: number;
  /** Steps of linear warm-up from 0 to `peak` (integer, 0 ≤ warmupSteps ≤ totalSteps). */
  warmupSteps: number;
  shape: LrShape;
  /** The floor the decay ends at (0 ≤ minLr ≤ peak); step decay never goes below it. */
  minLr: number;
  /** Step decay: multiply by `gamma` every `stepSize` steps after warm-up (integer ≥ 1). */
  stepSize?: number;
  /** Step decay factor, in (0, 1]. */
  gamma?: number;
};

/**
 * The learning rate used at `step` (0-based). Warm-up: peak · step / warmupSteps, so step 0
 * trains at 0 and step warmupSteps at the peak. Then, with t = (step − warm-up) / (total −
 * warm-up) clamped to [0, 1]:
 * cosine: min + (peak − min)(1 + cos πt)/2; linear: peak + (min − peak)t;
 * step: max(min, peak · gamma^⌊(step − warm-up)/stepSize⌋); constant: peak.
 */
export function learningRateAt(step: number, s: LrSchedule): number {
  if (step < s.warmupSteps) return (s.peak * Math.max(step, 0)) / s.warmupSteps;
  const since = step - s.warmupSteps;
  const t = Math.min(since / Math.max(s.totalSteps - s.warmupSteps, 1), 1);
  switch (s.shape) {
    case 'cosine':
      return s.minLr + ((s.peak - s.minLr) * (1 + Math.cos(Math.PI * t))) / 2;
    case 'linear':
      return s.peak + (s.minLr - s.peak) * t;
    case 'step':
      return Math.max(s.minLr, s.peak * (s.gamma ?? 0.1) ** Math.floor(since / (s.stepSize ?? 1)));
    case 'constant':
      return s.peak;
  }
}

/**
 * Points (step, lr) for plotting from step 0 to totalSteps: `samples` evenly spaced steps plus
 * both sides of every jump (end of warm-up, each step-decay drop), so corners stay sharp.
 */
export function scheduleCurve(s: LrSchedule, samples = 300): Array<[number, number]> {
  const steps = new Set<number>();
  for (let i = 0; i <= samples; i++) steps.add(Math.round((i / samples) * s.totalSteps));
  steps.add(s.warmupSteps);
  if (s.shape === 'step') {
    const size = s.stepSize ?? 1;
    for (let b = s.warmupSteps + size, n = 0; b <= s.totalSteps && n < 400; b += size, n++) {
      steps.add(b - 1);
      steps.add(b);
    }
  }
  return [...steps]
    .filter((x) => x >= 0 && x <= s.totalSteps)
    .sort((a, b) => a - b)
    .map((x) => [x, learningRateAt(x, s)]);
}
