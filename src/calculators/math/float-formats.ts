/**
 * Binary floating-point formats (FP32, FP16, BF16, FP8 E4M3, FP8 E5M2) described by their
 * field widths, with exact round-to-nearest-even encoding from a double and exact decoding.
 *
 * Every value of these formats is a dyadic rational n·2^k that a double holds exactly, so the
 * rounding works on doubles with power-of-two scalings only (exact), reading the binary
 * exponent from the double's own bits; no decimal strings are involved.
 */

export type FloatFormat = {
  id: FloatFormatId;
  name: string;
  /** Width of the exponent field. */
  exponentBits: number;
  /** Width of the stored (trailing) mantissa field; precision is mantissaBits + 1. */
  mantissaBits: number;
  /**
   * true: IEEE 754 style, the all-ones exponent holds ±∞ (mantissa 0) and NaNs.
   * false: OCP FP8 E4M3 style ("fn"): no infinities, only S.1111.111 is NaN, and the
   * all-ones exponent otherwise holds ordinary normal numbers.
   */
  hasInfinity: boolean;
};

export type FloatFormatId = 'fp32' | 'fp16' | 'bf16' | 'e4m3' | 'e5m2';

export const FLOAT_FORMATS: Record<FloatFormatId, FloatFormat> = {
  fp32: { id: 'fp32', name: 'FP32', exponentBits: 8, mantissaBits: 23, hasInfinity: true },
  fp16: { id: 'fp16', name: 'FP16', exponentBits: 5, mantissaBits: 10, hasInfinity: true },
  bf16: { id: 'bf16', name: 'BF16', exponentBits: 8, mantissaBits: 7, hasInfinity: true },
  e4m3: { id: 'e4m3', name: 'FP8 E4M3', exponentBits: 4, mantissaBits: 3, hasInfinity: false },
  e5m2: { id: 'e5m2', name: 'FP8 E5M2', exponentBits: 5, mantissaBits: 2, hasInfinity: true },
};

/** The format's landmark numbers. */
export type FormatLimits = {
  bias: number;
  /** Smallest exponent of a normal number (1 − bias). */
  emin: number;
  /** Largest exponent of a finite number. */
  emax: number;
  maxFinite: number;
  minNormal: number;
  minSubnormal: number;
  /** Machine epsilon: the gap between 1 and the next number, 2^−mantissaBits. */
  epsilon: number;
};

/** 2^k for an integer k in [−1074, 1023], exactly. */
function pow2(k: number): number {
  if (k < -1022) return 2 ** (k + 100) * 2 ** -100;
  return 2 ** k;
}

const view = new DataView(new ArrayBuffer(8));

/** floor(log2 |x|) for a finite non-zero double, read from its bits (exact, subnormals too). */
export function binaryExponent(x: number): number {
  view.setFloat64(0, x);
  const biased = (view.getUint16(0) >> 4) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  // Subnormal double: scale up by 2^64 (exact) and read again.
  return binaryExponent(x * 2 ** 64) - 64;
}

export function formatLimits(f: FloatFormat): FormatLimits {
  const bias = 2 ** (f.exponentBits - 1) - 1;
  const emin = 1 - bias;
  const allOnes = 2 ** f.exponentBits - 1;
  const emax = (f.hasInfinity ? allOnes - 1 : allOnes) - bias;
  // Without infinities the all-ones mantissa under the all-ones exponent is NaN, so the
  // largest finite significand is 1.11…10 rather than 1.11…11.
  const topSignificand = f.hasInfinity ? 2 - pow2(-f.mantissaBits) : 2 - pow2(1 - f.mantissaBits);
  return {
    bias,
    emin,
    emax,
    maxFinite: topSignificand * pow2(emax),
    minNormal: pow2(emin),
    minSubnormal: pow2(emin - f.mantissaBits),
    epsilon: pow2(-f.mantissaBits),
  };
}

/** What happens to finite values beyond the largest finite number. */
export type OverflowMode =
  /** IEEE 754 / non-saturating: ±∞ where the format has it, NaN otherwise (E4M3). */
  | 'ieee'
  /** OCP FP8 saturation: clamp to ±maxFinite. */
  | 'saturate';

export type Rounded = {
  /** The stored value: a number of the format, ±∞, or NaN. */
  value: number;
  /** The finite input was too large for the format (see OverflowMode for the result). */
  overflow: boolean;
  /** A non-zero input became zero. */
  underflowToZero: boolean;
  /** The stored value is subnormal (non-zero, below the smallest normal). */
  subnormal: boolean;
};

