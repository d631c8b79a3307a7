/**
 * Reading one scalar answer from normalised text, in the forms a question allows.
 * Parsing returns either a value or a learner-facing reason (never throws).
 */
import { catchLiteral, literalValue, MAX_EXPR_LENGTH, parseExpression } from './expression.ts';
import { M } from './messages.ts';
import type { Form, Text } from './types.ts';

/** Significant figures shown by typed text: `100` shows 1 to 3, `10.0` shows 3. */
export type SigFigs = { min: number; max: number };

export type Scalar =
  | { ok: true; value: number; sig?: SigFigs }
  | { ok: false; code: string; message: Text };

// an unsigned decimal: digits with optional groups of three (`,` or space, not mixed), optional point
const INT = '(?:[1-9]\\d{0,2}(?:,\\d{3})+|[1-9]\\d{0,2}(?: \\d{3})+|\\d+)';
const UDEC = `(?:${INT}(?:\\.\\d*)?|\\.\\d+)`;
const DECIMAL = new RegExp(`^[+-]?${UDEC}$`);
const PLAIN = '(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
const SCI_E = new RegExp(`^([+-]?${PLAIN})[eE]([+-]?\\d+)$`);
const SCI_TEN = new RegExp(`^(?:([+-]?${PLAIN}) ?(?:\\*|x|X) ?)?10 ?(?:\\^|\\*\\*) ?(\\(?)([+-]?\\d+)(\\)?)$`);
const DANGLING = new RegExp(`^[+-]?${PLAIN}[eE][+-]?$`);
const MIXED = /^([+-]?)(\d+) (\d+) ?\/ ?(\d+)$/;
const FRACTION = new RegExp(`^([+-]?${UDEC}) ?\\/ ?([+-]?${UDEC})$`);
const DEC_COMMA = /^[+-]?\d+,\d+$/;

const ok = (value: number, sig?: SigFigs): Scalar => (sig ? { ok: true, value, sig } : { ok: true, value });
const fail = (code: string, message: Text): Scalar => ({ ok: false, code, message });

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
  const r = catchLiteral(() => literalValue(clean));
  return r.ok ? ok(r.value === 0 ? 0 : r.value, countSigFigs(clean)) : r;
}

const has = (forms: readonly Form[], f: Form) => forms.includes(f);

/** Read one scalar; `s` is normalised and non-empty. */
export function readScalar(s: string, forms: readonly Form[]): Scalar {
  if (s.length > MAX_EXPR_LENGTH) return fail('too-long', M.tooLong(MAX_EXPR_LENGTH));
  if (s.includes('。')) {
    const fixed = s.length <= 24 ? s.replace(/。/g, '.') : '0.5';
    return fail('full-stop', M.fullStop(fixed));
  }
  const expr = has(forms, 'expression');
  const notAllowed = () => fail('form-not-allowed', M.formNotAllowed(forms));

  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    if (!DECIMAL.test(body)) return fail('syntax', M.syntax(forms));
    const r = decimalValue(body);
    if (!r.ok) return r;
    if (!has(forms, 'percent')) {
      const fixed = String(Number((r.value / 100).toPrecision(12)));
      return fail('form-not-allowed', M.percentNotAllowed(fixed));
    }
    return r.sig ? ok(r.value / 100, r.sig) : ok(r.value / 100);
  }

  if (DECIMAL.test(s)) {
    const isInteger = /^[+-]?[\d, ]+$/.test(s);
    if (!(has(forms, 'decimal') || expr || (isInteger && has(forms, 'fraction')))) return notAllowed();
    return decimalValue(s);
  }
  if (DEC_COMMA.test(s)) return fail('decimal-comma', M.decimalComma(s.replace(',', '.')));
  if (/^[+-]?[\d,]+(\.\d*)?$/.test(s) && s.includes(',')) return fail('grouping', M.grouping());

  let m = SCI_E.exec(s);
  if (m) {
    if (!(has(forms, 'scientific') || expr)) return notAllowed();
    const r = catchLiteral(() => literalValue(`${m![1]}e${m![2]}`));
    return r.ok ? ok(r.value === 0 ? 0 : r.value, countSigFigs(m[1]!)) : r;
  }
  m = SCI_TEN.exec(s);
  if (m && m[3] !== undefined && (m[2] === '(') === (m[4] === ')')) {
    if (!(has(forms, 'scientific') || expr)) return notAllowed();
    const mant = m[1] ?? '1'; // `10^5` alone has no mantissa
    const r = catchLiteral(() => literalValue(`${mant}e${m![3]}`));
    return r.ok ? ok(r.value === 0 ? 0 : r.value, m[1] !== undefined ? countSigFigs(mant) : undefined) : r;
  }
  if (DANGLING.test(s)) return fail('syntax', M.danglingExponent());
  if (/^[+-]?[eE][+-]?\d+$/.test(s)) return fail('syntax', M.bareExponent());

  m = MIXED.exec(s);
  if (m && Number(m[3]) < Number(m[4]) && !/^0\d/.test(m[3]!)) {
    if (!(has(forms, 'fraction') || expr)) return notAllowed();
    if (Number(m[4]) === 0) return fail('division-by-zero', M.divisionByZero());
    const v = Number(m[2]) + Number(m[3]) / Number(m[4]);
    return ok(m[1] === '-' ? (v === 0 ? 0 : -v) : v);
  }
  m = FRACTION.exec(s);
  if (m) {
    if (!(has(forms, 'fraction') || expr)) return notAllowed();
    const num = decimalValue(m[1]!);
    const den = decimalValue(m[2]!);
    if (!num.ok) return num;
    if (!den.ok) return den;
    if (den.value === 0) return fail('division-by-zero', M.divisionByZero());
    const v = num.value / den.value;
    if (!Number.isFinite(v)) return fail('out-of-range', M.outOfRange());
    return ok(v === 0 ? 0 : v);
  }

  const r = parseExpression(s);
  if (expr) return r;
  if (r.ok || r.code === 'ambiguous-log') return notAllowed();
  // Outside expression questions, say what a number looks like, except for clear-cut reasons.
  if (r.code === 'out-of-range' || r.code === 'division-by-zero' || r.code === 'too-long' || r.code === 'too-deep') return r;
  return fail('syntax', M.syntax(forms));
}
