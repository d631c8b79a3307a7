/**
 * Recomputes every number of the worked examples of the note on importance sampling and
 * policy-gradient estimators, and checks each is printed in both languages: importance weights
 * and effective sample size, REINFORCE with and without a baseline, a GRPO group, PPO's clip,
 * and Schulman's k1, k2, k3 estimators of the KL against the exact value.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('probability', 'importance-sampling-policy-gradients', printed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const f = (x: number, d = 4) => x.toFixed(d);
/** Mean and variance of values v taken with probabilities p. */
const moments = (p: number[], v: number[]) => {
  const mean = sum(p.map((pi, i) => pi * v[i]!));
  return { mean, variance: sum(p.map((pi, i) => pi * (v[i]! - mean) ** 2)) };
};
/** A table cell as printed: Unicode minus for negatives, no trailing zeros. */
const cell = (x: number) => (x < 0 ? `−${String(-x)}` : String(x));

describe('importance sampling and policy gradients: worked examples', () => {
  it('importance weights, ESS and the two estimates for p = (0.1, 0.3, 0.6), q = (0.5, 0.3, 0.2)', () => {
    const p = [0.1, 0.3, 0.6];
    const q = [0.5, 0.3, 0.2];
    const fx = [0, 1, 2];
    const w = p.map((pi, i) => pi / q[i]!);
    expect(w.map((x) => Number(x.toFixed(10)))).toEqual([0.2, 1, 3]);
    const mu = sum(p.map((pi, i) => pi * fx[i]!));
    const draws = [0, 0, 1, 2];
    const ws = draws.map((i) => w[i]!);
    const s1 = sum(ws);
    const s2 = sum(ws.map((x) => x * x));
    const ess = s1 ** 2 / s2;
    const weighted = sum(draws.map((i) => w[i]! * fx[i]!));
    const secondMoment = sum(q.map((qi, i) => qi * (w[i]! * fx[i]!) ** 2));
    const varIS = secondMoment - mu ** 2;
    const varDirect = moments(p, fx).variance;
    const ew2 = sum(q.map((qi, i) => qi * w[i]! ** 2));
    expectInBoth([
      `= 0.3 + 1.2 = ${mu}$`,
      `\\sum w_i = ${Number(s1.toFixed(10))}$`,
      `\\sum w_i^2 = ${Number(s2.toFixed(10))}$`,
      `4.4^2/10.08 = ${f(ess)}$`,
      `/4 = ${Number((weighted / 4).toFixed(10))}$`,
      `7/4.4 = ${f(weighted / s1)}$`,
      `= ${Number(secondMoment.toFixed(10))} - 2.25 = ${Number(varIS.toFixed(10))}$`,
      `$${Number(varDirect.toFixed(10))}$`,
      `$${(varIS / varDirect).toFixed(1)}$`,
      `\\mathbb{E}_q[w^2] = ${Number(ew2.toFixed(10))}$`,
      `n/${Number(ew2.toFixed(10))}$`,
      `${Math.round(100 / ew2)}%`,
    ]);
  });

  it('REINFORCE on the first logit with and without the baseline b = J', () => {
    const pi = [0.5, 0.3, 0.2];
    const R = [1, 0, 0.5];
    const J = sum(pi.map((x, i) => x * R[i]!));
    expect(J).toBeCloseTo(0.6, 12);
    const score = pi.map((_, a) => (a === 0 ? 1 : 0) - pi[0]!);
    const plain = score.map((s, a) => Number((R[a]! * s).toFixed(10)));
    const based = score.map((s, a) => Number(((R[a]! - J) * s).toFixed(10)));
    const m0 = moments(pi, plain);
    const m1 = moments(pi, based);
    const exact = pi[0]! * (R[0]! - J);
    expect(m0.mean).toBeCloseTo(exact, 12);
    expect(m1.mean).toBeCloseTo(exact, 12);
    expect(Math.round(m0.variance / m1.variance)).toBe(13);
    const rows = pi.map((p, a) => `| ${a + 1} | ${p} | ${cell(score[a]!)} | ${cell(plain[a]!)} | ${cell(based[a]!)} |`);
    expectInBoth([...rows, `= 0.5 \\times 0.4 = ${Number(exact.toFixed(10))}$`, `$${f(m0.variance)}$`, `$${f(m1.variance)}$`]);
  });

  it('a GRPO group of eight with two correct answers', () => {
    const r = [1, 0, 0, 0, 1, 0, 0, 0];
    const m = sum(r) / r.length;
    const sd = Math.sqrt(sum(r.map((x) => (x - m) ** 2)) / r.length);
    const sdUnbiased = Math.sqrt(sum(r.map((x) => (x - m) ** 2)) / (r.length - 1));
    expectInBoth([
      `$${m}$`,
      `\\sqrt{0.25 \\times 0.75} = ${f(sd)}$`,
      `0.75/${f(sd)} = ${f((1 - m) / sd)}$`,
      `-0.25/${f(sd)} = ${f(-m / sd)}$`,
      `$${f(sdUnbiased)}$`,
    ]);
  });

  it("PPO's clipped objective for three log-probability changes", () => {
    const clipped = (ratio: number, A: number) => Math.min(ratio * A, Math.min(Math.max(ratio, 0.8), 1.2) * A);
    const r1 = Math.exp(-0.95 - -1.2);
    const r2 = Math.exp(-1.3 - -1.2);
    const r3 = Math.exp(-1.55 - -1.2);
    expect(clipped(r1, 0.5)).toBeCloseTo(0.6, 12);
    expect(clipped(r2, 0.5)).toBeCloseTo(r2 * 0.5, 12);
    expect(clipped(r3, -1)).toBeCloseTo(-0.8, 12);
    expectInBoth([
      `r = e^{0.25} = ${f(r1)}$`,
      `r A = ${f(r1 * 0.5)}$`,
      `1.2 \\times 0.5 = 0.6`,
      `r = e^{-0.1} = ${f(r2)}$`,
      `L = ${f(r2)} \\times 0.5 = ${f(clipped(r2, 0.5))}$`,
      `$r = ${f(r3)}$`,
      `$r A = -${f(r3)}$`,
    ]);
  });

  it('k1, k2, k3 for q = (0.5, 0.3, 0.2), p = (0.4, 0.4, 0.2): values, means, spreads, exact KL', () => {
    const q = [0.5, 0.3, 0.2];
    const p = [0.4, 0.4, 0.2];
    const kl = sum(q.map((qi, i) => qi * Math.log(qi / p[i]!)));
    const r = p.map((pi, i) => pi / q[i]!);
    const k1 = r.map((x) => -Math.log(x));
    const k2 = r.map((x) => 0.5 * Math.log(x) ** 2);
    const k3 = r.map((x) => x - 1 - Math.log(x));
    const stats = [k1, k2, k3].map((k) => moments(q, k));
    expect(stats[0]!.mean).toBeCloseTo(kl, 12);
    expect(stats[2]!.mean).toBeCloseTo(kl, 12);
    expect(stats[1]!.mean).toBeLessThan(kl);
    const v = (x: number) => (Math.abs(x) < 1e-12 ? '0' : x < 0 ? `−${f(-x)}` : f(x));
    const rows = [k1, k2, k3].map((k, j) => `| $k_${j + 1}$ | ${k.map(v).join(', ')} | ${f(stats[j]!.mean)} | ${f(Math.sqrt(stats[j]!.variance))} |`);
    expectInBoth([
      `0.5\\ln 1.25 + 0.3\\ln 0.75 = ${f(kl)}$`,
      `(0.8, ${f(r[1]!)}, 1)$`,
      `k_1 = -\\ln ${f(r[1]!)} = ${f(k1[1]!)}$`,
      `k_2 = ${f(k2[1]!)}$`,
      `k_3 = ${f(r[1]! - 1)} - ${f(Math.log(r[1]!))} = ${f(k3[1]!)}$`,
      ...rows,
      `$${(Math.sqrt(stats[0]!.variance) / kl).toFixed(1)}$`,
    ]);
  });
});
