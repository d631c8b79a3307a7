/**
 * Reading calculator fields. A field that cannot be used yields a reason in both languages,
 * shown next to the field; the calculator then shows no result rather than a wrong one.
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
import type { Bilingual } from './format.ts';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: Bilingual };

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

const ENTER_NUMBER: Bilingual = { en: 'Enter a number.', zh: '请输入一个数。' };
/** A list or matrix field left empty (or only brackets and separators). */
const EMPTY_LIST: Bilingual = { en: 'The field is empty: enter at least one number.', zh: '此栏为空：请至少输入一个数。' };

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

export const tooLongField = (max = MAX_FIELD_CHARS): Bilingual => ({
  en: `Too long: at most ${max.toLocaleString('en-US')} characters.`,
  zh: `过长：最多 ${max.toLocaleString('en-US')} 个字符。`,
});

/**
 * At most 40 characters of a learner's text for quoting in a message, cut at whole code points,
 * with … when cut: a message never repeats a whole pasted file (the quiz engine's clip).
 */
export const quoteInput = (text: string): string => clip(text, 40);

/** "1 number", "2 numbers"; Chinese has no plural. */
const numbers = (n: number): Bilingual => ({ en: `${n} ${n === 1 ? 'number' : 'numbers'}`, zh: `${n} 个数` });

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
function whyNot(text: string, code: string): Bilingual {
  switch (code) {
    case 'blank':
      return ENTER_NUMBER;
    case 'decimal-comma':
    case 'full-stop': {
      const fixed = quoteInput(text.replace(/[,。]/, '.'));
      return { en: `Use a point for decimals: ${fixed}.`, zh: `小数点请用“.”：${fixed}。` };
    }
    case 'grouping':
      return { en: 'A comma only groups thousands, as in 1,000.', zh: '逗号只用于千位分隔，如 1,000。' };
    case 'out-of-range':
      return { en: 'That number is too large or too small; type e.g. 0.5 or 1e-6.', zh: '这个数太大或太小，请输入如 0.5 或 1e-6。' };
    case 'division-by-zero':
      return { en: 'Division by zero: check the denominator.', zh: '除数为零：请检查分母。' };
    case 'too-long':
      return { en: 'Too long: type at most 500 characters.', zh: '过长：最多输入 500 个字符。' };
    default:
      return {
        en: `“${quoteInput(text)}” is not a number; type e.g. 0.5, 1/2 or 1e-3.`,
        zh: `“${quoteInput(text)}”不是数字，请输入如 0.5、1/2 或 1e-3。`,
      };
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
    return { ok: false, message: { en: 'The brackets do not match; type e.g. 1, 2, 3.', zh: '括号不配对，请输入如 1, 2, 3。' } };
  }
  return { ok: false, bad: grid };
}

function checkRule(value: number, rule: NumberRule): FieldResult<number> {
  if (rule.integer && !Number.isInteger(value)) {
    return { ok: false, message: { en: 'Enter a whole number.', zh: '请输入整数。' } };
  }
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) {
    return {
      ok: false,
      message: rule.minExclusive
        ? { en: `Must be greater than ${rule.min}.`, zh: `必须大于 ${rule.min}。` }
        : { en: `Must be at least ${rule.min}.`, zh: `不能小于 ${rule.min}。` },
    };
  }
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) {
    return {
      ok: false,
      message: rule.maxExclusive
        ? { en: `Must be less than ${rule.max}.`, zh: `必须小于 ${rule.max}。` }
        : { en: `Must be at most ${rule.max}.`, zh: `不能大于 ${rule.max}。` },
    };
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
      const n = numbers(wants);
      return rule.length !== undefined
        ? { ok: false, message: { en: `The field is empty: enter ${n.en}.`, zh: `此栏为空：请输入 ${n.zh}。` } }
        : { ok: false, message: { en: `The field is empty: enter at least ${n.en}.`, zh: `此栏为空：请至少输入 ${n.zh}。` } };
    }
    if (!('bad' in rows)) return rows;
    const { bad } = rows;
    const message = whyNot(bad.text, bad.failure.ok ? 'blank' : bad.failure.code);
    if (bad.shape.length === 1 && bad.shape[0] === 1) return { ok: false, message };
    const index = isLine(bad.shape) ? (bad.shape.length === 1 ? bad.col : bad.row) : bad.shape.slice(0, bad.row).reduce((a, b) => a + b, bad.col);
    return { ok: false, message: { en: `Item ${index + 1}: ${message.en}`, zh: `第 ${index + 1} 项：${message.zh}` } };
  }
  const shape = rows.value.map((row) => row.length);
  if (!isLine(shape)) {
    return { ok: false, message: { en: 'Enter one list of numbers, not several rows.', zh: '请输入一组数，不要分成几行。' } };
  }
  const values = rows.value.flat();
  for (const [index, value] of values.entries()) {
    const one = checkRule(value, rule);
    if (!one.ok) {
      return { ok: false, message: { en: `Item ${index + 1}: ${one.message.en}`, zh: `第 ${index + 1} 项：${one.message.zh}` } };
    }
  }
  if (rule.length !== undefined && values.length !== rule.length) {
    return {
      ok: false,
      message: {
        en: `Enter exactly ${numbers(rule.length).en} (got ${values.length}).`,
        zh: `请输入恰好 ${numbers(rule.length).zh}（现在是 ${values.length} 个）。`,
      },
    };
  }
  if (rule.minLength !== undefined && values.length < rule.minLength) {
    return { ok: false, message: { en: `Enter at least ${numbers(rule.minLength).en}.`, zh: `请至少输入 ${numbers(rule.minLength).zh}。` } };
  }
  if (rule.maxLength !== undefined && values.length > rule.maxLength) {
    return { ok: false, message: { en: `Enter at most ${numbers(rule.maxLength).en}.`, zh: `最多输入 ${numbers(rule.maxLength).zh}。` } };
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
    const at = { r: bad.row + 1, c: bad.col + 1 };
    return { ok: false, message: { en: `Row ${at.r}, column ${at.c}: ${message.en}`, zh: `第 ${at.r} 行第 ${at.c} 列：${message.zh}` } };
  }
  const rows = read.value;
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) {
    return { ok: false, message: { en: 'Every row needs the same number of entries.', zh: '每一行的元素个数必须相同。' } };
  }
  if (rule.square && width !== rows.length) {
    return { ok: false, message: { en: 'The matrix must be square.', zh: '矩阵必须是方阵。' } };
  }
  if (rule.rows && !rule.rows.includes(rows.length)) {
    return {
      ok: false,
      message: { en: `Use ${rule.rows.join(' or ')} rows.`, zh: `请输入 ${rule.rows.join(' 或 ')} 行。` },
    };
  }
  return { ok: true, value: rows };
}
