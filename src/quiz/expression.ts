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
 */
import { M } from './messages.ts';
import type { Text } from './types.ts';

export const MAX_EXPR_LENGTH = 500;
export const MAX_DEPTH = 40;

export type ExprResult = { ok: true; value: number } | { ok: false; code: string; message: Text };

/** Internal failure, always caught inside this module. */
class ExprError {
  readonly code: string;
  readonly message: Text;
  constructor(code: string, message: Text) {
    this.code = code;
    this.message = message;
  }
}

const FUNCS = new Map<string, (x: number) => number>([
  ['sqrt', Math.sqrt],
  ['exp', Math.exp],
  ['ln', Math.log],
  ['log2', Math.log2],
  ['log10', Math.log10],
  ['sin', Math.sin],
  ['cos', Math.cos],
  ['tan', Math.tan],
  ['abs', Math.abs],
]);

/** Names an author may not use for a param: they are the built-ins (plus log, inf, nan). */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...FUNCS.keys(), 'pi', 'e', 'log', 'inf', 'infinity', 'nan',
]);

type Tok =
  | { k: 'n'; v: number }
  | { k: 'v'; v: number } // a constant or variable: a value, but not a bare number
  | { k: 'f'; f: (x: number) => number }
  | { k: 'o'; c: string };

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isId = (c: string) => isIdStart(c) || isDigit(c);

/** Read a numeric literal; rejects overflow and non-zero literals that underflow to 0. */
export function literalValue(text: string): number {
  const v = Number(text);
  if (!Number.isFinite(v)) throw new ExprError('out-of-range', M.outOfRange());
  if (v === 0 && /[1-9]/.test(text.split(/e/i)[0]!)) throw new ExprError('out-of-range', M.underflow());
  return v;
}

function resolveName(name: string, vars: ReadonlyMap<string, number> | undefined, out: Tok[]): void {
  const v = vars?.get(name);
  if (v !== undefined) return void out.push({ k: 'v', v });
  const lower = name.toLowerCase();
  if (name === 'e') return void out.push({ k: 'v', v: Math.E });
  if (lower === 'pi') return void out.push({ k: 'v', v: Math.PI });
  const f = FUNCS.get(lower) ?? (lower === 'log_2' ? Math.log2 : lower === 'log_10' ? Math.log10 : undefined);
  if (f) return void out.push({ k: 'f', f });
  if (/^log(_?\d*)$/.test(lower)) throw new ExprError('ambiguous-log', M.ambiguousLog());
  const glued = /^(sqrt|exp|ln|sin|cos|tan|abs)(\d+)$/.exec(lower); // sqrt2 -> sqrt 2
  if (glued) {
    out.push({ k: 'f', f: FUNCS.get(glued[1]!)! }, { k: 'n', v: Number(glued[2]) });
    return;
  }
  if (lower === 'inf' || lower === 'infinity' || lower === 'nan') throw new ExprError('out-of-range', M.outOfRange());
  if (/^e\d+$/.test(lower)) throw new ExprError('syntax', M.bareExponent());
  throw new ExprError('unknown-name', M.unknownName(name.length > 20 ? name.slice(0, 20) + '…' : name));
}

function tokenise(src: string, vars: ReadonlyMap<string, number> | undefined): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ') {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(src[i + 1] ?? ''))) {
      const start = i;
      while (isDigit(src[i] ?? '')) i++;
      if (src[i] === '.') {
        i++;
        while (isDigit(src[i] ?? '')) i++;
      }
      if (src[i] === 'e' || src[i] === 'E') {
        let j = i + 1;
        if (src[j] === '+' || src[j] === '-') j++;
        if (isDigit(src[j] ?? '')) {
          while (isDigit(src[j] ?? '')) j++;
          i = j;
        } else if (!isId(src[i + 1] ?? '')) {
          // `1.5e`, `2e+`: a dangling exponent, never 1.5·e
          throw new ExprError('syntax', M.danglingExponent());
        }
      }
      out.push({ k: 'n', v: literalValue(src.slice(start, i)) });
    } else if (isIdStart(c)) {
      const start = i;
      while (isId(src[i] ?? '')) i++;
      resolveName(src.slice(start, i), vars, out);
    } else if (c === '*' && src[i + 1] === '*') {
      out.push({ k: 'o', c: '^' });
      i += 2;
    } else if ('+-*/^()'.includes(c)) {
      out.push({ k: 'o', c });
      i++;
    } else {
      throw new ExprError('syntax', M.syntaxAt(M.unexpected(c)));
    }
  }
  return out;
}

class Parser {
  private i = 0;
  private depth = 0;
  private readonly toks: Tok[];
  constructor(toks: Tok[]) {
    this.toks = toks;
  }

