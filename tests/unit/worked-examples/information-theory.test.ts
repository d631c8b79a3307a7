/**
 * Worked examples of the information-theory area: every number printed in a worked example
 * (and the model-scale numbers quoted next to them) is recomputed here from its inputs and
 * must appear, formatted as printed, in both the English and the Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const AREA = 'information-theory';

const log2 = Math.log2;
const ln = Math.log;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Entropy in the given log function's unit; 0 log 0 = 0. */
const entropy = (p: number[], log = log2) => -sum(p.map((x) => (x > 0 ? x * log(x) : 0)));
const crossEntropy = (p: number[], q: number[], log = log2) => -sum(p.map((x, i) => (x > 0 ? x * log(q[i]) : 0)));
const kl = (p: number[], q: number[], log = log2) => sum(p.map((x, i) => (x > 0 ? x * log(x / q[i]) : 0)));
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = sum(e);
  return e.map((v) => v / s);
};
/** A joint table's marginals: row sums p(X) and column sums p(Y). */
const marginals = (J: number[][]) => ({ px: J.map(sum), py: J[0]!.map((_, j) => sum(J.map((row) => row[j]!))) });
const f4 = (x: number) => x.toFixed(4);

/** Assert that each string appears in both language versions of a note. */
const inBoth = (slug: string, ...strings: string[]) => expectPrintedInBothNotes(AREA, slug, strings);

describe('information-theory overview: surprisal in bits and nats', () => {
  it('a token with probability 1/8', () => {
    expect(-log2(1 / 8)).toBeCloseTo(3, 12);
    const nats = -ln(1 / 8);
    inBoth(AREA, f4(nats)); // 2.0794
    inBoth(AREA, (Number(f4(nats)) * Number((1 / Math.LN2).toFixed(4))).toFixed(3)); // 3.000
  });
  it('a rare token with probability 0.01', () => {
    inBoth(AREA, f4(-log2(0.01)), f4(-ln(0.01))); // 6.6439, 4.6052
  });
  it('conversion factors', () => {
    inBoth(AREA, f4(1 / Math.LN2), f4(Math.LN2)); // 1.4427, 0.6931
  });
  it('additivity of independent surprisals', () => {
    expect(-log2(1 / 2) + -log2(1 / 4)).toBeCloseTo(-log2((1 / 2) * (1 / 4)), 12);
  });
  it('a loss of 2.0 nats per token', () => {
    const bits = 2.0 / Math.LN2;
    inBoth(AREA, f4(bits), f4(Math.exp(2.0))); // 2.8854, 7.3891
    expect(f4(2 ** bits)).toBe(f4(Math.exp(2.0)));
  });
});

