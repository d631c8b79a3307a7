/**
 * Recomputes every number printed in the worked examples of the probability notes and checks
 * that it appears, formatted as printed, in both the English and the Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const AREA = 'probability';

const expectInBoth = (slug: string, printed: string[]) => expectPrintedInBothNotes(AREA, slug, printed);

const f = (x: number, d = 4) => x.toFixed(d);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const softmax = (z: number[], T = 1) => {
  const s = z.map((v) => v / T);
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  const total = sum(e);
  return e.map((v) => v / total);
};
const entropy = (p: number[]) => -sum(p.map((v) => (v > 0 ? v * Math.log(v) : 0)));
const cumsum = (p: number[]) => p.map((_, i) => sum(p.slice(0, i + 1)));
/** Comma-grouped integer as printed in the notes (e.g. 9,405). */
const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

describe('probability overview: chain rule, log-probabilities, perplexity', () => {
  it('three-token continuation', () => {
    const probs = [0.2, 0.5, 0.8];
    const product = probs.reduce((a, b) => a * b, 1);
    const logs = probs.map(Math.log);
    const loss = -sum(logs) / probs.length;
    expect(product).toBeCloseTo(0.08, 12);
    expectInBoth(AREA, [`= ${f(product, 2)}$`, ...logs.map((l) => f(l)), `$${f(sum(logs))}$`, `= ${f(loss)}$`, `e^{${f(loss)}} = ${f(Math.exp(loss))}`]);
  });
  it('underflow of a long product and the uniform initial loss', () => {
    const p = Math.pow(0.5, 1000);
    const exponent = Math.floor(Math.log10(p));
    const mantissa = p / Math.pow(10, exponent);
    expectInBoth(AREA, [
      `${mantissa.toFixed(2)} \\times 10^{${exponent}}`,
      `1000 \\ln 0.5 = ${(1000 * Math.log(0.5)).toFixed(1)}`,
      `\\ln 50{,}257 = ${f(Math.log(50257))}`,
      `1/\\ln 2 \\approx ${f(1 / Math.LN2)}`,
    ]);
  });
});

describe('distributions', () => {
  it('expectation and variance from a table', () => {
    const xs = [0, 1, 2, 3];
    const ps = [0.1, 0.2, 0.3, 0.4];
    const ex = sum(xs.map((x, i) => x * ps[i]));
    const ex2 = sum(xs.map((x, i) => x * x * ps[i]));
    const v = ex2 - ex * ex;
    expectInBoth('distributions', [`= ${f(ex, 1)}$`, `= ${f(ex2, 1)}$`, `= ${f(v, 1)}$`]);
  });
  it('Bernoulli, multinomial, covariance', () => {
    const p = 0.3;
    const coef = 120 / (2 * 2 * 1);
    const multi = coef * 0.5 ** 2 * 0.3 ** 2 * 0.2;
    const exy = 0.4;
    const ex = 0.1 + 0.4;
    const ey = 0.1 + 0.4;
    const cov = exy - ex * ey;
    const varX = ex * (1 - ex);
    const rho = cov / Math.sqrt(varX * varX);
    expectInBoth('distributions', [
      `0.3 \\times 0.7 = ${(p * (1 - p)).toFixed(2)}`,
      `= ${coef} \\times 0.25`,
      `= ${multi.toFixed(3)}`,
      `= ${cov.toFixed(2)}$`,
      `= ${varX.toFixed(2)}$`,
      `= ${rho.toFixed(1)}$`,
      `\\begin{pmatrix} ${varX.toFixed(2)} & ${cov.toFixed(2)} \\\\ ${cov.toFixed(2)} & ${varX.toFixed(2)} \\end{pmatrix}`,
    ]);
  });
  it('dot-product variance and GPT-2 initialisation', () => {
    const d = 64;
    const sigma = 0.02;
    // P(|Z| <= k) for a standard normal, via a numerically integrated density
    const phiMass = (k: number) => {
      const n = 200000;
      const h = (2 * k) / n;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const x = -k + (i + 0.5) * h;
        s += Math.exp((-x * x) / 2);
      }
      return (s * h) / Math.sqrt(2 * Math.PI);
    };
    expectInBoth('distributions', [
      `\\operatorname{Var}(\\mathbf{q}^\\top\\mathbf{k}) = ${d}$`,
      `$${Math.sqrt(d)}$`,
      `${(phiMass(1) * 100).toFixed(2)}%`,
      `${(phiMass(2) * 100).toFixed(2)}%`,
      `= ${f(1 / (sigma * Math.sqrt(2 * Math.PI)))}`,
      `0.02/\\sqrt{24} = ${f(sigma / Math.sqrt(24))}`,
    ]);
  });
  it('central limit theorem: standard error of a 1,000-question benchmark', () => {
    const [n, acc] = [1000, 0.7];
    const variance = acc * (1 - acc);
    const se = Math.sqrt(variance / n);
    const half95 = 1.96 * Number(f(se));
    const se4 = Math.sqrt(variance / (4 * n));
    // Four times the questions halve the standard error.
    expect(se4 / se).toBeCloseTo(0.5, 12);
    expectInBoth('distributions', [
      `\\sigma^2 = ${variance.toFixed(2)}$`,
      `\\sqrt{${variance.toFixed(2)}/${n}} = ${f(se)}$`,
      `\\pm 1.96 \\times ${f(se)} = \\pm ${f(half95)}$`,
      `${(half95 * 100).toFixed(1)} `,
      `${f(se4)}`,
    ]);
  });
  it('inverted dropout with drop probability p = 0.1', () => {
    const p = 0.1; // probability of dropping a unit
    const scale = 1 / (1 - p);
    // The mask keeps a unit with probability 1 - p; scaling the survivors keeps the mean.
    expect((1 - p) * scale).toBeCloseTo(1, 12);
    expectInBoth('distributions', [`$p = ${p}$`, `${Math.round((1 - p) * 100)}%`, `1/${1 - p} = ${f(scale)}$`]);
  });
});

