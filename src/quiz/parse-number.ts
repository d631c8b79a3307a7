/**
 * Reading one number typed in a literal form (decimal, digit groups, fraction, mixed number,
 * scientific notation, percent) from normalised text. Parsing returns either a value or a
 * learner-facing reason (never throws). Expressions are expression.ts; readScalar (scalar.ts)
 * tries this first and an expression after. The calculators' fields use this module alone,
 * so their pages carry no expression parser.
 */
import { clip, formsHint, msg, type Message } from './messages.ts';
import type { Form } from './types.ts';

/** The longest answer, in characters after normalisation (an expression, a list or a matrix). */
export const MAX_EXPR_LENGTH = 500;

export type Failure = { ok: false; code: string; message: Message };

export const fail = (code: string, message: Message): Failure => ({ ok: false, code, message });

/** Significant figures shown by typed text: `100` shows 1 to 3, `10.0` shows 3. */
export type SigFigs = { min: number; max: number };

export type Scalar = { ok: true; value: number; sig?: SigFigs } | Failure;

// an unsigned decimal: digits with optional groups of three (`,` or space, not mixed), optional point
const UDEC = /(?:(?:[1-9]\d{0,2}(?:(?:,\d{3})+|(?: \d{3})+)|\d+)(?:\.\d*)?|\.\d+)/.source;
const DECIMAL = RegExp(`^[+-]?${UDEC}$`);
// an unsigned decimal without groups (a mantissa)
const PLAIN = /(?:\d+\.?\d*|\.\d+)/.source;
// 1.5e3; its groups line up with SCI_TEN's: 1 mantissa, 2 '(' (never), 3 exponent, 4 ')' (never)
const SCI_E = RegExp(`^([+-]?${PLAIN})[eE]()([+-]?\\d+)()$`);
// 1.5 × 10^3, 1.5*10**(-3), 10^23 (no mantissa)
const SCI_TEN = RegExp(`^(?:([+-]?${PLAIN}) ?[*xX] ?)?10 ?(?:\\^|\\*\\*) ?(\\(?)([+-]?\\d+)(\\)?)$`);
const DANGLING = RegExp(`^[+-]?${PLAIN}[eE][+-]?$`);
const MIXED = /^([+-]?)(\d+) (\d+) ?\/ ?(\d+)$/;
const FRACTION = RegExp(`^([+-]?${UDEC}) ?/ ?([+-]?${UDEC})$`);
const DEC_COMMA = /^[+-]?\d+,\d+$/;

const ok = (value: number, sig?: SigFigs): Scalar => ({ ok: true, value, sig });

/** Read a numeric literal; rejects overflow and non-zero literals that underflow to 0. -0 reads as 0. */
export function readLiteral(text: string): { ok: true; value: number } | Failure {
  const v = Number(text);
  const underflow = v === 0 && /[1-9]/.test(text.split(/e/i)[0]!);
  return Number.isFinite(v) && !underflow ? { ok: true, value: v || 0 } : fail('out-of-range', msg('outOfRange'));
}

/** Count significant figures of an unsigned decimal mantissa such as `0.0050` or `1,500`. */
export function countSigFigs(text: string): SigFigs {
  const s = text.replace(/[^0-9.]/g, '');
  const point = s.indexOf('.');
  const digits = s.replace('.', '');
  const lead = digits.replace(/^0+/, '');
  if (lead === '') {
    // zero: it shows as many figures as it has decimals (0.00 shows 2), at least 1
    const n = Math.max(1, point < 0 ? 1 : s.length - point - 1);
    return { min: n, max: n };
  }
  if (point >= 0) return { min: lead.length, max: lead.length };
  const trailing = lead.length - lead.replace(/0+$/, '').length;
  return { min: Math.max(1, lead.length - trailing), max: lead.length };
}

function decimalValue(text: string): Scalar {
  const clean = text.replace(/[, ]/g, '');
  const r = readLiteral(clean);
  return r.ok ? ok(r.value, countSigFigs(clean)) : r;
}

/**
 * Read one number typed in a literal form; `s` is normalised and non-empty. Undefined when `s`
 * is in none of them (then it may be an expression: see readScalar in scalar.ts).
 */
export function readNumber(s: string, forms: readonly Form[]): Scalar | undefined {
  if (s.length > MAX_EXPR_LENGTH) return fail('too-long', msg('tooLong', { max: MAX_EXPR_LENGTH }));
  if (s.includes('。')) return fail('full-stop', msg('decimalPoint', { fixed: s.length <= 24 ? s.replace(/。/g, '.') : '0.5' }));
  const expr = forms.includes('expression');
  /** An expression question accepts every form except percent. */
  const allows = (f: Form) => expr || forms.includes(f);
  const notAllowed = () => fail('form-not-allowed', formsHint('formNotAllowed', forms));

  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    if (!DECIMAL.test(body)) return fail('syntax', formsHint('syntax', forms));
    const r = decimalValue(body);
    if (!r.ok) return r;
    const value = r.value / 100;
    if (!forms.includes('percent')) return fail('form-not-allowed', msg('percentNotAllowed', { fixed: String(Number(value.toPrecision(12))) }));
    return ok(value, r.sig);
  }

  if (DECIMAL.test(s)) {
    // a plain integer is also a fraction (n/1)
    return allows('decimal') || (forms.includes('fraction') && /^[+-]?[\d, ]+$/.test(s)) ? decimalValue(s) : notAllowed();
  }
  if (DEC_COMMA.test(s)) return fail('decimal-comma', msg('decimalComma', { fixed: clip(s.replace(',', '.')) }));
  if (/^[+-]?[\d,]+(\.\d*)?$/.test(s) && s.includes(',')) return fail('grouping', msg('grouping'));

  let m = SCI_E.exec(s) ?? SCI_TEN.exec(s);
  if (m && (m[2] === '(') === (m[4] === ')')) {
    if (!allows('scientific')) return notAllowed();
    const r = readLiteral(`${m[1] ?? 1}e${m[3]}`); // `10^5` alone has no mantissa
    return r.ok ? ok(r.value, m[1] === undefined ? undefined : countSigFigs(m[1])) : r;
  }
  if (DANGLING.test(s) || /^[+-]?[eE][+-]?\d+$/.test(s)) return fail('syntax', msg('exponent')); // 1.5e, e5

  m = MIXED.exec(s);
  // a b/c with b < c (so c > 0) and no leading zero in b
  if (m && Number(m[3]) < Number(m[4]) && !/^0\d/.test(m[3]!)) {
    if (!allows('fraction')) return notAllowed();
    const v = Number(m[2]) + Number(m[3]) / Number(m[4]);
    return ok((m[1] === '-' ? -v : v) || 0);
  }
  m = FRACTION.exec(s);
  if (m) {
    if (!allows('fraction')) return notAllowed();
    const num = decimalValue(m[1]!);
    const den = decimalValue(m[2]!);
    if (!num.ok) return num;
    if (!den.ok) return den;
    if (den.value === 0) return fail('division-by-zero', msg('divisionByZero'));
    const v = num.value / den.value;
    return Number.isFinite(v) ? ok(v || 0) : fail('out-of-range', msg('outOfRange'));
  }

  return undefined;
}
