/**
 * Recomputes every number stated in the worked examples of the numerical-analysis notes
 * and checks that it appears, formatted as printed, in both the English and Chinese note.
 */
import { describe, expect, it } from 'vitest';
import { expectPrintedInBothNotes, readNote } from '../../helpers/content.ts';
import { FLOAT_FORMATS, roundToFormat } from '../../../src/calculators/math/float-formats.ts';
import { learningRateAt } from '../../../src/calculators/math/lr-schedule.ts';

const AREA = 'numerical-analysis';

function both(slug: string) {
  return { en: readNote('en', AREA, slug), zh: readNote('zh', AREA, slug) };
}

/** Assert that every string appears in both language versions of the note. */
const expectInBoth = (slug: string, ...printed: string[]) => expectPrintedInBothNotes(AREA, slug, printed);

/** "6.954\times10^{-5}" as TeX source: mantissa with `digits` decimals. */
function sci(x: number, digits: number): string {
  const exp = Math.floor(Math.log10(Math.abs(x)));
  let mant = x / 10 ** exp;
  let e = exp;
  if (Math.abs(Number(mant.toFixed(digits))) >= 10) {
    mant /= 10;
    e += 1;
  }
  return `${mant.toFixed(digits)}\\times10^{${e}}`;
}

type Format = { expBits: number; mantBits: number; bias: number; max: number };
const FP32: Format = { expBits: 8, mantBits: 23, bias: 127, max: (2 - 2 ** -23) * 2 ** 127 };
const FP16: Format = { expBits: 5, mantBits: 10, bias: 15, max: 65504 };
const BF16: Format = { expBits: 8, mantBits: 7, bias: 127, max: (2 - 2 ** -7) * 2 ** 127 };
const E4M3: Format = { expBits: 4, mantBits: 3, bias: 7, max: 448 };
const E5M2: Format = { expBits: 5, mantBits: 2, bias: 15, max: 57344 };

/** Round to nearest, ties to even, into a binary format (with subnormals); overflow gives Infinity. */
function roundTo(x: number, f: Format): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const sign = Math.sign(x);
  const a = Math.abs(x);
  const minExp = 1 - f.bias;
  const e = Math.max(Math.floor(Math.log2(a)), minExp);
  const ulp = 2 ** (e - f.mantBits);
  const q = a / ulp;
  let n = Math.floor(q);
  const frac = q - n;
  if (frac > 0.5 || (frac === 0.5 && n % 2 === 1)) n += 1;
  const r = n * ulp;
  // Values beyond max: IEEE rounds to infinity once past max + ulp/2.
  if (r > f.max) return sign * Infinity;
  return sign * r;
}

/** Exponent field and fraction of a normal number in format f. */
function encode(x: number, f: Format): { expField: number; frac: number; bits: number } {
  const r = roundTo(x, f);
  const e = Math.floor(Math.log2(r));
  const frac = Math.round((r / 2 ** e - 1) * 2 ** f.mantBits);
  const expField = e + f.bias;
  return { expField, frac, bits: (expField << f.mantBits) | frac };
}

/**
 * 0.1 in `format`: checks the stored value, the exponent field, the fraction and the bits in hex
 * (as the note prints them) against `expected`, and returns the stored value and the fraction.
 */
function expectTenthIn(format: Format, expected: { value: number; expField: number; frac: number; hex: string }): { v: number; frac: number } {
  const v = roundTo(0.1, format);
  expect(v).toBe(expected.value);
  const { expField, frac, bits } = encode(0.1, format);
  expect(expField).toBe(expected.expField);
  expect(frac).toBe(expected.frac);
  expect(bits.toString(16).toUpperCase()).toBe(expected.hex);
  return { v, frac };
}

const ln = Math.log;

