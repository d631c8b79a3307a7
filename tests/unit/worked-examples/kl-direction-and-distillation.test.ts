/**
 * Recomputes every number of the worked examples of the note on KL direction, distillation and
 * entropy in RL fine-tuning, and checks each is printed in both languages: forward and reverse
 * KL of two single-peaked models against a two-peaked target (and which each prefers), the
 * moment-matched Gaussian, soft targets at T = 1 and T = 4, a label-smoothed loss with its
 * decomposition into a KL to uniform, the per-token KL penalty with k3, and clip-higher.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('information-theory', 'kl-direction-and-distillation', printed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const f = (x: number, d = 4) => x.toFixed(d);
const kl = (p: number[], q: number[]) => sum(p.map((pi, i) => (pi === 0 ? 0 : pi * Math.log(pi / q[i]!))));
const entropy = (p: number[]) => -sum(p.map((x) => x * Math.log(x)));
const softmax = (z: number[], T = 1) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / T));
  const s = sum(e);
  return e.map((v) => v / s);
};
const vec = (xs: number[]) => `(${xs.map((x) => f(x)).join(', ')})`;
/** A signed table cell: Unicode minus, explicit plus. */
const signed = (x: number) => (x < 0 ? `−${f(-x)}` : `+${f(x)}`);

describe('KL direction, distillation and entropy in RL: worked examples', () => {
  it('two-peaked target: forward KL prefers the wide model, reverse KL the one-peaked one', () => {
    const p = [0.49, 0.02, 0.49];
    const wide = [0.3, 0.4, 0.3];
    const left = [0.9, 0.05, 0.05];
    const fw = kl(p, wide);
    const rw = kl(wide, p);
    const fl = kl(p, left);
    const rl = kl(left, p);
    expect(fw).toBeLessThan(fl);
    expect(rl).toBeLessThan(rw);
    expectInBoth([
      `| $q_{\\text{wide}}$ | ${f(fw)} | ${f(rw)} |`,
      `| $q_{\\text{left}}$ | ${f(fl)} | ${f(rl)} |`,
      `0.49 \\ln(0.49/0.05) = ${f(0.49 * Math.log(0.49 / 0.05))}$`,
      `0.4 \\ln(0.4/0.02) = ${f(0.4 * Math.log(0.4 / 0.02))}$`,
    ]);
  });

  it('the moment-matched Gaussian for the mixture of N(-2, 1) and N(2, 1)', () => {
    // Mixture variance = mean of the component variances + variance of the component means.
    const mean = 0.5 * -2 + 0.5 * 2;
    const variance = 0.5 * (1 + 4) + 0.5 * (1 + 4) - mean ** 2;
    expect(mean).toBe(0);
    expect(variance).toBe(5);
    expectInBoth([`\\sigma^2 = 1 + 2^2 = ${variance}$`]);
  });

  it('soft targets of logits (6, 3, 2, -1) at T = 1 and T = 4', () => {
    const z = [6, 3, 2, -1];
    const p1 = softmax(z, 1);
    const p4 = softmax(z, 4);
    expect(entropy(p4)).toBeGreaterThan(entropy(p1));
    expect(p1[1]! / p1[2]!).toBeCloseTo(Math.E, 10);
    expect(p4[1]! / p4[2]!).toBeCloseTo(Math.exp(0.25), 10);
    expectInBoth([
      `$T = 1$`,
      `${vec(p1)}$`,
      `$${f(entropy(p1))}$`,
      `e^{1} = ${f(Math.E)}$`,
      `${vec(p4)}$`,
      `$${f(entropy(p4))}$`,
      `e^{1/4} = ${f(Math.exp(0.25))}$`,
      `1/T^2 = 1/16$`,
      `T^2 = 16$`,
    ]);
  });

  it('the soft-loss gradient shrinks like 1/T^2 (so the T^2 factor restores it)', () => {
    const teacher = [6, 3, 2, -1];
    const student = [4, 3, 1, 0];
    const grad = (T: number) => {
      const q = softmax(student, T);
      const p = softmax(teacher, T);
      return Math.hypot(...q.map((qi, i) => (qi - p[i]!) / T));
    };
    // For large T, T^2 times the gradient approaches a limit.
    expect((100 ** 2 * grad(100)) / (200 ** 2 * grad(200))).toBeCloseTo(1, 2);
  });

  it('label smoothing: K = 4, eps = 0.1, prediction (0.7, 0.1, 0.1, 0.1)', () => {
    const eps = 0.1;
    const K = 4;
    const target = [1 - eps + eps / K, eps / K, eps / K, eps / K];
    const q = [0.7, 0.1, 0.1, 0.1];
    const u = [0.25, 0.25, 0.25, 0.25];
    const plain = -Math.log(0.7);
    const smoothed = -sum(target.map((t, i) => t * Math.log(q[i]!)));
    const klU = kl(u, q);
    expect((1 - eps) * plain + eps * (klU + Math.log(K))).toBeCloseTo(smoothed, 12);
    // The minimum over q is at q = target, where the loss is the target's entropy.
    expect(-sum(target.map((t) => t * Math.log(t)))).toBeLessThan(smoothed);
    expectInBoth([
      `(${target.map((t) => Number(t.toFixed(10))).join(', ')})$`,
      `-\\ln 0.7 = ${f(plain)}$`,
      `3 \\times 0.025 \\ln 0.1) = ${f(smoothed)}$`,
      `D_{\\mathrm{KL}}(u \\,\\Vert\\, q) = ${f(klU)}$`,
      `\\ln 4 = ${f(Math.log(4))}$`,
      `0.9 \\times ${f(plain)} + 0.1 \\times (${f(klU)} + ${f(Math.log(4))}) = ${f(smoothed)}$`,
      `$${f(entropy(target))}$`,
    ]);
  });

  it('per-token KL penalty and k3 with beta = 0.05', () => {
    const policy = [0.6, 0.9, 0.2];
    const ref = [0.3, 0.8, 0.4];
    const beta = 0.05;
    const rows = policy.map((p, i) => {
      const lr = Math.log(p / ref[i]!);
      const r = ref[i]! / p;
      return { p, ref: ref[i]!, lr, pen: -beta * lr, k3: r - 1 - Math.log(r) };
    });
    for (const row of rows) expect(row.k3).toBeGreaterThan(0);
    const total = sum(rows.map((r) => r.lr));
    const lrCell = (x: number) => (x < 0 ? `−${f(-x)}` : f(x));
    expectInBoth([
      ...rows.map((r, i) => `| ${i + 1} | ${r.p} | ${r.ref} | ${lrCell(r.lr)} | ${signed(r.pen)} | ${f(r.k3)} |`),
      `$${f(total)}$`,
      `$-${f(beta * total)}$`,
    ]);
  });

  it('clip-higher: 0.01 and 0.9 under eps = 0.2, and 0.01 under eps_high = 0.28', () => {
    expect(0.01 * 1.2).toBeCloseTo(0.012, 12);
    expect(0.9 * 1.2).toBeGreaterThan(1);
    expectInBoth([
      `0.01 \\times 1.2 = ${Number((0.01 * 1.2).toFixed(10))}$`,
      `0.9 \\times 1.2 = ${Number((0.9 * 1.2).toFixed(10))}$`,
      `$${Number((0.01 * 1.28).toFixed(10))}$`,
    ]);
  });
});