describe('entropy note', () => {
  it('four tokens (1/2, 1/4, 1/8, 1/8)', () => {
    const p = [1 / 2, 1 / 4, 1 / 8, 1 / 8];
    expect(entropy(p)).toBeCloseTo(1.75, 12);
    inBoth('entropy', '1.75', f4(entropy(p, ln))); // 1.2130
  });
  it('a biased coin p = 0.25', () => {
    inBoth('entropy', f4(-0.75 * log2(0.75)), f4(entropy([0.25, 0.75]))); // 0.3113, 0.8113
  });
  it('the code/prose joint table', () => {
    const J = [
      [0.4, 0.1],
      [0.2, 0.3],
    ];
    const { px, py } = marginals(J);
    const Hx = entropy(px);
    const Hy = entropy(py);
    const Hxy = entropy(J.flat());
    expect(Hx).toBeCloseTo(1, 12);
    const HyGivenCode = entropy(J[0].map((v) => v / px[0]));
    const HyGivenProse = entropy(J[1].map((v) => v / px[1]));
    const HyGivenX = px[0] * HyGivenCode + px[1] * HyGivenProse;
    expect(HyGivenX).toBeCloseTo(Hxy - Hx, 12);
    inBoth(
      'entropy',
      f4(Hy), // 0.9710
      f4(Hxy), // 1.8464
      f4(Hx + Hy), // 1.9710
      f4(HyGivenCode), // 0.7219
      f4(HyGivenProse), // 0.9710
      f4(HyGivenX), // 0.8464
      f4(Hxy - Hy), // 0.8755
      f4(Hx + Hy - Hxy), // 0.1245
    );
  });
  it('one observation can raise the uncertainty: p(Y) = (0.1, 0.9), Y uniform inside code', () => {
    // Rows: code, text; columns: symbol, word.
    const J = [
      [0.05, 0.05],
      [0.05, 0.85],
    ];
    const { px, py } = marginals(J);
    expect(px[0]).toBeCloseTo(0.1, 12);
    expect(py[0]).toBeCloseTo(0.1, 12);
    expect(py[1]).toBeCloseTo(0.9, 12);
    const Hy = entropy(py);
    const HyGivenCode = entropy(J[0].map((v) => v / px[0]));
    const HyGivenText = entropy(J[1].map((v) => v / px[1]));
    expect(J[1][0] / px[1]).toBeCloseTo(1 / 18, 12);
    const HyGivenX = px[0] * HyGivenCode + px[1] * HyGivenText;
    expect(HyGivenCode).toBeCloseTo(1, 12);
    expect(HyGivenCode).toBeGreaterThan(Hy);
    expect(HyGivenX).toBeLessThanOrEqual(Hy);
    // The chain rule gives the same average.
    expect(HyGivenX).toBeCloseTo(entropy(J.flat()) - entropy(px), 12);
    inBoth(
      'entropy',
      `H_b(0.1) = ${f4(Hy)}`, // 0.4690
      f4(HyGivenText), // 0.3095
      `0.1\\cdot 1 + 0.9\\cdot ${f4(HyGivenText)} = ${f4(HyGivenX)}`, // 0.3786
      '| 0.05 | 0.05 | 0.1 |',
      '| 0.05 | 0.85 | 0.9 |',
      '| 0.1 | 0.9 | 1 |',
    );
  });
  it('uniform loss at initialisation', () => {
    inBoth('entropy', f4(ln(50257)), f4(log2(50257)), f4(ln(32000))); // 10.8249, 15.6170, 10.3735
  });
});

describe('cross-entropy-kl note', () => {
  const p = [0.9, 0.05, 0.05];
  const q = [0.5, 0.25, 0.25];
  it('entropy, cross-entropy and both KL directions', () => {
    const Hp = entropy(p);
    const Hpq = crossEntropy(p, q);
    const t1 = 0.9 * log2(0.9 / 0.5);
    const t2 = 0.05 * log2(0.05 / 0.25);
    const r1 = 0.5 * log2(0.5 / 0.9);
    const r2 = 0.25 * log2(0.25 / 0.05);
    expect(t1 + 2 * t2).toBeCloseTo(kl(p, q), 12);
    expect(r1 + 2 * r2).toBeCloseTo(kl(q, p), 12);
    expect(Hpq - Hp).toBeCloseTo(kl(p, q), 12);
    inBoth(
      'cross-entropy-kl',
      f4(Hp), // 0.5690
      f4(Hpq), // 1.1000
      f4(t1), // 0.7632
      f4(t2), // -0.1161
      f4(-2 * t2), // 0.2322
      f4(kl(p, q)), // 0.5310
      f4(r1), // -0.4240
      f4(r2), // 0.5805
      f4(2 * r2), // 1.1610
      f4(kl(q, p)), // 0.7370
      f4(kl(p, q, ln)), // 0.3681
      f4(kl(q, p, ln)), // 0.5108
    );
    expect(kl(p, q)).not.toBeCloseTo(kl(q, p), 2);
  });
  it('loss and gradient from logits (2.0, 1.0, 0.1), target 0', () => {
    const z = [2.0, 1.0, 0.1];
    const exps = z.map(Math.exp);
    const s = sum(exps);
    const sm = softmax(z);
    const loss = ln(s) - z[0];
    expect(loss).toBeCloseTo(-ln(sm[0]), 12);
    const grad = sm.map((v, j) => v - (j === 0 ? 1 : 0));
    inBoth(
      'cross-entropy-kl',
      ...exps.map(f4), // 7.3891, 2.7183, 1.1052
      f4(s), // 11.2125
      ...sm.map(f4), // 0.6590, 0.2424, 0.0986
      f4(loss), // 0.4170
      ...grad.map(f4), // -0.3410, 0.2424, 0.0986
    );
  });
  it('perplexity of a four-token sequence', () => {
    const probs = [0.5, 0.25, 0.1, 0.8];
    const losses = probs.map((x) => -ln(x));
    const mean = sum(losses) / losses.length;
    const ppl = Math.exp(mean);
    expect(ppl).toBeCloseTo(Math.sqrt(10), 12);
    expect(ppl).toBeCloseTo(probs.map((x) => 1 / x).reduce((a, b) => a * b, 1) ** 0.25, 12);
    inBoth('cross-entropy-kl', ...losses.map(f4), f4(mean), f4(ppl)); // ..., 1.1513, 3.1623
  });
  it('tokens per step for GPT-2 small with batch 8', () => {
    inBoth('cross-entropy-kl', String(8 * 1024), '50{,}257');
  });
});