  run(): number {
    const v = this.sum();
    if (this.i < this.toks.length) {
      const t = this.toks[this.i]!;
      if (t.k === 'n') throw new ExprError('syntax', M.syntaxAt(M.adjacentNumbers()));
      if (t.k === 'o' && t.c === ')') throw new ExprError('syntax', M.syntaxAt(M.missingParen()));
      throw new ExprError('syntax', M.syntaxAt(M.unexpected(t.k === 'o' ? t.c : '?')));
    }
    return v;
  }

  private peekOp(c: string): boolean {
    const t = this.toks[this.i];
    return t !== undefined && t.k === 'o' && t.c === c;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ExprError('too-deep', M.tooDeep());
  }

  private sum(): number {
    let v = this.product();
    for (;;) {
      if (this.peekOp('+')) {
        this.i++;
        v += this.product();
      } else if (this.peekOp('-')) {
        this.i++;
        v -= this.product();
      } else return v;
    }
  }

  private product(): number {
    let v = this.unary();
    for (;;) {
      const t = this.toks[this.i];
      if (t === undefined) return v;
      if (t.k === 'o' && (t.c === '*' || t.c === '/')) {
        this.i++;
        const r = this.unary();
        if (t.c === '*') v *= r;
        else if (r === 0) throw new ExprError('division-by-zero', M.divisionByZero());
        else v /= r;
      } else if (t.k === 'v' || t.k === 'f' || (t.k === 'o' && t.c === '(')) {
        v *= this.unary(); // implicit multiplication: 2pi, 3sqrt(2), 2(1+x)
      } else return v;
    }
  }

  private unary(): number {
    this.enter();
    let v: number;
    if (this.peekOp('-')) {
      this.i++;
      v = -this.unary();
    } else if (this.peekOp('+')) {
      this.i++;
      v = this.unary();
    } else v = this.power();
    this.depth--;
    return v;
  }

  private power(): number {
    const base = this.primary();
    if (this.peekOp('^')) {
      this.i++;
      return Math.pow(base, this.unary());
    }
    return base;
  }

  private primary(): number {
    const t = this.toks[this.i++];
    if (t === undefined) throw new ExprError('syntax', M.syntaxAt(M.missingOperand()));
    if (t.k === 'n' || t.k === 'v') return t.v;
    if (t.k === 'f') {
      if (this.peekOp('(')) return t.f(this.paren());
      return t.f(this.unary()); // ln 2
    }
    if (t.c === '(') {
      this.i--;
      return this.paren();
    }
    if (t.c === ')') throw new ExprError('syntax', M.syntaxAt(M.missingParen()));
    throw new ExprError('syntax', M.syntaxAt(M.missingOperand()));
  }

  private paren(): number {
    this.i++; // '('
    this.enter();
    const v = this.sum();
    if (!this.peekOp(')')) throw new ExprError('syntax', M.syntaxAt(M.missingParen()));
    this.i++;
    this.depth--;
    return v;
  }
}

/** Parse and evaluate `src` (already normalised); returns a value or a learner-facing reason. */
export function parseExpression(src: string, vars?: ReadonlyMap<string, number>): ExprResult {
  if (src.length > MAX_EXPR_LENGTH) return { ok: false, code: 'too-long', message: M.tooLong(MAX_EXPR_LENGTH) };
  try {
    const value = new Parser(tokenise(src, vars)).run();
    if (!Number.isFinite(value)) return { ok: false, code: 'out-of-range', message: M.outOfRange() };
    return { ok: true, value: value === 0 ? 0 : value };
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, code: err.code, message: err.message };
    if (err instanceof RangeError) return { ok: false, code: 'too-deep', message: M.tooDeep() };
    throw err;
  }
}

/** Run `fn`, turning an internal literal error into a result. */
export function catchLiteral(fn: () => number): ExprResult {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    if (err instanceof ExprError) return { ok: false, code: err.code, message: err.message };
    throw err;
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
  const name = /“(.*)”/.exec(r.message.en)?.[1];
  const reason =
    r.code === 'out-of-range' ? 'the result is not a finite number'
    : r.code === 'division-by-zero' ? 'division by zero'
    : r.code === 'ambiguous-log' ? 'log is ambiguous; write ln, log2 or log10'
    : r.code === 'unknown-name' ? `unknown name "${name ?? '?'}" (not a param or a built-in)`
    : r.code === 'too-long' || r.code === 'too-deep' ? 'the expression is too long or too deeply nested'
    : r.message.en.replace(/ ?Type, for example.*$/, '') || 'syntax error';
  throw new Error(`cannot evaluate "${src}": ${reason}`);
}