describe('numerical-analysis overview', () => {
  it('memory of a 7B model and grid spacing', () => {
    const n = 7e9;
    expect((n * 4) / 1e9).toBe(28);
    expect((n * 2) / 1e9).toBe(14);
    expect((n * 1) / 1e9).toBe(7);
    expectInBoth(AREA, '28 GB', '14 GB', '7 GB', '28 \\times 10^{9}');
    expectInBoth(AREA, String(2 ** -10), String(2 ** -7), String(2 ** -3), sci(2 ** -23, 2), String(2 ** 16));
    expect(String(2 ** -10)).toBe('0.0009765625');
    // Half the BF16 gap at 1, and a 0.001 update absorbed in BF16 but kept in FP32.
    expectInBoth(AREA, (2 ** -8).toFixed(4));
    expect(roundTo(1 + 0.001, BF16)).toBe(1);
    expect(roundTo(1 + 0.001, FP32)).not.toBe(1);
    // Depth products.
    expectInBoth(AREA, (1.1 ** 50).toFixed(2), (0.9 ** 50).toFixed(5));
  });
});

describe('floating-point', () => {
  it('0.1 in FP16', () => {
    const { v, frac } = expectTenthIn(FP16, { value: 0.0999755859375, expField: 11, frac: 614, hex: '2E66' });
    expect(frac.toString(2)).toBe('1001100110');
    expect(0.6 * 1024).toBeCloseTo(614.4, 10);
    const err = 0.1 - v;
    expectInBoth(
      'floating-point',
      String(v),
      String(1 + 614 / 1024),
      '0x2E66',
      `${(err * 1e5).toFixed(8)}\\times10^{-5}`,
      sci(err / 0.1, 2),
      sci(2 ** -11, 2),
      sci(2 ** -14, 2),
      String(v + 2 ** -14),
      '614.4',
    );
    expect(String(v + 2 ** -14)).toBe('0.10003662109375');
    expect(Math.abs(err / 0.1)).toBeLessThanOrEqual(2 ** -11);
  });

  it('0.1 in BF16 and FP32', () => {
    const { v } = expectTenthIn(BF16, { value: 0.10009765625, expField: 123, frac: 77, hex: '3DCD' });
    const err = v - 0.1;
    expectInBoth('floating-point', String(v), String(1 + 77 / 128), '0x3DCD', '76.8', `${(err * 1e5).toFixed(6)}\\times10^{-5}`);
    expect(`${(err * 1e5).toFixed(6)}`).toBe('9.765625');
    expectInBoth('floating-point', Math.fround(0.1).toPrecision(15));
  });

  it('the BF16 error is 4 times the FP16 error, not 8: where 0.1 falls between grid points', () => {
    const e16 = 0.1 - roundTo(0.1, FP16);
    const e16b = roundTo(0.1, BF16) - 0.1;
    // The ULP ratio (and the ratio of the unit roundoffs) is 8 ...
    const ulp16 = 2 ** (Math.floor(Math.log2(0.1)) - 10);
    const ulpB = 2 ** (Math.floor(Math.log2(0.1)) - 7);
    expect(ulpB / ulp16).toBe(8);
    // ... but 0.1 lies 0.4 of a gap from its FP16 neighbour and 0.2 of a gap from its BF16 one.
    const f16 = e16 / ulp16;
    const fB = e16b / ulpB;
    expect(f16).toBeCloseTo(0.4, 10);
    expect(fB).toBeCloseTo(0.2, 10);
    expect(e16b / e16).toBeCloseTo(4, 10);
    expect((8 * fB) / f16).toBeCloseTo(4, 10);
    expectInBoth('floating-point', '8 \\times 0.2/0.4 = 4', '614.4 \\to 614', '76.8 \\to 77', '2^{-8}', '2^{-11}');
  });

  it('a BF16 weight update is absorbed when it is small relative to the weight', () => {
    const theta = 0.02;
    const step = 3e-4 * 0.1;
    expect(step).toBeCloseTo(3e-5, 15);
    const rel = step / theta;
    expect(rel.toExponential(1)).toBe('1.5e-3');
    expect(rel).toBeLessThan(2 ** -9);
    const w = roundTo(theta, BF16);
    expect(roundTo(w - step, BF16)).toBe(w);
    expect(roundTo(w + step, BF16)).toBe(w);
    // In FP32 the same step survives.
    expect(Math.fround(Math.fround(theta) - Math.fround(step))).not.toBe(Math.fround(theta));
    expectInBoth('floating-point', '1.5\\times10^{-3}', '3\\times10^{-5}', (2 ** -8).toFixed(4));
  });

  it('largest finite values, epsilons and absorption', () => {
    expect((2 - 2 ** -10) * 2 ** (30 - 15)).toBe(65504);
    expect(1.75 * 2 ** (15 - 7)).toBe(448);
    expect(1.75 * 2 ** (30 - 15)).toBe(57344);
    expectInBoth('floating-point', String(2 - 2 ** -10), '65504', '448', '57344', '1.75 \\times 256', '1.75 \\times 32768');
    // E4M3 / E5M2 roundTo consistent with the max.
    expect(roundTo(448, E4M3)).toBe(448);
    expect(roundTo(57344, E5M2)).toBe(57344);
    // Table: machine epsilons and minimum normals.
    expectInBoth('floating-point', String(2 ** -7), String(2 ** -6), sci(2 ** -23, 2), sci(2 ** -14, 2), sci(2 ** -126, 2));
    // 2048 + 1 and 1 + 2^-11 are absorbed in FP16.
    expect(roundTo(2049, FP16)).toBe(2048);
    expect(roundTo(1 + 2 ** -11, FP16)).toBe(1);
    expect(2 ** (9 - 10)).toBe(0.5);
    expect(roundTo(1000.25, FP16)).not.toBe(1000.25);
    expectInBoth('floating-point', '2048 + 1', '1000.25');
  });
});

