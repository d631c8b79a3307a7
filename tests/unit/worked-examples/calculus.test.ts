/**
 * Recomputes every number printed in the worked examples of the calculus and optimisation
 * notes and checks that it appears, formatted as printed, in both the English and the
 * Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const AREA = 'calculus';

const expectInBoth = (slug: string, printed: string[]) => expectPrintedInBothNotes(AREA, slug, printed);

const f = (x: number, d = 4) => x.toFixed(d);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** erf by its Maclaurin series (accurate to ~1e-15 for |x| ≤ 3). */
const erf = (x: number) => {
  let term = x;
  let sum = x;
  for (let n = 1; n < 80; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};
const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
const phi = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
/** Mantissa of x in scientific notation with `d` decimals, and its exponent. */
const sci = (x: number, d: number) => {
  const e = Math.floor(Math.log10(Math.abs(x)));
  return `${(x / 10 ** e).toFixed(d)}\\times10^{${e}}`;
};

describe('calculus overview: derivative, partial derivatives, gradient', () => {
  it('gradient and directional derivative of 3x^2 + 2xy + y^2 at (1, 2)', () => {
    const [x, y] = [1, 2];
    const val = 3 * x * x + 2 * x * y + y * y;
    const gx = 6 * x + 2 * y;
    const gy = 2 * x + 2 * y;
    const norm = Math.hypot(gx, gy);
    const dir = gx * 0.6 + gy * 0.8;
    expect(val).toBe(11);
    expect(norm).toBeGreaterThan(dir);
    expectInBoth(AREA, [`= ${val}$`, `= ${gx}$`, `= ${gy}$`, `(${gx},\\ ${gy})^\\top`, `\\sqrt{${gx * gx + gy * gy}}`, f(norm), `= ${f(dir, 1)}$`]);
  });
  it('finite differences of x^2 at 3', () => {
    const g = (x: number) => x * x;
    const h = 0.01;
    const forward = (g(3 + h) - g(3)) / h;
    const central = (g(3 + h) - g(3 - h)) / (2 * h);
    expect(Math.abs(central - 6)).toBeLessThan(1e-9);
    expectInBoth(AREA, [`= ${f(forward, 2)}$`, `/0.02 = ${Math.round(central)}$`]);
  });
  it('GPT-2 small gradient size in FP32', () => {
    const mb = (124e6 * 4) / 1e6;
    expectInBoth(AREA, [`= ${mb}$ MB`]);
  });
});

describe('chain rule and backpropagation', () => {
  it('fan-out graph f = (x + y) y at (2, 3)', () => {
    const [x, y] = [2, 3];
    const q = x + y;
    const fval = q * y;
    const dfdq = y;
    const dfdy = q + dfdq; // direct path + path through q
    const dfdx = dfdq;
    expect(dfdy).toBe(x + 2 * y);
    expectInBoth('chain-rule-backprop', [`$q = ${q}$`, `$f = ${fval}$`, `= ${dfdq}$`, `= ${q} + ${dfdq} = ${dfdy}$`, `\\partial f/\\partial x = ${dfdx}$`]);
  });

  const x1 = 1,
    x2 = 2,
    w1 = 0.3,
    w2 = -0.1,
    b = 0.5,
    y = 1;
  const loss = (w1_: number, w2_: number, b_: number) => 0.5 * (sigmoid(w1_ * x1 + w2_ * x2 + b_) - y) ** 2;

  it('sigmoid neuron: forward and backward pass', () => {
    const z = w1 * x1 + w2 * x2 + b;
    const a = sigmoid(z);
    const L = loss(w1, w2, b);
    const dLda = a - y;
    const dadz = a * (1 - a);
    const dLdz = dLda * dadz;
    expectInBoth('chain-rule-backprop', [
      `= ${f(z, 1)}$`,
      `\\approx ${f(a)}$`,
      `\\approx ${f(L)}$`,
      `\\approx ${f(dLda)}$`,
      `\\approx ${f(dadz)}$`,
      `\\approx ${f(dLdz)}$`,
      `w_1 \\approx ${f(dLdz * x1)}$`,
      `w_2 \\approx ${f(dLdz * x2)}$`,
      `b \\approx ${f(dLdz)}$`,
    ]);
  });

  it('gradient check with central and forward differences', () => {
    const h = 1e-4;
    const z = w1 * x1 + w2 * x2 + b;
    const a = sigmoid(z);
    const analytic = (a - y) * a * (1 - a) * x1;
    const central = (loss(w1 + h, w2, b) - loss(w1 - h, w2, b)) / (2 * h);
    const forward = (loss(w1 + h, w2, b) - loss(w1, w2, b)) / h;
    const rel = (p: number, q: number) => Math.abs(p - q) / Math.max(Math.abs(p), Math.abs(q));
    const relCentral = rel(analytic, central);
    const relForward = rel(analytic, forward);
    expect(relCentral).toBeLessThan(1e-9);
    expectInBoth('chain-rule-backprop', [
      `$${f(central, 7)}$`,
      `$${f(analytic, 7)}$`,
      `$${f(forward, 7)}$`,
      `$${Math.round(relCentral * 1e10)}\\times10^{-10}$`,
      `$${sci(relForward, 1)}$`,
    ]);
  });

  it('row form: the weight gradient X^T Delta of the same neuron', () => {
    // z = x w + b with the row x = (1, 2) and the column w; Delta = dL/dz is 1x1.
    const a = sigmoid(w1 * x1 + w2 * x2 + b);
    const delta = (a - y) * a * (1 - a);
    const gradW = [x1 * delta, x2 * delta];
    expectInBoth('chain-rule-backprop', [`= (${f(gradW[0]!)}, ${f(gradW[1]!)})^\\top$`]);
  });

  it('6ND for GPT-3, with the backward pass at twice the forward', () => {
    const forwardPerParam = 2; // one multiply and one add per weight and token
    const backwardPerParam = 2 * forwardPerParam; // X^T Delta and Delta W^T for each forward product
    const trainPerParam = forwardPerParam + backwardPerParam;
    expect(trainPerParam / forwardPerParam).toBe(3);
    const flops = trainPerParam * 175e9 * 300e9;
    expectInBoth('chain-rule-backprop', [`$${forwardPerParam}N$`, `$${backwardPerParam}N$`, `$${trainPerParam}N$`, `6ND = ${sci(flops, 2)}$`]);
    expectInBoth(AREA, [`$${trainPerParam}N$ FLOPs`]);
  });
});

describe('gradient descent and its variants', () => {
  const slug = 'gradient-descent';
  it('one step on 1/2 (x^2 + 10 y^2)', () => {
    const lam = [1, 10];
    const L = (x: number, y: number) => 0.5 * (lam[0]! * x * x + lam[1]! * y * y);
    const eta = 0.15;
    const x = 1 - eta * lam[0]!;
    const y = 1 - eta * lam[1]!;
    expectInBoth(slug, [`L = ${L(1, 1)}$`, `(${f(x, 2)}, ${f(y, 1)})$`, `= ${L(x, y)}$`, `2/\\lambda_{\\max} = ${2 / lam[1]!}$`]);
  });
  it('divergence, optimal step, contraction and steps to 1e-3', () => {
    const [lmin, lmax] = [1, 10];
    const kappa = lmax / lmin;
    const grow = Math.abs(1 - 0.21 * lmax) ** 10;
    const etaStar = 2 / (lmin + lmax);
    const rate = (kappa - 1) / (kappa + 1);
    const steps = Math.log(1e-3) / Math.log(rate);
    const momRate = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
    const momSteps = Math.log(1e-3) / Math.log(momRate);
    expect(Math.ceil(steps)).toBe(35);
    expect(Math.ceil(momSteps)).toBe(11);
    expectInBoth(slug, [
      `1.1^{10} \\approx ${f(grow)}$`,
      `2/11 \\approx ${f(etaStar)}$`,
      `\\approx ${f(rate)}$`,
      `\\approx ${f(steps, 1)}$`,
      `${Math.ceil(steps)} `,
      `\\approx ${f(momRate)}$`,
      `${Math.ceil(momSteps)} `,
    ]);
  });
  it('momentum on w^2/2', () => {
    let w = 1,
      v = 0;
    const out: string[] = [];
    for (let t = 0; t < 3; t++) {
      const g = w;
      v = 0.9 * v + g;
      w = w - 0.1 * v;
      out.push(`$w = ${Number(w.toFixed(4))}$`);
    }
    expect(Number(v.toFixed(4))).toBe(2.34);
    expectInBoth(slug, [...out, `$v = ${Number(v.toFixed(4))}$`, `0.9^3 = ${Number((0.9 ** 3).toFixed(4))}$`]);
  });
  it('RMSProp cold start', () => {
    const s = 0.1 * 0.2 ** 2;
    const step = (0.01 * 0.2) / (Math.sqrt(s) + 1e-8);
    expectInBoth(slug, [`= ${Number(s.toFixed(6))}$`, `\\approx ${f(step)}$`]);
  });
  it('Adam, two steps', () => {
    const [b1, b2, eta, eps] = [0.9, 0.999, 1e-3, 1e-8];
    let m = 0,
      v = 0;
    const printed: string[] = [];
    const gs = [0.2, 0.1];
    const steps: number[] = [];
    const hats: number[][] = [];
    gs.forEach((g, i) => {
      const t = i + 1;
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      const mh = m / (1 - b1 ** t);
      const vh = v / (1 - b2 ** t);
      hats.push([m, v, mh, vh]);
      steps.push((eta * mh) / (Math.sqrt(vh) + eps));
    });
    const [m1, v1, mh1, vh1] = hats[0]!;
    const [m2, v2, mh2, vh2] = hats[1]!;
    printed.push(
      `= ${Number(m1!.toFixed(6))}$`,
      `= ${Number(v1!.toFixed(8)).toFixed(5)}$`,
      `= ${Number(mh1!.toFixed(6))}$`,
      `= ${Number(vh1!.toFixed(6))}$`,
      `= ${Number(steps[0]!.toFixed(6))}$`,
      `= ${Number(m2!.toFixed(6))}$`,
      `= ${v2!.toFixed(8)}$`,
      `\\approx ${f(mh2!)}$`,
      `\\approx ${vh2!.toFixed(5)}$`,
      `/${f(Math.sqrt(vh2!))}`,
      `\\approx ${steps[1]!.toFixed(6)}$`,
    );
    expect(steps[0]).toBeCloseTo(eta, 9);
    expectInBoth(slug, printed);
  });
  it('bias-correction overshoot and Adam memory for 7B', () => {
    const over = (1 - 0.9) / Math.sqrt(1 - 0.999);
    expectInBoth(slug, [`\\approx ${f(over, 2)}\\,\\eta`, `${f(1 / Math.sqrt(1 - 0.999), 1)}\\,\\eta`, `= ${(7e9 * 16) / 1e9}$ GB`]);
  });
});

describe('activation functions', () => {
  const slug = 'activation-functions';
  it('table at z = 1 and z = -1', () => {
    const tanhD = (z: number) => 1 - Math.tanh(z) ** 2;
    const gelu = (z: number) => z * Phi(z);
    const geluD = (z: number) => Phi(z) + z * phi(z);
    const row = (z: number) => [sigmoid(z), sigmoid(z) * (1 - sigmoid(z)), Math.tanh(z), tanhD(z), gelu(z), geluD(z)];
    const r1 = row(1).map((x) => f(x));
    const r2 = row(-1).map((x) => f(x));
    expectInBoth(slug, [
      `| $1$ | $${r1[0]}$ | $${r1[1]}$ | $${r1[2]}$ | $${r1[3]}$ | $1$ | $1$ | $${r1[4]}$ | $${r1[5]}$ |`,
      `| $-1$ | $${r2[0]}$ | $${r2[1]}$ | $${r2[2]}$ | $${r2[3]}$ | $0$ | $0$ | $${r2[4]}$ | $${r2[5]}$ |`,
      `1/${f(1 + Math.exp(-1))}`,
      `\\approx ${f(phi(1))}$`,
      `1 - ${f(Math.tanh(1) ** 2)}`,
    ]);
  });
  it('GELU tanh approximation, saturation values and the GELU minimum', () => {
    const approx = (z: number) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));
    const err = Math.abs(approx(1) - Phi(1));
    expect(err).toBeLessThan(2e-4);
    // minimum of GELU: derivative Phi(z) + z phi(z) = 0, by bisection
    let lo = -1.5,
      hi = 0;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (Phi(mid) + mid * phi(mid) < 0) lo = mid;
      else hi = mid;
    }
    expectInBoth(slug, [
      `\\approx ${f(approx(1))}$`,
      `$${f(sigmoid(5) * (1 - sigmoid(5)))}$`,
      `$${f(1 - Math.tanh(3) ** 2)}$`,
      `$${f(lo * Phi(lo), 2)}$`,
      `\\approx ${f(lo, 2)}$`,
    ]);
  });
  it('vanishing gradient through sigmoid stacks', () => {
    const sd1 = sigmoid(1) * (1 - sigmoid(1));
    expectInBoth(slug, [
      `0.25^{10} \\approx ${sci(0.25 ** 10, 2)}$`,
      `0.25^{20} \\approx ${sci(0.25 ** 20, 2)}$`,
      `0.1966^{10} \\approx ${sci(sd1 ** 10, 2)}$`,
    ]);
  });
});

