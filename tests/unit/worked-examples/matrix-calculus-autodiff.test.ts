/**
 * Recomputes every number of the worked examples of the note on matrix calculus for Transformer
 * layers and automatic differentiation, and checks each is printed in both languages: the size
 * of a linear layer's Jacobian, the softmax Jacobian of (1, 2, 3) and its zero row sums, the
 * cross-entropy gradient p − y (also as a VJP through the Jacobian), the LayerNorm backward
 * pass against central finite differences, and the activation memory of GPT-3 175B with and
 * without checkpointing.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('calculus', 'matrix-calculus-autodiff', printed);
const f = (x: number, d = 4) => x.toFixed(d);
const row = (v: number[], d = 4) => v.map((x) => f(x, d)).join(', ');
/** 1,234,567 as the notes print it in math: 1{,}234{,}567. */
const grouped = (n: number) => n.toLocaleString('en-US').replace(/,/g, '{,}');

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** LayerNorm over one row with eps = 0: returns x̂ and sigma. */
function layerNorm(x: number[]): { xhat: number[]; mu: number; variance: number; sigma: number } {
  const n = x.length;
  const mu = x.reduce((a, b) => a + b, 0) / n;
  const variance = x.reduce((a, b) => a + (b - mu) ** 2, 0) / n;
  const sigma = Math.sqrt(variance);
  return { xhat: x.map((v) => (v - mu) / sigma), mu, variance, sigma };
}