describe('mutual-information note', () => {
  const J = [
    [0.4, 0.1],
    [0.2, 0.3],
  ];
  const { px, py } = marginals(J);
  it('cell by cell', () => {
    const pmi = J.map((r, i) => r.map((v, j) => log2(v / (px[i] * py[j]))));
    const terms = J.map((r, i) => r.map((v, j) => v * pmi[i][j]));
    const I = sum(terms.flat());
    expect(px[0] * py[0]).toBeCloseTo(0.3, 12);
    expect(px[0] * py[1]).toBeCloseTo(0.2, 12);
    inBoth(
      'mutual-information',
      f4(pmi[0][0]), // 0.4150
      f4(pmi[1][0]), // -0.5850
      f4(pmi[1][1]), // 0.5850
      ...terms.flat().map(f4), // 0.1660, -0.1000, -0.1170, 0.1755
      f4(I), // 0.1245
    );
    expect(pmi[0][1]).toBeCloseTo(-1, 12);
  });
  it('through entropies', () => {
    const I = entropy(px) + entropy(py) - entropy(J.flat());
    const HyGivenX = entropy(J.flat()) - entropy(px);
    expect(entropy(py) - HyGivenX).toBeCloseTo(I, 12);
    inBoth('mutual-information', f4(entropy(py)), f4(entropy(J.flat())), f4(HyGivenX), f4(I));
  });
  it('a noisy copy with flip probability 0.1', () => {
    const hb = entropy([0.1, 0.9]);
    inBoth('mutual-information', f4(hb), f4(1 - hb)); // 0.4690, 0.5310
  });
  it('InfoNCE bound with N = 32768', () => {
    inBoth('mutual-information', f4(ln(32768)), f4(ln(32768) - 2.0)); // 10.3972, 8.3972
  });
  it('Y = X^2: zero covariance, positive MI', () => {
    const xs = [-1, 0, 1];
    const E = (f: (x: number) => number) => sum(xs.map(f)) / 3;
    expect(E((x) => x ** 3) - E((x) => x) * E((x) => x * x)).toBe(0);
    inBoth('mutual-information', f4(entropy([1 / 3, 2 / 3]))); // 0.9183
  });
});