describe('stable-softmax', () => {
  it('softmax of (1000, 999) and its log-sum-exp', () => {
    const naive = Math.exp(1000);
    expect(naive).toBe(Infinity);
    expect(Number.isNaN(naive / (naive + Math.exp(999)))).toBe(true);
    const e1 = Math.exp(-1);
    const s = 1 + e1;
    const p = [1 / s, e1 / s];
    expectInBoth('stable-softmax', e1.toFixed(6), s.toFixed(6), `(${p[0].toFixed(4)}, ${p[1].toFixed(4)})`);
    expect(`(${p[0].toFixed(4)}, ${p[1].toFixed(4)})`).toBe('(0.7311, 0.2689)');
    expectInBoth('stable-softmax', ln(s).toFixed(4), (1000 + ln(s)).toFixed(4));
    // Underflow case gives NaN naively and the same answer when stable.
    expect(Number.isNaN(Math.exp(-1000) / (Math.exp(-1000) + Math.exp(-1001)))).toBe(true);
    // Online softmax running sum.
    expectInBoth('stable-softmax', s.toFixed(4));
  });

  it('overflow and underflow thresholds', () => {
    expectInBoth('stable-softmax', ln(65504).toFixed(2), ln(FP32.max).toFixed(2), String(Math.round(Math.exp(12))), ln(2 ** -150).toFixed(2));
    expect(roundTo(Math.exp(12), FP16)).toBe(Infinity);
    expect(Math.fround(Math.exp(-200))).toBe(0);
    expectInBoth('stable-softmax', `${(Math.exp(-200) / 1e-87).toFixed(1)}\\times10^{-87}`);
    expectInBoth('stable-softmax', Math.sqrt(128).toFixed(1));
  });

  it('cross-entropy from logits (2.0, 1.0, 0.1)', () => {
    const z = [2.0, 1.0, 0.1];
    const m = Math.max(...z);
    const ex = z.map((v) => Math.exp(v - m));
    const sum = ex.reduce((a, b) => a + b, 0);
    const lse = m + ln(sum);
    const loss = lse - z[0];
    const p = ex.map((v) => v / sum);
    const grad = p.map((v, i) => v - (i === 0 ? 1 : 0));
    expectInBoth(
      'stable-softmax',
      `(1, ${ex[1].toFixed(4)}, ${ex[2].toFixed(4)})`,
      sum.toFixed(4),
      lse.toFixed(4),
      loss.toFixed(4),
      `(${p.map((v) => v.toFixed(4)).join(', ')})`,
      `(${grad.map((v) => v.toFixed(4)).join(', ')})`,
    );
    expect(grad.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
  });
});

describe('gradients-and-clipping', () => {
  it('global-norm clipping of (3, 4) and (12)', () => {
    const gW = [3, 4];
    const gb = [12];
    const sq = [...gW, ...gb].reduce((a, b) => a + b * b, 0);
    const norm = Math.sqrt(sq);
    expect(norm).toBe(13);
    const scale = Math.min(1, 1 / norm);
    const cW = gW.map((v) => v * scale);
    const cb = gb.map((v) => v * scale);
    expectInBoth('gradients-and-clipping', '\\sqrt{169} = 13', scale.toFixed(4), `(${cW.map((v) => v.toFixed(4)).join(', ')})`, `(${cb[0].toFixed(4)})`);
    const clippedNorm = Math.hypot(...cW, ...cb);
    expect(clippedNorm).toBeCloseTo(1, 12);
    // Per-tensor clipping: (0.6, 0.8) and (1).
    const nW = Math.hypot(...gW);
    expectInBoth('gradients-and-clipping', `(${gW.map((v) => String(v / nW)).join(', ')})`);
    expect(`(${gW.map((v) => String(v / nW)).join(', ')})`).toBe('(0.6, 0.8)');
    // The weight gradient's share of the global norm before and after per-tensor clipping.
    const shareBefore = nW / norm;
    const perTensor = [...gW.map((v) => v / nW), ...gb.map((v) => v / Math.abs(v))];
    const shareAfter = Math.hypot(...perTensor.slice(0, 2)) / Math.hypot(...perTensor);
    expect(Math.hypot(...perTensor)).toBeCloseTo(Math.SQRT2, 12);
    expect(shareAfter).toBeCloseTo(1 / Math.SQRT2, 12);
    expectInBoth('gradients-and-clipping', `5/13 \\approx ${shareBefore.toFixed(3)}`, `1/\\sqrt{2} \\approx ${shareAfter.toFixed(3)}`);
  });

  it('vanishing and exploding products', () => {
    const sig10 = 0.25 ** 10;
    expectInBoth(
      'gradients-and-clipping',
      (1.1 ** 50).toFixed(2),
      (0.9 ** 50).toFixed(5),
      sci(sig10, 2),
      sci(0.01 * sig10, 2),
      sci(2 ** -24, 2),
      (1 / Math.sqrt(24)).toFixed(4),
    );
    expect(roundTo(0.01 * sig10, FP16)).toBe(0);
  });
});

describe('mixed-precision', () => {
  it('absorbed updates', () => {
    expect(roundTo(1.001, BF16)).toBe(1);
    expect(roundTo(1.001, FP16)).toBe(1.0009765625);
    expect(roundTo(1.0001, FP16)).toBe(1);
    expectInBoth('mixed-precision', String(2 ** -7), String(2 ** -8), String(2 ** -10), '1.0009765625', String(2 ** -11), sci(2 ** -23, 2));
    let w = 1;
    for (let i = 0; i < 1000; i++) w = roundTo(w + 0.001, BF16);
    expect(w).toBe(1);
    let w32 = Math.fround(1);
    for (let i = 0; i < 1000; i++) w32 = Math.fround(w32 + Math.fround(0.001));
    expect(w32).toBeCloseTo(2, 3);
  });

  it('loss scaling', () => {
    expect(roundTo(1e-8, FP16)).toBe(0);
    const scaled = 1e-8 * 65536;
    const stored = roundTo(scaled, FP16);
    expectInBoth('mixed-precision', sci(scaled, 4), sci(stored, 4), sci(2 ** -24, 2), sci(2 ** -14, 2));
    expect(Math.round(((scaled - stored) / scaled) * 1e4)).toBe(3);
    expect(stored).toBeGreaterThanOrEqual(2 ** -14);
    expect(2 * 65536).toBe(131072);
    expect(roundTo(2 * 65536, FP16)).toBe(Infinity);
    expect(roundTo(2 * 32768, FP16)).toBe(Infinity);
    expect(roundTo(2 * 16384, FP16)).toBe(32768);
    expectInBoth('mixed-precision', '131072', '32768', '16384', '65536');
  });

  it("Adam's epsilon, memory, and FP16 epsilon underflow", () => {
    const ratio = 1e-9 / (1e-9 + 1e-8);
    expectInBoth('mixed-precision', ratio.toFixed(4));
    const bytes = 2 + 2 + 4 + 4 + 4;
    expect(bytes).toBe(16);
    expectInBoth('mixed-precision', `= 16`, `= ${(7e9 * bytes) / 1e9}$ GB`);
    expect(roundTo(1e-8, FP16)).toBe(0);
    expect(roundTo(1.7e-4 ** 2, FP16)).toBe(0);
    expect(roundTo(1e-4 ** 2, FP16)).toBe(0);
    expect(Math.round(1 / (1 - 0.95))).toBe(20);
    expectInBoth('mixed-precision', '1.7\\times10^{-4}');
    // 8-bit Adam: m and v in one byte each.
    const bytes8 = 2 + 2 + 4 + 1 + 1;
    expect(bytes8).toBe(10);
    expectInBoth('mixed-precision', '2 + 2 + 4 + 1 + 1 = 10', `${(7e9 * bytes8) / 1e9} GB`, '2048');
  });

  it('the relative update that BF16 rounds away', () => {
    const rel = (3e-4 * 0.1) / 0.02;
    expect(rel).toBeCloseTo(1.5e-3, 15);
    expect(rel).toBeLessThan(2 ** -9);
    expectInBoth('mixed-precision', '1.5\\times10^{-3}', (2 ** -8).toFixed(4), '6\\times10^{-8}');
    expect(2 ** -24).toBeCloseTo(6e-8, 8);
  });

  it('the Adam step after a gradient spike', () => {
    /** Step size in units of eta after k steps of gradient G, starting from m = v = 0 (G cancels). */
    const stepAfter = (b1: number, b2: number, k: number) => (1 - b1 ** k) / Math.sqrt(1 - b2 ** k);
    // The same thing simulated: a long run of tiny gradients, then a large one.
    const simulate = (b2: number) => {
      let m = 0;
      let v = 0;
      for (let t = 0; t < 20000; t++) {
        m = 0.9 * m + 0.1 * 1e-6;
        v = b2 * v + (1 - b2) * 1e-12;
      }
      m = 0.9 * m + 0.1 * 1;
      v = b2 * v + (1 - b2) * 1;
      return m / Math.sqrt(v);
    };
    for (const b2 of [0.999, 0.95]) {
      const first = stepAfter(0.9, b2, 1);
      expect(first).toBeCloseTo(0.1 / Math.sqrt(1 - b2), 12);
      expect(simulate(b2)).toBeCloseTo(first, 3);
      expectInBoth(
        'mixed-precision',
        `0.1/${Math.sqrt(1 - b2)
          .toFixed(4)
          .replace(/0+$/, '')}`,
        `${first.toFixed(first > 1 ? 2 : 3)}\\eta`,
      );
      const ks = Array.from({ length: 500 }, (_, i) => i + 1);
      const peakK = ks.reduce((best, k) => (stepAfter(0.9, b2, k) > stepAfter(0.9, b2, best) ? k : best), 1);
      const peak = stepAfter(0.9, b2, peakK);
      expectInBoth('mixed-precision', `${peak.toFixed(2)}\\eta`);
      if (b2 === 0.999) {
        expect(peakK).toBe(12);
        const notes = both('mixed-precision');
        expect(notes.en).toContain(`after ${peakK} steps`);
        expect(notes.zh).toContain(`在第 ${peakK} 步`);
      }
    }
  });
});

describe('learning-rate-schedules', () => {
  const peak = 3e-4;
  const floor = 3e-5;
  const W = 2000;
  const T = 100000;
  const p = (t: number) => (t - W) / (T - W);
  const cosine = (t: number) => floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * p(t)));
  const linear = (t: number) => peak - p(t) * (peak - floor);
  const step = (t: number) => Math.max(floor, peak * 0.5 ** Math.floor((t - W) / 20000));

  it('warm-up and the values at t = 75500', () => {
    expectInBoth('learning-rate-schedules', sci((peak * 500) / W, 1));
    expect(p(75500)).toBe(0.75);
    expectInBoth('learning-rate-schedules', Math.cos(0.75 * Math.PI).toFixed(4));
    const bump = 0.5 * (peak - floor) * (1 + Math.cos(0.75 * Math.PI));
    expectInBoth('learning-rate-schedules', sci(bump, 3), sci(cosine(75500), 3), sci(linear(75500), 2), sci(step(75500), 2));
    expect(Math.floor(73500 / 20000)).toBe(3);
    // The next halving (at t = 82000) would go below the floor.
    expect(Math.floor((82000 - W) / 20000)).toBe(4);
    expectInBoth('learning-rate-schedules', 't = 82000', sci(peak * 0.5 ** 4, 3));
    expect(step(82000)).toBe(floor);
  });

  it('comparison table', () => {
    const rows: [number, string][] = [
      [2000, '0'],
      [26500, '0.25'],
      [51000, '0.5'],
      [75500, '0.75'],
      [100000, '1'],
    ];
    const notes = both('learning-rate-schedules');
    for (const [t, prog] of rows) {
      expect(String(p(t))).toBe(prog);
      const row = `| ${t} | ${prog} | $${sci(cosine(t), 3)}$ | $${sci(linear(t), 3)}$ | $${sci(step(t), 3)}$ |`;
      expect(notes.en).toContain(row);
      expect(notes.zh).toContain(row);
    }
    expectInBoth('learning-rate-schedules', sci(cosine(51000), 2));
  });

  it('inverse square root peak and first-step norm', () => {
    const a = 512 ** -0.5;
    const b = 4000 ** -0.5;
    expectInBoth('learning-rate-schedules', a.toFixed(5), b.toFixed(5), sci(a * b, 3));
    const sqrtN = Math.sqrt(7e9);
    expectInBoth('learning-rate-schedules', String(Math.round(sqrtN)), (peak * sqrtN).toFixed(1), sci(peak / W, 1), ((peak / W) * sqrtN).toFixed(4));
    expectInBoth('learning-rate-schedules', String(Math.round(375 / 4)));
  });
});