/** Round half to even for t ≥ 0 with t < 2^53 (so t − floor(t) is exact). */
function roundHalfEven(t: number): number {
  const floor = Math.floor(t);
  const rest = t - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The spacing of the format's numbers in the binade of |v| (v finite; 0 → min subnormal). */
export function ulp(v: number, f: FloatFormat): number {
  const { emin } = formatLimits(f);
  if (v === 0) return pow2(emin - f.mantissaBits);
  return pow2(Math.max(binaryExponent(v), emin) - f.mantissaBits);
}

/**
 * Rounds a double to the nearest number of the format, ties to even (IEEE 754
 * roundTiesToEven). Overflow is decided as if the exponent range were unbounded: a value
 * that rounds above maxFinite overflows (so for FP16, 65519.99 → 65504 but 65520 → ∞).
 */
export function roundToFormat(x: number, f: FloatFormat, overflowMode: OverflowMode = 'ieee'): Rounded {
  const limits = formatLimits(f);
  const none = { overflow: false, underflowToZero: false, subnormal: false };
  if (Number.isNaN(x)) return { value: Number.NaN, ...none };
  const negative = x < 0 || Object.is(x, -0);
  const sign = negative ? -1 : 1;
  const a = Math.abs(x);
  const overflowValue = overflowMode === 'saturate' ? sign * limits.maxFinite : f.hasInfinity ? sign * Infinity : Number.NaN;
  if (a === Infinity) {
    return { value: overflowMode === 'saturate' || !f.hasInfinity ? overflowValue : x, ...none, overflow: !f.hasInfinity || overflowMode === 'saturate' };
  }
  if (a === 0) return { value: x, ...none };
  const quantum = pow2(Math.max(binaryExponent(a), limits.emin) - f.mantissaBits);
  // a / quantum < 2^(mantissaBits + 1): an exact scaling into integers of at most 25 bits.
  const magnitude = roundHalfEven(a / quantum) * quantum;
  if (magnitude > limits.maxFinite) return { value: overflowValue, ...none, overflow: true };
  if (magnitude === 0) return { value: sign * 0, ...none, underflowToZero: true };
  return { value: sign * magnitude, ...none, subnormal: magnitude < limits.minNormal };
}

/** The bit fields of a stored value. */
export type Encoding = {
  sign: number;
  exponent: number;
  mantissa: number;
  /** The whole code as an unsigned integer (at most 32 bits). */
  code: number;
  /** The bits as a string, sign first: "0 01111 0000000000" without the spaces. */
  bits: string;
};

/**
 * The fields of a value of the format (as returned by roundToFormat): ±0, subnormals,
 * normals, ±∞ (formats with infinity) and NaN (canonical: all-ones exponent and mantissa
 * with the sign clear, except E4M3, where it is S.1111.111 too).
 */
export function encodeValue(v: number, f: FloatFormat): Encoding {
  const { bias, emin } = formatLimits(f);
  const allOnes = 2 ** f.exponentBits - 1;
  const mantissaOnes = 2 ** f.mantissaBits - 1;
  let sign = v < 0 || Object.is(v, -0) ? 1 : 0;
  let exponent: number;
  let mantissa: number;
  if (Number.isNaN(v)) {
    sign = 0;
    exponent = allOnes;
    mantissa = f.hasInfinity ? 2 ** (f.mantissaBits - 1) : mantissaOnes;
  } else if (!Number.isFinite(v)) {
    if (!f.hasInfinity) throw new RangeError(`${f.name} has no infinity`);
    exponent = allOnes;
    mantissa = 0;
  } else if (v === 0) {
    exponent = 0;
    mantissa = 0;
  } else {
    const a = Math.abs(v);
    const e = binaryExponent(a);
    if (e < emin) {
      exponent = 0;
      mantissa = a / pow2(emin - f.mantissaBits);
    } else {
      exponent = e + bias;
      mantissa = a / pow2(e - f.mantissaBits) - 2 ** f.mantissaBits;
    }
    if (!Number.isInteger(mantissa) || exponent > allOnes) throw new RangeError(`${v} is not a ${f.name} number`);
  }
  const code = sign * 2 ** (f.exponentBits + f.mantissaBits) + exponent * 2 ** f.mantissaBits + mantissa;
  const bits = String(sign) + exponent.toString(2).padStart(f.exponentBits, '0') + mantissa.toString(2).padStart(f.mantissaBits, '0');
  return { sign, exponent, mantissa, code, bits };
}

/** The value of a code (an unsigned integer of 1 + exponentBits + mantissaBits bits). */
export function decodeBits(code: number, f: FloatFormat): number {
  const { bias, emin } = formatLimits(f);
  const mantissaScale = 2 ** f.mantissaBits;
  const mantissa = code % mantissaScale;
  const exponent = Math.floor(code / mantissaScale) % 2 ** f.exponentBits;
  const sign = Math.floor(code / 2 ** (f.exponentBits + f.mantissaBits)) % 2 === 1 ? -1 : 1;
  const allOnes = 2 ** f.exponentBits - 1;
  if (exponent === allOnes) {
    if (f.hasInfinity) return mantissa === 0 ? sign * Infinity : Number.NaN;
    if (mantissa === mantissaScale - 1) return Number.NaN;
  }
  if (exponent === 0) return sign * mantissa * pow2(emin - f.mantissaBits);
  return sign * (mantissaScale + mantissa) * pow2(exponent - bias - f.mantissaBits);
}

/** The next number of the format above v (v a finite format value); ∞ or null past the top. */
export function nextUp(v: number, f: FloatFormat): number | null {
  const { maxFinite } = formatLimits(f);
  if (v === maxFinite) return f.hasInfinity ? Infinity : null;
  if (v < 0) {
    const down = nextDown(-v, f);
    return down === null ? null : -down;
  }
  return v + ulp(v, f);
}

/** The next number of the format below v (v a finite format value); −∞ or null past the bottom. */
export function nextDown(v: number, f: FloatFormat): number | null {
  if (v <= 0) {
    const up = nextUp(-v, f);
    return up === null ? null : -up;
  }
  const { minNormal } = formatLimits(f);
  const step = ulp(v, f);
  // Just below a power of two the numbers are twice as dense (except in the subnormal range).
  const powerOfTwo = v === pow2(binaryExponent(v));
  return v - (powerOfTwo && v > minNormal ? step / 2 : step);
}

/** An exact dyadic rational n·2^k. */
type Dyadic = { n: bigint; k: number };

/** The exact decimal expansion of n·2^k. */
function dyadicToDecimal({ n, k }: Dyadic): string {
  const negative = n < 0n;
  const m = negative ? -n : n;
  let text: string;
  if (k >= 0) text = (m << BigInt(k)).toString();
  else {
    // n / 2^j = n·5^j / 10^j: exactly j decimal places.
    const j = -k;
    const digits = (m * 5n ** BigInt(j)).toString().padStart(j + 1, '0');
    text = `${digits.slice(0, -j)}.${digits.slice(-j)}`.replace(/\.?0+$/, '');
  }
  return negative && text !== '0' ? `-${text}` : text;
}

/** The exact decimal value of a finite double: 0.1 → "0.1000000000000000055511151231257827021181583404541015625". */
export function exactDecimal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError('exactDecimal needs a finite number');
  return dyadicToDecimal(scaleDyadic(x));
}

