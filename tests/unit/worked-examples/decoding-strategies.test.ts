/**
 * Recomputes every number of the worked examples of the note on decoding beyond sampling, and
 * checks each is printed in both languages: a two-step beam search and three length
 * normalisations, min-p on a confident and a flat distribution, OpenAI-style and CTRL
 * penalties, one Gumbel-max draw, and speculative decoding (acceptance rate, residual,
 * tokens per target pass, speed-up). Seeded simulations also confirm that Gumbel-max and the
 * speculative accept/resample rule reproduce the target distribution.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
// The site's seeded generator, so the simulations are the same on every run.
import { mulberry32 } from '../../../src/utils/seeded-random.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('probability', 'decoding-strategies', printed);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const f = (x: number, d = 4) => x.toFixed(d);
/** Signed cell as the table prints it (Unicode minus). */
const neg = (x: number) => (x < 0 ? `−${f(-x)}` : f(x));
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = sum(e);
  return e.map((v) => v / s);
};
const vec = (xs: number[], d = 4) => `(${xs.map((x) => f(x, d)).join(', ')})`;

const drawFrom = (p: number[], u: number) => {
  let acc = 0;
  for (let i = 0; i < p.length; i++) {
    acc += p[i]!;
    if (u < acc) return i;
  }
  return p.length - 1;
};

