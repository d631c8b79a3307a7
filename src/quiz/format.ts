/**
 * What an answer box accepts and how exact it must be, as an engine message (messages.ts):
 * the page says it in its language with the `engine.accept.*` templates.
 */
import { formsOf } from './grade.ts';
import { formsPhrase, msg, type Message } from './messages.ts';
import { DEFAULT_TOLERANCE, type Answer, type Tolerance } from './types.ts';

/** Shortest text for x without float noise: 12 significant digits, trailing zeros trimmed. */
export function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}

function tolerancePhrase(tol: Tolerance): Message {
  if ('sigfigs' in tol) {
    const n = tol.sigfigs;
    return tol.strict ? msg(n === 1 ? 'accept.sigfigsStrictOne' : 'accept.sigfigsStrict', { n }) : msg(n === 1 ? 'accept.sigfigsOne' : 'accept.sigfigs', { n });
  }
  if ('decimals' in tol) return msg(tol.decimals === 1 ? 'accept.decimalsOne' : 'accept.decimals', { n: tol.decimals });
  const rel = tol.rel ?? 0;
  const abs = tol.abs ?? 0;
  const pct = `${formatNumber(rel * 100)}%`;
  const bound = rel > 0 && abs > 0 ? `(${formatNumber(abs)} + ${pct})` : rel > 0 ? pct : abs > 0 ? formatNumber(abs) : '';
  return bound ? msg('accept.within', { bound }) : msg('accept.exact');
}

/**
 * e.g. "a number or fraction, ±1%" / "数字或分数，误差 ±1%";
 * "a vector of 2 numbers, any order; each a number, ±0.001" / "含 2 个数的向量，顺序不限；每个分量为数字，误差 ±0.001".
 */
export function formatAcceptance(answer: Answer): Message {
  const scalar = msg('accept.scalar', { forms: formsPhrase(formsOf(answer)), tolerance: tolerancePhrase(answer.tolerance ?? DEFAULT_TOLERANCE) });
  const v = answer.value;
  if (typeof v === 'number') return scalar;
  const credit = answer.partial ? msg('accept.partialCredit') : '';
  if (Array.isArray(v[0])) return msg('accept.matrix', { r: v.length, c: (v[0] as number[]).length, credit, scalar });
  const order = answer.ordered === false ? msg('accept.anyOrder') : '';
  return msg(v.length === 1 ? 'accept.vectorOne' : 'accept.vector', { n: v.length, order, credit, scalar });
}
