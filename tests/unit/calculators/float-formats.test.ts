import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FLOAT_FORMATS,
  decodeBits,
  encodeValue,
  exactDecimal,
  exactDifference,
  exactErrorVsDecimal,
  formatLimits,
  inspectFloat,
  nextDown,
  nextUp,
  roundToFormat,
  ulp,
} from '../../../src/calculators/math/float-formats.ts';

const { fp32, fp16, bf16, e4m3, e5m2 } = FLOAT_FORMATS;
const ALL = [fp32, fp16, bf16, e4m3, e5m2];

describe('format limits', () => {
  it('machine epsilon: FP16 2^-10, BF16 2^-7, FP32 2^-23', () => {
    expect(formatLimits(fp16).epsilon).toBe(2 ** -10);
    expect(formatLimits(bf16).epsilon).toBe(2 ** -7);
    expect(formatLimits(fp32).epsilon).toBe(2 ** -23);
    expect(formatLimits(fp32).epsilon).toBe(Math.fround(1 + 2 ** -23) - 1);
  });

  it('max finite: FP16 65504, E4M3 448, E5M2 57344, FP32 as Math.fround says', () => {
    expect(formatLimits(fp16).maxFinite).toBe(65504);
    expect(formatLimits(e4m3).maxFinite).toBe(448);
    expect(formatLimits(e5m2).maxFinite).toBe(57344);
    expect(formatLimits(fp32).maxFinite).toBe(3.4028234663852886e38);
    expect(formatLimits(bf16).maxFinite).toBe(3.3895313892515355e38);
  });

  it('min normal and min subnormal', () => {
    expect(formatLimits(fp16).minNormal).toBe(2 ** -14);
    expect(formatLimits(fp16).minSubnormal).toBe(2 ** -24);
    expect(formatLimits(e4m3).minNormal).toBe(2 ** -6);
    expect(formatLimits(e4m3).minSubnormal).toBe(2 ** -9);
    expect(formatLimits(e5m2).minSubnormal).toBe(2 ** -16);
    expect(formatLimits(fp32).minSubnormal).toBe(2 ** -149);
    expect(formatLimits(bf16).minSubnormal).toBe(2 ** -133);
  });
});

