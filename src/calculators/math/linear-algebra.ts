/**
 * Small dense linear algebra for 2×2 and 3×3 matrices: products, determinant, trace,
 * eigenpairs (complex ones included) and the singular value decomposition.
 * Matrices are arrays of rows; every function expects a square, finite matrix of size 2 or 3
 * unless it says otherwise.
 */

import { symmetricEigen } from './symmetric-eigen.ts';

// Jacobi for symmetric matrices lives in its own module so the PCA explorer can load it without the rest of this file.
export { symmetricEigen };

export type Matrix = number[][];
export type Vector = number[];
export type Complex = { re: number; im: number };

/** One eigenvalue with its algebraic multiplicity and a basis of its eigenspace. */
export type Eigenspace = {
  value: Complex;
  /** How many times the value is a root of the characteristic polynomial. */
  algebraic: number;
  /** Unit eigenvectors (fewer than `algebraic` when the matrix is defective). */
  vectors: Complex[][];
};

export type Svd = {
  /** Left singular vectors as columns of U (orthonormal). */
  U: Matrix;
  /** Singular values, largest first, all ≥ 0. */
  sigma: Vector;
  /** Right singular vectors as columns of V (orthonormal). */
  V: Matrix;
};

/** A·v for a matrix with as many columns as v has entries. */
export function matVec(A: Matrix, v: Vector): Vector {
  return A.map((row) => row.reduce((s, a, j) => s + a * (v[j] ?? 0), 0));
}

/** A·B for compatible matrices. */
export function matMul(A: Matrix, B: Matrix): Matrix {
  const cols = B[0]?.length ?? 0;
  return A.map((row) => Array.from({ length: cols }, (_, j) => row.reduce((s, a, k) => s + a * (B[k]?.[j] ?? 0), 0)));
}

/** Aᵀ for any rectangular matrix. */
export function transpose(A: Matrix): Matrix {
  return (A[0] ?? []).map((_, j) => A.map((row) => row[j] ?? 0));
}

/** The identity of size n. */
export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

const at = (A: Matrix, i: number, j: number): number => A[i]?.[j] ?? 0;

/** The determinant of a 2×2 or 3×3 matrix. */
export function det(A: Matrix): number {
  if (A.length === 2) return at(A, 0, 0) * at(A, 1, 1) - at(A, 0, 1) * at(A, 1, 0);
  return (
    at(A, 0, 0) * (at(A, 1, 1) * at(A, 2, 2) - at(A, 1, 2) * at(A, 2, 1)) -
    at(A, 0, 1) * (at(A, 1, 0) * at(A, 2, 2) - at(A, 1, 2) * at(A, 2, 0)) +
    at(A, 0, 2) * (at(A, 1, 0) * at(A, 2, 1) - at(A, 1, 1) * at(A, 2, 0))
  );
}

/** The sum of the diagonal. */
export function trace(A: Matrix): number {
  return A.reduce((s, row, i) => s + (row[i] ?? 0), 0);
}

/** The largest absolute entry: the scale for "is this zero?" tolerances. */
function scaleOf(A: Matrix): number {
  return Math.max(...A.flat().map(Math.abs), 0);
}

export function isSymmetric(A: Matrix, tol = 0): boolean {
  const s = scaleOf(A);
  return A.every((row, i) => row.every((a, j) => Math.abs(a - at(A, j, i)) <= tol * s));
}

// ---------------------------------------------------------------------------------------------
// Complex helpers (only what the eigenvector code needs).

const c = (re: number, im = 0): Complex => ({ re, im });
const cAdd = (a: Complex, b: Complex): Complex => c(a.re + b.re, a.im + b.im);
const cSub = (a: Complex, b: Complex): Complex => c(a.re - b.re, a.im - b.im);
const cMul = (a: Complex, b: Complex): Complex => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const cAbs = (a: Complex): number => Math.hypot(a.re, a.im);
const cDiv = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const cNorm = (v: Complex[]): number => Math.hypot(...v.map(cAbs));

/** A vector scaled to unit length with its largest entry real and positive (a canonical phase). */
function canonical(v: Complex[]): Complex[] {
  let big = v[0] ?? c(1);
  for (const x of v) if (cAbs(x) > cAbs(big) * (1 + 1e-12)) big = x;
  const phase = c(big.re / cAbs(big), -big.im / cAbs(big));
  const n = cNorm(v);
  return v.map((x) => {
    const y = cMul(x, phase);
    return c(y.re / n, Math.abs(y.im / n) < 1e-15 ? 0 : y.im / n);
  });
}

