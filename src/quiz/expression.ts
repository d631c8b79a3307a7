/**
 * Our own recursive-descent parser and evaluator for arithmetic expressions (no eval, no
 * Function). Grammar, loosest first:
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary | <implicit> unary-starting-with-name-or-paren)*
 *   unary   := ('+' | '-') unary | power          -- so -2^2 = -4
 *   power   := primary ('^' unary)?                -- right-assoc: 2^3^2 = 512; 2^-1 = 0.5
 *   primary := number | name | func '(' sum ')' | func unary | '(' sum ')'
 *
 * Implicit multiplication only before a name or '(' (2pi, 3sqrt(2), 2(1+x)); two numbers
 * side by side are an error (so `1 1/2` is never 0.5 or 11/2 here). `**` means `^`.
 * A number followed at once by e/E and digits is scientific notation (2e3 = 2000).
 * Names: variables (a Map, looked up with .get) first, then pi, e and the functions.
 * Bounds: MAX_EXPR_LENGTH characters, MAX_DEPTH nested parentheses/unary operators.
 *
 * The parser is a set of closures over the token list rather than a class: this code ships
 * to the browser, and closures minify far better than `this.` members. Failures are thrown
 * as the very result object that parseExpression returns (`{ ok: false, … }`).
 */
import { clip, msg, type Message } from './messages.ts';
import { fail, MAX_EXPR_LENGTH, readLiteral, type Failure } from './parse-number.ts';

export const MAX_DEPTH = 40;

export type ExprResult = { ok: true; value: number } | Failure;

const isFailure = (x: unknown): x is Failure => (x as Failure | null | undefined)?.ok === false;

/** The functions by name: `ln` is Math.log, the others are Math's own. */
const FUNCS = new Map<string, (x: number) => number>([
  ['ln', Math.log],
  ...(['sqrt', 'exp', 'log2', 'log10', 'sin', 'cos', 'tan', 'abs'] as const).map((name) => [name, Math[name]] as const),
]);

/** Names an author may not use for a param: they are the built-ins (plus log, inf, nan). */
// Written out (the FUNCS names first) rather than spread from FUNCS.keys(): a plain literal
// marked pure is dropped from the browser bundle, which never reads it.
export const RESERVED_NAMES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'ln',
  'sqrt',
  'exp',
  'log2',
  'log10',
  'sin',
  'cos',
  'tan',
  'abs',
  'pi',
  'e',
  'log',
  'inf',
  'infinity',
  'nan',
]);

/**
 * A token: a typed number; a constant or variable ({ value }: a value, but not a bare number,
 * so `2pi` multiplies and `2 3` does not); a function; or an operator/other character.
 */
type Tok = number | { value: number } | ((x: number) => number) | string;

/**
 * One token after optional spaces: [1] a number (`2`, `1.`, `.5`, `2e-3`), with [2] a lone e/E
 * right after its digits that starts no name (`1.5e`, `2e+`: a dangling exponent, never 1.5·e);
 * [3] a name; [4] `**` or any other single character (a whole code point: the `u` flag, so
 * a message quotes `😀`, never half of its surrogate pair).
 */
const TOKEN = / *(?:((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+|([eE](?!\w)))?)|([A-Za-z_]\w*)|(\*\*|[^ ]))/uy;

function resolveName(name: string, vars: ReadonlyMap<string, number> | undefined): Tok[] {
  const v = vars?.get(name);
  if (v !== undefined) return [{ value: v }];
  const lower = name.toLowerCase();
  if (name === 'e') return [{ value: Math.E }];
  if (lower === 'pi') return [{ value: Math.PI }];
  const f = FUNCS.get(lower.replace(/^log_(2|10)$/, 'log$1')); // log_2 is log2
  if (f) return [f];
  if (/^log_?\d*$/.test(lower)) throw fail('ambiguous-log', msg('ambiguousLog'));
  const glued = /^(sqrt|exp|ln|sin|cos|tan|abs)(\d+)$/.exec(lower); // sqrt2 -> sqrt 2
  if (glued) return [FUNCS.get(glued[1]!)!, Number(glued[2])];
  if (/^(inf(inity)?|nan)$/.test(lower)) throw fail('out-of-range', msg('outOfRange'));
  if (/^e\d+$/.test(lower)) throw fail('syntax', msg('exponent'));
  throw fail('unknown-name', msg('unknownName', { name: clip(name) }));
}

function tokenise(src: string, vars: ReadonlyMap<string, number> | undefined): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0; // a throw below may have left it mid-string
  for (let m; (m = TOKEN.exec(src));) {
    if (m[1] !== undefined) {
      if (m[2]) throw fail('syntax', msg('exponent'));
      const r = readLiteral(m[1]);
      if (!r.ok) throw r;
      out.push(r.value);
    } else if (m[3] !== undefined) {
      out.push(...resolveName(m[3], vars));
    } else {
      const op = m[4] === '**' ? '^' : m[4]!;
      if (!'+-*/^()'.includes(op)) throw fail('syntax', msg('unexpected', { c: op }));
      out.push(op);
    }
  }
  return out;
}

