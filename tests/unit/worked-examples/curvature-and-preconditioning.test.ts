/**
 * Recomputes every number of the worked examples of the note on curvature and preconditioning,
 * and checks each is printed in both languages: the eigenvalues and step-size limits of a 2-D
 * quadratic (with a run that diverges above the limit), a Hessian-vector product by one-sided
 * and central differences of gradients and power iteration on it, the natural gradient and
 * Fisher information of a Bernoulli parameter with the KL of a small step, the speed-up of
 * diagonal preconditioning and its failure on a rotated bowl, Newton-Schulz orthogonalisation,
 * and the sizes quoted for large models.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('calculus', 'curvature-and-preconditioning', printed);
const f = (x: number, d = 4) => x.toFixed(d);

type M2 = [[number, number], [number, number]];
/** Eigenvalues of a symmetric 2×2 matrix, largest first. */
function eig2(h: M2): [number, number] {
  const m = (h[0][0] + h[1][1]) / 2;
  const r = Math.hypot((h[0][0] - h[1][1]) / 2, h[0][1]);
  return [m + r, m - r];
}
const mul = (h: M2, v: number[]) => [h[0][0] * v[0] + h[0][1] * v[1], h[1][0] * v[0] + h[1][1] * v[1]];
const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1];

describe('curvature and preconditioning: worked examples', () => {
  it('the 2-D quadratic: eigenvalues, eigenvectors, stability limit, divergence above it', () => {
    const H: M2 = [
      [5, 2],
      [2, 2],
    ];
    const [lmax, lmin] = eig2(H);
    expect(lmax).toBeCloseTo(6, 12);
    expect(lmin).toBeCloseTo(1, 12);
    // (2, 1) and (1, −2) are the eigenvectors.
    expect(mul(H, [2, 1])).toEqual([12, 6]);
    expect(mul(H, [1, -2])).toEqual([1, -2]);
    // Gradient descent at η = 0.35 on the quadratic, started on the sharp eigenvector: grows by 1.1 per step.
    let w = [2, 1];
    for (let t = 0; t < 10; t++) {
      const g = mul(H, w);
      w = [w[0] - 0.35 * g[0], w[1] - 0.35 * g[1]];
    }
    expect(Math.hypot(w[0], w[1]) / Math.hypot(2, 1)).toBeCloseTo(1.1 ** 10, 10);
    const kappa = lmax / lmin;
    expectInBoth([
      '\\operatorname{tr}H = 7,\\quad \\det H = 6',
      '\\lambda^2 - 7\\lambda + 6 = 0',
      `\\lambda_{\\max} = ${Math.round(lmax)}$`,
      `\\lambda_{\\min} = ${Math.round(lmin)}$`,
      `\\kappa = ${Math.round(kappa)}$`,
      `2/6 \\approx ${f(2 / lmax)}`,
      `0.35`,
      `6 = ${(1 - 0.35 * lmax).toFixed(1)}$`,
      `1.1^{10} \\approx ${(1.1 ** 10).toFixed(2)}`,
      `$${(1 - 0.35 * lmin).toFixed(2)}$`,
      `2/(6 + 1) \\approx ${f(2 / (lmax + lmin))}`,
      `5/7 \\approx ${f((kappa - 1) / (kappa + 1))}`,
    ]);
  });

  it('Hessian-vector product by differences of gradients, and power iteration', () => {
    const grad = (x: number, y: number) => [2 * x * y, x * x + 3 * y * y];
    const [x, y] = [1, 2];
    const v = [1, 1];
    const H: M2 = [
      [2 * y, 2 * x],
      [2 * x, 6 * y],
    ];
    const exact = mul(H, v);
    expect(exact).toEqual([6, 14]);
    const eps = 0.01;
    const gp = grad(x + eps * v[0], y + eps * v[1]);
    const g0 = grad(x, y);
    const gm = grad(x - eps * v[0], y - eps * v[1]);
    const oneSided = gp.map((g, i) => (g - g0[i]) / eps);
    const central = gp.map((g, i) => (g - gm[i]) / (2 * eps));
    central.forEach((c, i) => expect(c).toBeCloseTo(exact[i], 10));
    // Power iteration: Rayleigh quotients of v, Hv, H²v, H³v.
    const quotients: number[] = [];
    let u = v;
    for (let k = 0; k < 4; k++) {
      const hu = mul(H, u);
      quotients.push(dot(u, hu) / dot(u, u));
      u = hu;
    }
    const [lmax] = eig2(H);
    expect(lmax).toBeCloseTo(8 + Math.sqrt(20), 12);
    expectInBoth([
      '\\begin{pmatrix} 4 & 2\\\\ 2 & 12\\end{pmatrix},\\qquad H\\mathbf{v} = (6, 14)',
      `= (${oneSided.map((g) => f(g, 2)).join(', ')})`,
      '(0.99, 1.99))/0.02$',
      `$${quotients[0]}$`,
      `$${f(quotients[1])}$`,
      `\\mathbf{v} = (6, 14)`,
      `$${f(quotients[2])}$`,
      `$${f(quotients[3])}$`,
      `8 + \\sqrt{20} \\approx ${f(lmax)}`,
      `2/${f(lmax)} \\approx ${f(2 / lmax)}`,
    ]);
  });

  it('natural gradient and Fisher information of a Bernoulli parameter', () => {
    const xbar = 0.3;
    const grad = (p: number) => (p - xbar) / (p * (1 - p));
    const fisher = (p: number) => 1 / (p * (1 - p));
    const nat = (p: number) => grad(p) / fisher(p);
    const kl = (a: number, b: number) => a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
    // The Fisher of a Bernoulli is the expected squared score.
    const p0 = 0.1;
    const score = (x: number, p: number) => x / p - (1 - x) / (1 - p);
    expect(p0 * score(1, p0) ** 2 + (1 - p0) * score(0, p0) ** 2).toBeCloseTo(fisher(p0), 10);
    // A natural-gradient step with η = 1 lands on the MLE from anywhere.
    for (const p of [0.05, 0.1, 0.5, 0.9]) expect(p - nat(p)).toBeCloseTo(xbar, 12);
    expect(Math.round(grad(0.1) / -0.2)).toBe(11); // "eleven times larger"
    const quad = 0.5 * fisher(0.1) * 0.01 ** 2;
    expectInBoth([
      `-0.2/0.09 = ${f(grad(0.1))}`,
      `${f(fisher(0.1))}`,
      `$${nat(0.1).toFixed(1)}$`,
      `0.2/0.25 = ${grad(0.5).toFixed(1)}`,
      `$${fisher(0.5)}$`,
      `$${nat(0.5).toFixed(1)}$`,
      `\\tfrac12 F\\delta^2 = ${quad.toFixed(6)}`,
      `\\mathrm{Bern}(0.11)) = ${kl(0.1, 0.11).toFixed(6)}`,
      `$${(0.5 * fisher(0.5) * 0.01 ** 2).toFixed(4)}$`,
      `${kl(0.11, 0.1).toFixed(6)}`,
    ]);
  });

  it('diagonal preconditioning: 346 steps against one, and no gain on the rotated bowl', () => {
    const kappa = 100;
    const rho = (kappa - 1) / (kappa + 1);
    const t = Math.log(1e-3) / Math.log(rho);
    // Check by running gradient descent with the best fixed step on the slow coordinate.
    const eta = 2 / (100 + 1);
    let y = 1;
    let steps = 0;
    while (Math.abs(y) > 1e-3) {
      y *= 1 - eta * 1;
      steps++;
    }
    expect(steps).toBe(Math.ceil(t));
    // Rotating diag(100, 1) by 45°.
    const c = Math.SQRT1_2;
    const R = [
      [c, -c],
      [c, c],
    ];
    const D = [100, 1];
    const rot = [0, 1].map((i) => [0, 1].map((j) => R[i][0] * D[0] * R[j][0] + R[i][1] * D[1] * R[j][1]));
    expect(rot[0][0]).toBeCloseTo(50.5, 12);
    expect(rot[0][1]).toBeCloseTo(49.5, 12);
    expect(rot[1][1]).toBeCloseTo(50.5, 12);
    // Jacobi scaling by the equal diagonal leaves κ at 100.
    const scaled: M2 = [
      [1, rot[0][1] / rot[0][0]],
      [rot[1][0] / rot[1][1], 1],
    ];
    const [a, b] = eig2(scaled);
    expect(a / b).toBeCloseTo(100, 9);
    expectInBoth([`99/101 \\approx ${f(rho)}`, `\\ln(10^{-3})/\\ln(${f(rho)}) \\approx ${t.toFixed(1)}`, `${Math.ceil(t)}`, '50.5 & 49.5\\\\ 49.5 & 50.5']);
  });

  it('Newton-Schulz drives the singular values of diag(3, 1)/√10 towards 1', () => {
    const step = (s: number) => 1.5 * s - 0.5 * s ** 3;
    const run = (s: number) => {
      const out = [s];
      for (let k = 0; k < 5; k++) out.push(step(out[out.length - 1]));
      return out;
    };
    const big = run(3 / Math.sqrt(10));
    const small = run(1 / Math.sqrt(10));
    expect(small[5]).toBeLessThan(1);
    expect(1 - small[5]).toBeLessThan(0.01);
    expectInBoth([f(big[0]), f(small[0]), f(big[1]), f(small[1]), f(small[2]), f(small[3]), f(small[4]), f(small[5])]);
  });

  it('sizes quoted for large models', () => {
    const gpt2Small = 124_439_808;
    expect((gpt2Small ** 2 / 1e16).toFixed(1)).toBe('1.5');
    expect((7e9 ** 2 / 1e19).toFixed(1)).toBe('4.9');
    expect((2 * 7e9 * 4) / 1e9).toBe(56);
    expect((4096 ** 4 / 1e14).toFixed(1)).toBe('2.8');
    expectInBoth(['1.5\\times10^{16}', '4.9\\times10^{19}', '7\\times10^9', '= 56$ GB', '4096^4 \\approx 2.8\\times10^{14}', '16,777,216']);
  });
});
