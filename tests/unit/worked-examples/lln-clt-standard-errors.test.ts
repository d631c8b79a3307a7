/**
 * Recomputes every number of the worked examples (and the eval error bars) of the note on the
 * law of large numbers, the central limit theorem and standard errors, and checks each is
 * printed in both languages: Monte Carlo π, Chebyshev against the CLT, items needed to separate
 * two models, the paired comparison, and the gradient noise scale.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('probability', 'lln-clt-standard-errors', printed);
const f = (x: number, d = 4) => x.toFixed(d);

/** Standard normal CDF through erf, by the Abramowitz–Stegun 7.1.26-style series of Numerical Recipes (error below 1.2e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The z with Φ(z) = q, by bisection on the CDF above. */
function normalQuantile(q: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('law of large numbers, CLT and standard errors: worked examples', () => {
  it('the normal helpers reproduce 1.96 and the 80th percentile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.96, 2);
    expect(f(normalQuantile(0.8))).toBe('0.8416');
  });

  it('Monte Carlo estimate of pi from 10,000 points', () => {
    const n = 10_000;
    const p = Math.PI / 4;
    const v = p * (1 - p);
    const seP = Math.sqrt(v / n);
    const sePi = 4 * seP;
    const nFor = (16 * v) / 0.001 ** 2;
    expect(nFor / 1e6).toBeCloseTo(2.7, 1);
    expect(Math.round(nFor / n / 10) * 10).toBe(270);
    expectInBoth([
      `p = \\pi/4 = ${f(p)}$`,
      `p(1 - p) = ${f(v)}$`,
      `\\sqrt{${f(v)}/10{,}000} = ${f(seP)}`,
      `\\operatorname{SE}(4\\hat p) = ${f(sePi)}`,
      `\\pm ${f(1.96 * sePi)}$`,
      `16 \\times ${f(v)}/0.001^2 \\approx ${(nFor / 1e6).toFixed(1)}\\times10^{6}$`,
      '270',
    ]);
  });

  it('Chebyshev bound against the CLT tail for a 3-point miss at p = 0.7, n = 1000', () => {
    const se = Math.sqrt(0.21 / 1000);
    const cheb = 0.21 / (1000 * 0.03 ** 2);
    const z = 0.03 / se;
    const tail = 2 * (1 - normalCdf(z));
    expectInBoth([`\\sqrt{0.21/1000} = ${f(se)}$`, `0.21/(1000 \\times 0.03^2) = ${f(cheb)}$`, `$${z.toFixed(2)}$`, `$${f(tail)}$`]);
  });

  it('questions needed to separate two models 2 points apart, at 95% and with 80% power', () => {
    const z = normalQuantile(0.975);
    const n95 = (1.96 ** 2 * 0.42) / 0.02 ** 2;
    const n80 = ((1.96 + normalQuantile(0.8)) ** 2 * 0.42) / 0.02 ** 2;
    expect(z).toBeCloseTo(1.96, 2);
    expect(Math.ceil(n95)).toBe(4034);
    expectInBoth([
      `= ${n95.toFixed(1)}`,
      `${Math.ceil(n95).toLocaleString('en-US').replace(',', '{,}')} `,
      `$${Math.ceil(n80).toLocaleString('en-US').replace(',', '{,}')}$`,
    ]);
  });

  it('the paired comparison: 700 and 720 right, disagreeing on 40 and 60 items', () => {
    const n = 1000;
    const aOnly = 40;
    const bOnly = 60;
    const bothRight = 700 - aOnly;
    expect(bothRight + bOnly).toBe(720);
    const dBar = (bOnly - aOnly) / n;
    const sd2 = (aOnly + bOnly) / n - dBar ** 2;
    const sePaired = Math.sqrt(sd2 / n);
    const varA = 0.7 * 0.3;
    const varB = 0.72 * 0.28;
    const seUnpaired = Math.sqrt((varA + varB) / n);
    const cov = bothRight / n - 0.7 * 0.72;
    expect(varA + varB - 2 * cov).toBeCloseTo(sd2, 12);
    expectInBoth([
      `(60 - 40)/1000 = ${dBar}$`,
      `- 0.02^2 = ${sd2.toFixed(4)}`,
      `\\sqrt{${sd2.toFixed(4)}/1000} = ${f(sePaired)}`,
      `$${(dBar / sePaired).toFixed(2)}$`,
      `\\sqrt{(0.21 + ${varB.toFixed(4)})/1000} = ${f(seUnpaired)}`,
      `$${(dBar / seUnpaired).toFixed(2)}$`,
      `0.66 - 0.7 \\times 0.72 = ${cov.toFixed(3)}`,
      `0.21 + ${varB.toFixed(4)} - 2 \\times ${cov.toFixed(3)} = ${sd2.toFixed(4)}`,
    ]);
  });

  it('gradient noise scale and the linear scaling rule', () => {
    const bSimple = 400 / 0.5;
    expect(bSimple).toBe(800);
    expect(bSimple / 100).toBe(8);
    expect(bSimple / 3200).toBe(0.25);
    expectInBoth([`400/0.5 = ${bSimple}`, `$B = 100$`, `$B = 3{,}200$`, `0.1 \\times 8192/256 = ${(0.1 * 8192) / 256}$`]);
  });

  it('benchmark error bars: HumanEval, MMLU, GSM8K', () => {
    const se = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    expect(f(se(0.5, 164), 3)).toBe('0.039');
    expectInBoth([
      `\\sqrt{0.25/164} = ${f(se(0.5, 164), 3)}$`,
      `\\pm ${(196 * se(0.5, 164)).toFixed(1)}$`,
      `\\pm ${(196 * se(0.7, 14042)).toFixed(2)}$`,
      `\\pm ${(196 * se(0.8, 1319)).toFixed(1)}$`,
      '14,042',
      '1,319',
    ]);
  });
});
