/**
 * Recomputes the summation note's worked examples by emulating BF16, FP16 and FP32 arithmetic
 * (every operation rounded with the site's float-format module) and checks each printed
 * number in both languages: the stuck accumulator, pairwise and Kahan sums, cancellation,
 * log1p, the FP32 variance and Welford's update, the error bounds and stochastic rounding.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes } from '../../helpers/content.ts';
import { FLOAT_FORMATS, roundToFormat, ulp, type FloatFormat } from '../../../src/calculators/math/float-formats.ts';

const AREA = 'numerical-analysis';
const SLUG = 'summation-and-stability';
const expectInBoth = (printed: string[]) => expectPrintedInBothNotes(AREA, SLUG, printed);

const rounder = (f: FloatFormat) => (x: number) => roundToFormat(x, f).value;
const bf16 = rounder(FLOAT_FORMATS.bf16);
const fp16 = rounder(FLOAT_FORMATS.fp16);
const fp32 = rounder(FLOAT_FORMATS.fp32);
/** 16777216 → "16{,}777{,}216", as the notes print large integers in math. */
const grouped = (n: number) => n.toLocaleString('en-US').replace(/,/g, '{,}');

/** x in scientific notation as the notes print it, e.g. 2.34\times10^{-5}. */
const sci = (x: number, d: number) => {
  const e = Math.floor(Math.log10(Math.abs(x)));
  return `${(x / 10 ** e).toFixed(d)}\\times10^{${e}}`;
};

/** Adds `step` to a counter starting at 0 until it stops changing; returns where it stops. */
function stuckAt(round: (x: number) => number, step: number): number {
  let s = 0;
  for (;;) {
    const next = round(s + step);
    if (next === s) return s;
    s = next;
  }
}

/** Pairwise summation with every addition rounded. */
const pairwise = (xs: number[], round: (x: number) => number): number =>
  xs.length === 1 ? xs[0]! : round(pairwise(xs.slice(0, xs.length >> 1), round) + pairwise(xs.slice(xs.length >> 1), round));

