/** Quiz test helpers shared by the tests over authored quizzes. */
import { formatNumber, type Tolerance, type Value } from '../../src/quiz/build.ts';

/**
 * A value as a learner would type it into the answer box: `x`, `[a, b, c]` or `[a, b; c, d]`,
 * each number rounded to the tolerance's significant figures or decimals when it has them
 * (else 12 significant figures, as formatNumber writes them).
 */
export function typedAnswer(value: Value, tol?: Tolerance): string {
  const one = (x: number): string => {
    if (tol && 'sigfigs' in tol) {
      const s = x.toPrecision(tol.sigfigs);
      return s.includes('e') ? String(Number(s)) : s;
    }
    if (tol && 'decimals' in tol) return x.toFixed(tol.decimals);
    return formatNumber(x);
  };
  if (typeof value === 'number') return one(value);
  const row = (xs: readonly number[]): string => xs.map(one).join(', ');
  return Array.isArray(value[0]) ? `[${(value as number[][]).map(row).join('; ')}]` : `[${row(value as number[])}]`;
}