describe('information-in-llms note', () => {
  it('attention entropy with and without 1/sqrt(d_k)', () => {
    const scores = [16, 8, 0, -8];
    const raw = softmax(scores);
    const scaled = softmax(scores.map((s) => s / Math.sqrt(64)));
    inBoth(
      'information-in-llms',
      f4(raw[0]), // 0.9997
      f4(raw[1]), // 0.0003
      f4(entropy(raw, ln)), // 0.0030
      ...scaled.map(f4), // 0.6439, 0.2369, 0.0871, 0.0321
      f4(entropy(scaled, ln)), // 0.9475
      f4(ln(4)), // 1.3863
      f4(ln(4096)), // 8.3178
    );
  });
  it('PPO clipped objective table, epsilon 0.2', () => {
    const eps = 0.2;
    const clip = (r: number) => Math.min(Math.max(r, 1 - eps), 1 + eps);
    const m = (x: number) => (x < 0 ? '−' : '') + Math.abs(x).toFixed(1);
    const sign = (a: number) => (a > 0 ? '+' : '−') + Math.abs(a);
    for (const [r, A] of [
      [1.5, 2],
      [0.6, 2],
      [0.6, -1],
      [1.5, -1],
    ]) {
      const unclipped = r * A;
      const clipped = clip(r) * A;
      const L = Math.min(unclipped, clipped);
      const row = `| ${r} | ${sign(A)} | ${m(unclipped)} | ${m(clipped)} | ${m(L)} |`;
      inBoth('information-in-llms', row);
    }
    inBoth('information-in-llms', f4(Math.exp(0.2))); // 1.2214
  });
  it('TRPO step, entropy bonus, RLHF penalty', () => {
    const trpo = kl([0.5, 0.3, 0.2], [0.55, 0.28, 0.17], ln);
    expect(trpo).toBeLessThan(0.01);
    const Hpi = entropy([0.7, 0.2, 0.1], ln);
    const ratios = [0.3, 0.1, -0.05, 0.4, 0.25];
    const penalised = 2.5 - 0.1 * sum(ratios);
    inBoth(
      'information-in-llms',
      f4(trpo), // 0.0055
      f4(Hpi), // 0.8018
      f4(0.01 * Hpi), // 0.0080
      sum(ratios).toFixed(1), // 1.0
      penalised.toFixed(1), // 2.4
    );
  });
  it('quantisation: asymmetric and symmetric INT4, noise, code entropy and output KL', () => {
    const lo = -0.5;
    const hi = 1.0;
    const x = 0.37;
    // Asymmetric (min-max) with a zero-point.
    const sA = (hi - lo) / (2 ** 4 - 1);
    const z = Math.round(-lo / sA);
    const qA = Math.min(Math.max(Math.round(x / sA) + z, 0), 2 ** 4 - 1);
    const readA = sA * (qA - z);
    expect(sA).toBeCloseTo(0.1, 15);
    expect(z).toBe(5);
    expect(qA).toBe(9);
    expect(readA).toBeCloseTo(0.4, 12);
    expect(sA * (0 - z)).toBeCloseTo(lo, 12);
    expect(sA * (15 - z)).toBeCloseTo(hi, 12);
    // Symmetric (absmax): INT4 levels -7..7, INT8 -127..127.
    const qmax4 = 2 ** 3 - 1;
    const qmax8 = 2 ** 7 - 1;
    expect([qmax4, qmax8]).toEqual([7, 127]);
    const sS = Math.max(Math.abs(lo), Math.abs(hi)) / qmax4;
    const qS = Math.min(Math.max(Math.round(x / sS), -qmax4), qmax4);
    expect(qS).toBe(3);
    // Codes -7 ... -4 stand for values below the block's minimum -0.5; -3 does not.
    expect(-4 * sS).toBeLessThan(lo);
    expect(-3 * sS).toBeGreaterThan(lo);
    inBoth('information-in-llms', '$-7$', '$-4$');
    const vA = sA ** 2 / 12;
    const vS4 = sS ** 2 / 12;
    const vS8 = (Math.max(Math.abs(lo), Math.abs(hi)) / qmax8) ** 2 / 12;
    inBoth(
      'information-in-llms',
      '1.5/15 = 0.1',
      'round}(0.5/0.1) = 5',
      'round}(3.7) + 5 = 9',
      `(9 - 5) \\times 0.1 = ${readA.toFixed(1)}`,
      `1/7 = ${sS.toFixed(4)}`, // 0.1429
      `round}(${(x / sS).toFixed(2)}) = 3`, // 2.59
      `3/7 = ${(qS * sS).toFixed(4)}`, // 0.4286
      vA.toFixed(8), // 0.00083333
      vS4.toFixed(7), // 0.0017007
      (vS8 / 1e-6).toFixed(3), // 5.167
      `(127/7)^2 = ${(vS4 / vS8).toFixed(1)}`, // 329.2
      (10 * Math.log10(vS4 / vS8)).toFixed(2), // 25.17
      (10 * Math.log10(256)).toFixed(2), // 24.08
      (10 * Math.log10(4)).toFixed(2), // 6.02
      f4(entropy([0.1, 0.4, 0.4, 0.1])), // 1.7219
      f4(kl([0.6, 0.3, 0.1], [0.55, 0.33, 0.12], ln)), // 0.0054
    );
  });
});