// ---------------------------------------------------------------------------------------------
// Polynomial roots.

/** The roots of x² + bx + c, complex ones as a conjugate pair (positive imaginary part first). */
export function quadraticRoots(b: number, cc: number): Complex[] {
  const disc = b * b - 4 * cc;
  if (disc >= 0) {
    // The stable form: never subtract nearly equal numbers.
    const q = -0.5 * (b + Math.sign(b || 1) * Math.sqrt(disc));
    const r1 = q;
    const r2 = q !== 0 ? cc / q : 0;
    return [c(Math.max(r1, r2)), c(Math.min(r1, r2))];
  }
  const im = Math.sqrt(-disc) / 2;
  return [c(-b / 2, im), c(-b / 2, -im)];
}

/** Newton steps on x³ + ax² + bx + c from x, to remove the cubic formula's rounding. */
function polishCubicRoot(a: number, b: number, cc: number, x: number): number {
  for (let i = 0; i < 4; i++) {
    const f = ((x + a) * x + b) * x + cc;
    const df = (3 * x + 2 * a) * x + b;
    if (df === 0) break;
    const next = x - f / df;
    if (!Number.isFinite(next) || Math.abs(f) <= Math.abs(((Math.abs(x) + Math.abs(a)) * Math.abs(x) + Math.abs(b)) * Math.abs(x) + Math.abs(cc)) * 1e-16)
      break;
    const fNext = ((next + a) * next + b) * next + cc;
    if (Math.abs(fNext) >= Math.abs(f)) break;
    x = next;
  }
  return x;
}

/**
 * The three roots of x³ + ax² + bx + c. Real roots come from the trigonometric or Cardano
 * form, polished by Newton's method; a complex pair comes from deflating by the real root.
 */
export function cubicRoots(a: number, b: number, cc: number): Complex[] {
  const shift = a / 3;
  const p = b - a * shift;
  const q = 2 * shift * shift * shift - b * shift + cc;
  const disc = (q / 2) * (q / 2) + (p / 3) * (p / 3) * (p / 3);
  if (disc <= 0 && p < 0) {
    const m = 2 * Math.sqrt(-p / 3);
    const ratio = (3 * q) / (p * m);
    // p·m can underflow for a (nearly) triple root; then every angle gives the same roots.
    const cosArg = Number.isFinite(ratio) ? Math.max(-1, Math.min(1, ratio)) : 0;
    const theta = Math.acos(cosArg) / 3;
    const roots = [0, 1, 2].map((k) => polishCubicRoot(a, b, cc, m * Math.cos(theta - (2 * Math.PI * k) / 3) - shift));
    return roots.sort((x, y) => y - x).map((x) => c(x));
  }
  // One real root (Cardano with the cancellation-free sign choice), then deflate.
  const u = Math.cbrt(-q / 2 - Math.sign(q || 1) * Math.sqrt(Math.max(disc, 0)));
  const t = u === 0 ? 0 : u - p / (3 * u);
  const r = polishCubicRoot(a, b, cc, t - shift);
  // x³ + ax² + bx + c = (x − r)(x² + Bx + C)
  const B = a + r;
  const C = Math.abs(r) > 1 ? -cc / r : b + r * B;
  const pair = quadraticRoots(B, C);
  return [c(r), ...pair].sort((x, y) => y.re - x.re || y.im - x.im);
}

// ---------------------------------------------------------------------------------------------
// Eigen decomposition.

/** Cross product of two 3-vectors, complex entries allowed (bilinear, no conjugation). */
function cross(u: Complex[], v: Complex[]): Complex[] {
  const [u0, u1, u2] = u as [Complex, Complex, Complex];
  const [v0, v1, v2] = v as [Complex, Complex, Complex];
  return [cSub(cMul(u1, v2), cMul(u2, v1)), cSub(cMul(u2, v0), cMul(u0, v2)), cSub(cMul(u0, v1), cMul(u1, v0))];
}

/**
 * A basis of the null space of the (complex) n×n matrix M, n = 2 or 3, where entries below
 * `tol` count as zero. Built from cross products / swapped rows so no pivoting is needed.
 */