describe('rounding 0.1', () => {
  it('FP16 stores 0.0999755859375, BF16 0.10009765625, FP32 0.100000001490116119384765625', () => {
    expect(inspectFloat(0.1, fp16).storedDecimal).toBe('0.0999755859375');
    expect(inspectFloat(0.1, bf16).storedDecimal).toBe('0.10009765625');
    expect(inspectFloat(0.1, fp32).storedDecimal).toBe('0.100000001490116119384765625');
  });

  it('FP16 bits of 0.1 are 0 01011 1001100110', () => {
    expect(inspectFloat(0.1, fp16).encoding.bits).toBe('0010111001100110');
    expect(encodeValue(1, fp16).bits).toBe('0011110000000000');
  });

  it('the rounding error is exact', () => {
    // Against the typed decimal 0.1 = 1/10 (what the inspector shows) …
    expect(inspectFloat(0.1, fp16, 'ieee', '0.1').absoluteErrorDecimal).toBe('-0.0000244140625');
    // … and, without the typed text, against the double nearest 0.1.
    const r = inspectFloat(0.1, fp16);
    expect(r.absoluteErrorDecimal).toBe('-0.0000244140625000055511151231257827021181583404541015625');
    expect(exactDecimal(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDifference(1, 0.75)).toBe('0.25');
    expect(exactDecimal(2 ** 70)).toBe('1180591620717411303424');
    expect(exactDecimal(5e-324)).toMatch(/^0\.0{323}49406564584124654/);
  });
});

describe('the exact error against the typed decimal', () => {
  it('0.1 in FP16: 0.0999755859375 − 1/10 = −0.0000244140625 exactly (the typed 0.1, not the double)', () => {
    const stored = inspectFloat(0.1, fp16).rounded.value;
    expect(exactErrorVsDecimal(stored, '0.1')).toBe('-0.0000244140625');
    expect(exactErrorVsDecimal(stored, '.1')).toBe('-0.0000244140625');
    expect(exactErrorVsDecimal(stored, '1e-1')).toBe('-0.0000244140625');
    // BF16 0.10009765625 and FP32 0.100000001490116119384765625 against 1/10.
    expect(exactErrorVsDecimal(inspectFloat(0.1, bf16).rounded.value, '0.1')).toBe('0.00009765625');
    expect(exactErrorVsDecimal(Math.fround(0.1), '0.1')).toBe('0.000000001490116119384765625');
    // Even the double nearest 0.1 is off by 5.55…×10⁻¹⁸ from the typed 0.1.
    expect(exactErrorVsDecimal(0.1, '0.1')).toBe('0.0000000000000000055511151231257827021181583404541015625');
  });

  it('negative, large, exponent and thousands forms; exact values give 0', () => {
    expect(exactErrorVsDecimal(roundToFormat(-0.1, fp16).value, '-0.1')).toBe('0.0000244140625');
    expect(exactErrorVsDecimal(65504, '65519')).toBe('-15');
    expect(exactErrorVsDecimal(roundToFormat(1234.5, fp16).value, '1,234.5')).toBe('-0.5');
    expect(exactErrorVsDecimal(roundToFormat(3e-5, fp16).value, '3e-5')).toBe('-0.000000018863677978515625');
    expect(exactErrorVsDecimal(0.5, '0.5')).toBe('0');
    expect(exactErrorVsDecimal(448, '4.48e2')).toBe('0');
    expect(exactErrorVsDecimal(448, '4.48×10^2')).toBe('0');
  });

  it('no exact error for ±∞, NaN or text that is not a decimal numeral', () => {
    expect(exactErrorVsDecimal(Infinity, '1e6')).toBeNull();
    expect(exactErrorVsDecimal(Number.NaN, '500')).toBeNull();
    expect(exactErrorVsDecimal(0.5, '1/2')).toBeNull();
    expect(exactErrorVsDecimal(0, '1e-99999')).toBeNull();
    expect(inspectFloat(1 / 3, fp16, 'ieee', '1/3').absoluteErrorDecimal).toBeNull();
  });
});

describe('round half to even', () => {
  it('FP16 ties between 1 and 1 + 2^-10 go to the even mantissa', () => {
    expect(roundToFormat(1 + 2 ** -11, fp16).value).toBe(1);
    expect(roundToFormat(1 + 3 * 2 ** -11, fp16).value).toBe(1 + 2 * 2 ** -10);
    expect(roundToFormat(1 + 2 ** -11 + 2 ** -30, fp16).value).toBe(1 + 2 ** -10);
  });

  it('E4M3 ties: 17 → 16, 19 → 20; 464 → 448 (even) and 465 overflows', () => {
    expect(roundToFormat(17, e4m3).value).toBe(16);
    expect(roundToFormat(19, e4m3).value).toBe(20);
    expect(roundToFormat(464, e4m3).value).toBe(448);
    expect(roundToFormat(465, e4m3).overflow).toBe(true);
  });

  it('subnormal ties: half the FP16 min subnormal rounds to 0, 1.5 of it to 2', () => {
    expect(roundToFormat(2 ** -25, fp16)).toMatchObject({ value: 0, underflowToZero: true });
    expect(roundToFormat(3 * 2 ** -25, fp16)).toMatchObject({ value: 2 ** -23, subnormal: true });
    expect(Object.is(roundToFormat(-(2 ** -26), fp16).value, -0)).toBe(true);
  });
});

describe('overflow', () => {
  it('FP16: 65519 → 65504, 65520 (the tie) → ∞', () => {
    expect(roundToFormat(65519, fp16).value).toBe(65504);
    expect(roundToFormat(65520, fp16)).toMatchObject({ value: Infinity, overflow: true });
    expect(roundToFormat(-1e6, fp16).value).toBe(-Infinity);
  });

  it('E5M2 overflows to ±∞, E4M3 to NaN (no infinity) unless saturating', () => {
    expect(roundToFormat(1e6, e5m2).value).toBe(Infinity);
    expect(roundToFormat(1e6, e4m3).value).toBeNaN();
    expect(roundToFormat(1e6, e4m3, 'saturate').value).toBe(448);
    expect(roundToFormat(-1e6, e5m2, 'saturate').value).toBe(-57344);
    expect(roundToFormat(Infinity, e4m3, 'saturate').value).toBe(448);
  });

  it('E4M3 NaN is S.1111.111 and 448 is 0.1111.110; E5M2 ∞ is 0.11111.00', () => {
    expect(encodeValue(Number.NaN, e4m3).bits).toBe('01111111');
    expect(encodeValue(448, e4m3).bits).toBe('01111110');
    expect(encodeValue(Infinity, e5m2).bits).toBe('01111100');
    expect(decodeBits(0b01111111, e4m3)).toBeNaN();
    expect(decodeBits(0b01111100, e5m2)).toBe(Infinity);
    expect(decodeBits(0b11111110, e4m3)).toBe(-448);
  });
});

describe('neighbours and ULP', () => {
  it('around 1 in FP16: previous 1 − 2^-11, next 1 + 2^-10, ULP 2^-10', () => {
    expect(nextDown(1, fp16)).toBe(1 - 2 ** -11);
    expect(nextUp(1, fp16)).toBe(1 + 2 ** -10);
    expect(ulp(1, fp16)).toBe(2 ** -10);
  });

  it('at the edges: max finite → ∞ (or none for E4M3); 0 → ± min subnormal', () => {
    expect(nextUp(65504, fp16)).toBe(Infinity);
    expect(nextUp(448, e4m3)).toBeNull();
    expect(nextDown(-448, e4m3)).toBeNull();
    expect(nextUp(0, e4m3)).toBe(2 ** -9);
    expect(nextDown(0, e4m3)).toBe(-(2 ** -9));
    expect(nextDown(2 ** -14, fp16)).toBe(2 ** -14 - 2 ** -24);
  });

  it('stepping through every E4M3 code visits the values in order', () => {
    const positives = Array.from({ length: 127 }, (_, c) => decodeBits(c, e4m3));
    for (let i = 0; i + 1 < positives.length; i++) expect(nextUp(positives[i]!, e4m3)).toBe(positives[i + 1]);
  });
});

describe('properties', () => {
  const doubles = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e39, max: 1e39 });

  it('FP32 rounding agrees with Math.fround on every double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => Object.is(roundToFormat(x, fp32).value, Math.fround(x))),
      {
        numRuns: 3000,
      },
    );
  });

  it('the stored value is the nearest representable: no neighbour is closer', () => {
    fc.assert(
      fc.property(doubles, fc.constantFrom(...ALL), (x, f) => {
        const v = roundToFormat(x, f).value;
        if (!Number.isFinite(v)) return Math.abs(x) > formatLimits(f).maxFinite;
        const err = Math.abs(v - x);
        for (const n of [nextDown(v, f), nextUp(v, f)]) {
          if (n !== null && Number.isFinite(n) && Math.abs(n - x) < err) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });

  it('decode(encode(v)) = v for every stored value', () => {
    fc.assert(
      fc.property(doubles, fc.constantFrom(...ALL), (x, f) => {
        const v = roundToFormat(x, f).value;
        const back = decodeBits(encodeValue(v, f).code, f);
        return Number.isNaN(v) ? Number.isNaN(back) : Object.is(back, v);
      }),
      { numRuns: 3000 },
    );
  });

  it('every code of the 8- and 16-bit formats round-trips', () => {
    for (const f of [fp16, bf16, e4m3, e5m2]) {
      const total = 2 ** (1 + f.exponentBits + f.mantissaBits);
      for (let code = 0; code < total; code++) {
        const v = decodeBits(code, f);
        if (Number.isNaN(v)) continue;
        expect(roundToFormat(v, f).value).toBe(v);
        expect(encodeValue(v, f).code).toBe(code);
      }
    }
  });

  it('relative error of a normal value is at most ε/2', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), fc.constantFrom(fp16, bf16, fp32), (x, f) => {
        return inspectFloat(x, f).relativeError <= formatLimits(f).epsilon / 2;
      }),
    );
  });
});
