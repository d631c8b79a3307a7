/**
 * Recomputes every number of the norms-and-conditioning note's worked examples (the norms of
 * (3, −4); Frobenius, spectral norm, singular values and condition number of [[3, 0], [4, 5]];
 * the ill-conditioned system [[1, 1], [1, 1.01]] with its error amplification, lost digits and
 * gradient-descent rate; the Lipschitz bound of a two-layer ReLU network; three steps of power
 * iteration) and the model-scale numbers quoted next to them, and checks that each appears, as
 * printed, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { det, matMul, singularValues, symmetricEigen, transpose } from '../../../src/calculators/math/linear-algebra.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('linear-algebra', 'norms-and-conditioning', printed);

type Mat = number[][];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const norm2 = (v: number[]) => Math.sqrt(sum(v.map((x) => x * x)));
const rowTimes = (u: number[], m: Mat) => matMul([u], m)[0]!;
const frobenius = (m: Mat) => norm2(m.flat());
/** Largest stretch of x ↦ xM over unit x, by brute force over directions in the plane. */
function maxStretch2(m: Mat): number {
  let best = 0;
  for (let i = 0; i < 200000; i++) {
    const t = (Math.PI * i) / 200000;
    best = Math.max(best, norm2(rowTimes([Math.cos(t), Math.sin(t)], m)));
  }
  return best;
}
const pmatrix = (m: Mat) => `\\begin{pmatrix} ${m.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;

describe('norms and conditioning worked examples', () => {
  it('L1, L2 and L∞ norms of (3, −4), and the √d factor at d = 4096', () => {
    const x = [3, -4];
    expect(sum(x.map(Math.abs))).toBe(7);
    expect(norm2(x)).toBe(5);
    expect(Math.max(...x.map(Math.abs))).toBe(4);
    expect(Math.sqrt(4096)).toBe(64);
    expectInBoth(['\\lVert\\mathbf{x}\\rVert_1 = 7', '\\lVert\\mathbf{x}\\rVert_2 = 5', '\\lVert\\mathbf{x}\\rVert_\\infty = 4', '$d = 4096$', '64']);
  });

  it('Frobenius versus spectral norm of [[3, 0], [4, 5]]', () => {
    const A: Mat = [
      [3, 0],
      [4, 5],
    ];
    const AAt = matMul(A, transpose(A));
    expect(AAt).toEqual([
      [9, 12],
      [12, 41],
    ]);
    // Characteristic polynomial λ² − (trace)λ + det of AAᵀ.
    const tr = AAt[0]![0]! + AAt[1]![1]!;
    const dt = det(AAt);
    expect(tr).toBe(50);
    expect(dt).toBeCloseTo(225, 9);
    const half = tr / 2;
    const disc = Math.sqrt(half * half - dt);
    expect(disc).toBeCloseTo(20, 9);
    const [l1, l2] = [half + disc, half - disc];
    const sigma = singularValues(A);
    expect(sigma[0]).toBeCloseTo(Math.sqrt(l1), 12);
    expect(sigma[1]).toBeCloseTo(Math.sqrt(l2), 12);
    // AᵀA has the same eigenvalues.
    const ev = symmetricEigen(matMul(transpose(A), A)).values.sort((a, b) => b - a);
    expect(ev[0]).toBeCloseTo(45, 9);
    expect(ev[1]).toBeCloseTo(5, 9);
    // The spectral norm really is the largest stretch of x ↦ xA, reached at (1, 3)/√10.
    expect(maxStretch2(A)).toBeCloseTo(sigma[0]!, 6);
    const top = [1 / Math.sqrt(10), 3 / Math.sqrt(10)];
    expect(rowTimes([1, 3], A)).toEqual([15, 15]);
    expect(norm2(rowTimes(top, A))).toBeCloseTo(Math.sqrt(45), 12);
    const F = frobenius(A);
    expect(F ** 2).toBeCloseTo(50, 12);
    expect(sigma[0]! ** 2 + sigma[1]! ** 2).toBeCloseTo(50, 9);
    expect(sigma[0]! * sigma[1]!).toBeCloseTo(Math.abs(det(A)), 9);
    // Eigenvalues of the triangular A are its diagonal: 3 and 5, below σ₁.
    expect(Math.max(3, 5)).toBeLessThan(sigma[0]!);
    expect(sigma[0]! / sigma[1]!).toBeCloseTo(3, 12);
    expectInBoth([
      pmatrix(A),
      `\\sqrt{9 + 0 + 16 + 25} = \\sqrt{50} \\approx ${F.toFixed(4)}`,
      pmatrix(AAt),
      `\\lambda^2 - ${tr}\\lambda + ${Math.round(dt)} = 0`,
      `\\lambda = 25 \\pm 20 = ${Math.round(l1)},\\ ${Math.round(l2)}`,
      `\\sigma_1 = \\sqrt{45} \\approx ${sigma[0]!.toFixed(4)}`,
      `\\sigma_2 = \\sqrt{5} \\approx ${sigma[1]!.toFixed(4)}`,
      `$45 + 5 = 50$`,
      `\\sigma_1\\sigma_2 = \\sqrt{225} = 15 = \\lvert\\det A\\rvert`,
      `\\mathbf{x} = \\tfrac{1}{\\sqrt{10}}(1, 3)`,
      `\\mathbf{x}A = \\tfrac{1}{\\sqrt{10}}(15, 15)`,
      `\\sqrt{450/10} = \\sqrt{45}`,
      `\\lVert A\\rVert_2 \\approx ${sigma[0]!.toFixed(4)}`,
      `\\kappa(A) = \\sigma_1/\\sigma_2 = \\sqrt{45/5} = 3`,
    ]);
  });

  it('an ill-conditioned system: condition number, error amplification, digits, gradient descent', () => {
    const A: Mat = [
      [1, 1],
      [1, 1.01],
    ];
    const b = [2, 2.01];
    const solve = (m: Mat, r: number[]) => {
      const d = det(m);
      return [(r[0]! * m[1]![1]! - m[0]![1]! * r[1]!) / d, (m[0]![0]! * r[1]! - m[1]![0]! * r[0]!) / d];
    };
    const x = solve(A, b);
    expect(x[0]).toBeCloseTo(1, 9);
    expect(x[1]).toBeCloseTo(1, 9);
    expect(A[0]![0]! + A[1]![1]!).toBeCloseTo(2.01, 12);
    expect(det(A)).toBeCloseTo(0.01, 12);
    const lam = [(2.01 + Math.sqrt(4.0001)) / 2, (2.01 - Math.sqrt(4.0001)) / 2];
    const sigma = singularValues(A);
    expect(sigma[0]).toBeCloseTo(lam[0]!, 9);
    expect(sigma[1]).toBeCloseTo(lam[1]!, 9);
    const kappa = sigma[0]! / sigma[1]!;
    const b2 = [2, 2.02];
    const x2 = solve(A, b2);
    expect(x2[0]).toBeCloseTo(0, 9);
    expect(x2[1]).toBeCloseTo(2, 9);
    const relB = 0.01 / norm2(b);
    const relX = norm2([x2[0]! - x[0]!, x2[1]! - x[1]!]) / norm2(x);
    expect(relX).toBeCloseTo(1, 9);
    const amplification = relX / relB;
    expect(amplification).toBeLessThanOrEqual(kappa);
    const rate = (kappa - 1) / (kappa + 1);
    const steps = Math.log(1000) / -Math.log(rate);
    expectInBoth([
      pmatrix(A),
      `\\mathbf{b} = (2,\\ 2.01)`,
      `\\mathbf{x} = (1, 1)`,
      `\\tfrac12\\big(2.01 \\pm \\sqrt{4.0001}\\big)`,
      sigma[0]!.toFixed(4),
      sigma[1]!.toFixed(4),
      `\\kappa(A) \\approx ${kappa.toFixed(1)}`,
      `(2,\\ 2.02)`,
      `0.01/${norm2(b).toFixed(4)} \\approx ${(100 * relB).toFixed(3)}\\%`,
      `$(0, 2)$`,
      `$(-1, 1)$`,
      `${amplification.toFixed(1)}`,
      `\\log_{10}${kappa.toFixed(1)} \\approx ${Math.log10(kappa).toFixed(1)}`,
      `${(kappa - 1).toFixed(1)}/${(kappa + 1).toFixed(1)} \\approx ${rate.toFixed(5)}`,
      `\\ln 1000/(-\\ln ${rate.toFixed(5)}) \\approx ${Math.ceil(steps)}`,
    ]);
    // The digit counts quoted: BF16's unit roundoff 2⁻⁸ ≈ 0.0039 times κ exceeds 1.
    expect(2 ** -8).toBeCloseTo(0.0039, 4);
    expect(kappa * 2 ** -8).toBeGreaterThan(1);
    expectInBoth(['2^{-8} \\approx 0.0039']);
  });

  it('GELU and SiLU maximal slopes', () => {
    const erf = (x: number) => {
      // Abramowitz–Stegun 7.1.26 is too coarse here; integrate the Gaussian density instead.
      const n = 20000;
      const h = x / n;
      let s = 0;
      for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.exp(-((i * h) ** 2));
      return ((2 / Math.sqrt(Math.PI)) * s * h) / 3;
    };
    const phi = (x: number) => Math.exp(-(x * x) / 2) / Math.sqrt(2 * Math.PI);
    const Phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    const geluSlope = (x: number) => Phi(x) + x * phi(x);
    const sig = (x: number) => 1 / (1 + Math.exp(-x));
    const siluSlope = (x: number) => sig(x) * (1 + x * (1 - sig(x)));
    let gMax = 0;
    let gArg = 0;
    let sMax = 0;
    for (let i = 0; i <= 5000; i++) {
      const x = i / 1000;
      if (geluSlope(x) > gMax) [gMax, gArg] = [geluSlope(x), x];
      sMax = Math.max(sMax, siluSlope(x));
    }
    expect(gArg).toBeCloseTo(Math.SQRT2, 2);
    expectInBoth([gMax.toFixed(3), sMax.toFixed(3), '$x = \\sqrt2$']);
  });

  it('a two-layer ReLU network: product bound 9, true constant 3, attained after swapping W2', () => {
    const W1: Mat = [
      [3, 0],
      [0, 1],
    ];
    const W2: Mat = [
      [1, 0],
      [0, 3],
    ];
    const spec = (m: Mat) => singularValues(m)[0]!;
    const bound = spec(W1) * spec(W2);
    expect(bound).toBeCloseTo(9, 12);
    // Jacobians W1·D·W2 over the four ReLU activation patterns.
    const patterns: Mat[] = [
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 1],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ];
    const jac = patterns.map((D) => matMul(matMul(W1, D), W2));
    const trueConst = Math.max(...jac.map((J) => (J.flat().every((v) => v === 0) ? 0 : spec(J))));
    expect(trueConst).toBeCloseTo(3, 12);
    const W2b: Mat = [
      [3, 0],
      [0, 1],
    ];
    const relu = (v: number[]) => v.map((t) => Math.max(0, t));
    const out = rowTimes(relu(rowTimes([1, 0], W1)), W2b);
    expect(out).toEqual([9, 0]);
    expectInBoth([pmatrix(W1), pmatrix(W2), pmatrix(jac[0]!), pmatrix(jac[1]!), pmatrix(jac[2]!), pmatrix(W2b), '$(9, 0)$', '9-Lipschitz', '3-Lipschitz']);
  });

  it('three steps of power iteration on AAᵀ from (1, 0)', () => {
    const A: Mat = [
      [3, 0],
      [4, 5],
    ];
    const M = matMul(A, transpose(A));
    const dirs: number[][] = [[1, 0]];
    for (let k = 0; k < 3; k++) dirs.push(rowTimes(dirs[k]!, M));
    // Directions up to scale, as the note prints them.
    const reduce = (v: number[]) => {
      const g = (a: number, b: number): number => (b === 0 ? a : g(b, a % b));
      const d = g(Math.abs(v[0]!), Math.abs(v[1]!));
      return v.map((t) => t / d);
    };
    const printed = dirs.map(reduce);
    expect(printed).toEqual([
      [1, 0],
      [3, 4],
      [3, 8],
      [123, 364],
    ]);
    const est = printed.map((v) => norm2(rowTimes(v, A)) / norm2(v));
    const error = Math.sqrt(45) - est[3]!;
    expect(error.toFixed(5)).toBe('0.00005');
    // Intermediate products as printed.
    expect(rowTimes([1, 0], M)).toEqual([9, 12]);
    expect(rowTimes([3, 4], A)).toEqual([25, 20]);
    expect(rowTimes([3, 4], M)).toEqual([75, 200]);
    expect(rowTimes([3, 8], A)).toEqual([41, 40]);
    expect(norm2([41, 40]) ** 2).toBeCloseTo(3281, 9);
    expect(norm2([3, 8]) ** 2).toBeCloseTo(73, 9);
    expect(norm2([25, 20]) ** 2).toBeCloseTo(1025, 9);
    // Off-direction to on-direction ratio in the singular basis (1, 3) and (3, −1).
    const ratio = (v: number[]) => (3 * v[0]! - v[1]!) / (v[0]! + 3 * v[1]!);
    expect(ratio(printed[0]!)).toBe(3);
    expect(printed.slice(1).map((v) => Math.round(1 / ratio(v)))).toEqual([3, 27, 243]);
    expectInBoth([
      '| 0 | $(1, 0)$ | 3 |',
      `| 1 | $\\propto (3, 4)$ | ${est[1]!.toFixed(4)} |`,
      `| 2 | $\\propto (3, 8)$ | ${est[2]!.toFixed(4)} |`,
      `| 3 | $\\propto (123, 364)$ | ${est[3]!.toFixed(4)} |`,
      '(9, 12) \\propto (3, 4)',
      '\\tfrac15(25, 20)',
      `\\sqrt{1025}/5 \\approx ${est[1]!.toFixed(4)}`,
      '(75, 200) \\propto (3, 8)',
      '(3, 8)A = (41, 40)',
      '\\sqrt{3281}',
      '\\sqrt{73}',
      '$1/3$',
      '$1/27$',
      '$1/243$',
      '(\\sigma_2/\\sigma_1)^2 = 1/9',
      error.toFixed(5),
    ]);
  });

  it('model-scale numbers: GPT-2 initialisation norms, 4096 × 4096 ratio', () => {
    const std = 0.02;
    const n = 768;
    const frob = std * n; // √(n² · std²)
    const spec = std * 2 * Math.sqrt(n); // Bai–Yin: σ(√m + √n) for an m × n Gaussian matrix
    const specFfn = std * (Math.sqrt(768) + Math.sqrt(3072));
    expect(Math.sqrt(4096) / 2).toBe(32);
    expectInBoth([frob.toFixed(2), spec.toFixed(3), specFfn.toFixed(3), '$768\\times3072$', '32']);
  });
});
