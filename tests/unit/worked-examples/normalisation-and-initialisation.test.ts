/**
 * Recomputes every number of the worked examples of the note on normalisation, initialisation
 * and signal propagation, and checks each is printed in both languages: Xavier, He and LeCun
 * scales for a 768-by-3072 layer and GPT-2's 0.02, the gain of twelve (and 96) layers, the
 * residual stream with and without GPT-2's 1/√(2L) scaling, and LayerNorm against RMSNorm.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('calculus', 'normalisation-and-initialisation', printed);
const f = (x: number, d = 4) => x.toFixed(d);
/** A number as the notes print a thousands separator inside math: 9{,}412. */
const grouped = (x: number) => Math.round(x).toLocaleString('en-US').replace(/,/g, '{,}');
/** Mantissa and exponent as the notes print them: 4.05\times10^{-5}. */
const sci = (x: number, d = 2) => {
  const [m, e] = x.toExponential(d).split('e');
  return `${m}\\times10^{${Number(e)}}`;
};

/** Sample mean and population variance (divide by d), as LayerNorm uses them. */
const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const layerNorm = (x: number[]) => {
  const mu = mean(x);
  const variance = mean(x.map((v) => (v - mu) ** 2));
  return x.map((v) => (v - mu) / Math.sqrt(variance));
};
const rms = (x: number[]) => Math.sqrt(mean(x.map((v) => v * v)));
const rmsNorm = (x: number[]) => x.map((v) => v / rms(x));
const vec = (x: number[]) => `(${x.map((v) => f(v)).join(', ')})`;

describe('normalisation and initialisation: worked examples', () => {
  it('Xavier, He and LeCun for 768 → 3072, and the gain of GPT-2’s 0.02', () => {
    const [nIn, nOut] = [768, 3072];
    expectInBoth([
      `2/(768 + 3072) = 2/3840`,
      `\\sqrt{2/3840} = ${f(Math.sqrt(2 / (nIn + nOut)))}$`,
      `\\sqrt{6/3840} = ${f(Math.sqrt(6 / (nIn + nOut)))}$`,
      `\\sqrt{2/768} = ${f(Math.sqrt(2 / nIn))}$`,
      `\\sqrt{2/3072} = ${f(Math.sqrt(2 / nOut))}$`,
      `\\sqrt{1/768} = ${f(Math.sqrt(1 / nIn))}$`,
      `768 \\times 0.0004 = ${f(768 * 0.02 ** 2)}$`,
      `3072 \\times 0.0004 = ${f(3072 * 0.02 ** 2)}$`,
      `$${f(4096 * 0.02 ** 2)}$`,
    ]);
    expect(f(768 * 0.02 ** 2)).toBe('0.3072');
  });

  it('twelve layers with a variance gain of 1.1 or 0.9, 96 layers, and ReLU with LeCun init', () => {
    expectInBoth([
      `1.1^{12} = ${f(1.1 ** 12)}$`,
      `\\sqrt{${f(1.1 ** 12)}} = ${f(Math.sqrt(1.1 ** 12))}$`,
      `0.9^{12} = ${f(0.9 ** 12)}$`,
      `$${f(Math.sqrt(0.9 ** 12))}$`,
      `1.1^{96} \\approx ${grouped(1.1 ** 96)}$`,
      `0.9^{96} \\approx ${sci(0.9 ** 96)}$`,
      `0.5^{12} = ${sci(0.5 ** 12)}$`,
      `$${f(Math.sqrt(0.5 ** 12))}$`,
    ]);
    expect(Math.sqrt(0.5 ** 12)).toBe(1 / 64);
  });

  it('the residual stream of 12 blocks with and without 1/√(2L) scaling', () => {
    const L = 12;
    const N = 2 * L;
    const unscaled = 1 + N * 1;
    const scaled = 1 + N * (1 / N);
    expect(unscaled).toBe(25);
    expect(Math.sqrt(unscaled)).toBe(5);
    expect(scaled).toBe(2);
    expectInBoth([
      `1 + 24 \\times 1 = ${unscaled}$`,
      `1 + 24 \\times \\tfrac{1}{24} = ${scaled}$`,
      `\\sqrt{2} = ${f(Math.sqrt(scaled))}$`,
      `0.02/\\sqrt{24} = ${f(0.02 / Math.sqrt(24), 5)}$`,
      `0.02/\\sqrt{96} = ${f(0.02 / Math.sqrt(96), 5)}$`,
      `1 + 96 = ${1 + 96}$`,
      `0.02/\\sqrt{192} = ${f(0.02 / Math.sqrt(2 * 96), 5)}$`,
    ]);
  });

  it('LayerNorm and RMSNorm of (3, −1, 1, 5), doubled and shifted by 10', () => {
    const x = [3, -1, 1, 5];
    expect(mean(x)).toBe(2);
    expect(mean(x.map((v) => (v - 2) ** 2))).toBe(5);
    expect(rms(x)).toBe(3);
    const ln = layerNorm(x);
    expect(mean(ln)).toBeCloseTo(0, 12);
    expect(mean(ln.map((v) => v * v))).toBeCloseTo(1, 12);
    const rn = rmsNorm(x);
    expect(mean(rn)).toBeCloseTo(2 / 3, 12);
    // scale invariance of both, shift invariance of LayerNorm only
    const doubled = x.map((v) => 2 * v);
    layerNorm(doubled).forEach((v, i) => expect(v).toBeCloseTo(ln[i]!, 12));
    rmsNorm(doubled).forEach((v, i) => expect(v).toBeCloseTo(rn[i]!, 12));
    const shifted = x.map((v) => v + 10);
    layerNorm(shifted).forEach((v, i) => expect(v).toBeCloseTo(ln[i]!, 12));
    expect(mean(shifted.map((v) => v * v))).toBe(149);
    expectInBoth([
      `\\sqrt5 = ${f(Math.sqrt(5))}$`,
      `$${vec(ln)}$`,
      `$(1, ${f(rn[1]!)}, ${f(rn[2]!)}, ${f(rn[3]!)})$`,
      `$(13, 9, 11, 15)$`,
      `$${vec(rmsNorm(shifted))}$`,
      `\\sqrt{149} = ${f(rms(shifted))}$`,
    ]);
  });
});
