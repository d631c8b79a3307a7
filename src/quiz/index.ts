/**
 * The quiz grading engine for the browser and the build (QUIZ-FORMAT.md is the contract).
 * Pure TypeScript: no DOM, no Node APIs, no zod/yaml (those live in build.ts).
 *
 * Decisions where QUIZ-FORMAT.md is open:
 * - Default tolerance when an answer gives none: { rel: 0.01, abs: 1e-8 } (PrairieLearn's).
 *   The loader rejects an empty tolerance `{}` (give rel, abs, sigfigs or decimals).
 * - Float noise: `1.01 − 1` is 0.010000000000000009 in binary, so bounds allow a slack of
 *   4 ulps of max(|x|, |v|): inclusive bounds (rel/abs) accept within it, strict bounds
 *   (sigfigs, decimals) reject within it; x = v exactly always passes.
 * - Forms: `expression` accepts anything an expression can say (plain decimals, fractions,
 *   scientific literals, mixed numbers typed alone) but not `50%`. A plain integer is
 *   accepted by the `fraction` form (as n/1). `10^23` alone counts as scientific notation.
 * - Digit groups: `,` or a single space between groups of exactly three digits, the first
 *   group 1–3 digits not starting with 0 (`0,500` is a decimal comma). Not inside
 *   expressions. In vector/matrix answers a comma always separates components.
 * - `0,5` (one comma, not a valid group) is `decimal-comma`; several commas badly grouped
 *   (`1,00,000`) is `grouping`. Any `。` is `invalid`, code `full-stop`.
 * - A mixed number `a b/c` needs b < c and is accepted where `fraction` or `expression` is.
 * - Expressions: implicit multiplication only before a name or `(`, with the same precedence
 *   as `*` (`1/2pi` is π/2); two numbers side by side are a syntax error. A function may
 *   take a bare argument (`ln 2`, `sqrt 2`, and `sqrt2`, `ln2` glued). `log_2`/`log_10` are
 *   log2/log10; `log`, `log 2`, `log(8)`, `log28` are `ambiguous-log`. Built-in names are
 *   case-insensitive except `e` (`E` is not Euler's number). `inf`, `∞`, `nan` are
 *   `out-of-range`. Unknown names are `unknown-name`. A number immediately followed by a
 *   lone `e`/`E` (`1.5e`, `2e`) is a dangling exponent (`syntax`), even in expressions:
 *   write `2*e` or `2 e` for 2·e. Max 500 characters after normalisation (2,000 raw),
 *   max 40 nested parentheses/unary signs (`too-deep`).
 * - Outside expression questions, an input that parses as an expression (`pi`, `1/2/3`,
 *   `log 2`) is `form-not-allowed`; junk is `syntax` with a message naming the allowed forms.
 * - `50%` where percent is not allowed: `form-not-allowed`, message gives the number (0.5).
 * - Strict sig figs accept only typed decimals/scientific/percent (which show figures);
 *   a fraction or expression is `invalid` (`form-not-allowed`). Zero shows max(1, decimals)
 *   figures (`0.00` shows 2).
 * - Precision hint (`precision`): only when the typed number lies within half a unit of its
 *   last typed figure of v (it is v rounded too far), after `wrong` entries are tried; the
 *   message gives the fewest significant figures that pass (or the decimals to keep).
 *   Order for a scalar: reference → strict count (`sigfigs`) → wrong entries → precision.
 * - A list typed for a scalar answer, or a wrong count/shape for a vector/matrix, is
 *   `incorrect` (`shape`), not invalid. Components separated only by spaces when a vector
 *   is expected are `invalid` (`syntax`, "separate with commas"). `[1, 2,]` ignores the
 *   trailing comma. An unreadable component makes the whole answer `invalid`, naming it.
 * - Matrices are always compared in order (`ordered: false` is for vectors; the loader
 *   rejects it elsewhere). Partial credit: status `incorrect`, score k/n, code `partial`.
 * - `wrong` entries: tolerance defaults to the answer's; compared by value only (no strict
 *   count); for vectors with the same ordered/unordered rule. A match keeps the partial score.
 * - gradeChoice (multiple): score = max(0, (right − wrong picks) / #correct choices); see
 *   grade.ts. gradeParts: invalid if any part is invalid; else mean of part scores.
 */
export type { Answer, ChoiceLike, Form, Grade, GradeStatus, Text, Tolerance, Value, WrongAnswer } from './types.ts';
export { DEFAULT_FORMS, DEFAULT_TOLERANCE, FORMS } from './types.ts';
export { gradeAnswer, gradeChoice, gradeParts } from './grade.ts';
export { formatAcceptance, formatNumber } from './format.ts';
export { evaluateExpression } from './expression.ts';
export { normaliseInput } from './normalise.ts';
export { withinRelAbs, sigfigBand, withinSigfigs, withinDecimals, withinTolerance } from './tolerance.ts';
export { countSigFigs } from './parse-number.ts';