function nullSpace(M: Complex[][], tol: number): Complex[][] {
  const n = M.length;
  const rows = M.filter((r) => cNorm(r) > tol);
  if (rows.length === 0) return identity(n).map((r) => r.map((x) => c(x)));
  if (n === 2) {
    const r = rows.reduce((best, row) => (cNorm(row) > cNorm(best) ? row : best));
    return [[r[1] ?? c(0), cSub(c(0), r[0] ?? c(0))]];
  }
  let best: Complex[] = [];
  let bestNorm = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      const x = cross(M[i]!, M[j]!);
      const size = cNorm(x);
      if (size > bestNorm) [best, bestNorm] = [x, size];
    }
  }
  const rowScale = Math.max(...M.map(cNorm));
  if (bestNorm > tol * rowScale) return [best];
  // Rank one: every vector orthogonal (bilinearly) to the largest row.
  const r = rows.reduce((b, row) => (cNorm(row) > cNorm(b) ? row : b));
  const k = r.reduce((bi, x, i) => (cAbs(x) > cAbs(r[bi]!) ? i : bi), 0);
  return [0, 1, 2].filter((j) => j !== k).map((j) => [0, 1, 2].map((i) => (i === j ? r[k]! : i === k ? cSub(c(0), r[j]!) : c(0))));
}

/**
 * Solves M·y = b (complex, n ≤ 3) by Gaussian elimination with partial pivoting. For inverse
 * iteration M is singular to rounding, so a pivot below ε (‖M‖ ≈ 1 here) is replaced by ε.
 */
function solve(M: Complex[][], b: Complex[]): Complex[] {
  const n = b.length;
  const R = M.map((row, i) => [...row, b[i]!]);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (cAbs(R[i]![k]!) > cAbs(R[p]![k]!)) p = i;
    [R[k], R[p]] = [R[p]!, R[k]!];
    const pivot = R[k]!;
    if (cAbs(pivot[k]!) < Number.EPSILON) pivot[k] = c(Number.EPSILON);
    for (let i = k + 1; i < n; i++) {
      const f = cDiv(R[i]![k]!, pivot[k]!);
      R[i] = R[i]!.map((x, j) => cSub(x, cMul(f, pivot[j]!)));
    }
  }
  const y: Complex[] = [];
  for (let i = n - 1; i >= 0; i--) {
    let s = R[i]![n]!;
    for (let j = i + 1; j < n; j++) s = cSub(s, cMul(R[i]![j]!, y[j]!));
    y[i] = cDiv(s, R[i]![i]!);
  }
  return y;
}

/** Orthonormalises real vectors (used for repeated real eigenvalues) by Gram–Schmidt. */
function orthonormalReal(vectors: Complex[][]): Complex[][] {
  const out: number[][] = [];
  for (const v of vectors) {
    let w = v.map((x) => x.re);
    for (const u of out) {
      const d = w.reduce((s, x, i) => s + x * (u[i] ?? 0), 0);
      w = w.map((x, i) => x - d * (u[i] ?? 0));
    }
    const n = Math.hypot(...w);
    if (n > 1e-9) out.push(w.map((x) => x / n));
  }
  return out.map((w) => canonical(w.map((x) => c(x))));
}

/** The coefficients (x³ + ax² + bx + c or x² + bx + c) of det(xI − A). */
export function characteristicPolynomial(A: Matrix): number[] {
  if (A.length === 2) return [1, -trace(A), det(A)];
  const minors =
    at(A, 0, 0) * at(A, 1, 1) -
    at(A, 0, 1) * at(A, 1, 0) +
    at(A, 0, 0) * at(A, 2, 2) -
    at(A, 0, 2) * at(A, 2, 0) +
    at(A, 1, 1) * at(A, 2, 2) -
    at(A, 1, 2) * at(A, 2, 1);
  return [1, -trace(A), minors, -det(A)];
}

/**
 * The eigenvalues of the real 2×2 block [[a, b], [cc, d]]. (λ − mid)² = p² + b·cc with
 * p = (a − d)/2 is formed from the entries, not as trace²/4 − det, which cancels when the
 * eigenvalues are close; the second real root comes from the product (as in LAPACK's dlanv2)
 * so neither root subtracts nearly equal numbers.
 */
function eigen2(a: number, b: number, cc: number, d: number): Complex[] {
  const p = (a - d) / 2;
  const disc = p * p + b * cc;
  if (disc < 0) return [c(d + p, Math.sqrt(-disc)), c(d + p, -Math.sqrt(-disc))];
  const z = p + (p < 0 ? -1 : 1) * Math.sqrt(disc);
  // |b·cc/z| ≤ |z|; when z is subnormal b·cc has underflowed to 0 (b/z could overflow: ∞·0).
  // z = 0 only when p = 0 and b·cc = 0: a double root at d.
  return [c(d + z), c(z ? d - (b * cc) / z : d)];
}

