/**
 * Calculator fields read numbers, lists and matrices with the quiz engine's readers, so a
 * learner types the same thing in both (issue #15); the messages stay the calculators' own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMatrix, parseNumberField, parseNumberList, type FieldResult } from '../../../src/calculators/ui/fields.ts';
import { gradeAnswer } from '../../../src/quiz/index.ts';
import { words } from './field-words.ts';

/** The field is refused with a message that says `en` in English and `zh` in Chinese. */
function expectRefused(r: FieldResult<unknown>, en: string, zh: string): void {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(words(r.message).en).toContain(en);
    expect(words(r.message).zh).toContain(zh);
  }
}

describe('parseNumberField', () => {
  it.each([
    ['0.5', 0.5],
    ['1/3', 1 / 3],
    ['-1/4', -0.25],
    ['1 1/2', 1.5],
    ['½', 0.5],
    ['1,000', 1000],
    ['1 000', 1000],
    ['6.02e23', 6.02e23],
    ['6.02×10^23', 6.02e23],
    ['10⁻³', 0.001],
    ['０．５', 0.5],
    ['−3', -3],
    ['0.5\u200e', 0.5],
    ['𝟑', 3],
    ['  2  ', 2],
  ])('%j reads as %d', (raw, value) => {
    expect(parseNumberField(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Enter a number', '请输入一个数'],
    ['1,5', '1.5', '1.5'],
    ['0。5', '0.5', '0.5'],
    ['abc', '“abc” is not a number', '“abc”不是数字'],
    ['1e999', 'too large', '太大'],
    ['1/0', 'Division by zero', '除数为零'],
    ['pi', '“pi” is not a number', '“pi”不是数字'],
    ['1, 2', 'is not a number', '不是数字'],
    ['x'.repeat(100), `“${'x'.repeat(39)}…”`, `“${'x'.repeat(39)}…”`],
  ])('%j is refused: %s', (raw, en, zh) => {
    expectRefused(parseNumberField(raw), en, zh);
  });

  it('keeps the bounds', () => {
    expect(parseNumberField('1/2', { integer: true }).ok).toBe(false);
    expect(parseNumberField('0', { min: 0, minExclusive: true }).ok).toBe(false);
    expect(parseNumberField('101', { max: 100 }).ok).toBe(false);
    expect(parseNumberField('3/2', { min: 1, max: 2 })).toEqual({ ok: true, value: 1.5 });
  });
});

describe('parseNumberList', () => {
  it.each([
    ['1, 2, 3', [1, 2, 3]],
    ['1 2 3', [1, 2, 3]],
    ['[1 2 3]', [1, 2, 3]],
    ['(1, 2, 3)', [1, 2, 3]],
    ['1，2，3', [1, 2, 3]],
    ['1、2、3', [1, 2, 3]],
    ['1; 2; 3', [1, 2, 3]],
    ['1\n2\n3', [1, 2, 3]],
    ['1/2, 1/3', [0.5, 1 / 3]],
    ['1/2 1/3', [0.5, 1 / 3]],
    ['1, 2, 3,', [1, 2, 3]],
    ['-1 -2', [-1, -2]],
  ])('%j reads as %j', (raw, value) => {
    expect(parseNumberList(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['1, x', {}, 'Item 2', '第 2 项'],
    ['1 x 3', {}, 'Item 2: “x” is not a number', '第 2 项：“x”不是数字'],
    ['1, , 3', {}, 'Item 2: Enter a number', '第 2 项：请输入一个数'],
    ['', {}, 'The field is empty', '此栏为空'],
    ['1', { length: 2 }, 'exactly 2', '恰好 2'],
    ['1, 2, 3', { length: 2 }, 'exactly 2 numbers (got 3)', '恰好 2 个数（现在是 3 个）'],
    ['1, 2; 3, 4', {}, 'not several rows', '不要分成几行'],
    ['[1, 2', {}, 'brackets', '括号'],
    ['1, -2', { min: 0 }, 'Item 2: Must be at least 0', '第 2 项：不能小于 0'],
    ['1', { minLength: 2 }, 'at least 2', '至少'],
  ])('%j with %j is refused: %s', (raw, rule, en, zh) => {
    expectRefused(parseNumberList(raw, rule), en, zh);
  });
});

describe('parseMatrix', () => {
  it.each([
    [
      '2 1; 1 3',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    [
      '2 1\n1 3',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    [
      '[2, 1; 1, 3]',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    [
      '[[2, 1], [1, 3]]',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    [
      '[0.25 0.1; 0.1 0.24]',
      [
        [0.25, 0.1],
        [0.1, 0.24],
      ],
    ],
    [
      '1/2 1/3; 1 2',
      [
        [0.5, 1 / 3],
        [1, 2],
      ],
    ],
    [
      '２ １；１ ３',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    ['1 2 3', [[1, 2, 3]]],
  ])('%j reads as %j', (raw, value) => {
    expect(parseMatrix(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['1 2; 3', {}, 'same number of entries', '元素个数必须相同'],
    ['1 2; 3 x', {}, 'Row 2, column 2: “x” is not a number', '第 2 行第 2 列：“x”不是数字'],
    ['1 2 3; 4 5 6', { square: true }, 'square', '方阵'],
    ['1 2 3 4; 1 2 3 4; 1 2 3 4; 1 2 3 4', { rows: [2, 3] }, '2 or 3 rows', '2 或 3 行'],
    ['[1 2; 3 4', {}, 'brackets', '括号'],
    ['', {}, 'The field is empty', '此栏为空'],
  ])('%j with %j is refused: %s', (raw, rule, en, zh) => {
    expectRefused(parseMatrix(raw, rule), en, zh);
  });
});

describe('one reader for quizzes and calculators', () => {
  const entry = fc.oneof(
    fc.integer({ min: -99, max: 99 }).map(String),
    fc.constantFrom('1/2', '-3/4', '0.25', '1e-3', '6.02×10^23', '１', '𝟓', 'x', 'NaN', '1,5', '', '½', '2pi'),
  );
  const typed = fc
    .record({
      rows: fc.array(fc.array(entry, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      sep: fc.constantFrom(', ', ' ', '，'),
      rowSep: fc.constantFrom('; ', '\n', '；'),
      brackets: fc.boolean(),
    })
    .map(({ rows, sep, rowSep, brackets }) => {
      const body = rows.map((r) => r.join(sep)).join(rowSep);
      return brackets ? `[${body}]` : body;
    });

  it('a matrix the calculator reads is one the quiz reads, with the same numbers, and the other way round', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const calc = parseMatrix(text);
        const rows = calc.ok ? calc.value : undefined;
        // the quiz against an answer of the calculator's shape (or 2×2 when it refused)
        const shape = rows ?? [
          [0, 0],
          [0, 0],
        ];
        const quiz = gradeAnswer(text, { value: shape, tolerance: { rel: 1e-12, abs: 0 } });
        expect(quiz.status, text).toBe(rows ? 'correct' : 'invalid');
      }),
      { numRuns: 1500 },
    );
  });
});
