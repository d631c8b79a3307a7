/**
 * Reading calculator fields. A field that cannot be used yields a reason, shown next to the
 * field; the calculator then shows no result rather than a wrong one. The reason is a key of
 * the calculators' strings (`calc.js.field.*` in src/i18n/{en,zh}.json) with the values for its
 * placeholders, and base.ts puts it in the page's language (`fieldText`): this module holds no
 * words of either language.
 *
 * Numbers, lists and matrices are read by the quiz engine's own readers (normaliseInput,
 * readNumber, readGrid), so a learner types the same thing in a calculator as in a quiz:
 * `0.5`, `1/3`, `1 1/2`, `1,000`, `6.02e23`, `6.02×10^23`, full-width digits, `−`; lists as
 * `1, 2, 3` or `1 2 3`; matrices as rows separated by `;` or new lines (`2 1; 1 3`,
 * `[[2, 1], [1, 3]]`). The messages are the calculators' own (a calculator page does not
 * carry the engine's message templates): only the failure codes are taken from the engine.
 */
import { clip, msg } from '../../quiz/messages.ts';
import { normaliseInput } from '../../quiz/normalise.ts';
import { isLine, readGrid, type GridFailure } from '../../quiz/parse-matrix.ts';
import { fail, readNumber, type Scalar } from '../../quiz/parse-number.ts';
import { DEFAULT_FORMS } from '../../quiz/types.ts';

/**
 * Why a field cannot be used: the string `calc.js.<key>` and its placeholders' values. A value
 * may itself be a message (`Item {index}: {message}`, `{n} numbers`), put in words first.
 */
export type FieldMessage = { key: `field.${string}`; vars?: Record<string, string | number | FieldMessage> };

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: FieldMessage };

/** The message in words; `say(key, vars)` gives a calculator string (base.ts `s`), filled. */
export function fieldText(message: FieldMessage, say: (key: string, vars: Record<string, string | number>) => string): string {
  const vars: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.vars ?? {})) vars[name] = typeof value === 'object' ? fieldText(value, say) : value;
  return say(message.key, vars);
}

const fieldMessage = (key: FieldMessage['key'], vars?: FieldMessage['vars']): FieldMessage => (vars ? { key, vars } : { key });
const refused = (key: FieldMessage['key'], vars?: FieldMessage['vars']) => ({ ok: false as const, message: fieldMessage(key, vars) });

export type NumberRule = {
  min?: number;
  max?: number;
  /** Exclusive bounds, e.g. a temperature must be > 0. */
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
};

/** Full-width digits, Unicode minus and friends become ASCII, as in quiz answers (normaliseInput). */
export const normaliseNumberText = normaliseInput;

/** A list or matrix field left empty (or only brackets and separators). */
const EMPTY_LIST = fieldMessage('field.emptyList');

/**
 * The longest field text that is read at all. Longer text (a pasted file, a forged link) gets
 * `tooLongField` without being normalised or parsed, so a keystroke in a 2 MB field costs no
 * more than in a short one (reading 2 MB of numbers takes seconds; 50,000 characters some
 * 30 ms); base.ts also ignores URL state longer than this. The largest legitimate input, the
 * quantiser's 4,096 typed weights (about 43,000 characters with six decimals), fits.
 */
export const MAX_FIELD_CHARS = 50_000;

/** Whether `raw` is over the cap, in code points (as the message counts), without splitting it. */
export function isTooLong(raw: string): boolean {
  // A string of at most MAX_FIELD_CHARS UTF-16 units has at most that many code points.
  if (raw.length <= MAX_FIELD_CHARS) return false;
  let count = 0;
  for (const _ of raw) if (++count > MAX_FIELD_CHARS) return true;
  return false;
}

export const tooLongField = (max = MAX_FIELD_CHARS): FieldMessage => fieldMessage('field.tooLong', { max: max.toLocaleString('en-US') });

/**
 * At most 40 characters of a learner's text for quoting in a message, cut at whole code points,
 * with … when cut: a message never repeats a whole pasted file (the quiz engine's clip).
 */
export const quoteInput = (text: string): string => clip(text, 40);

/** "1 number", "2 numbers"; Chinese has no plural (both strings read "{n} 个数"). */
const numbers = (n: number): FieldMessage => fieldMessage(n === 1 ? 'field.oneNumber' : 'field.numbers', { n });

/** "2 or 3": the choices joined by the language's "or". */
const either = (choices: number[]): string | number | FieldMessage =>
  choices.length <= 1 ? (choices[0] ?? '') : fieldMessage('field.either', { a: choices[0]!, b: either(choices.slice(1)) });

/**
 * One entry as a number: a decimal, fraction or scientific notation, read as quiz answers are
 * (readNumber, without the expression parser, which calculators do not need).
 */
function readEntry(text: string): Scalar {
  // Only the failure's code is used (whyNot); the engine's message is for quiz pages.
  if (text === '') return fail('blank', msg('blank'));
  return readNumber(text, DEFAULT_FORMS) ?? fail('syntax', msg('blank'));
}