describe('agreement with the calculators', () => {
  it('float-inspector rounding matches the rounding used above', () => {
    const pairs: [Format, keyof typeof FLOAT_FORMATS][] = [
      [FP16, 'fp16'],
      [BF16, 'bf16'],
      [FP32, 'fp32'],
      [E4M3, 'e4m3'],
      [E5M2, 'e5m2'],
    ];
    const xs = [0.1, 2049, 1.001, 1.0001, 1e-8, 6.5536e-4, 65536, 131072, 32768, 1000.25, 9.5367431640625e-9, 300, 448, 57344];
    for (const [f, id] of pairs) {
      for (const x of xs) {
        const r = roundToFormat(x, FLOAT_FORMATS[id]).value;
        const mine = roundTo(x, f);
        if (Number.isFinite(mine)) expect(r, `${id} ${x}`).toBe(mine);
        else expect(Number.isFinite(r), `${id} ${x}`).toBe(false);
      }
    }
  });

  it('lr-schedule calculator reproduces the table', () => {
    const base = { peak: 3e-4, totalSteps: 100000, warmupSteps: 2000, minLr: 3e-5 };
    const cos = (t: number) => 3e-5 + 0.5 * 2.7e-4 * (1 + Math.cos((Math.PI * (t - 2000)) / 98000));
    for (const t of [500, 2000, 26500, 51000, 75500, 100000]) {
      const c = learningRateAt(t, { ...base, shape: 'cosine' });
      expect(c).toBeCloseTo(t < 2000 ? (3e-4 * t) / 2000 : cos(t), 12);
      const s = learningRateAt(t, { ...base, shape: 'step', gamma: 0.5, stepSize: 20000 });
      if (t >= 2000) expect(s).toBeCloseTo(Math.max(3e-5, 3e-4 * 0.5 ** Math.floor((t - 2000) / 20000)), 12);
    }
  });
});
