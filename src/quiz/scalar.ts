/**
 * Reading one scalar answer from normalised text, in the forms a question allows: a literal
 * form (parse-number.ts) or, failing that, an expression (expression.ts). Returns either a
 * value or a learner-facing reason (never throws).
 */
import { parseExpression } from './expression.ts';
import { fail, readNumber, type Scalar } from './parse-number.ts';
import { formsHint } from './messages.ts';
import type { Form } from './types.ts';

export type { Scalar, SigFigs } from './parse-number.ts';

/** Read one scalar; `s` is normalised and non-empty. */
export function readScalar(s: string, forms: readonly Form[]): Scalar {
  const literal = readNumber(s, forms);
  if (literal) return literal;
  const r = parseExpression(s);
  if (forms.includes('expression')) return r;
  if (r.ok || r.code === 'ambiguous-log') return fail('form-not-allowed', formsHint('formNotAllowed', forms));
  // Outside expression questions, say what a number looks like, except for clear-cut reasons.
  return ['out-of-range', 'division-by-zero', 'too-long', 'too-deep'].includes(r.code) ? r : fail('syntax', formsHint('syntax', forms));
}