describe('bayes', () => {
  it('diagnostic test in counts per 10,000', () => {
    const N = 10000;
    const prev = 0.01;
    const sens = 0.9;
    const spec = 0.95;
    const sick = prev * N;
    const tp = sens * sick;
    const fn = sick - tp;
    const healthy = N - sick;
    const tn = spec * healthy;
    const fp = healthy - tn;
    const posterior = tp / (tp + fp);
    const npv = tn / (tn + fn);
    const lr = sens / (1 - spec);
    const odds2 = tp * lr;
    const posterior2 = odds2 / (odds2 + fp);
    expect(posterior).toBeCloseTo((sens * prev) / (sens * prev + (1 - spec) * (1 - prev)), 12);
    expectInBoth('bayes', [
      `| ${grouped(tp)} | ${grouped(fn)} | ${grouped(sick)} |`,
      `| ${grouped(fp)} | ${grouped(tn)} | ${grouped(healthy)} |`,
      `| ${grouped(tp + fp)} | ${grouped(tn + fn)} | ${grouped(N)} |`,
      `\\frac{${grouped(tp)}}{${grouped(tp + fp)}} = ${f(posterior)}`,
      `${(posterior * 100).toFixed(1)}%`,
      `${tn}/${tn + fn} = ${f(npv)}`,
      `= ${Math.round(lr)}$`,
      `$${Math.round(odds2)} : ${Math.round(fp)}$`,
      `$${Math.round(odds2)} / ${Math.round(odds2 + fp)} = ${f(posterior2)}$`,
    ]);
  });
  it('expected calibration error', () => {
    const bins = [
      { n: 500, conf: 0.95, acc: 0.8 },
      { n: 300, conf: 0.75, acc: 0.7 },
      { n: 200, conf: 0.55, acc: 0.55 },
    ];
    const N = sum(bins.map((b) => b.n));
    const terms = bins.map((b) => (b.n / N) * Math.abs(b.acc - b.conf));
    const ece = sum(terms);
    expectInBoth('bayes', [`= ${terms[0].toFixed(3)} + ${terms[1].toFixed(3)} + ${terms[2].toFixed(0)} = ${ece.toFixed(2)}`]);
  });
});

