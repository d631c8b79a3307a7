/**
 * Recomputes every number of the rank-and-low-rank note's worked examples (rank, null space
 * and left null space of a 3×3 matrix; the best rank-1 approximation of a 2×2 matrix; LoRA's
 * parameter count and memory for LLaMA-2 7B) and the model-scale numbers quoted next to them,
 * and checks that each appears, as printed, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { det, matMul, matVec, svd, transpose } from '../../../src/calculators/math/linear-algebra.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('linear-algebra', 'rank-and-low-rank', printed);

type Mat = number[][];
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const frobenius = (m: Mat) => Math.sqrt(sum(m.flat().map((x) => x * x)));
/** Integers as the notes print them in prose and tables (8,388,608) and in TeX (8{,}388{,}608). */
const grouped = (n: number) => n.toLocaleString('en-US');
const texGrouped = (n: number) => grouped(n).replace(/,/g, '{,}');
/** A matrix as the notes typeset it: \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}. */
const pmatrix = (m: Mat) => `\\begin{pmatrix} ${m.map((row) => row.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
/** A tuple as printed: (1, 1, -1). */
const tuple = (v: number[]) => `(${v.join(', ')})`;

/**
 * Row echelon form by exact elimination in the order the note does it (each row below the
 * pivot minus a multiple of the pivot row, zero rows moved to the bottom); the entries here
 * are small integers, so floating point is exact.
 */
function echelon(a: Mat): { rows: Mat; afterFirstStep: Mat; pivots: number } {
  const m = a.map((row) => [...row]);
  let afterFirstStep: Mat = [];
  let pivotRow = 0;
  for (let col = 0; col < m[0]!.length && pivotRow < m.length; col++) {
    const p = m.findIndex((row, i) => i >= pivotRow && row[col] !== 0);
    if (p < 0) continue;
    [m[pivotRow], m[p]] = [m[p]!, m[pivotRow]!];
    for (let i = pivotRow + 1; i < m.length; i++) {
      const f = m[i]![col]! / m[pivotRow]![col]!;
      m[i] = m[i]!.map((x, j) => x - f * m[pivotRow]![j]!);
    }
    if (pivotRow === 0) afterFirstStep = m.map((row) => row.map((x) => x + 0));
    pivotRow++;
    // Zero rows sink to the bottom, as in the note's second matrix.
    m.sort((r1, r2) => Number(r1.every((x) => x === 0)) - Number(r2.every((x) => x === 0)));
  }
  return { rows: m.map((row) => row.map((x) => x + 0)), afterFirstStep, pivots: pivotRow };
}

describe('rank and low-rank worked examples', () => {
  const A: Mat = [
    [1, 2, 3],
    [2, 4, 6],
    [1, 1, 2],
  ];

  it('rank, null space, column space and left null space of a 3×3 matrix', () => {
    const { rows, afterFirstStep, pivots } = echelon(A);
    expect(pivots).toBe(2);
    expect(det(A)).toBeCloseTo(0, 12);
    // The site's SVD agrees: exactly two non-zero singular values.
    expect(svd(A).sigma.filter((s) => s > 1e-9)).toHaveLength(2);

    // Null space: back-substitution from the echelon rows with v3 = -1.
    const v3 = -1;
    const v2 = -(rows[1]![2]! * v3) / rows[1]![1]!;
    const v1 = -(rows[0]![1]! * v2 + rows[0]![2]! * v3) / rows[0]![0]!;
    const v = [v1, v2, v3];
    expect(v).toEqual([1, 1, -1]);
    expect(matVec(A, v)).toEqual([0, 0, 0]);
    expect(3 - pivots).toBe(1); // rank–nullity: 2 + 1 = 3
    // Column 3 is column 1 plus column 2.
    expect(A.map((r) => r[0]! + r[1]! - r[2]!)).toEqual([0, 0, 0]);

    // Left null space: row 2 = 2 × row 1, so u = (2, -1, 0) and uA = 0; u is ⟂ to every column.
    const u = [2, -1, 0];
    expect(matMul([u], A)[0]).toEqual([0, 0, 0]);
    const [c1, c2] = [transpose(A)[0]!, transpose(A)[1]!];
    expect(2 * c1[0]! - c1[1]!).toBe(0);
    expect(2 * c2[0]! - c2[1]!).toBe(0);
    // The rows that span the outputs are perpendicular to the null vector.
    for (const row of [A[0]!, A[2]!]) expect(sum(row.map((x, i) => x * v[i]!))).toBe(0);

    expectInBoth([
      pmatrix(A),
      pmatrix(afterFirstStep),
      pmatrix(rows),
      `\\operatorname{rank}A = ${pivots}`,
      `N(A) = \\operatorname{span}${tuple(v)}`,
      `A\\,${tuple(v)}^\\top = (1 + 2 - 3,\\; 2 + 4 - 6,\\; 1 + 1 - 2)^\\top = \\mathbf{0}`,
      `$${pivots} + ${3 - pivots} = 3$`,
      `${tuple(c1)}$`,
      `${tuple(c2)}$`,
      `\\mathbf{u} = ${tuple(u)}`,
      `2(1, 2, 3) - (2, 4, 6) = \\mathbf{0}`,
      `2y_1 - y_2 = 0`,
      `\\mathbf{x} = ${tuple(u)}`,
    ]);
  });

  it('best rank-1 approximation of [[3, 1], [1, 3]] and its error', () => {
    const B: Mat = [
      [3, 1],
      [1, 3],
    ];
    const { U, sigma, V } = svd(B);
    expect(sigma[0]).toBeCloseTo(4, 12);
    expect(sigma[1]).toBeCloseTo(2, 12);
    const u1 = U.map((row) => row[0]!);
    const v1 = V.map((row) => row[0]!);
    const A1 = u1.map((ui) => v1.map((vj) => sigma[0]! * ui * vj));
    const rounded = A1.map((row) => row.map((x) => Math.round(x * 1e9) / 1e9));
    expect(rounded).toEqual([
      [2, 2],
      [2, 2],
    ]);
    const E = B.map((row, i) => row.map((x, j) => x - rounded[i]![j]!));
    expect(frobenius(E)).toBeCloseTo(sigma[1]!, 12);
    const total = sum(B.flat().map((x) => x * x));
    expect(total).toBeCloseTo(sigma[0]! ** 2 + sigma[1]! ** 2, 9);
    const kept = Math.round((100 * sigma[0]! ** 2) / total);
    // Keeping the first row instead: the error is the second row.
    const naive = frobenius([B[1]!]);
    expect(naive).toBeGreaterThan(sigma[1]!);
    expectInBoth([
      `\\sigma_1 = ${Math.round(sigma[0]!)}`,
      `\\sigma_2 = ${Math.round(sigma[1]!)}`,
      pmatrix(rounded),
      pmatrix(E),
      `\\sqrt{1 + 1 + 1 + 1} = ${Math.round(frobenius(E))} = \\sigma_2`,
      `9 + 1 + 1 + 9 = ${total} = 4^2 + 2^2`,
      `16/${total} = ${kept}\\%`,
      `(1, 3)`,
      `\\sqrt{10} \\approx ${naive.toFixed(4)}`,
    ]);
  });

  it('low-rank factorisation of a 4096 × 4096 matrix', () => {
    const d = 4096;
    const r = 8;
    expect((d * d) / (d + d)).toBe(2048);
    expectInBoth([`r \\lt ${(d * d) / (d + d)}`, `$${texGrouped(r * (d + d))}$`, `${grouped(d * d)}`, `${((100 * r * (d + d)) / (d * d)).toFixed(2)}%`]);
  });

  it('LoRA on W_q and W_v of LLaMA-2 7B, r = 8: parameters, memory and adapter size', () => {
    const layers = 32;
    const d = 4096;
    const r = 8;
    const dff = 11008;
    const vocab = 32000;
    const perMatrix = r * (d + d);
    const lora = layers * 2 * perMatrix;
    expect(lora).toBe(4_194_304);
    // LLaMA-2 7B's parameter count from its shapes (as in the matrix-multiplication note).
    const total = layers * (4 * d * d + 3 * d * dff + 2 * d) + 2 * vocab * d + d;
    expect(total).toBe(6_738_415_616);
    const full = 16 * total;
    const base = 2 * total;
    const adapterState = 16 * lora;
    const adapterFile = 2 * lora;
    expect(adapterState).toBe(64 * 2 ** 20);
    expect(adapterFile).toBe(8 * 2 ** 20);
    expectInBoth([
      `${layers} \\times 2 \\times ${r}\\times(${d} + ${d}) = ${layers} \\times 2 \\times ${texGrouped(perMatrix)} = ${texGrouped(lora)}`,
      `${((100 * lora) / total).toFixed(4)}%`,
      grouped(total),
      `${grouped(full)}`,
      `${Math.round(full / 1e9)} GB`,
      `${grouped(base)}`,
      `${(base / 1e9).toFixed(1)} GB`,
      `${grouped(lora)} × 16`,
      `${grouped(adapterState)}`,
      `${adapterState / 2 ** 20} MiB`,
      `${texGrouped(lora)}\\times2 = ${texGrouped(adapterFile)}`,
      `${adapterFile / 2 ** 20} MiB`,
      // α = 16, r = 8: merging adds 2·BA.
      `$${16 / r}\\,BA$`,
    ]);
  });

  it('model-scale numbers: attention rank, probe size, DeepSeek-V2 cache', () => {
    // GPT-2: every size has 64-dimensional heads.
    for (const [dModel, heads] of [
      [768, 12],
      [1024, 16],
      [1280, 20],
      [1600, 25],
    ]) {
      expect(dModel! / heads!).toBe(64);
    }
    expect(1024 * 1024).toBeGreaterThan(1e6);
    expect(4096 / 32).toBe(128);
    // A one-logit probe on 4,096-dimensional states: a weight vector and a bias.
    const probe = 4096 + 1;
    // DeepSeek-V2: a 512-dimensional latent plus a 64-dimensional rotary key per token and
    // layer, against keys and values of 128 heads × 128 dimensions.
    const mla = 512 + 64;
    const mha = 2 * 128 * 128;
    expectInBoth([`$1024\\times1024$`, grouped(probe), `${mla}`, `2\\times128\\times128 = ${texGrouped(mha)}`]);
  });
});