describe('Taylor expansion, Lagrange multipliers, convexity', () => {
  const slug = 'taylor-lagrange-convexity';
  it('Taylor approximations of e^0.5', () => {
    const x = 0.5;
    const t1 = 1 + x,
      t2 = t1 + (x * x) / 2,
      t3 = t2 + x ** 3 / 6;
    expectInBoth(slug, [`$${t1}$`, `$${t2}$`, `$${f(t3)}$`, `$${f(Math.exp(x))}$`, `$${f(Math.exp(x) - t1)}$`, `$${f(Math.exp(x) - t2)}$`]);
  });
  it('gradient steps on w^4 from w = 1', () => {
    const g = 4,
      H = 12;
    const d1 = -0.05 * g;
    const lin1 = g * d1,
      quad1 = lin1 + 0.5 * H * d1 * d1,
      act1 = (1 + d1) ** 4 - 1;
    const d2 = -0.6 * g;
    const lin2 = g * d2,
      act2 = (1 + d2) ** 4 - 1;
    expectInBoth(slug, [
      `\\delta = ${Number(d1.toFixed(4))}$`,
      `= ${Number(lin1.toFixed(4))}$`,
      `= ${Number(quad1.toFixed(4))}$`,
      `= ${Number(act1.toFixed(4))}$`,
      `\\delta = ${Number(d2.toFixed(4))}$`,
      `$${Number(lin2.toFixed(4))}$`,
      `$${Number((1 + d2).toFixed(4))}$`,
      `= ${Number(act2.toFixed(4))}$`,
      `2/12 \\approx ${f(2 / H, 3)}$`,
      `= -1/3$`,
    ]);
  });
  it('constrained minimum of x^2 + y^2 on x + 2y = 5 and its sensitivity', () => {
    // Lagrange: x = lam/2, y = lam; constraint lam/2 + 2 lam = 5
    const c = 5;
    const lam = c / 2.5;
    const x = lam / 2,
      y = lam;
    const fstar = x * x + y * y;
    const fOf = (cc: number) => (cc * cc) / 5;
    expect(x + 2 * y).toBe(c);
    expect((2 * c) / 5).toBe(lam);
    expectInBoth(slug, [
      `\\lambda = ${lam}$`,
      `$x = ${x}$`,
      `$y = ${y}$`,
      `f^\\ast = 1 + 4 = ${fstar}$`,
      `f^\\ast = ${f(fOf(5.1), 3)}$`,
      `$${f(fOf(5.1) - fOf(5), 3)} \\approx`,
    ]);
  });
  it('maximum entropy over 4 outcomes and Hessian eigenvalues', () => {
    const lnN = Math.log(4);
    // eigenvalues of [[2,1],[1,2]]: 2 ± 1
    const eig = [2 - 1, 2 + 1];
    expectInBoth(slug, [`\\ln 4 \\approx ${f(lnN)}$`, `$${eig[0]}$`, `$${eig[1]}$`, `\\mu = ${eig[0]}$`, `L = ${eig[1]}$`]);
  });
  it('size of the GPT-2 small Hessian', () => {
    const entries = 124e6 ** 2;
    expectInBoth(slug, [`$${sci(entries, 1)}$`]);
  });
});