/** Why `text` (normalised) is not a number, in the calculators' words, from the engine's failure code. */
function whyNot(text: string, code: string): FieldMessage {
  switch (code) {
    case 'blank':
      return fieldMessage('field.enterNumber');
    case 'decimal-comma':
    case 'full-stop':
      return fieldMessage('field.decimalPoint', { fixed: quoteInput(text.replace(/[,。]/, '.')) });
    case 'grouping':
      return fieldMessage('field.grouping');
    case 'out-of-range':
      return fieldMessage('field.outOfRange');
    case 'division-by-zero':
      return fieldMessage('field.divisionByZero');
    case 'too-long':
      return fieldMessage('field.tooLongToRead');
    default:
      return fieldMessage('field.notANumber', { text: quoteInput(text) });
  }
}

/** One number, with optional bounds. */
export function parseNumberField(raw: string, rule: NumberRule = {}): FieldResult<number> {
  if (isTooLong(raw)) return { ok: false, message: tooLongField() };
  const text = normaliseInput(raw);
  const r = readEntry(text);
  return r.ok ? checkRule(r.value, rule) : { ok: false, message: whyNot(text, r.code) };
}

/** The typed text of a list or matrix read as rows of numbers, or why not. */
function readRows(raw: string): FieldResult<number[][]> | { ok: false; bad: GridFailure<Scalar> } {
  if (isTooLong(raw)) return { ok: false, message: tooLongField() };
  const text = normaliseInput(raw);
  // Nothing but brackets, separators and spaces: say the field is empty, not "row 1, column 1".
  if (/^[\s\[\](),;]*$/.test(text)) return { ok: false, message: EMPTY_LIST };
  const grid = readGrid(text === '' ? '[]' : text, readEntry);
  if (grid.ok) return { ok: true, value: grid.rows.map((row) => row.map((r) => (r.ok ? r.value : NaN))) };
  if (grid.brackets) {
    return refused('field.brackets');
  }
  return { ok: false, bad: grid };
}

function checkRule(value: number, rule: NumberRule): FieldResult<number> {
  if (rule.integer && !Number.isInteger(value)) {
    return refused('field.wholeNumber');
  }
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) {
    return refused(rule.minExclusive ? 'field.greaterThan' : 'field.atLeast', { min: rule.min });
  }
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) {
    return refused(rule.maxExclusive ? 'field.lessThan' : 'field.atMost', { max: rule.max });
  }
  return { ok: true, value };
}

/**
 * A list of numbers separated by commas or spaces: "1, 2, 3", "[1 2 3]", "1，2，3" (one
 * column, "1; 2; 3", counts too). `length` fixes how many are expected.
 */
export function parseNumberList(raw: string, rule: NumberRule & { minLength?: number; maxLength?: number; length?: number } = {}): FieldResult<number[]> {
  const rows = readRows(raw);
  if (!rows.ok) {
    // Empty: say how many numbers the field wants when that is more than one.
    const wants = rule.length ?? rule.minLength ?? 1;
    if ('message' in rows && rows.message === EMPTY_LIST && wants > 1) {
      return refused(rule.length !== undefined ? 'field.emptyExactly' : 'field.emptyAtLeast', { count: numbers(wants) });
    }
    if (!('bad' in rows)) return rows;
    const { bad } = rows;
    const message = whyNot(bad.text, bad.failure.ok ? 'blank' : bad.failure.code);
    if (bad.shape.length === 1 && bad.shape[0] === 1) return { ok: false, message };
    const index = isLine(bad.shape) ? (bad.shape.length === 1 ? bad.col : bad.row) : bad.shape.slice(0, bad.row).reduce((a, b) => a + b, bad.col);
    return refused('field.item', { index: index + 1, message });
  }
  const shape = rows.value.map((row) => row.length);
  if (!isLine(shape)) {
    return refused('field.oneList');
  }
  const values = rows.value.flat();
  for (const [index, value] of values.entries()) {
    const one = checkRule(value, rule);
    if (!one.ok) {
      return refused('field.item', { index: index + 1, message: one.message });
    }
  }
  if (rule.length !== undefined && values.length !== rule.length) {
    return refused('field.exactly', { count: numbers(rule.length), got: values.length });
  }
  if (rule.minLength !== undefined && values.length < rule.minLength) {
    return refused('field.minLength', { count: numbers(rule.minLength) });
  }
  if (rule.maxLength !== undefined && values.length > rule.maxLength) {
    return refused('field.maxLength', { count: numbers(rule.maxLength) });
  }
  return { ok: true, value: values };
}

/** A matrix typed as rows separated by ";" or new lines: "2 1; 1 3", "[[2, 1], [1, 3]]". */
export function parseMatrix(raw: string, rule: { rows?: number[]; square?: boolean } = {}): FieldResult<number[][]> {
  const read = readRows(raw);
  if (!read.ok) {
    if (!('bad' in read)) return read;
    const { bad } = read;
    const message = whyNot(bad.text, bad.failure.ok ? 'blank' : bad.failure.code);
    return refused('field.cell', { row: bad.row + 1, col: bad.col + 1, message });
  }
  const rows = read.value;
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) {
    return refused('field.sameLength');
  }
  if (rule.square && width !== rows.length) {
    return refused('field.square');
  }
  if (rule.rows && !rule.rows.includes(rows.length)) {
    return refused('field.rows', { rows: either(rule.rows) });
  }
  return { ok: true, value: rows };
}