describe('decoding beyond sampling: worked examples', () => {
  it('beam search versus greedy, and three length normalisations of two finished hypotheses', () => {
    const greedy = 0.5 * 0.4;
    const bx = 0.4 * 0.9;
    const shortP = 0.5 * 0.3;
    const longP = 0.4 * 0.9 * 0.5 * 0.6;
    const lpShort = Math.log(shortP);
    const lpLong = Math.log(longP);
    expect(lpShort).toBeGreaterThan(lpLong);
    const gnmt = (len: number) => ((5 + len) / 6) ** 0.6;
    const row = (name: string, p: number, lp: number, len: number) =>
      `| ${name} | ${Number(p.toFixed(10))} | ${neg(lp)} | ${len} | ${neg(lp / len ** 0.6)} | ${neg(lp / len)} | ${neg(lp / gnmt(len))} |`;
    expect(lpLong / 4 ** 0.6).toBeGreaterThan(lpShort / 2 ** 0.6);
    expect(lpLong / 4).toBeGreaterThan(lpShort / 2);
    expect(lpShort / gnmt(2)).toBeGreaterThan(lpLong / gnmt(4));
    expectInBoth([
      `0.5 \\times 0.4 = ${greedy}$`,
      `\\ln 0.5 = ${f(Math.log(0.5))}$`,
      `\\ln 0.4 = ${f(Math.log(0.4))}$`,
      `0.4 \\times 0.9 = ${Number(bx.toFixed(10))}$`,
      `\\ln 0.36 = ${f(Math.log(bx))}$`,
      row('$A\\,\\langle\\text{eos}\\rangle$', shortP, lpShort, 2),
      row('$B\\,x\\,y\\,\\langle\\text{eos}\\rangle$', longP, lpLong, 4),
      `2^{0.6} = ${f(2 ** 0.6)}$`,
      `4^{0.6} = ${f(4 ** 0.6)}$`,
      `(7/6)^{0.6} = ${f(gnmt(2))}$`,
      `(9/6)^{0.6} = ${f(gnmt(4))}$`,
    ]);
  });

  it('min-p with p_min = 0.1 on a confident and on a flat distribution', () => {
    const confident = [0.5, 0.2, 0.12, 0.08, 0.04, 0.03, 0.02, 0.01];
    const flat = [0.2, 0.18, 0.16, 0.14, 0.12, 0.1, 0.06, 0.04];
    expect(sum(confident)).toBeCloseTo(1, 12);
    expect(sum(flat)).toBeCloseTo(1, 12);
    const minP = (p: number[], pMin: number) => {
      const threshold = pMin * Math.max(...p);
      const kept = p.filter((x) => x >= threshold);
      return { threshold, kept, mass: sum(kept) };
    };
    const c = minP(confident, 0.1);
    const fl = minP(flat, 0.1);
    expect(c.kept).toHaveLength(4);
    expect(fl.kept).toHaveLength(8);
    expectInBoth([
      `0.1 \\times 0.50 = ${Number(c.threshold.toFixed(10))}$`,
      `$${f(c.mass, 2)}$`,
      vec(c.kept.map((x) => x / c.mass)),
      `$${Number(fl.threshold.toFixed(10))}$`,
    ]);
  });

  it('frequency and presence penalties, and CTRL repetition penalty with θ = 1.2', () => {
    const z = [2.0, 1.5, 1.0];
    const counts = [1, 3, 0];
    const freq = 0.5;
    const pres = 0.3;
    const penalised = z.map((v, i) => Number((v - counts[i]! * freq - (counts[i]! > 0 ? pres : 0)).toFixed(10)));
    expect(penalised).toEqual([1.2, -0.3, 1.0]);
    const theta = 1.2;
    const ctrl = z.map((v, i) => (counts[i]! > 0 ? (v > 0 ? v / theta : v * theta) : v));
    expectInBoth([
      vec(softmax(z)),
      `= (1.2, -0.3, 1.0)$`,
      vec(softmax(penalised)),
      `(${f(ctrl[0]!)}, ${Number(ctrl[1]!.toFixed(10))}, 1.0)`,
      vec(softmax(ctrl)),
      `$${Number((-0.5 * theta).toFixed(10))}$`,
    ]);
  });

  it('one Gumbel-max draw, and the trick reproduces softmax over many seeded draws', () => {
    const p = [0.5, 0.3, 0.2];
    const z = p.map(Math.log);
    const u = [0.2, 0.7, 0.9];
    const g = u.map((x) => -Math.log(-Math.log(x)));
    const perturbed = z.map((v, i) => v + g[i]!);
    expect(perturbed.indexOf(Math.max(...perturbed))).toBe(2);
    const signed = (xs: number[]) => `(${xs.map((x) => f(x)).join(', ')})`;
    expectInBoth([`z = \\ln p = ${signed(z)}`, `g = ${signed(g)}`, signed(perturbed)]);

    const rand = mulberry32(11);
    const wins = [0, 0, 0];
    const n = 200_000;
    for (let k = 0; k < n; k++) {
      const scores = z.map((v) => v - Math.log(-Math.log(rand() || Number.MIN_VALUE)));
      wins[scores.indexOf(Math.max(...scores))]! += 1;
    }
    wins.forEach((w, i) => expect(Math.abs(w / n - p[i]!)).toBeLessThan(0.005));
  });

  it('speculative decoding: acceptance rate, residual, exactness, tokens per pass and speed-up', () => {
    const p = [0.5, 0.3, 0.15, 0.05];
    const q = [0.6, 0.15, 0.1, 0.15];
    const alpha = sum(p.map((x, i) => Math.min(x, q[i]!)));
    const tv = 0.5 * sum(p.map((x, i) => Math.abs(x - q[i]!)));
    expect(alpha).toBeCloseTo(1 - tv, 12);
    const accept = p.map((x, i) => Math.min(1, x / q[i]!));
    const residual = p.map((x, i) => Math.max(0, x - q[i]!));
    const resMass = sum(residual);
    const resNorm = residual.map((x) => x / resMass);
    // Exactness, analytically: min(p, q) + (1 − α)·residual reproduces p.
    p.forEach((x, i) => expect(Math.min(x, q[i]!) + (1 - alpha) * resNorm[i]!).toBeCloseTo(x, 12));
    // And by simulation of the accept/resample rule with seeded draws.
    const rand = mulberry32(7);
    const counts = [0, 0, 0, 0];
    const n = 200_000;
    for (let k = 0; k < n; k++) {
      const x = drawFrom(q, rand());
      const out = rand() < accept[x]! ? x : drawFrom(resNorm, rand());
      counts[out]! += 1;
    }
    counts.forEach((c, i) => expect(Math.abs(c / n - p[i]!)).toBeLessThan(0.005));

    const tokens = (a: number, gamma: number) => (1 - a ** (gamma + 1)) / (1 - a);
    // The closed form equals the sum over "first k accepted, then one target token".
    const bySum = (a: number, gamma: number) => sum(Array.from({ length: gamma }, (_, k) => (k + 1) * a ** k * (1 - a))) + (gamma + 1) * a ** gamma;
    expect(tokens(0.8, 4)).toBeCloseTo(bySum(0.8, 4), 12);
    expect(f(tokens(0.8, 4))).toBe('3.3616');
    expectInBoth([
      `\\alpha = 0.5 + 0.15 + 0.1 + 0.05 = ${Number(alpha.toFixed(10))}$`,
      `\\operatorname{TV}(p, q) = ${Number(tv.toFixed(10))}$`,
      vec(accept).replace('1.0000', '1').replace('1.0000', '1'),
      `(0, ${Number(residual[1]!.toFixed(10))}, ${Number(residual[2]!.toFixed(10))}, 0)`,
      `(0, ${Number(resNorm[1]!.toFixed(10))}, ${Number(resNorm[2]!.toFixed(10))}, 0)`,
      `1 - ${Number((0.8 ** 5).toFixed(10))}`,
      `{0.2} = ${f(tokens(0.8, 4))}`,
      `${f(tokens(0.8, 4))}/(4 \\times 0.05 + 1) = ${f(tokens(0.8, 4) / (4 * 0.05 + 1))}$`,
      `$${f(tokens(0.6, 4))}$`,
      `$${f(tokens(0.9, 4))}$`,
    ]);
  });
});
