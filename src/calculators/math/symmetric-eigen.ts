/**
 * Eigenvalues and orthonormal eigenvectors of a real symmetric matrix by cyclic Jacobi rotations.
 * Moved out of linear-algebra.ts (which re-exports it) so that the PCA explorer's chunk carries
 * only this routine and not the whole general eigen/SVD module (size budget: 15 KB gz a calculator).
 */

const at = (A: number[][], i: number, j: number): number => A[i]?.[j] ?? 0;

/**
 * Eigenvalues and orthonormal eigenvectors of a real symmetric matrix by cyclic Jacobi
 * rotations. Returns values (largest first) and the eigenvectors as columns of `vectors`.
 */
export function symmetricEigen(S: number[][]): { values: number[]; vectors: number[][] } {
  const n = S.length;
  const A = S.map((row) => [...row]);
  const Q: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  // The largest absolute entry: the scale for the convergence test.
  const scale = Math.max(...A.flat().map(Math.abs), 0) || 1;
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(A, i, j) ** 2;
    if (Math.sqrt(off) <= 1e-17 * scale) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(A, p, q);
        if (apq === 0) continue;
        const theta = (at(A, q, q) - at(A, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < n; k++) {
          const akp = at(A, k, p);
          const akq = at(A, k, q);
          A[k]![p] = cs * akp - sn * akq;
          A[k]![q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(A, p, k);
          const aqk = at(A, q, k);
          A[p]![k] = cs * apk - sn * aqk;
          A[q]![k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < n; k++) {
          const qkp = at(Q, k, p);
          const qkq = at(Q, k, q);
          Q[k]![p] = cs * qkp - sn * qkq;
          Q[k]![q] = sn * qkp + cs * qkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(A, j, j) - at(A, i, i));
  return {
    values: order.map((i) => at(A, i, i)),
    vectors: Q.map((row) => order.map((i) => row[i] ?? 0)),
  };
}
