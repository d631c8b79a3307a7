/** Bayes' theorem for a diagnostic test: prevalence, sensitivity and specificity → posteriors. */

export type BayesTestInput = {
  /** P(condition), in [0, 1]. */
  prevalence: number;
  /** P(positive | condition), in [0, 1]. */
  sensitivity: number;
  /** P(negative | no condition), in [0, 1]. */
  specificity: number;
};

export type BayesTestResult = {
  /** P(condition | positive); NaN when no one tests positive. */
  positivePredictiveValue: number;
  /** P(no condition | negative); NaN when no one tests negative. */
  negativePredictiveValue: number;
  /** P(positive). */
  positiveRate: number;
  /** Expected counts in a population of `population`. */
  counts: { truePositive: number; falsePositive: number; falseNegative: number; trueNegative: number };
};

/** Posterior probabilities and expected counts per `population` people (10,000 by default). */
export function bayesTest({ prevalence, sensitivity, specificity }: BayesTestInput, population = 10_000): BayesTestResult {
  const truePositive = prevalence * sensitivity;
  const falseNegative = prevalence * (1 - sensitivity);
  const falsePositive = (1 - prevalence) * (1 - specificity);
  const trueNegative = (1 - prevalence) * specificity;
  const positiveRate = truePositive + falsePositive;
  const negativeRate = falseNegative + trueNegative;
  return {
    positivePredictiveValue: positiveRate > 0 ? truePositive / positiveRate : Number.NaN,
    negativePredictiveValue: negativeRate > 0 ? trueNegative / negativeRate : Number.NaN,
    positiveRate,
    counts: {
      truePositive: truePositive * population,
      falsePositive: falsePositive * population,
      falseNegative: falseNegative * population,
      trueNegative: trueNegative * population,
    },
  };
}