/** A finite double as n·2^k with an integer n (exact: every double is a 53-bit integer times a power of two). */
function scaleDyadic(x: number): Dyadic {
  if (x === 0) return { n: 0n, k: 0 };
  const k = Math.max(binaryExponent(x) - 52, -1074);
  // x·2^−k in two exact steps, since 2^−k alone may exceed the double range.
  const half = Math.trunc(-k / 2);
  return { n: BigInt(x * pow2(half) * pow2(-k - half)), k };
}

/** The exact decimal value of a − b for finite doubles a and b. */
export function exactDifference(a: number, b: number): string {
  const x = scaleDyadic(a);
  const y = scaleDyadic(b);
  const k = Math.min(x.k, y.k);
  const n = (x.n << BigInt(x.k - k)) - (y.n << BigInt(y.k - k));
  return dyadicToDecimal({ n, k });
}

/** An exact rational num / (2^a · 5^b): every decimal and every binary float is one. */
type TerminatingRational = { num: bigint; a: number; b: number };

/**
 * The exact value of a decimal numeral as typed ("0.1", "-1.5e-3", "6.02×10^23", "1,024.5"; ASCII minus),
 * or null when the text is not a plain decimal numeral or its exponent is beyond ±10000.
 */
function parseDecimalNumeral(text: string): TerminatingRational | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(?:[eE]|\s*[×x*]\s*10\^)([+-]?\d+))?$/.exec(text.replace(/,/g, ''));
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 10_000) return null;
  let num = BigInt(`${m[2] || '0'}${m[3] ?? ''}`) * (m[1] === '-' ? -1n : 1n);
  if (exponent >= 0) return { num: num * 10n ** BigInt(exponent), a: 0, b: 0 };
  return { num, a: -exponent, b: -exponent };
}

