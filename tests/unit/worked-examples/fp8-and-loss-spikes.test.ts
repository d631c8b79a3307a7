/**
 * Recomputes the FP8 note's worked examples with the site's float-format module (E4M3 and
 * E5M2 rounding, saturation) and plain arithmetic (soft-capping, z-loss, block scales), and
 * checks that every printed number appears in both the English and the Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { FLOAT_FORMATS, formatLimits, roundToFormat, ulp } from '../../../src/calculators/math/float-formats.ts';

const AREA = 'numerical-analysis';
const SLUG = 'fp8-and-loss-spikes';
const expectInBoth = (printed: string[]) => expectPrintedInBothNotes(AREA, SLUG, printed);

const E4M3 = FLOAT_FORMATS.e4m3;
const E5M2 = FLOAT_FORMATS.e5m2;

describe('FP8 and loss spikes worked examples', () => {
  it('the format table: maxima, smallest subnormals and range in binades', () => {
    const e4 = formatLimits(E4M3);
    const e5 = formatLimits(E5M2);
    expect(e4.maxFinite).toBe(448);
    expect(e5.maxFinite).toBe(57344);
    expect(e4.minSubnormal).toBe(2 ** -9);
    expect(e5.minSubnormal).toBe(2 ** -16);
    const binades = (l: typeof e4) => Math.log2(l.maxFinite / l.minSubnormal);
    expectInBoth([
      `| E4M3 | 4 / 3 | ${e4.maxFinite} | $2^{-9} \\approx ${e4.minSubnormal.toFixed(5)}$ | $\\approx ${binades(e4).toFixed(1)}$ | $2^{-3}$ |`,
      `| E5M2 | 5 / 2 | ${e5.maxFinite} | $2^{-16} \\approx ${(e5.minSubnormal * 1e5).toFixed(2)}\\times10^{-5}$ | $\\approx ${binades(e5).toFixed(1)}$ | $2^{-2}$ |`,
      `$2^{-6}$`,
    ]);
    expect(e4.minNormal).toBe(2 ** -6);
  });

  it('choosing an E4M3 scale from an amax of 0.05, and what happens to 0.0003', () => {
    const amax = 0.05;
    const s = 448 / amax;
    expect(s).toBeCloseTo(8960, 9);
    const top = roundToFormat(amax * s, E4M3).value;
    expect(top).toBe(448);
    const small = 0.0003;
    const scaled = small * s;
    expect(ulp(scaled, E4M3)).toBe(0.25);
    const stored = roundToFormat(scaled, E4M3).value;
    const back = stored / s;
    const rel = (back - small) / small;
    const unscaled = roundToFormat(small, E4M3);
    expect(unscaled.value).toBe(0);
    expect(unscaled.underflowToZero).toBe(true);
    const u = 2 ** -(E4M3.mantissaBits + 1);
    expect(rel).toBeLessThan(u);
    const pow2 = 2 ** Math.floor(Math.log2(s));
    expectInBoth([
      `\\frac{448}{${amax}} = ${Math.round(s)}`,
      `${amax} \\times ${Math.round(s)} = ${top}$`,
      `${small} \\times ${Math.round(s)} = ${scaled.toFixed(3)}$`,
      `$${ulp(scaled, E4M3)}$`,
      `$${stored}$`,
      `${stored}/${Math.round(s)} \\approx ${(back * 1e4).toFixed(3)}\\times10^{-4}$`,
      `$${(rel * 100).toFixed(1)}\\%$`,
      `$2^{-4} = ${u * 100}\\%$`,
      `$2^{13} = ${pow2}$`,
      `$${amax * pow2}$`,
    ]);
  });

  it('a stale scale saturates: amax grows to 0.06', () => {
    const s = 448 / 0.05;
    const scaled = 0.06 * s;
    const sat = roundToFormat(scaled, E4M3, 'saturate');
    expect(sat.overflow).toBe(true);
    expect(sat.value).toBe(448);
    expect(Number.isNaN(roundToFormat(scaled, E4M3).value)).toBe(true);
    const back = sat.value / s;
    const err = (0.06 - back) / 0.06;
    expectInBoth([
      `0.06 \\times ${Math.round(s)} = ${scaled.toFixed(1)} \\gt 448$`,
      `448/${Math.round(s)} = ${Number(back.toFixed(10))}$`,
      `${Math.round(err * 100)}%`,
      `448/0.06 \\approx ${Math.round(448 / 0.06)}$`,
    ]);
  });

  it('soft-capping logits of 80 and 10 at c = 30, and 80 at c = 50', () => {
    const cap = (x: number, c: number) => c * Math.tanh(x / c);
    const grad = (x: number, c: number) => 1 - Math.tanh(x / c) ** 2;
    expect(cap(80, 30)).toBeLessThan(30);
    expectInBoth([
      `30 \\tanh(80/30) = 30 \\tanh(${(80 / 30).toFixed(3)}) \\approx ${cap(80, 30).toFixed(2)}`,
      `1 - \\tanh^2(${(80 / 30).toFixed(3)}) \\approx ${grad(80, 30).toFixed(4)}$`,
      `30\\tanh(1/3) \\approx ${cap(10, 30).toFixed(2)}$`,
      `$${grad(10, 30).toFixed(3)}$`,
      `50\\tanh(${80 / 50}) \\approx ${cap(80, 50).toFixed(2)}$`,
    ]);
  });

  it('z-loss at log Z = 20 and log Z = 1', () => {
    const z = (logZ: number) => 1e-4 * logZ ** 2;
    const dz = (logZ: number) => 2e-4 * logZ;
    expectInBoth([
      `10^{-4} \\times 20^2 = ${Number(z(20).toFixed(10))}$`,
      `2 \\times 10^{-4} \\times 20 = ${Number(dz(20).toFixed(10))}$`,
      `$${Number(z(1).toFixed(10)).toFixed(4)}$`,
    ]);
  });

  it('block-scale overhead: one FP32 scale per 128 activations', () => {
    expectInBoth([`$${32 / 128}$`]);
  });
});