describe('matrix calculus and autodiff: worked examples', () => {
  it("a linear layer's Jacobian for 4096 tokens of width 4096", () => {
    const entries = (4096 * 4096) ** 2;
    expect(entries).toBe(2 ** 48);
    expectInBoth([
      '(4096\\cdot4096)^2 = 2^{48} \\approx ' + `${(entries / 1e14).toFixed(2)}\\times10^{14}`,
      `about ${Math.round((entries * 2) / 1e12)} TB`.replace('about ', ''),
      (4096 * 4096).toLocaleString('en-US'),
    ]);
  });

  it('softmax Jacobian of z = (1, 2, 3): entries, zero row sums, largest diagonal', () => {
    const z = [1, 2, 3];
    const p = softmax(z);
    const sumExp = z.reduce((a, v) => a + Math.exp(v), 0);
    const J = p.map((pk, k) => p.map((pj, j) => (k === j ? pk * (1 - pk) : -pk * pj)));
    for (const r of J) expect(Math.abs(r.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    // The matrix printed in the notes, row by row.
    const matrixRows = J.map((r) => r.map((x) => f(x)).join(' & '));
    expectInBoth([
      `sum $${f(sumExp, 2)}$`.replace('sum ', ''),
      `\\mathbf{p} = (${row(p)})`,
      ...matrixRows,
      `${f(J[0][0])} - ${f(-J[0][1])} - ${f(-J[0][2])} = 0`,
      `${f(p[2])}`,
      `${f(1 - p[2])} = ${f(J[2][2])}`,
    ]);
  });

  it('cross-entropy gradient p − y, directly and as a VJP through the softmax Jacobian', () => {
    const p = softmax([1, 2, 3]);
    const y = [0, 1, 0];
    const direct = p.map((pk, k) => pk - y[k]);
    const g = [0, -1 / p[1], 0];
    const vjp = p.map((_, j) => g.reduce((a, gk, k) => a + gk * (k === j ? p[k] * (1 - p[k]) : -p[k] * p[j]), 0));
    vjp.forEach((v, j) => expect(v).toBeCloseTo(direct[j], 12));
    expect(direct.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
    expectInBoth([
      `-\\ln ${f(p[1])} = ${f(-Math.log(p[1]))}`,
      `\\mathbf{p} - \\mathbf{y} = (${f(direct[0])},\\ ${f(direct[1])},\\ ${f(direct[2])})`,
      `(0, -1/${f(p[1])}, 0) = (0, ${f(g[1])}, 0)`,
      `(${row(vjp)})`,
    ]);
  });

  it('LayerNorm backward on (1, 2, 4) agrees with central finite differences', () => {
    const x = [1, 2, 4];
    const gamma = [1, 0.5, 2];
    const dy = [0.1, -0.2, 0.3];
    const n = x.length;
    const { xhat, mu, variance, sigma } = layerNorm(x);
    const g = gamma.map((c, i) => c * dy[i]);
    const meanG = g.reduce((a, b) => a + b, 0) / n;
    const meanGX = g.reduce((a, gi, i) => a + gi * xhat[i], 0) / n;
    const dx = g.map((gi, i) => (gi - meanG - xhat[i] * meanGX) / sigma);

    // The loss whose gradient with respect to y is dy: L = dy · (γ ⊙ x̂ + β), β = 0.
    const loss = (v: number[]) => {
      const { xhat: h } = layerNorm(v);
      return h.reduce((a, hi, i) => a + dy[i] * gamma[i] * hi, 0);
    };
    const eps = 1e-5;
    const numeric = x.map((_, j) => {
      const up = x.slice();
      const down = x.slice();
      up[j] += eps;
      down[j] -= eps;
      return (loss(up) - loss(down)) / (2 * eps);
    });
    numeric.forEach((v, j) => expect(Math.abs(v - dx[j])).toBeLessThan(1e-9));
    // The two structural checks: zero sum, orthogonal to x̂.
    expect(Math.abs(dx.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
    expect(Math.abs(dx.reduce((a, d, i) => a + d * xhat[i], 0))).toBeLessThan(1e-15);
    // Treating μ and σ as constants gives g/σ, which the finite differences reject.
    const naive = g.map((gi) => gi / sigma);
    expect(Math.max(...naive.map((v, j) => Math.abs(v - numeric[j])))).toBeGreaterThan(0.1);

    expectInBoth([
      `\\mu = 7/3 = ${f(mu)}`,
      `(16 + 1 + 25)/27 = ${f(variance)}`,
      `\\sigma = ${f(sigma)}`,
      `\\hat{\\mathbf{x}} = (${row(xhat)})`,
      `(${row(g, 1)})`,
      `\\operatorname{mean}(\\mathbf{g}) = ${f(meanG, 1)}`,
      `= ${f(meanGX)}$`,
      `\\tfrac1{${f(sigma)}}\\big(\\mathbf{g} - ${f(meanG, 1)} - ${f(meanGX)}\\,\\hat{\\mathbf{x}}\\big) = (${row(dx)})`,
      `${f(dx[0])} - ${f(-dx[1])} + ${f(dx[2])} = 0`,
      `\\mathbf{g}/\\sigma = (${row(naive)})`,
    ]);
  });

  it('checkpointing: 100 unit layers, and GPT-3 175B activation memory', () => {
    // The unit model: L/k checkpoints plus k recomputed layers.
    const L = 100;
    const k = Math.sqrt(L);
    expect(L / k + k).toBe(20);
    expect(L / (L / k + k)).toBe(5);

    // Korthikanti et al. (2022): s·b·h·(34 + 5as/h) bytes per layer in 16-bit.
    const s = 2048;
    const h = 12288;
    const a = 96;
    const layers = 96;
    const b = 1;
    const attentionTerm = (5 * a * s) / h;
    expect(attentionTerm).toBe(80);
    const perLayer = s * b * h * (34 + attentionTerm);
    const all = layers * perLayer;
    const input = 2 * s * b * h;
    const peak = layers * input + perLayer;
    expect(input / perLayer).toBeCloseTo(2 / 114, 15);
    // Segments of 10 layers would hold 10 layers' activations at once.
    const tenLayers = 10 * perLayer;
    expect(tenLayers / 1e9).toBeGreaterThan(28);
    expect(tenLayers / 1e9).toBeLessThan(29);
    expect(Math.round(all / peak)).toBe(36);
    expect(all / peak).toBeLessThan(36);
    expect(all / 1e9).toBeGreaterThan(240); // more than three 80 GB GPUs

    expectInBoth([
      `${grouped(s)}`,
      `${grouped(h)}`,
      `= ${attentionTerm}$`,
      `(34 + 80) = ${grouped(perLayer)}`,
      `${(perLayer / 1e9).toFixed(2)} GB`,
      `${(all / 1e9).toFixed(1)} GB`,
      `2sbh = ${grouped(input)}`,
      `${grouped(peak)}`,
      `${(peak / 1e9).toFixed(2)} GB`,
      '28 GB',
    ]);
  });
});