/** Parse and evaluate `src` (already normalised); returns a value or a learner-facing reason. */
export function parseExpression(src: string, vars?: ReadonlyMap<string, number>): ExprResult {
  if (src.length > MAX_EXPR_LENGTH) return fail('too-long', msg('tooLong', { max: MAX_EXPR_LENGTH }));
  let toks: Tok[];
  let i = 0;
  let depth = 0;
  /** Consume operator `op` if it comes next. */
  const eat = (op: string): boolean => toks[i] === op && ++i > 0;
  const enter = () => {
    if (++depth > MAX_DEPTH) throw fail('too-deep', msg('tooDeep'));
  };
  const sum = (): number => {
    let v = product();
    for (;;) {
      if (eat('+')) v += product();
      else if (eat('-')) v -= product();
      else return v;
    }
  };
  const product = (): number => {
    let v = unary();
    for (;;) {
      const t = toks[i];
      if (eat('*')) v *= unary();
      else if (eat('/')) {
        const r = unary();
        if (r === 0) throw fail('division-by-zero', msg('divisionByZero'));
        v /= r;
      } else if (t === '(' || typeof t === 'object' || typeof t === 'function')
        v *= unary(); // 2pi, 3sqrt(2), 2(1+x)
      else return v;
    }
  };
  const unary = (): number => {
    enter();
    const v = eat('-') ? -unary() : eat('+') ? unary() : power();
    depth--;
    return v;
  };
  const power = (): number => {
    const base = primary();
    return eat('^') ? Math.pow(base, unary()) : base;
  };
  const primary = (): number => {
    const t = toks[i++];
    if (typeof t === 'number') return t;
    if (typeof t === 'object') return t.value;
    if (typeof t === 'function') return t(eat('(') ? paren() : unary()); // ln(2), ln 2
    if (t === '(') return paren();
    throw fail('syntax', t === ')' ? msg('missingParen') : msg('missingOperand'));
  };
  /** After a consumed '(': the inside and the closing ')'. */
  const paren = (): number => {
    enter();
    const v = sum();
    if (!eat(')')) throw fail('syntax', msg('missingParen'));
    depth--;
    return v;
  };
  try {
    toks = tokenise(src, vars);
    const value = sum();
    if (i < toks.length) {
      const t = toks[i];
      throw fail(
        'syntax',
        typeof t === 'number' ? msg('adjacentNumbers') : t === ')' ? msg('missingParen') : msg('unexpected', { c: typeof t === 'string' ? t : '?' }),
      );
    }
    return Number.isFinite(value) ? { ok: true, value: value || 0 } : fail('out-of-range', msg('outOfRange'));
  } catch (err) {
    if (isFailure(err)) return err;
    if (err instanceof RangeError) return fail('too-deep', msg('tooDeep'));
    throw err;
  }
}

/** A syntax failure in an author's words (build errors are in English, and never reach a page). */
function authorSyntax(m: Message): string | undefined {
  const c = m.vars?.c;
  switch (m.key) {
    case 'missingParen':
      return 'a parenthesis is not closed';
    case 'missingOperand':
      return 'an operator lacks a number';
    case 'adjacentNumbers':
      return 'two numbers have no operator between them';
    case 'exponent':
      return 'e needs digits on both sides';
    case 'unexpected':
      return `unexpected "${typeof c === 'string' ? c : '?'}"`;
    default:
      return undefined;
  }
}

/**
 * Evaluate an authored expression (answer values, derived params) with the given variables.
 * Throws an Error naming the expression and the reason; a plain `log` is rejected here too.
 */
export function evaluateExpression(src: string, vars: Record<string, number>): number {
  const map = new Map<string, number>();
  for (const name of Object.keys(vars)) {
    if (Object.hasOwn(vars, name)) map.set(name, vars[name]!);
  }
  const r = parseExpression(String(src).trim(), map);
  if (r.ok) return r.value;
  const name = r.message.vars?.name;
  const reason =
    r.code === 'out-of-range'
      ? 'the result is not a finite number'
      : r.code === 'division-by-zero'
        ? 'division by zero'
        : r.code === 'ambiguous-log'
          ? 'log is ambiguous; write ln, log2 or log10'
          : r.code === 'unknown-name'
            ? `unknown name "${name ?? '?'}" (not a param or a built-in)`
            : r.code === 'too-long' || r.code === 'too-deep'
              ? 'the expression is too long or too deeply nested'
              : (authorSyntax(r.message) ?? 'syntax error');
  throw new Error(`cannot evaluate "${src}": ${reason}`);
}
