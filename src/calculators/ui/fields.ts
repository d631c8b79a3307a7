/**
 * Reading calculator fields. A field that cannot be used yields a reason in both languages,
 * shown next to the field; the calculator then shows no result rather than a wrong one.
 */
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

/** Full-width digits, Unicode minus and friends become ASCII so Chinese keyboards just work. */
export function normaliseNumberText(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2212\u2013\uFF0D]/g, '-')
    .replace(/[\u3000\u00A0\u2009\u202F]/g, ' ')
    .trim();
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One number, with optional bounds. */
export function parseNumberField(raw: string, rule: NumberRule = {}): FieldResult<number> {
  const text = normaliseNumberText(raw);
  if (text === '') return { ok: false, message: { en: 'Enter a number.', zh: '请输入一个数。' } };
  if (/^[+-]?\d+,\d+$/.test(text) && !/^[+-]?\d{1,3}(,\d{3})+$/.test(text)) {
    return {
      ok: false,
      message: {
        en: `Use a point for decimals: ${text.replace(',', '.')}.`,
        zh: `小数点请用“.”：${text.replace(',', '.')}。`,
      },
    };
  }
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (!NUMBER.test(plain)) {
    return {
      ok: false,
      message: { en: `“${raw.trim()}” is not a number; type e.g. 0.5 or 1e-3.`, zh: `“${raw.trim()}”不是数字，请输入如 0.5 或 1e-3。` },
    };
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) {
    return { ok: false, message: { en: 'That number is too large.', zh: '这个数太大了。' } };
  }
  return checkRule(value, rule);
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
 * A list of numbers separated by commas, spaces or Chinese commas: "1, 2, 3", "[1 2 3]", "1，2，3".
 * `length` fixes how many are expected.
 */
export function parseNumberList(
  raw: string,
  rule: NumberRule & { minLength?: number; maxLength?: number; length?: number } = {},
): FieldResult<number[]> {
  const text = normaliseNumberText(raw).replace(/[、；;]/g, ',').replace(/^[[(]|[\])]$/g, '');
  const parts = text.split(/\s*,\s*|\s+/).filter((p) => p !== '');
  if (parts.length === 0) {
    return { ok: false, message: { en: 'Enter numbers separated by commas.', zh: '请输入用逗号分隔的数。' } };
  }
  const values: number[] = [];
  for (const [index, part] of parts.entries()) {
    const one = parseNumberField(part, rule);
    if (!one.ok) {
      return {
        ok: false,
        message: { en: `Item ${index + 1}: ${one.message.en}`, zh: `第 ${index + 1} 项：${one.message.zh}` },
      };
    }
    values.push(one.value);
  }
  if (rule.length !== undefined && values.length !== rule.length) {
    return {
      ok: false,
      message: { en: `Enter exactly ${rule.length} numbers (got ${values.length}).`, zh: `请输入恰好 ${rule.length} 个数（现在是 ${values.length} 个）。` },
    };
  }
  if (rule.minLength !== undefined && values.length < rule.minLength) {
    return { ok: false, message: { en: `Enter at least ${rule.minLength} numbers.`, zh: `请至少输入 ${rule.minLength} 个数。` } };
  }
  if (rule.maxLength !== undefined && values.length > rule.maxLength) {
    return { ok: false, message: { en: `Enter at most ${rule.maxLength} numbers.`, zh: `最多输入 ${rule.maxLength} 个数。` } };
  }
  return { ok: true, value: values };
}

/** A matrix typed as rows separated by ";" or new lines: "2 1; 1 3". */
export function parseMatrix(raw: string, rule: { rows?: number[]; square?: boolean } = {}): FieldResult<number[][]> {
  const rowsText = normaliseNumberText(raw).replace(/^\[|\]$/g, '').split(/\s*[;；\n]\s*/).filter((r) => r !== '');
  const rows: number[][] = [];
  for (const [index, rowText] of rowsText.entries()) {
    const row = parseNumberList(rowText);
    if (!row.ok) {
      return { ok: false, message: { en: `Row ${index + 1}: ${row.message.en}`, zh: `第 ${index + 1} 行：${row.message.zh}` } };
    }
    rows.push(row.value);
  }
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || rows.some((r) => r.length !== width)) {
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
