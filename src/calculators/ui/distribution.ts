/**
 * The base of a calculator whose fields hold probability distributions (entropy-kl, ppo-clip,
 * speculative-decoding). A module of its own rather than part of base.ts: it brings
 * math/information.ts, which the other calculators' chunks should not carry.
 */
import { distributionProblem, normalise } from '../math/information.ts';
import { CalculatorElement } from './base.ts';

export abstract class DistributionCalculator extends CalculatorElement {
  /**
   * The list in field `name` if it is a probability distribution (up to 50 entries, none
   * negative, summing to 1 within 1e-6), or null after saying why next to the field with the
   * widget's strings `negative` ({item}) and `notNormalised` ({sum}). With `normalise`, a sum
   * other than 1 is divided out instead, and a sum of 0 gets the string `zeroTotal`.
   */
  protected distribution(name: string, { normalise: divide = false } = {}): number[] | null {
    const list = this.numberList(name, { minLength: 1, maxLength: 50 });
    if (!list) return null;
    const problem = distributionProblem(list);
    if (problem?.kind === 'negative') {
      this.setFieldError(name, this.s('negative', { item: problem.index + 1 }));
      return null;
    }
    if (problem?.kind === 'sum') {
      if (divide && problem.sum > 0) return normalise(list);
      this.setFieldError(name, divide ? this.s('zeroTotal') : this.s('notNormalised', { sum: this.fmt(problem.sum, 6) }));
      return null;
    }
    return list;
  }
}
