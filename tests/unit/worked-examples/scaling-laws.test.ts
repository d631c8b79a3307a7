/**
 * Recomputes every number of the worked examples of the note on scaling laws and the compute
 * budget, and checks each is printed in both languages: C = 6ND for Chinchilla, Gopher and
 * LLaMA, the Chinchilla loss formula and its own compute optimum, model sizes at 20 tokens per
 * parameter, GPU-days at a given MFU (and the MFU of LLaMA-2's published GPU-hours), and
 * McCandlish et al.'s steps–examples trade-off.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes, readNote } from '../../helpers/content.ts';

const expectInBoth = (printed: string[]) => expectPrintedInBothNotes('calculus', 'scaling-laws', printed);
/** Mantissa and exponent as the notes print them: 5.88\times10^{23}. */
const sci = (x: number, d = 2) => {
  const [m, e] = x.toExponential(d).split('e');
  return `${m}\\times10^{${Number(e)}}`;
};
/** A whole number with the notes' thousands separator inside math: 7{,}234. */
const grouped = (x: number) => Math.round(x).toLocaleString('en-US').replace(/,/g, '{,}');

// Hoffmann et al. (2022), the parametric fit as published.
const [E, A, B, alpha, beta] = [1.69, 406.4, 410.7, 0.34, 0.28];
const modelTerm = (n: number) => A / n ** alpha;
const dataTerm = (d: number) => B / d ** beta;
const chinchillaLoss = (n: number, d: number) => E + modelTerm(n) + dataTerm(d);