function dyadicToRational({ n, k }: Dyadic): TerminatingRational {
  return k >= 0 ? { num: n << BigInt(k), a: 0, b: 0 } : { num: n, a: -k, b: 0 };
}

function subtractRational(x: TerminatingRational, y: TerminatingRational): TerminatingRational {
  const a = Math.max(x.a, y.a);
  const b = Math.max(x.b, y.b);
  const scale = (r: TerminatingRational) => r.num * 2n ** BigInt(a - r.a) * 5n ** BigInt(b - r.b);
  return { num: scale(x) - scale(y), a, b };
}

/** The exact, terminating decimal expansion of num / (2^a · 5^b) (ASCII minus). */
function rationalToDecimal({ num, a, b }: TerminatingRational): string {
  const places = Math.max(a, b);
  const negative = num < 0n;
  const scaled = (negative ? -num : num) * 2n ** BigInt(places - a) * 5n ** BigInt(places - b);
  let text = scaled.toString();
  if (places > 0) {
    const digits = text.padStart(places + 1, '0');
    text = `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/\.?0+$/, '');
  }
  return negative && text !== '0' ? `-${text}` : text;
}

/**
 * stored − typed, exactly, where `typed` is the decimal numeral the learner wrote (not the
 * double it parses to): FP16 stores 0.1 as 0.0999755859375, and 0.0999755859375 − 1/10 is
 * exactly −0.0000244140625. The result always terminates (both are n / (2^a·5^b)). Null when
 * `stored` is not finite or `typed` is not a plain decimal numeral (see parseDecimalNumeral).
 */
export function exactErrorVsDecimal(stored: number, typed: string): string | null {
  if (!Number.isFinite(stored)) return null;
  const decimal = parseDecimalNumeral(typed.trim());
  if (!decimal) return null;
  return rationalToDecimal(subtractRational(dyadicToRational(scaleDyadic(stored)), decimal));
}

export type FloatInspection = {
  format: FloatFormat;
  limits: FormatLimits;
  input: number;
  rounded: Rounded;
  encoding: Encoding;
  /** Exact decimal of the stored value (null for ±∞ and NaN). */
  storedDecimal: string | null;
  /**
   * stored − typed, exactly: against the decimal numeral `typed` when given (0.1 means 1/10;
   * null when `typed` is not a decimal numeral, e.g. 1/3, whose error does not terminate),
   * else against the double x. Null when the stored value is not finite.
   */
  absoluteErrorDecimal: string | null;
  absoluteError: number;
  /** |stored − input| / |input|; 0 for input 0. */
  relativeError: number;
  /** Spacing of the format at the stored value (null when not finite). */
  ulp: number | null;
  previous: number | null;
  next: number | null;
};

/** Everything the float inspector shows, for a finite double x (typed as the numeral `typed`, if given). */
export function inspectFloat(x: number, f: FloatFormat, overflowMode: OverflowMode = 'ieee', typed?: string): FloatInspection {
  const limits = formatLimits(f);
  const rounded = roundToFormat(x, f, overflowMode);
  const v = rounded.value;
  const finite = Number.isFinite(v);
  return {
    format: f,
    limits,
    input: x,
    rounded,
    encoding: encodeValue(v, f),
    storedDecimal: finite ? exactDecimal(v) : null,
    absoluteErrorDecimal: !finite || !Number.isFinite(x) ? null : typed === undefined ? exactDifference(v, x) : exactErrorVsDecimal(v, typed),
    absoluteError: v - x,
    relativeError: x === 0 ? 0 : Math.abs(v - x) / Math.abs(x),
    ulp: finite ? ulp(v, f) : null,
    previous: finite ? nextDown(v, f) : null,
    next: finite ? nextUp(v, f) : null,
  };
}
