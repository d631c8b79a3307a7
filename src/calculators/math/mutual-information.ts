/**
 * Entropies and mutual information of a joint distribution p(x, y) given as a table
 * (rows: values of X, columns: values of Y). Terms with p = 0 contribute 0 (the limit of
 * p log p). Entropy is written here rather than imported: no shared information module
 * existed when this was written.
 */

export type InfoUnit = 'bits' | 'nats';

const logIn = (unit: InfoUnit) => (unit === 'bits' ? Math.log2 : Math.log);

/** H(p) = −Σ p log p for non-negative p summing to 1. */
export function entropy(p: number[], unit: InfoUnit = 'bits'): number {
  const log = logIn(unit);
  let h = 0;
  for (const q of p) if (q > 0) h -= q * log(q);
  return h;
}

/** Why a table cannot be a joint distribution, or null. `tolerance` is for the total. */
export function jointTableProblem(table: number[][], tolerance = 1e-9): 'negative' | 'zero-total' | 'not-normalised' | null {
  const cells = table.flat();
  if (cells.some((c) => c < 0)) return 'negative';
  const total = cells.reduce((a, b) => a + b, 0);
  if (total <= 0) return 'zero-total';
  return Math.abs(total - 1) > tolerance ? 'not-normalised' : null;
}

/** The table divided by its total (non-negative entries, positive total). */
export function normaliseJoint(table: number[][]): number[][] {
  const total = table.flat().reduce((a, b) => a + b, 0);
  return table.map((row) => row.map((c) => c / total));
}

export type InformationMeasures = {
  /** p(x): row sums. */
  px: number[];
  /** p(y): column sums. */
  py: number[];
  hX: number;
  hY: number;
  hXY: number;
  /** H(X|Y) = H(X,Y) − H(Y). */
  hXgivenY: number;
  /** H(Y|X) = H(X,Y) − H(X). */
  hYgivenX: number;
  /** I(X;Y) = Σ p(x,y) log p(x,y)/(p(x)p(y)), clamped at 0 against rounding. */
  mutualInformation: number;
};

/** All the measures of a joint distribution (a rectangular table with jointTableProblem = null). */
export function informationMeasures(joint: number[][], unit: InfoUnit = 'bits'): InformationMeasures {
  const log = logIn(unit);
  const px = joint.map((row) => row.reduce((a, b) => a + b, 0));
  const py = (joint[0] ?? []).map((_, j) => joint.reduce((a, row) => a + (row[j] ?? 0), 0));
  const hX = entropy(px, unit);
  const hY = entropy(py, unit);
  const hXY = entropy(joint.flat(), unit);
  let mi = 0;
  joint.forEach((row, i) =>
    row.forEach((p, j) => {
      // Logs of each factor: p(x)p(y) itself may underflow to 0 for tiny probabilities.
      if (p > 0) mi += p * (log(p) - log(px[i] ?? 0) - log(py[j] ?? 0));
    }),
  );
  return {
    px,
    py,
    hX,
    hY,
    hXY,
    hXgivenY: Math.max(0, hXY - hY),
    hYgivenX: Math.max(0, hXY - hX),
    mutualInformation: Math.max(0, mi),
  };
}
