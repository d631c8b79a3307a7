/**
 * Worked examples of the linear-algebra area: every number printed in a worked example (and
 * the model-scale numbers quoted next to them) is recomputed here from its inputs and must
 * appear, formatted as printed, in both the English and the Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const AREA = 'linear-algebra';

type Vec = number[];
type Mat = number[][];

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const dot = (u: Vec, v: Vec) => sum(u.map((x, i) => x * v[i]));
const norm2 = (v: Vec) => Math.sqrt(dot(v, v));
const norm1 = (v: Vec) => sum(v.map(Math.abs));
const cosine = (u: Vec, v: Vec) => dot(u, v) / (norm2(u) * norm2(v));
const transpose = (a: Mat): Mat => a[0].map((_, j) => a.map((row) => row[j]));
const matmul = (a: Mat, b: Mat): Mat => a.map((row) => transpose(b).map((col) => dot(row, col)));
const trace = (a: Mat) => sum(a.map((row, i) => row[i]));
const softmax = (z: Vec) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = sum(e);
  return e.map((v) => v / s);
};
const entropyNats = (p: Vec) => -sum(p.map((x) => (x > 0 ? x * Math.log(x) : 0)));
/** Eigenvalues of a real 2×2 matrix with real spectrum, largest first. */
const eig2 = (a: Mat): [number, number] => {
  const tr = a[0][0] + a[1][1];
  const det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
  const disc = Math.sqrt(tr * tr - 4 * det);
  return [(tr + disc) / 2, (tr - disc) / 2];
};
const f4 = (x: number) => x.toFixed(4);
const f2 = (x: number) => x.toFixed(2);
/** Integers with thousands separators, as printed in the notes: 124,439,808. */
const grouped = (n: number) => n.toLocaleString('en-US');
/** The same inside TeX, where the notes write 124{,}439{,}808. */
const groupedTex = (n: number) => grouped(n).replaceAll(',', '{,}');
const fmtMat = (a: Mat) => a.map((row) => row.join(' & ')).join(' \\\\ ');
/** Compact form used in the attention note: 2&0&1\\ 0&2&2. */
const fmtMatTight = (a: Mat) => a.map((row) => row.join('&')).join('\\\\ ');

/** Assert that each string appears in both language versions of a note. */
const inBoth = (slug: string, ...strings: string[]) => expectPrintedInBothNotes(AREA, slug, strings);

describe('overview: tensor sizes in a GPT-2 small forward pass', () => {
  const [B, T, d, h, V] = [4, 1024, 768, 12, 50257];
  it('hidden states (4, 1024, 768)', () => {
    const n = B * T * d;
    expect(n).toBe(3_145_728);
    inBoth(AREA, groupedTex(n), grouped(n));
    expect(((n * 4) / 1e6).toFixed(1)).toBe('12.6');
    inBoth(AREA, '12.6 MB');
  });
  it('attention scores (4, 12, 1024, 1024)', () => {
    const n = B * h * T * T;
    inBoth(AREA, groupedTex(n), grouped(n * 4));
    expect(Math.round((n * 4) / 1e6)).toBe(201);
    inBoth(AREA, '201 MB');
  });
  it('logits (4, 1024, 50257)', () => {
    const n = B * T * V;
    inBoth(AREA, groupedTex(n), grouped(n * 4));
    expect(Math.round((n * 4) / 1e6)).toBe(823);
    inBoth(AREA, '823 MB', '498 MB');
  });
  it('GPT-2 small dimensions', () => {
    expect(d / h).toBe(64);
    expect(Math.sqrt(d / h)).toBe(8);
    inBoth(AREA, '124,439,808', '$50257 \\times 768$', 'd_{\\text{head}} = 64');
  });
});

describe('vectors and embeddings', () => {
  const slug = 'vectors-and-embeddings';
  it('two vectors in 3D', () => {
    const a = [3, 4, 0];
    const b = [4, 4, 2];
    expect(dot(a, b)).toBe(28);
    expect(norm2(a)).toBe(5);
    expect(norm2(b)).toBe(6);
    expect(norm1(a)).toBe(7);
    const c = cosine(a, b);
    const deg = (Math.acos(c) * 180) / Math.PI;
    inBoth(slug, '= 28', '= 5', '= 6', `= ${f4(c)}`, `\\approx ${f2(deg)}^\\circ`, '3 + 4 + 0 = 7');
  });
  it('toy embeddings', () => {
    const cat = [2, 1, 0, 1];
    const dog = [2, 1, 1, 0];
    const car = [0, 1, 2, -1];
    for (const v of [cat, dog, car]) expect(dot(v, v)).toBe(6);
    inBoth(slug, `\\sqrt6 \\approx ${f4(Math.sqrt(6))}`);
    expect(dot(cat, dog)).toBe(5);
    expect(dot(dog, car)).toBe(3);
    expect(dot(cat, car)).toBe(0);
    inBoth(slug, `= 5$ | ${f4(cosine(cat, dog))}`, `= 3$ | ${f4(cosine(dog, car))}`, `= 0$ | ${f4(Math.abs(cosine(cat, car)))}`);
  });
  it('embedding sizes', () => {
    inBoth(slug, grouped(50257 * 768), grouped(50257 * 768 * 4), grouped(32000 * 4096));
  });
  it('random vectors are nearly orthogonal', () => {
    inBoth(slug, `\\approx ${f4(1 / Math.sqrt(768))}`, `$${f4(1 / Math.sqrt(4096))}$`, `\\approx ${f2(Math.sqrt(768))}`);
  });
});