describe('scaling laws: worked examples', () => {
  it('the attention share of the FLOPs and the Kaplan exponent', () => {
    expectInBoth([`$${(2048 / (12 * 12288)).toFixed(4)}$`, `2^{1/0.076} \\approx ${grouped(Math.round(2 ** (1 / 0.076) / 100) * 100)}$`]);
  });

  it("Chinchilla's and Gopher's budgets and predicted losses", () => {
    const cChin = 6 * 70e9 * 1.4e12;
    const cGopher = 6 * 280e9 * 300e9;
    expect(1.4e12 / 70e9).toBeCloseTo(20, 12);
    expect(chinchillaLoss(70e9, 1.4e12)).toBeLessThan(chinchillaLoss(280e9, 300e9));
    expectInBoth([
      `6 \\times 70\\times10^{9} \\times 1.4\\times10^{12} = ${sci(cChin)}$`,
      `6 \\times 280\\times10^{9} \\times 300\\times10^{9} = ${sci(cGopher)}$`,
      `406.4/(70\\times10^{9})^{0.34} = ${modelTerm(70e9).toFixed(4)}$`,
      `410.7/(1.4\\times10^{12})^{0.28} = ${dataTerm(1.4e12).toFixed(4)}$`,
      `L = 1.69 + ${modelTerm(70e9).toFixed(4)} + ${dataTerm(1.4e12).toFixed(4)} = ${chinchillaLoss(70e9, 1.4e12).toFixed(3)}$`,
      `$${modelTerm(280e9).toFixed(4)}$`,
      `$${dataTerm(300e9).toFixed(4)}$`,
      `L = ${chinchillaLoss(280e9, 300e9).toFixed(3)}$`,
    ]);
  });

  it("the fitted formula's own optimum at Chinchilla's budget", () => {
    const c = 6 * 70e9 * 1.4e12;
    const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
    const a = beta / (alpha + beta);
    const nOpt = G * (c / 6) ** a;
    const dOpt = c / 6 / nOpt;
    // The closed form is the minimum of L along 6ND = C: nudging N either way raises the loss.
    const along = (n: number) => chinchillaLoss(n, c / (6 * n));
    expect(along(nOpt)).toBeLessThan(along(nOpt * 1.01));
    expect(along(nOpt)).toBeLessThan(along(nOpt / 1.01));
    expect(dOpt).toBeCloseTo((c / 6) ** (alpha / (alpha + beta)) / G, -6);
    expectInBoth([
      `^{1/0.62} = ${G.toFixed(3)}$`,
      `C/6 = ${sci(c / 6, 1)}$`,
      `^{${a.toFixed(4)}} \\approx ${sci(nOpt)}$`,
      `D_{\\text{opt}} \\approx ${sci(dOpt)}$`,
      ` ${Math.round(dOpt / nOpt)} `,
      `$${a.toFixed(2)}$`,
      `$${(1 - a).toFixed(2)}$`,
    ]);
  });

  it('model size and tokens at 20 tokens per parameter for 1e21 and 1e24 FLOPs', () => {
    const n21 = Math.sqrt(1e21 / 120);
    const n24 = Math.sqrt(1e24 / 120);
    expect(6 * n21 * 20 * n21).toBeCloseTo(1e21, -8);
    expectInBoth([
      `\\sqrt{10^{21}/120} = ${sci(n21)}$`,
      `D = 20N = ${sci(20 * n21)}$`,
      `\\sqrt{10^{24}/120} = ${sci(n24)}$`,
      `D = ${sci(20 * n24)}$`,
      `\\sqrt{1000} \\approx ${(n24 / n21).toFixed(1)}$`,
    ]);
  });

  it('over-training: tokens per parameter of LLaMA-2 7B and LLaMA-3 8B, and the compute-optimal model for its budget', () => {
    const c = 6 * 8e9 * 15e12;
    const n = Math.sqrt(c / 120);
    expect(n / 8e9).toBeGreaterThan(9.5);
    expectInBoth([
      `2\\times10^{12}/7\\times10^{9} = ${Math.round(2e12 / 7e9)}$`,
      `15\\times10^{12}/8\\times10^{9} = ${grouped(15e12 / 8e9)}$`,
      `6 \\times 8\\times10^{9} \\times 15\\times10^{12} = ${sci(c, 1)}$`,
      `\\sqrt{7.2\\times10^{23}/120} = ${sci(n)}$`,
      `$${sci(20 * n)}$`,
    ]);
  });

  it('GPU-days for 1e23 FLOPs on 1,000 GPUs at 400 TFLOP/s and 40% MFU', () => {
    const rate = 1000 * 400e12 * 0.4;
    const seconds = 1e23 / rate;
    expect(seconds).toBe(625_000);
    expectInBoth([
      `1{,}000 \\times 400\\times10^{12} \\times 0.4 = ${sci(rate, 1)}$`,
      `10^{23}/${sci(rate, 1)} = ${grouped(seconds)}$`,
      (seconds / 3600).toFixed(1),
      (seconds / 86400).toFixed(2),
      `$${grouped((1000 * seconds) / 86400)}$`,
    ]);
  });

  it('MFU of LLaMA-2 7B and 70B from their published A100 GPU-hours', () => {
    const a100Peak = 312e12;
    const c7 = 6 * 7e9 * 2e12;
    const perGpu7 = c7 / (184_320 * 3600);
    const c70 = 6 * 70e9 * 2e12;
    const perGpu70 = c70 / (1_720_320 * 3600);
    expectInBoth([
      `6ND = ${sci(c7, 1)}$`,
      `${sci(c7, 1)}/(184{,}320 \\times 3{,}600) = ${sci(perGpu7)}$`,
      `${Math.round(perGpu7 / 1e12)} TFLOP/s`,
      `$${(perGpu7 / a100Peak).toFixed(2)}$`,
      `$${sci(c70, 1)}$`,
      `$${sci(perGpu70)}$`,
      `$${(perGpu70 / a100Peak).toFixed(2)}$`,
      '184,320',
      '1,720,320',
    ]);
  });

  it('McCandlish et al.: steps and examples at four times the noise scale', () => {
    const k = 4;
    expect(1 + 1 / 1).toBe(2);
    expectInBoth([`$${(1 + 1 / k).toFixed(2)}$`, `$${1 + k}$`]);
  });

  it('LLaMA-3 405B: 6ND against the reported 3.8e25, tokens per parameter; GPT-3 by the 20-tokens rule', () => {
    const c = 6 * 405e9 * 15.6e12;
    expect(c / 1e25).toBeCloseTo(3.8, 1);
    expectInBoth([`6 \\times 405\\times10^{9} \\times 15.6\\times10^{12} = ${sci(c)}$`, `$${(15.6e12 / 405e9).toFixed(1)}$`, `$${sci(6 * 175e9 * 300e9)}$`]);
    const nGpt3 = Math.sqrt((6 * 175e9 * 300e9) / 120);
    expect(readNote('en', 'calculus', 'scaling-laws')).toContain(`about ${Math.round(nGpt3 / 1e9)} billion parameters`);
    expect(readNote('zh', 'calculus', 'scaling-laws')).toContain(`约 ${Math.round(nGpt3 / 1e9) * 10} 亿参数`);
    expect(Math.round((20 * nGpt3) / 1e12)).toBe(1);
  });
});
