/**
 * Softmax and log-sum-exp, naive and stable, in a chosen working precision. float32 and
 * float16 are simulated by rounding every intermediate (inputs, each exp, each partial sum,
 * each quotient) to that format, which is what a kernel computing in that precision sees.
 */
import { FLOAT_FORMATS, roundToFormat } from './float-formats.ts';

export type Precision = 'float64' | 'float32' | 'float16';

/** Rounds a double to the working precision (round to nearest even; overflow → ±∞). */
export function rounderFor(precision: Precision): (x: number) => number {
  if (precision === 'float32') return Math.fround;
  if (precision === 'float16') return (x) => roundToFormat(x, FLOAT_FORMATS.fp16).value;
  return (x) => x;
}

/** What went wrong, if anything, in a softmax or log-sum-exp. */
export type SoftmaxIssue =
  /** exp(logit) overflowed to ∞ at `index`, so the sum is ∞ and ∞/∞ is NaN. */
  | { kind: 'overflow'; index: number; logit: number }
  /**
   * Every exp(xᵢ) is finite but their running sum overflowed to ∞ when term `index` was added
   * (FP16: three times e^10 ≈ 22026 is past 65504), so every pᵢ = exp(xᵢ)/∞ = 0.
   */
  | { kind: 'sum-overflow'; index: number; largestExp: number }
  /** Every exp underflowed to 0, so the sum is 0 and 0/0 is NaN. */
  | { kind: 'underflow' }
  | null;

export type SoftmaxTrace = {
  /** The exponentials actually computed: exp(xᵢ) naive, exp(xᵢ − max) stable. */
  exps: number[];
  /** Their sum, accumulated left to right in the working precision. */
  sum: number;
  /** The result: NaN entries after an overflowing exp or an underflowing sum, zeros after an overflowing sum. */
  probabilities: number[];
  /** The shift subtracted from every logit (0 for the naive version). */
  shift: number;
  issue: SoftmaxIssue;
};

function softmaxWithShift(logits: number[], precision: Precision, stable: boolean): SoftmaxTrace {
  const r = rounderFor(precision);
  const xs = logits.map(r);
  const shift = stable ? Math.max(...xs) : 0;
  const exps = xs.map((x) => r(Math.exp(r(x - shift))));
  let sum = 0;
  let sumOverflowAt = -1;
  for (const [i, e] of exps.entries()) {
    sum = r(sum + e);
    if (sum === Infinity && sumOverflowAt < 0) sumOverflowAt = i;
  }
  const probabilities = exps.map((e) => r(e / sum));
  const overflowAt = exps.findIndex((e) => e === Infinity);
  const issue: SoftmaxIssue =
    overflowAt >= 0
      ? { kind: 'overflow', index: overflowAt, logit: xs[overflowAt] ?? Number.NaN }
      : sumOverflowAt >= 0
        ? { kind: 'sum-overflow', index: sumOverflowAt, largestExp: Math.max(...exps) }
        : sum === 0
          ? { kind: 'underflow' }
          : null;
  return { exps, sum, probabilities, shift, issue };
}

/** softmax(x)ᵢ = exp(xᵢ) / Σⱼ exp(xⱼ) as written: overflows once some exp(xᵢ) is too large. `logits` non-empty, finite. */
export function naiveSoftmax(logits: number[], precision: Precision = 'float64'): SoftmaxTrace {
  return softmaxWithShift(logits, precision, false);
}

/** softmax with the maximum subtracted first (same result in exact arithmetic; every exp ≤ 1). `logits` non-empty, finite. */
export function stableSoftmax(logits: number[], precision: Precision = 'float64'): SoftmaxTrace {
  return softmaxWithShift(logits, precision, true);
}

export type LogSumExpTrace = { value: number; issue: SoftmaxIssue };

/**
 * log Σ exp(xᵢ). 'naive' takes the log of the naive sum (∞ when an exp or the sum overflows, −∞ when everything
 * underflows); 'stable' computes m + log Σ exp(xᵢ − m) with m = max xᵢ. `logits` non-empty, finite.
 */
export function logSumExp(logits: number[], method: 'naive' | 'stable' = 'stable', precision: Precision = 'float64'): LogSumExpTrace {
  const r = rounderFor(precision);
  const trace = softmaxWithShift(logits, precision, method === 'stable');
  return { value: r(trace.shift + r(Math.log(trace.sum))), issue: trace.issue };
}