describe('mle-map', () => {
  it('coin: MLE, likelihoods, MAP and posterior mean', () => {
    const map = (h: number, t: number, a: number, b: number) => (h + a - 1) / (h + t + a + b - 2);
    const mean = (h: number, t: number, a: number, b: number) => (h + a) / (h + t + a + b);
    const l07 = 0.7 ** 7 * 0.3 ** 3;
    const l05 = 0.5 ** 10;
    expectInBoth('mle-map', [
      `7/10 = ${(7 / 10).toFixed(1)}`,
      `= ${l07.toFixed(6)}`,
      `= ${l05.toFixed(6)}`,
      `${(l07 / l05).toFixed(2)}`,
      `\\frac{8}{12} = ${f(map(7, 3, 2, 2))}`,
      `\\frac{9}{14} = ${f(mean(7, 3, 2, 2))}`,
      `(3 + 2) = ${map(3, 0, 2, 2).toFixed(1)}`,
      `74/108 = ${f(map(70, 30, 5, 5))}`,
    ]);
  });
  it('Gaussian MLE', () => {
    const xs = [2, 4, 4, 6];
    const mu = sum(xs) / xs.length;
    const ss = sum(xs.map((x) => (x - mu) ** 2));
    expectInBoth('mle-map', [`= ${mu}$`, `8/4 = ${ss / xs.length}$`, `8/3 = ${f(ss / (xs.length - 1))}`]);
  });
  it('cross-entropy as negative log-likelihood', () => {
    const ps = [0.5, 0.25, 0.8, 0.1];
    const losses = ps.map((p) => -Math.log(p));
    const total = sum(losses);
    const mean = total / ps.length;
    expectInBoth('mle-map', [
      `$${losses.map((l) => f(l)).join(', ')}$`,
      `$${f(total)}$`,
      `$${f(mean)}$`,
      `${f(mean / Math.LN2)}`,
      `e^{${f(mean)}} = ${f(Math.exp(mean))}`,
    ]);
  });
});

describe('sampling', () => {
  const z = [3.0, 2.0, 1.5, 0.5, -1.0];
  const vec = (p: number[]) => p.map((v) => f(v)).join(', ');
  it('softmax and temperature', () => {
    const ex = z.map(Math.exp);
    const p1 = softmax(z);
    const pHalf = softmax(z, 0.5);
    const p2 = softmax(z, 2);
    expectInBoth('sampling', [
      vec(ex),
      f(sum(ex)),
      `(${p1.map((v) => f(v)).join(',\\; ')})`,
      `= ${f(entropy(p1))}$`,
      `${f(entropy(p1) / Math.LN2)}`,
      `(${vec(pHalf)})`,
      `$${f(entropy(pHalf))}$`,
      `(${vec(p2)})`,
      `$${f(entropy(p2))}$`,
    ]);
  });
  it('top-k, top-p and a seeded draw', () => {
    const p1 = softmax(z);
    const p2 = softmax(z, 2);
    const keepK = p1.slice(0, 3);
    const massK = sum(keepK);
    const renK = keepK.map((v) => v / massK);
    const c1 = cumsum(p1);
    const c2 = cumsum(p2);
    const nucleus = (c: number[], p: number) => c.findIndex((v) => v >= p) + 1;
    expect(nucleus(c1, 0.9)).toBe(3);
    expect(nucleus(c1, 0.8)).toBe(2);
    expect(nucleus(c2, 0.9)).toBe(4);
    const ren08 = p1.slice(0, 2).map((v) => v / sum(p1.slice(0, 2)));
    const ren2 = p2.slice(0, 4).map((v) => v / sum(p2.slice(0, 4)));
    // inverse-CDF draw with u = 0.70 over the top-k distribution
    const u = 0.7;
    const drawn = cumsum(renK).findIndex((v) => u < v);
    expect(drawn).toBe(1); // floor
    expectInBoth('sampling', [
      `$${f(massK)}$`,
      `(${vec(renK)})`,
      `$${f(entropy(renK))}$`,
      `$${c1
        .slice(0, 3)
        .map((v) => f(v))
        .join(', ')}$`,
      `(${vec(ren08)})`,
      `$${c2
        .slice(0, 4)
        .map((v) => f(v))
        .join(', ')}$`,
      `(${vec(ren2)})`,
      `$[0, ${f(renK[0])})$`,
      `**floor**`,
    ]);
  });
  it('policy gradient step on the logits', () => {
    const p = softmax(z);
    const a = 1; // "floor"
    const grad = p.map((v, i) => (i === a ? 1 : 0) - v);
    const eta = 0.1;
    const adv = 2;
    const delta = grad.map((g) => eta * adv * g);
    const pNew = softmax(z.map((v, i) => v + delta[i]));
    expectInBoth('sampling', [`(${vec(grad)})`, `(${vec(delta)})`, f(p[a]), f(pNew[a])]);
  });
});
