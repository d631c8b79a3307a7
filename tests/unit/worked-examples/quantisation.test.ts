/**
 * Recomputes every number of the quantisation note's worked examples (symmetric INT8 and
 * asymmetric INT4 of one vector, bits per weight and memory, NF4 and MX overheads,
 * SmoothQuant, SQNR) and checks that each appears, as printed, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';

const AREA = 'numerical-analysis';
const SLUG = 'quantisation';
const expectInBoth = (printed: string[]) => expectPrintedInBothNotes(AREA, SLUG, printed);

/** A number as the note's tables print it: fixed decimals, a minus sign only when negative. */
const m = (x: number, d: number) => {
  const s = x.toFixed(d);
  return /^-0\.0*$/.test(s) ? s.slice(1) : s;
};
const clamp = (q: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, q));
/** Round half away from zero, the usual round() of quantisers (no value here is a tie). */
const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

const x = [0.72, -1.5, 0.033, 1.1];
const absmax = Math.max(...x.map(Math.abs));

describe('quantisation worked examples', () => {
  it('symmetric INT8: scale, codes, dequantised values and errors', () => {
    const s = absmax / (2 ** 7 - 1);
    const rows = x.map((v) => {
      const q = clamp(round(v / s), -127, 127);
      const deq = s * q;
      expect(Math.abs(deq - v)).toBeLessThanOrEqual(s / 2 + 1e-12);
      return `| $${v}$ | $${m(v / s, 2)}$ | $${q}$ | $${m(deq, 5)}$ | $${m(deq - v, 5)}$ |`;
    });
    const rel033 = Math.abs(s * round(0.033 / s) - 0.033) / 0.033;
    expect(Math.round(rel033 * 100)).toBe(7);
    expectInBoth([`\\approx ${s.toFixed(6)}.`, ...rows, `s/2 \\approx ${(s / 2).toFixed(5)}`, '7%']);
  });

  it('asymmetric INT4: scale, zero-point, codes, dequantised values and errors', () => {
    const lo = Math.min(...x);
    const hi = Math.max(...x);
    const s = (hi - lo) / 15;
    const zRaw = -lo / s;
    const z = round(zRaw);
    const rows = x.map((v) => {
      const q = clamp(round(v / s) + z, 0, 15);
      const deq = s * (q - z);
      expect(Math.abs(deq - v)).toBeLessThanOrEqual(s / 2 + 1e-12);
      return `| $${v}$ | $${m(v / s + z, 2)}$ | $${q}$ | $${m(deq, 5)}$ | $${m(deq - v, 5)}$ |`;
    });
    // The largest INT4 error against the largest INT8 error.
    const s8 = absmax / 127;
    const maxErr8 = Math.max(...x.map((v) => Math.abs(s8 * round(v / s8) - v)));
    const maxErr4 = Math.max(...x.map((v) => Math.abs(s * (clamp(round(v / s) + z, 0, 15) - z) - v)));
    expect(Math.round(maxErr4 / maxErr8)).toBe(25);
    const symS = absmax / 7;
    expect(symS).toBeGreaterThan(s);
    expectInBoth([
      `= ${hi - lo}$`,
      `\\frac{${hi - lo}}{15} \\approx ${s.toFixed(5)}`,
      `\\frac{${-lo}}{${s.toFixed(5)}}`,
      `\\operatorname{round}(${zRaw.toFixed(2)}) = ${z}.`,
      ...rows,
      `s/2 \\approx ${(s / 2).toFixed(5)}`,
      `25`,
      `1.5/7 \\approx ${symS.toFixed(5)}`,
    ]);
  });

  it('bits per weight and memory of 7B and 70B models at INT4, g = 128', () => {
    const bits = 4 + 16 / 128;
    expect(bits).toBe(4.125);
    const bytes7 = (7e9 * bits) / 8;
    const bytes70 = (70e9 * bits) / 8;
    expectInBoth([
      `4 + 16/128 = ${bits}`,
      `= ${(bytes7 / 1e9).toFixed(2)}\\times10^{9} \\text{ bytes} \\approx ${(bytes7 / 1e9).toFixed(2)} \\text{ GB}`,
      `$${(7e9 * 2) / 1e9}$ GB`,
      `16/4.125 \\approx ${(16 / bits).toFixed(2)}`,
      `$${(bytes70 / 1e9).toFixed(2)}$ GB`,
      `$${(70e9 * 2) / 1e9}$ GB`,
      `$${16 / 128}$`,
    ]);
  });

  it('NF4 with double quantisation, and MXFP4', () => {
    const single = 32 / 64;
    const dq = 8 / 64 + 32 / (64 * 256);
    expect(single).toBe(0.5);
    expectInBoth([`$${single}$`, `8/64 + 32/(64 \\cdot 256) \\approx ${dq.toFixed(3)}`, `$${(4 + dq).toFixed(3)}$`, `4 + 8/32 = ${4 + 8 / 32}`]);
  });

  it('SmoothQuant with alpha = 0.5 on one channel', () => {
    const [mx, mw, alpha] = [64, 0.25, 0.5];
    const s = mx ** alpha / mw ** (1 - alpha);
    expect(s).toBe(16);
    expect(mx / s).toBe(mw * s);
    expectInBoth([`\\sqrt{${mx}/${mw}} = ${s}`, `${mx}/${s} = ${mx / s}`, `${mw} \\times ${s} = ${mw * s}`]);
  });

  it('SQNR of a uniform full-range signal: 6.02 dB per bit', () => {
    const sqnr = (b: number) => 10 * Math.log10(2 ** (2 * b));
    expect(sqnr(8)).toBeCloseTo(48.16, 2);
    // The noise power ratio between 4 and 8 bits.
    expect(2 ** (2 * 4)).toBe(256);
    expectInBoth([`$${(6.02 * 8).toFixed(2)}$ dB`, `$${(6.02 * 4).toFixed(2)}$ dB`, `256`, `+1.76`]);
  });
});
