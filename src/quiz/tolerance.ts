/**
 * One small function per comparison rule of QUIZ-FORMAT.md ("Comparing with the reference
 * value v"). All take finite numbers. Binary floating point makes `1.01 − 1` slightly more
 * than 0.01, so every bound is compared with a slack of a few ulps of max(|x|, |v|):
 * inclusive bounds accept within the slack, strict bounds reject within it (x = v exactly is
 * always inside a strict bound).
 */
import type { Tolerance } from './types.ts';

/** A few units in the last place of the larger magnitude. */
function slack(x: number, v: number): number {
  return 4 * Number.EPSILON * Math.max(Math.abs(x), Math.abs(v));
}

/** floor(log10 |v|) for v ≠ 0, exact (read from the decimal exponent, not from Math.log10). */
export function decimalExponent(v: number): number {
  return Number(Math.abs(v).toExponential().split('e')[1]);
}

/** `|x − v| ≤ abs + rel·|v|` (inclusive; either may be 0). */
export function withinRelAbs(x: number, v: number, rel = 0, abs = 0): boolean {
  return Math.abs(x - v) <= abs + rel * Math.abs(v) + slack(x, v);
}

/** Half-width of the n-significant-figure band: ½·10^(floor(log10|v|) − n + 1); ½·10^(1 − n) for v = 0. */
export function sigfigBand(v: number, n: number): number {
  const e = v === 0 ? 0 : decimalExponent(v);
  return Number(`5e${e - n}`);
}

/** `|x − v| < bound`, strict, for the sig-fig and decimal rules. */
function strictlyWithin(x: number, v: number, bound: number): boolean {
  const d = Math.abs(x - v);
  return d === 0 || d < bound - slack(x, v);
}

/** `|x − v| < ½·10^(floor(log10|v|) − n + 1)`: x agrees with v to n significant figures. */
export function withinSigfigs(x: number, v: number, n: number): boolean {
  return strictlyWithin(x, v, sigfigBand(v, n));
}

/** `|x − v| < ½·10^(−d)`: x agrees with v to d decimal places. */
export function withinDecimals(x: number, v: number, d: number): boolean {
  return strictlyWithin(x, v, Number(`5e${-d - 1}`));
}

/** Whether x is close enough to v under `tol` (value only; strict sig-fig counting is separate). */
export function withinTolerance(x: number, v: number, tol: Tolerance): boolean {
  if ('sigfigs' in tol) return withinSigfigs(x, v, tol.sigfigs);
  if ('decimals' in tol) return withinDecimals(x, v, tol.decimals);
  return withinRelAbs(x, v, tol.rel ?? 0, tol.abs ?? 0);
}

/** v rounded to n significant figures (1 ≤ n ≤ 100). */
export function roundToSigfigs(v: number, n: number): number {
  return Number(v.toPrecision(n));
}

/**
 * The fewest significant figures (more than `shown`, at most 17) at which v rounded is
 * accepted by `tol`, or undefined if none is.
 */
export function sigfigsNeeded(v: number, tol: Tolerance, shown: number): number | undefined {
  for (let n = Math.max(1, shown + 1); n <= 17; n++) {
    if (withinTolerance(roundToSigfigs(v, n), v, tol)) return n;
  }
  return undefined;
}