describe('matrix multiplication', () => {
  const slug = 'matrix-multiplication';
  it('a small product and the cyclic trace', () => {
    const A = [
      [1, 2, 0],
      [0, 1, 3],
    ];
    const B = [
      [2, 1],
      [1, 0],
      [0, 4],
    ];
    const AB = matmul(A, B);
    const BA = matmul(B, A);
    expect(AB).toEqual([
      [4, 1],
      [1, 12],
    ]);
    inBoth(slug, fmtMat(AB), fmtMat(BA));
    expect(trace(AB)).toBe(16);
    expect(trace(BA)).toBe(16);
    inBoth(slug, '4 + 12 = 2 + 2 + 12 = 16');
  });
  it('a block in miniature', () => {
    const x = [1, -1];
    const W1 = [
      [1, 0, 1],
      [0, 1, -1],
    ];
    const W2 = [
      [1, 0],
      [0, 1],
      [1, 1],
    ];
    const up = matmul([x], W1)[0];
    expect(up).toEqual([1, -1, 2]);
    const relu = up.map((v) => Math.max(0, v));
    expect(relu).toEqual([1, 0, 2]);
    const down = matmul([relu], W2)[0];
    expect(down).toEqual([3, 2]);
    const out = x.map((v, i) => v + down[i]);
    expect(out).toEqual([4, 1]);
    inBoth(slug, 'W_1 = (1, -1, 2)', '$(1, 0, 2)$', '= (3, 2)', '= (4, 1)');
  });
  it('GPT-2 small has 124,439,808 parameters', () => {
    const [V, Tmax, d, L, dff] = [50257, 1024, 768, 12, 3072];
    const rows = {
      tok: V * d,
      pos: Tmax * d,
      ln: 2 * d,
      qkv: d * 3 * d + 3 * d,
      proj: d * d + d,
      up: d * dff + dff,
      down: dff * d + d,
    };
    const block = 2 * rows.ln + rows.qkv + rows.proj + rows.up + rows.down;
    expect(block).toBe(12 * d * d + 13 * d);
    const total = rows.tok + rows.pos + L * block + 2 * d;
    expect(total).toBe(124_439_808);
    for (const n of [...Object.values(rows), block, L * block, total]) inBoth(slug, grouped(n));
    inBoth(slug, groupedTex(12 * d * d), groupedTex(13 * d), groupedTex(block), groupedTex(total));
    inBoth(slug, grouped(total * 4), grouped(total * 2), grouped(total * 16), grouped(total + V * d));
    expect(Math.round((total * 4) / 1e6)).toBe(498);
    expect(Math.round((100 * rows.tok) / total)).toBe(31);
    inBoth(slug, '498 MB', '31%', '2.5\\times10^8');
    expect(((2 * total) / 1e8).toFixed(1)).toBe('2.5');
  });
  it('LLaMA-2 7B has 6,738,415,616 parameters', () => {
    const [V, d, L, dff] = [32000, 4096, 32, 11008];
    const attn = 4 * d * d;
    const ffn = 3 * d * dff;
    const norms = 2 * d;
    const block = attn + ffn + norms;
    const total = L * block + 2 * V * d + d;
    expect(total).toBe(6_738_415_616);
    inBoth(slug, groupedTex(attn), groupedTex(ffn), groupedTex(norms), grouped(block), grouped(V * d));
    inBoth(slug, grouped(d), grouped(total));
    expect((2 * V * d) / total).toBeLessThan(0.04);
  });
});

