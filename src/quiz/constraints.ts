/**
 * Constraints a question's variants must satisfy (`constraints:` in a quiz file). Build-time
 * only. Each constraint is one comparison of two arithmetic expressions, `lhs OP rhs` with OP
 * one of < <= > >= == != (or ≤ ≥ ≠); both sides are evaluated by the quiz's own expression
 * evaluator with the variant's params (drawn and derived), plus `answer` (a question's single
 * scalar answer) and `part1`, `part2`, … (scalar parts). A list of constraints must all hold.
 *
 * Floating point: == and != (and the "or equal" of <= and >=) compare to a relative 1e-9, so
 * `0.1 + 0.2 == 0.3` holds and a derived param rounded to 15 digits still meets its bound.
 */
import { evaluateExpression } from './expression.ts';

const OPERATORS = ['<=', '>=', '!=', '==', '≤', '≥', '≠', '<', '>'] as const;
type Operator = (typeof OPERATORS)[number];
const OPERATOR = /<=|>=|!=|==|≤|≥|≠|<|>/g;

export type Comparison = { lhs: string; op: Operator; rhs: string };

/** Split `lhs OP rhs`; a string with no comparison or more than one gives a reason instead. */
export function parseComparison(src: string): Comparison | string {
  const ops = [...src.matchAll(OPERATOR)];
  if (ops.length === 0) return 'a constraint compares two expressions with <, <=, >, >=, == or != (for example "a*c - b^2 >= 1")';
  if (ops.length > 1) return 'a constraint has one comparison; write "a < b < c" as two constraints, "a < b" and "b < c"';
  const m = ops[0]!;
  const lhs = src.slice(0, m.index).trim();
  const rhs = src.slice(m.index! + m[0].length).trim();
  if (lhs === '' || rhs === '') return `the comparison ${m[0]} needs an expression on both sides`;
  return { lhs, op: m[0] as Operator, rhs };
}

const near = (l: number, r: number) => Math.abs(l - r) <= 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));

function holds(l: number, op: Operator, r: number): boolean {
  switch (op) {
    case '<':
      return l < r && !near(l, r);
    case '>':
      return l > r && !near(l, r);
    case '<=':
    case '≤':
      return l < r || near(l, r);
    case '>=':
    case '≥':
      return l > r || near(l, r);
    case '==':
      return near(l, r);
    default: // != and ≠
      return !near(l, r);
  }
}

/**
 * Evaluate one parsed constraint with `vars`. Returns whether it holds and both sides' values;
 * throws an Error (naming the expression) when a side cannot be evaluated.
 */
export function checkComparison(c: Comparison, vars: Record<string, number>): { ok: boolean; lhs: number; rhs: number } {
  const lhs = evaluateExpression(c.lhs, vars);
  const rhs = evaluateExpression(c.rhs, vars);
  return { ok: holds(lhs, c.op, rhs), lhs, rhs };
}