/** H ← P·H·P for the Householder reflector P that maps x (rows/columns k, k + 1, …) onto e_k. */
function reflect(H: Matrix, k: number, x: number[]): void {
  // Scaled to max|xᵢ| = 1 first: subnormal entries (fast-check likes 5e-324) have no precision.
  const m = Math.max(...x.map(Math.abs));
  if (!m) return;
  const y = x.map((t) => t / m);
  const size = Math.hypot(...y);
  const v = y.map((t, i) => (i ? t : t + (t < 0 ? -size : size)));
  const n = Math.hypot(...v);
  const u = v.map((t) => t / n);
  for (const row of H) {
    const s = u.reduce((acc, ui, i) => acc + ui * row[k + i]!, 0);
    u.forEach((ui, i) => (row[k + i]! -= 2 * s * ui));
  }
  for (let j = 0; j < H.length; j++) {
    const s = u.reduce((acc, ui, i) => acc + ui * H[k + i]![j]!, 0);
    u.forEach((ui, i) => (H[k + i]![j]! -= 2 * s * ui));
  }
}

/**
 * The eigenvalues of a real 2×2 or 3×3 matrix with max|aᵢⱼ| = 1, computed from the matrix by
 * orthogonal similarities (backward stable: exact for a matrix within rounding of A). The
 * characteristic polynomial's roots are not used: they lose half their digits when eigenvalues
 * cluster (nearly repeated but distinct), which made residuals ‖Av − λv‖ reach 1e-6. A 3×3 is reduced to Hessenberg form and Francis double-shift QR steps run until a
 * subdiagonal entry is negligible; that splits off a real eigenvalue and a 2×2 block (real
 * Schur form), whose pair may be complex.
 */
function eigenvalues(A: Matrix): Complex[] {
  if (A.length === 2) return eigen2(at(A, 0, 0), at(A, 0, 1), at(A, 1, 0), at(A, 1, 1));
  const H = A.map((row) => [...row]);
  const h = (i: number, j: number) => H[i]![j]!;
  // ‖A‖ ≥ 1 here, so ε is the absolute size below which a subdiagonal entry is rounding.
  const tol = Number.EPSILON;
  // Reduces H to Hessenberg form (zero H₂₀); also restores that form after each QR step.
  const hessenberg = () => {
    reflect(H, 1, [h(1, 0), h(2, 0)]);
    H[2]![0] = 0;
  };
  hessenberg();
  for (let it = 0; it < 90 && Math.abs(h(1, 0)) > tol && Math.abs(h(2, 1)) > tol; it++) {
    // The shifts are the eigenvalues of the trailing 2×2 (sum s, product t); every tenth step
    // uses made-up ones instead, which breaks the cycles of matrices such as the 3-cycle permutation.
    const q = Math.abs(h(2, 1)) + Math.abs(h(1, 0));
    const exceptional = it % 10 === 9;
    const s = exceptional ? 2 * h(2, 2) + 1.5 * q : h(1, 1) + h(2, 2);
    const t = exceptional ? (h(2, 2) + 0.75 * q) ** 2 + 0.4375 * q * q : h(1, 1) * h(2, 2) - h(1, 2) * h(2, 1);
    // The first column of (H − σ₁I)(H − σ₂I) = H² − sH + tI; the reflector that maps it onto e₀
    // starts the implicit double step.
    reflect(H, 0, [h(0, 0) * h(0, 0) + h(0, 1) * h(1, 0) - s * h(0, 0) + t, h(1, 0) * (h(0, 0) + h(1, 1) - s), h(1, 0) * h(2, 1)]);
    hessenberg();
  }
  // Split at the smaller subdiagonal entry (they are negligible unless the iteration ran out).
  return Math.abs(h(2, 1)) <= Math.abs(h(1, 0))
    ? [c(h(2, 2)), ...eigen2(h(0, 0), h(0, 1), h(1, 0), h(1, 1))]
    : [c(h(0, 0)), ...eigen2(h(1, 1), h(1, 2), h(2, 1), h(2, 2))];
}