describe('attention', () => {
  const slug = 'attention';
  const Q = [
    [1, 0, 1, 0],
    [0, 2, 0, 0],
  ];
  const K = [
    [1, 0, 1, 0],
    [0, 1, 0, 1],
    [1, 1, 0, 0],
  ];
  const V = [
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  const dk = 4;
  const S = matmul(Q, transpose(K));
  const scaled = S.map((row) => row.map((s) => s / Math.sqrt(dk)));
  const A = scaled.map(softmax);
  const O = matmul(A, V);
  it('scores', () => {
    expect(S).toEqual([
      [2, 0, 1],
      [0, 2, 2],
    ]);
    inBoth(slug, fmtMatTight(S), fmtMatTight(scaled));
  });
  it('softmax of row 1', () => {
    const e = scaled[0].map(Math.exp);
    inBoth(slug, `e^{1} = ${f4(e[0])}`, `e^{0.5} = ${f4(e[2])}`, `$${f4(sum(e))}$`);
    inBoth(slug, `(${A[0].map(f4).join(',\\; ')})`, `(${A[1].map(f4).join(',\\; ')})`);
    for (const row of A) expect(sum(row)).toBeCloseTo(1, 12);
  });
  it('outputs', () => {
    inBoth(slug, `= (${O[0].map(f4).join(',\\; ')})`, `(${O[1].map(f4).join(',\\; ')})`);
    inBoth(slug, `${f4(A[0][0])}\\,(1,0) + ${f4(A[0][1])}\\,(0,1) + ${f4(A[0][2])}\\,(1,1)`);
  });
  it('scaling off: sharper weights, lower entropy', () => {
    const raw = softmax(S[0]);
    inBoth(slug, `(${raw.map(f4).join(', ')})`);
    inBoth(slug, `$${f4(entropyNats(A[0]))}$`, `$${f4(entropyNats(raw))}$`, `\\ln 3 = ${f4(Math.log(3))}`);
    expect(entropyNats(raw)).toBeLessThan(entropyNats(A[0]));
  });
  it('why the square root', () => {
    expect(Math.sqrt(64)).toBe(8);
    inBoth(slug, `e^{16} \\approx ${(Math.exp(16) / 1e6).toFixed(1)}\\times10^{6}`, `e^2 \\approx ${f2(Math.exp(2))}`);
    inBoth(slug, `| ${f2(Math.sqrt(128))} |`);
  });
  it('KV cache sizes', () => {
    inBoth(slug, groupedTex(2 * 12 * 1024 * 768 * 2), groupedTex(2 * 32 * 4096 * 2));
    expect((2 * 32 * 4096 * 2) / 1024).toBe(512);
    expect((2 * 32 * 4096 * 2 * 4096) / 2 ** 30).toBe(2);
    inBoth(slug, groupedTex(2 * 80 * 8 * 128 * 2), grouped(2 * 80 * 8192 * 2));
    expect((2 * 80 * 8192 * 2) / (2 * 80 * 8 * 128 * 2)).toBe(8);
  });
});

describe('eigenvalues, SVD and PCA', () => {
  const slug = 'eigen-svd-pca';
  it('eigenpairs of [[2,1],[1,2]]', () => {
    const A = [
      [2, 1],
      [1, 2],
    ];
    expect(eig2(A)).toEqual([3, 1]);
    expect(matmul(A, [[1], [1]])).toEqual([[3], [3]]);
    expect(matmul(A, [[1], [-1]])).toEqual([[1], [-1]]);
    inBoth(slug, '\\lambda_1 = 3,\\; \\lambda_2 = 1', 'A(1,1)^\\top = (3, 3)^\\top');
  });
  it('singular values of [[3,0],[4,5]]', () => {
    const A = [
      [3, 0],
      [4, 5],
    ];
    const AtA = matmul(transpose(A), A);
    expect(AtA).toEqual([
      [25, 20],
      [20, 25],
    ]);
    const [m1, m2] = eig2(AtA);
    expect([m1, m2]).toEqual([45, 5]);
    const [s1, s2] = [Math.sqrt(m1), Math.sqrt(m2)];
    inBoth(slug, `\\sqrt{45} \\approx ${f4(s1)}`, `\\sqrt{5} \\approx ${f4(s2)}`, '625 - 400 = 225');
    expect(s1 * s2).toBeCloseTo(15, 12);
    expect(s1 / s2).toBeCloseTo(3, 12);
    expect(eig2(A)).toEqual([5, 3]);
    // u1 = A v1 / sigma1 is (1, 3)/sqrt(10)
    const v1 = [1 / Math.SQRT2, 1 / Math.SQRT2];
    const u1 = matmul(
      A,
      v1.map((x) => [x]),
    ).map((r) => r[0] / s1);
    expect(u1[0]).toBeCloseTo(1 / Math.sqrt(10), 12);
    expect(u1[1]).toBeCloseTo(3 / Math.sqrt(10), 12);
  });
  it('the SVD of [[3,0],[4,5]] is rotation-stretch-rotation only up to reflections', () => {
    const A = [
      [3, 0],
      [4, 5],
    ];
    const det2 = (m: Mat) => m[0][0] * m[1][1] - m[0][1] * m[1][0];
    const sigma = [Math.sqrt(45), Math.sqrt(5)];
    const V = transpose([
      [1 / Math.SQRT2, 1 / Math.SQRT2],
      [1 / Math.SQRT2, -1 / Math.SQRT2],
    ]);
    // U's columns are A v_i / sigma_i.
    const AV = matmul(A, V);
    const U = AV.map((row) => row.map((x, j) => x / sigma[j]));
    const u2 = [U[0][1], U[1][1]].map((x) => Math.round(x * Math.sqrt(10)));
    expect(u2).toEqual([3, -1]);
    const [detU, detV] = [det2(U), det2(V)].map((d) => Math.round(d));
    expect(detU).toBe(-1);
    expect(detV).toBe(-1);
    // Negating the pair (u2, v2) gives two rotations and the same A = U Σ Vᵀ.
    const flip = (m: Mat) => m.map((row) => [row[0], -row[1]]);
    const rebuilt = matmul(
      matmul(flip(U), [
        [sigma[0], 0],
        [0, sigma[1]],
      ]),
      transpose(flip(V)),
    );
    rebuilt.flat().forEach((x, i) => expect(x).toBeCloseTo(A.flat()[i], 12));
    expect(Math.round(det2(flip(U)))).toBe(1);
    expect(Math.round(det2(flip(V)))).toBe(1);
    inBoth(
      slug,
      `\\tfrac{1}{\\sqrt{10}}(${u2[0]}, ${u2[1]})`,
      `\\det V = \\det U = ${detV}$`,
      `\\det V = \\det U = +${Math.round(det2(flip(V)))}$`,
      `\\det A = ${det2(A)} \\gt 0$`,
    );
  });
  it('rank-1 approximation and Eckart–Young', () => {
    const A = [
      [3, 0],
      [4, 5],
    ];
    const s1 = Math.sqrt(45);
    const u1 = [1 / Math.sqrt(10), 3 / Math.sqrt(10)];
    const v1 = [1 / Math.SQRT2, 1 / Math.SQRT2];
    const A1 = u1.map((ui) => v1.map((vj) => s1 * ui * vj));
    const expected = [
      [1.5, 1.5],
      [4.5, 4.5],
    ];
    A1.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 12)));
    inBoth(slug, fmtMat(expected));
    const err = Math.sqrt(sum(A.flatMap((row, i) => row.map((x, j) => (x - A1[i][j]) ** 2))));
    inBoth(slug, `\\sigma_2 \\approx ${f4(err)}`);
    const fro2 = sum(A.flat().map((x) => x * x));
    expect(fro2).toBe(50);
    expect((100 * 45) / fro2).toBe(90);
    inBoth(slug, '45/50 = 90\\%');
  });
  it('LoRA savings', () => {
    const lora = (d: number, r: number) => 2 * d * r;
    inBoth(slug, groupedTex(lora(768, 8)), grouped(768 * 768), `${f2((100 * lora(768, 8)) / (768 * 768))}%`);
    inBoth(slug, grouped(lora(4096, 8)), grouped(4096 * 4096), `${f2((100 * lora(4096, 8)) / (4096 * 4096))}%`);
  });
  it('PCA of four points', () => {
    const pts = [
      [1, 1],
      [3, 2],
      [4, 1],
      [4, 4],
    ];
    const mu = [0, 1].map((j) => sum(pts.map((p) => p[j])) / pts.length);
    expect(mu).toEqual([3, 2]);
    const Xc = pts.map((p) => p.map((x, j) => x - mu[j]));
    expect(Xc).toEqual([
      [-2, -1],
      [0, 0],
      [1, -1],
      [1, 2],
    ]);
    const C = matmul(transpose(Xc), Xc).map((row) => row.map((x) => x / (pts.length - 1)));
    expect(C).toEqual([
      [2, 1],
      [1, 2],
    ]);
    const [l1, l2] = eig2(C);
    expect((100 * l1) / (l1 + l2)).toBe(75);
    inBoth(slug, '3/(3+1) = 75\\%', '4 + 0 + 1 + 1 = 6', '1 + 0 + 1 + 4 = 6', '2 + 0 - 1 + 2 = 3');
    const w1 = [1 / Math.SQRT2, 1 / Math.SQRT2];
    const scores = Xc.map((p) => dot(p, w1));
    inBoth(slug, `\\approx ${f4(scores[0])}`, `${f4(scores[3])}$`);
    const varScores = sum(scores.map((s) => s * s)) / (pts.length - 1);
    expect(varScores).toBeCloseTo(l1, 12);
    inBoth(slug, '(4.5 + 0 + 0 + 4.5)/3 = 3');
  });
});
