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
 *   expressions. In vector/matrix answers a comma always separates components, and a space
 *   does too in a row without commas.
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
 * - Invalid is never wrong: an answer whose shape or syntax does not match costs no attempt.
 *   A list typed for a scalar answer (`[1.5, 2]`, `[1.5]`, `1, 2`, `1; 2`) is `invalid`
 *   (`shape`, "Type one number, not a list"); `2 3` stays `syntax` (a missing operator).
 *   For a vector or matrix, every entry must read first: the first that does not makes the
 *   answer `invalid`, named by place and quoted (`Component 2 (“x”): …`, `Row 2, column 2
 *   (“x”): …`, or just `“hello”: …` when only one entry was typed), so junk such as
 *   `hello`, `NaN`, `1e999`, `∞` is invalid, never a wrong shape. Then a shape that does not
 *   match is `invalid` (`shape`), saying the shape wanted with an example and what was typed
 *   ("Expected 2 numbers, for example [1, 2]; you gave one number", "… a 2×2 matrix, … you
 *   gave one row of 4 numbers"). Unbalanced brackets are `invalid` (`syntax`).
 * - Lists (parse-matrix.ts, shared with the calculators' fields): outer brackets `[]` or `()`
 *   optional; rows separated by `;` or line breaks, or written as bracket groups
 *   (`[[1, 2], [3, 4]]`); within a row, entries separated by commas if the row has one (then
 *   an entry may hold spaces: `1 000`, `1 1/2`, `ln 2`), else by spaces (`[0.25 0.1; 0.1
 *   0.24]`, `1 2 3`); a row without commas whose space-separated parts do not all read but
 *   which reads as a whole is one entry (`1 / 2`). `[1, 2,]` ignores the trailing comma.
 *   A vector answer accepts a row or a column (`[5; 2]` is the 2-vector [5, 2]); a matrix
 *   answer needs exactly its rows × columns (a flat list for a matrix is `invalid`).
 *   Entries are read like scalar answers (fractions, scientific, the question's forms).
 * - Normalisation drops invisible characters (U+00AD, U+200B–U+200F, U+202A–U+202E, U+2060,
 *   U+2066–U+2069, U+FEFF, …) and reads mathematical digits (U+1D7CE–U+1D7FF, `𝟑`) like
 *   full-width ones. A message quotes at most 40 characters of the input (then …), cut at
 *   whole code points. Over-long input (more than 2,000 characters, or 500 after
 *   normalisation) is `invalid` (`too-long`), and the message gives the limit.
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