/**
 * Eigenvalues with multiplicities and eigenvectors of a real 2×2 or 3×3 matrix. Symmetric
 * matrices use Jacobi rotations (orthonormal real eigenvectors); other matrices take their
 * eigenvalues from the QR algorithm (`eigenvalues`) and eigenvectors from the null space of
 * A − λI, so complex eigenvalues come with complex eigenvectors. Values are ordered by real
 * part, largest first, and a conjugate pair with the positive imaginary part first.
 */
export function eigen(A: Matrix): Eigenspace[] {
  const n = A.length;
  const size = scaleOf(A);
  if (size === 0) return [{ value: c(0), algebraic: n, vectors: identity(n).map((r) => r.map((x) => c(x))) }];
  // Work on A / max|aᵢⱼ| (same eigenvectors) so no power of an entry overflows or underflows.
  const spaces = eigenOfScaled(A.map((row) => row.map((a) => a / size)));
  // "+ 0" turns −0 into 0 for display.
  return spaces.map((s) => ({ ...s, value: c(s.value.re * size + 0, s.value.im * size + 0) }));
}

function eigenOfScaled(A: Matrix): Eigenspace[] {
  const scale = 1;
  const clusterTol = 1e-6 * scale;
  if (isSymmetric(A)) {
    const { values, vectors } = symmetricEigen(A);
    const spaces: Eigenspace[] = [];
    values.forEach((value, i) => {
      const v = vectors.map((row) => c(row[i] ?? 0));
      const last = spaces[spaces.length - 1];
      if (last && Math.abs(last.value.re - value) <= clusterTol) {
        last.algebraic += 1;
        last.vectors.push(v);
        last.value = c(last.value.re + (value - last.value.re) / last.algebraic);
      } else spaces.push({ value: c(value), algebraic: 1, vectors: [v] });
    });
    for (const s of spaces) s.vectors = orthonormalReal(s.vectors);
    return spaces;
  }
  let roots = eigenvalues(A).sort((x, y) => y.re - x.re || y.im - x.im);
  if (A.length === 3) {
    // Any stable method spreads a triple eigenvalue (a 3×3 Jordan block) by about ε^⅓ ≈ 6e-6, too
    // wide for the grouping below. If det(xI − A) is (x + a/3)³ to rounding, i.e. both coefficients
    // of its depressed cubic y³ + py + q vanish (exactly, for small-integer Jordan blocks), the
    // eigenvalue is −a/3 three times.
    const [, a, b, d] = characteristicPolynomial(A) as [number, number, number, number];
    const s = a / 3;
    if (Math.abs(b - a * s) < 1e-14 && Math.abs(2 * s * s * s - b * s + d) < 1e-14) roots = [c(-s), c(-s), c(-s)];
  }
  // Group values that agree to rounding: a defective eigenvalue is computed only to ~√ε.
  const groups: Array<{ value: Complex; algebraic: number }> = [];
  for (const r of roots) {
    const g = groups.find((x) => cAbs(cSub(x.value, r)) <= clusterTol);
    if (g) {
      g.value = c((g.value.re * g.algebraic + r.re) / (g.algebraic + 1), (g.value.im * g.algebraic + r.im) / (g.algebraic + 1));
      g.algebraic += 1;
    } else groups.push({ value: r, algebraic: 1 });
  }
  return groups.map(({ value, algebraic }) => {
    const real = Math.abs(value.im) <= 1e-12 * scale;
    const lambda = real ? c(value.re) : value;
    const M = A.map((row, i) => row.map((a, j) => (i === j ? cSub(c(a), lambda) : c(a))));
    // A repeated eigenvalue is only known to about √ε, so its null space needs a looser test.
    const tol = (algebraic > 1 ? 1e-6 : 1e-10) * scale;
    let vectors = nullSpace(M, tol).map(canonical);
    if (algebraic === 1) {
      // When other eigenvalues are near, the cross products in nullSpace lose digits or A − λI
      // looks like rank one and nullSpace offers two candidates. One step of inverse iteration,
      // (A − λI)·y = v, polishes each; keep whichever vector satisfies Av = λv best.
      const residual = (v: Complex[]) => eigenResidual(A, lambda, v);
      const candidates = [...vectors, ...vectors.map((v) => canonical(solve(M, v)))];
      vectors = [candidates.reduce((best, v) => (residual(v) < residual(best) ? v : best))];
    }
    if (real) vectors = orthonormalReal(vectors);
    return { value: lambda, algebraic, vectors: vectors.slice(0, algebraic) };
  });
}