describe('summation and stability worked examples', () => {
  it('a stuck accumulator: BF16 at 256, FP16 at 2048, FP32 at 2^24; pairwise sums 1000 ones exactly', () => {
    expect(stuckAt(bf16, 1)).toBe(256);
    expect(stuckAt(fp16, 1)).toBe(2048);
    const fp32Stuck = 2 ** 24;
    // Too many steps to loop in FP32: check the two facts that make 2^24 the sticking point.
    expect(fp32(fp32Stuck - 1 + 1)).toBe(fp32Stuck);
    expect(fp32(fp32Stuck + 1)).toBe(fp32Stuck);
    expect(ulp(256, FLOAT_FORMATS.bf16)).toBe(2);
    let naive = 0;
    for (let i = 0; i < 1000; i++) naive = bf16(naive + 1);
    expect(naive).toBe(256);
    expect(pairwise(Array<number>(1000).fill(1), bf16)).toBe(1000);
    expectInBoth([
      `$2^8 = ${2 ** 8}$`,
      `\\operatorname{ulp}(256) = 2^{8-7} = ${ulp(256, FLOAT_FORMATS.bf16)}$`,
      `**${naive}**`,
      `**${pairwise(Array<number>(1000).fill(1), bf16)}**`,
      `$2^{24} = ${grouped(fp32Stuck)}$`,
      '2048',
    ]);
  });

  it('Kahan versus naive summation in BF16: 256 plus four ones', () => {
    let naive = 256;
    for (let i = 0; i < 4; i++) naive = bf16(naive + 1);
    expect(naive).toBe(256);
    let s = 256;
    let c = 0;
    const rows: string[] = [];
    for (let step = 1; step <= 4; step++) {
      const y = bf16(1 - c);
      const t = bf16(s + y);
      c = bf16(bf16(t - s) - y);
      s = t;
      rows.push(`| ${step} | $${y}$ | $${t}$ | $${c}$ | $${s}$ |`);
    }
    expect(s).toBe(260);
    expectInBoth([...rows, `$256 + 2 = 258$`, `$258 + 1 = 259$`, `$1 - 1 = 0$`]);
  });

  it('cancellation: 1.001 - 1 in FP16 and BF16, and log(1 + x) against log1p for x = 1e-12', () => {
    const a = fp16(1.001);
    expect(a).toBe(1.0009765625);
    const relIn = (1.001 - a) / 1.001;
    const diff = a - 1;
    const relOut = (0.001 - diff) / 0.001;
    const kappa = (1.001 + 1) / 0.001;
    expect(bf16(1.001)).toBe(1);
    const x = 1e-12;
    const onePlus = 1 + x; // rounded to double
    const naiveLog = Math.log(onePlus);
    const rel = (naiveLog - Math.log1p(x)) / Math.log1p(x);
    expectInBoth([
      `$${a}$`,
      `$${sci(relIn, 2)}$`,
      `$${diff}$`,
      `$${(relOut * 100).toFixed(2)}\\%$`,
      `= ${Math.round(kappa)}$`,
      `1 + ${((onePlus - 1) / 1e-12).toFixed(6)}\\times10^{-12}`,
      `$${(naiveLog / 1e-12).toFixed(6)}\\times10^{-12}$`,
      `$${(Math.log1p(x) / 1e-12).toPrecision(13)}\\times10^{-12}$`,
      `$${(rel * 1e5).toFixed(1)}\\times10^{-5}$`,
    ]);
  });

  it('variance of (10000, 10001, 10002) in FP32: the textbook formula gives 0, Welford 2/3', () => {
    const xs = [10000, 10001, 10002];
    const squares = xs.map((v) => fp32(v * v));
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < xs.length; i++) {
      s1 = fp32(s1 + xs[i]!);
      s2 = fp32(s2 + squares[i]!);
    }
    const meanSq = fp32(s2 / 3);
    const mean = fp32(s1 / 3);
    const meanSquared = fp32(mean * mean);
    expect(fp32(meanSq - meanSquared)).toBe(0);
    expect(ulp(1e8, FLOAT_FORMATS.fp32)).toBe(8);
    // The shifted data give a negative variance.
    const shifted = [6689, 6690, 6691];
    let t1 = 0;
    let t2 = 0;
    for (const v of shifted) {
      t1 = fp32(t1 + v);
      t2 = fp32(t2 + fp32(v * v));
    }
    const negative = fp32(fp32(t2 / 3) - fp32(fp32(t1 / 3) ** 2));
    expect(negative).toBe(-4);
    // Welford in FP32.
    let mu = 0;
    let m2 = 0;
    const trace: number[][] = [];
    xs.forEach((v, i) => {
      const k = i + 1;
      const delta = fp32(v - mu);
      mu = fp32(mu + fp32(delta / k));
      m2 = fp32(m2 + fp32(delta * fp32(v - mu)));
      trace.push([delta, mu, m2]);
    });
    expect(fp32(m2 / 3)).toBe(fp32(2 / 3));
    const eps = 1e-5;
    const good = -1 / Math.sqrt(2 / 3 + eps);
    const bad = -1 / Math.sqrt(0 + eps);
    expectInBoth([
      `2/3 \\approx ${(2 / 3).toFixed(4)}$`,
      `$${grouped(squares[0]!)}$`,
      `$${grouped(squares[1]!)}$`,
      `$${grouped(squares[2]!)}$`,
      `$${grouped(meanSq)}$`,
      `$${mean}$`,
      `$${grouped(xs[1]! ** 2)}$`,
      `${grouped(meanSq)} - ${grouped(meanSquared)} = ${fp32(meanSq - meanSquared)}`,
      `$(${shifted.join(', ')})$`,
      `$${negative}$`,
      `$\\mu = ${trace[1]![1]}$`,
      `$M_2 = ${trace[1]![2]}$`,
      `$\\delta = ${trace[2]![0]}$`,
      `$\\mu = ${trace[2]![1]}$`,
      `= ${trace[2]![2]}$`,
      `\\approx ${good.toFixed(4)}$`,
      `\\approx ${bad.toFixed(1)}$`,
    ]);
  });

  it('error bounds for 10^6 FP32 terms: naive, pairwise, Kahan', () => {
    const u = 2 ** -24;
    const n = 1e6;
    const naive = (n - 1) * u;
    const depth = Math.ceil(Math.log2(n));
    expect(depth).toBe(20);
    expectInBoth([
      `u = 2^{-24} \\approx ${sci(u, 2)}$`,
      `\\approx ${naive.toFixed(4)}$`,
      `$${naive.toFixed(4)}$`,
      `$20u \\approx ${sci(depth * u, 2)}$`,
      `$${sci(depth * u, 2)}$`,
      `$2u \\approx ${sci(2 * u, 2)}$`,
    ]);
  });

  it('stochastic rounding of 256 + 1 in BF16 is unbiased', () => {
    const x = 257;
    const lo = 256;
    const spacing = ulp(lo, FLOAT_FORMATS.bf16);
    const pUp = (x - lo) / spacing;
    expect(pUp).toBe(0.5);
    expect(lo + pUp * spacing).toBe(x);
    // Each +1 from an even value in [256, 512) has expectation +1, so 100 additions average 356.
    const expected = 256 + 100 * (pUp * spacing);
    expectInBoth([`$1/2$`, `${lo + spacing}`, `${x}`, `${expected}`]);
  });
});
