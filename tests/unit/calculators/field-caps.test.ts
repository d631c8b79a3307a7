/**
 * Calculator fields are capped (issue #16, "edges found under fault injection"): a message
 * quotes at most 40 characters of what was typed, and a field longer than MAX_FIELD_CHARS is
 * refused with "too long" without being read, so a pasted megabyte costs a keystroke nothing.
 * An empty list or matrix says it is empty.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTooLong,
  MAX_FIELD_CHARS,
  parseMatrix,
  parseNumberField,
  parseNumberList,
  quoteInput,
  type FieldResult,
} from '../../../src/calculators/ui/fields.ts';
import { words } from './field-words.ts';

const messageOf = (r: FieldResult<unknown>) => (r.ok ? null : words(r.message));

describe('field caps', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(isTooLong('1'.repeat(MAX_FIELD_CHARS))).toBe(false);
    expect(isTooLong('1'.repeat(MAX_FIELD_CHARS + 1))).toBe(true);
    // 𝟑 is two UTF-16 units: MAX of them is MAX characters, not too long.
    expect(isTooLong('𝟑'.repeat(MAX_FIELD_CHARS))).toBe(false);
    expect(isTooLong('𝟑'.repeat(MAX_FIELD_CHARS + 1))).toBe(true);
  });

  it.each([
    ['a number', (s: string) => parseNumberField(s)],
    ['a list', (s: string) => parseNumberList(s)],
    ['a matrix', (s: string) => parseMatrix(s)],
  ])('refuses %s over the cap with "too long", in both languages', (_, parse) => {
    for (const text of ['1'.repeat(MAX_FIELD_CHARS + 1), '1, '.repeat(MAX_FIELD_CHARS / 2), 'x'.repeat(2_000_000)]) {
      const m = messageOf(parse(text));
      expect(m?.en).toBe('Too long: at most 50,000 characters.');
      expect(m?.zh).toBe('过长：最多 50,000 个字符。');
    }
  });

  it('reads the longest legitimate inputs: 4,096 weights, 200 points in 3-D', () => {
    const weights = Array.from({ length: 4096 }, (_, i) => (Math.sin(i) * 0.1).toFixed(6)).join(', ');
    expect(weights.length).toBeLessThan(MAX_FIELD_CHARS);
    const list = parseNumberList(weights, { maxLength: 4096 });
    expect(list.ok && list.value.length).toBe(4096);
    const points = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(i), i / 7].map((x) => x.toFixed(6)).join(' ')).join('\n');
    const matrix = parseMatrix(points);
    expect(matrix.ok && matrix.value.length).toBe(200);
  });

  it('refuses 2 MB at once: it is not read', () => {
    const huge = '1,5'.repeat(700_000);
    const started = performance.now();
    for (let i = 0; i < 20; i++) parseNumberList(huge);
    // 20 refusals of 2 MB in well under the time one parse of it would take.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('quotes at most 40 characters, cut at whole code points, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 0, maxLength: 600 }), (typed) => {
        for (const r of [parseNumberField(typed), parseNumberList(typed), parseMatrix(typed)]) {
          if (r.ok) continue;
          for (const text of Object.values(words(r.message))) {
            // The message's own words are short; what is quoted is clipped to 40 code points.
            expect(Array.from(text).length).toBeLessThan(160);
            expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(quoteInput('𝟑'.repeat(100))).toBe(`${'𝟑'.repeat(39)}…`);
    expect(quoteInput('short')).toBe('short');
  });

  it('a 10 KB value quotes 40 characters at most in any message', () => {
    for (const text of ['a'.repeat(1500), `1,${'5'.repeat(1500)}`, `${'9'.repeat(400)}x`, `[1, ${'z'.repeat(1800)}]`]) {
      for (const r of [parseNumberField(text), parseNumberList(text), parseMatrix(text)]) {
        const m = messageOf(r);
        expect(m, text.slice(0, 20)).not.toBeNull();
        expect(m!.en.length).toBeLessThan(160);
        expect(m!.zh.length).toBeLessThan(160);
      }
    }
  });
});

describe('empty lists and matrices', () => {
  it.each(['', '   ', '[]', '[[]]', ';', ', ,', '\n\n'])('%j says the field is empty', (text) => {
    for (const r of [parseNumberList(text), parseMatrix(text)]) {
      expect(messageOf(r)).toEqual({ en: 'The field is empty: enter at least one number.', zh: '此栏为空：请至少输入一个数。' });
    }
  });

  it('says how many numbers an empty list wants', () => {
    expect(messageOf(parseNumberList('', { length: 2 }))).toEqual({ en: 'The field is empty: enter 2 numbers.', zh: '此栏为空：请输入 2 个数。' });
    expect(messageOf(parseNumberList(' ', { minLength: 2, maxLength: 50 }))).toEqual({
      en: 'The field is empty: enter at least 2 numbers.',
      zh: '此栏为空：请至少输入 2 个数。',
    });
    expect(messageOf(parseNumberList('[]', { minLength: 1 }))?.en).toBe('The field is empty: enter at least one number.');
  });

  it('says "1 number", not "1 numbers"', () => {
    expect(messageOf(parseNumberList('1, 2', { length: 1 }))?.en).toBe('Enter exactly 1 number (got 2).');
    expect(messageOf(parseNumberList('1, 2', { maxLength: 1 }))?.en).toBe('Enter at most 1 number.');
    expect(messageOf(parseNumberList('1', { minLength: 2 }))?.en).toBe('Enter at least 2 numbers.');
    expect(messageOf(parseNumberList('1', { minLength: 2 }))?.zh).toBe('请至少输入 2 个数。');
  });
});