/** ‖A·v − λ·v‖ for a complex eigenpair: how well it satisfies the definition (for tests and display). */
export function eigenResidual(A: Matrix, value: Complex, vector: Complex[]): number {
  const Av = A.map((row) => row.reduce((s, a, j) => cAdd(s, cMul(c(a), vector[j] ?? c(0))), c(0)));
  return cNorm(Av.map((x, i) => cSub(x, cMul(value, vector[i] ?? c(0)))));
}

/** The rotation angle (radians, in (−π, π]) of a real 2×2 matrix with eigenvalues a ± bi: atan2(b, a). */
export function rotationAngle(value: Complex): number {
  return Math.atan2(value.im, value.re);
}

// ---------------------------------------------------------------------------------------------
// Singular value decomposition.

/**
 * A = U·diag(σ)·Vᵀ for a real n×n matrix (n = 2 or 3). V diagonalises AᵀA by Jacobi
 * rotations, applied one-sided to the columns of A·V so AᵀA is never formed (that would
 * square the condition number); σᵢ = ‖A·vᵢ‖ and uᵢ = A·vᵢ/σᵢ. Columns whose σ is zero to
 * rounding get σ = 0 and a U column that completes an orthonormal basis.
 */
export function svd(A: Matrix): Svd {
  const n = A.length;
  // Work on A / max|aᵢⱼ| so squares neither overflow nor underflow; σ is scaled back at the end.
  const scale = scaleOf(A) || 1;
  const W = A.map((row) => row.map((a) => a / scale));
  const V = identity(n);
  const col = (M: Matrix, j: number) => M.map((row) => row[j] ?? 0);
  const dot = (u: Vector, v: Vector) => u.reduce((s, x, i) => s + x * (v[i] ?? 0), 0);
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const wp = col(W, p);
        const wq = col(W, q);
        const alpha = dot(wp, wp);
        const beta = dot(wq, wq);
        const gamma = dot(wp, wq);
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        // The Jacobi rotation that zeroes the (p, q) entry of AᵀA.
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (const M of [W, V]) {
          for (const row of M) {
            const x = row[p] ?? 0;
            const y = row[q] ?? 0;
            row[p] = cs * x - sn * y;
            row[q] = sn * x + cs * y;
          }
        }
      }
    }
    if (!rotated) break;
  }
  const norms = Array.from({ length: n }, (_, j) => Math.hypot(...col(W, j)));
  const order = norms.map((_, j) => j).sort((i, j) => (norms[j] ?? 0) - (norms[i] ?? 0));
  const sigmaMax = norms[order[0] ?? 0] ?? 0;
  const sigma: Vector = [];
  const uCols: Vector[] = [];
  for (const j of order) {
    const s = norms[j] ?? 0;
    if (s > 8 * Number.EPSILON * sigmaMax && s > 0) {
      sigma.push(s * scale);
      uCols.push(col(W, j).map((x) => x / s));
    } else sigma.push(0);
  }
  // Complete U with unit vectors orthogonal to the columns already found.
  for (let e = 0; uCols.length < n && e < n; e++) {
    let w: Vector = Array.from({ length: n }, (_, i) => (i === e ? 1 : 0));
    for (let pass = 0; pass < 2; pass++) {
      for (const u of uCols) {
        const d = dot(w, u);
        w = w.map((x, i) => x - d * (u[i] ?? 0));
      }
    }
    const size = Math.hypot(...w);
    if (size > 0.5) uCols.push(w.map((x) => x / size));
  }
  return {
    U: Array.from({ length: n }, (_, i) => uCols.map((u) => u[i] ?? 0)),
    sigma,
    V: V.map((row) => order.map((j) => row[j] ?? 0)),
  };
}

/** The singular values of A, largest first. */
export function singularValues(A: Matrix): Vector {
  return svd(A).sigma;
}

/** Points of the unit circle (in the first two coordinates) and their images under A. */
export function unitCircleImage(A: Matrix, steps = 96): { circle: Array<[number, number]>; image: Array<[number, number]> } {
  const circle: Array<[number, number]> = [];
  const image: Array<[number, number]> = [];
  for (let k = 0; k <= steps; k++) {
    const t = (2 * Math.PI * k) / steps;
    const v = A.length === 2 ? [Math.cos(t), Math.sin(t)] : [Math.cos(t), Math.sin(t), 0];
    const w = matVec(A, v);
    circle.push([v[0] ?? 0, v[1] ?? 0]);
    image.push([w[0] ?? 0, w[1] ?? 0]);
  }
  return { circle, image };
}
