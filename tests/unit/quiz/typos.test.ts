/**
 * Issue #15, "grading that never charges a learner for a typo": an answer whose shape or
 * syntax does not match is `invalid` (no attempt), with a message in both languages that
 * says what shape is wanted or names the entry that does not read; lists and matrices are
 * typed the calculators' way too; invisible characters and mathematical digits are read;
 * quotes are capped and cut at whole code points.
 */
import { describe, expect, it } from 'vitest';
import { normaliseInput, type Answer } from '../../../src/quiz/index.ts';
import { gradeAnswer } from '../../helpers/said.ts';

const tol = { rel: 1e-9, abs: 1e-12 };
const scalar = (value: number, extra: Partial<Answer> = {}): Answer => ({ value, tolerance: tol, ...extra });
const vector = (value: number[], extra: Partial<Answer> = {}): Answer => ({ value, tolerance: tol, ...extra });
const COV: Answer = {
  value: [
    [0.25, 0.1],
    [0.1, 0.24],
  ],
  tolerance: tol,
};
const M22: Answer = {
  value: [
    [1, 2],
    [3, 4],
  ],
  tolerance: tol,
};

/** input, answer, status, code, text in the English message, text in the Chinese message */
type Row = [input: string, answer: Answer, status: 'correct' | 'incorrect' | 'invalid', code?: string, en?: string, zh?: string];

const shapes: Row[] = [
  // the calculators' matrix syntax, new lines, fractions: accepted
  ['[0.25 0.1; 0.1 0.24]', COV, 'correct'],
  ['0.25 0.1; 0.1 0.24', COV, 'correct'],
  ['0.25 0.1\n0.1 0.24', COV, 'correct'],
  ['0.25, 0.1\r\n0.1, 0.24\n', COV, 'correct'],
  ['[0.25, 0.1;\n 0.1, 0.24]', COV, 'correct'],
  ['[[0.25, 0.1],\n [0.1, 0.24]]', COV, 'correct'],
  ['[0.25 0.1] [0.1 0.24]', COV, 'correct'],
  ['[1/4 1/10; 1/10 6/25]', COV, 'correct'],
  ['[1/4, 0.1; 0.1, 6/25]', COV, 'correct'],
  ['[0.25 0.2; 0.2 0.24]', COV, 'incorrect'],
  ['[1, 2;; 3, 4;]', M22, 'correct'],
  // a flat list, a column, a wrong size or ragged rows for a matrix: invalid, saying the shape
  ['[0.25, 0.1, 0.1, 0.24]', COV, 'invalid', 'shape', 'Expected a 2×2 matrix, for example [1, 2; 3, 4]', '需要 2×2 矩阵，例如 [1, 2; 3, 4]'],
  ['[0.25, 0.1, 0.1, 0.24]', COV, 'invalid', 'shape', 'you gave one row of 4 numbers', '你给的是一行 4 个数'],
  ['[0.25, 0.1]', COV, 'invalid', 'shape', 'you gave one row of 2 numbers', '你给的是一行 2 个数'],
  ['[1; 2]', M22, 'invalid', 'shape', 'you gave a 2×1 matrix', '你给的是 2×1 矩阵'],
  ['[1, 2, 3; 4, 5, 6]', M22, 'invalid', 'shape', 'you gave a 2×3 matrix', '你给的是 2×3 矩阵'],
  ['[1, 2; 3]', M22, 'invalid', 'shape', 'your rows have different lengths', '你给的各行长度不一'],
  ['7', M22, 'invalid', 'shape', 'you gave one number', '你只给了一个数'],
  [
    '[1, 2, 3; 4, 5, 6]',
    {
      value: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    'correct',
  ],
  [
    '[1, 2]',
    {
      value: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    'invalid',
    'shape',
    'for example [1, 2, 3; 4, 5, 6]',
    '例如 [1, 2, 3; 4, 5, 6]',
  ],
  // a scalar, a wrong count or a matrix for a vector: invalid, saying how many numbers
  ['5', vector([5, 2]), 'invalid', 'shape', 'Expected 2 numbers, for example [1, 2]; you gave one number.', '需要 2 个数，例如 [1, 2]；你只给了一个数。'],
  ['[5, 2, 1]', vector([5, 2]), 'invalid', 'shape', 'Expected 2 numbers, for example [1, 2]; you gave 3.', '需要 2 个数，例如 [1, 2]；你给了 3 个。'],
  ['[1, 2; 3, 4]', vector([1, 2, 3, 4]), 'invalid', 'shape', 'Expected 4 numbers, for example [1, 2, 3, 4]; you gave a 2×2 matrix.', '你给的是 2×2 矩阵'],
  ['[5, 2; 1]', vector([5, 2]), 'invalid', 'shape', 'your rows have different lengths', '你给的各行长度不一'],
  // a column or a one-row matrix for a vector is that vector; entries by spaces
  ['[5; 2]', vector([5, 2]), 'correct'],
  ['[5; 3]', vector([5, 2]), 'incorrect'],
  ['5\n2', vector([5, 2]), 'correct'],
  ['[[5, 2]]', vector([5, 2]), 'correct'],
  ['[[5], [2]]', vector([5, 2]), 'correct'],
  ['[5; 2; 1]', vector([5, 2]), 'invalid', 'shape', 'you gave 3', '你给了 3 个'],
  ['[3 2]', vector([5, 2]), 'incorrect'],
  ['[5 2]', vector([5, 2]), 'correct'],
  ['5 -2', vector([5, -2]), 'correct'],
  ['[1/2 1/3]', vector([1 / 2, 1 / 3]), 'correct'],
  ['1 / 2', vector([0.5]), 'correct'],
  ['[1 000, 2]', vector([1000, 2]), 'correct'],
  ['[1 1/2, 2]', vector([1.5, 2]), 'correct'],
  ['[sqrt(2) pi]', vector([Math.SQRT2, Math.PI], { forms: ['expression'] }), 'correct'],
  // a list for one number: invalid
  ['[1.5, 2]', scalar(1.5), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  ['[1.5]', scalar(1.5), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  ['(1.5, 2)', scalar(1.5), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  ['1.5; 2', scalar(1.5), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  ['1.5\n2', scalar(1.5), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  ['[1, 2]', scalar(1, { forms: ['expression'] }), 'invalid', 'shape', 'Type one number, not a list', '请只输入一个数'],
  // unbalanced brackets
  ['[0.25, 0.1; 0.1', COV, 'invalid', 'syntax', 'The brackets do not match', '括号不配对'],
  ['[1, 2]]', vector([1, 2]), 'invalid', 'syntax', 'The brackets do not match', '括号不配对'],
  ['(1, 2', vector([1, 2]), 'invalid', 'syntax', 'The brackets do not match', '括号不配对'],
];

const junk: Row[] = [
  ['hello', vector([1, 2]), 'invalid', 'syntax', '“hello”: This could not be read as a number', '输入的“hello”：无法识别为数字'],
  ['NaN', vector([1, 2]), 'invalid', 'out-of-range', '“NaN”: Type a finite number', '输入的“NaN”：请输入范围内的有限数'],
  ['1e999', vector([1, 2]), 'invalid', 'out-of-range', '“1e999”: Type a finite number', '输入的“1e999”'],
  ['∞', vector([1, 2]), 'invalid', 'out-of-range', 'Type a finite number', '请输入范围内的有限数'],
  ['hello', M22, 'invalid', 'syntax', '“hello”:', '输入的“hello”：'],
  ['[1,2;3,x]', M22, 'invalid', 'syntax', 'Row 2, column 2 (“x”): This could not be read', '第 2 行第 2 列（“x”）：无法识别'],
  ['[1, 2; 3, NaN]', M22, 'invalid', 'out-of-range', 'Row 2, column 2 (“NaN”)', '第 2 行第 2 列（“NaN”）'],
  ['[1, 1e999]', vector([1, 2]), 'invalid', 'out-of-range', 'Component 2 (“1e999”)', '第 2 个分量（“1e999”）'],
  ['[∞, 1]', vector([1, 2]), 'invalid', 'out-of-range', 'Component 1', '第 1 个分量'],
  ['[1 x]', vector([1, 2]), 'invalid', 'syntax', 'Component 2 (“x”)', '第 2 个分量（“x”）'],
  ['[5; x]', vector([5, 2]), 'invalid', 'syntax', 'Component 2 (“x”)', '第 2 个分量（“x”）'],
  ['[1, , 3]', vector([1, 2, 3]), 'invalid', 'blank', 'Component 2: Type an answer', '第 2 个分量：请输入答案'],
  // an unreadable entry is named even when the shape is wrong too
  ['[1, hello, 3]', vector([1, 2]), 'invalid', 'syntax', 'Component 2 (“hello”)', '第 2 个分量（“hello”）'],
];

const characters: Row[] = [
  ['0.5\u200e', scalar(0.5), 'correct'],
  ['\u200f0.5', scalar(0.5), 'correct'],
  ['0.\u00ad5', scalar(0.5), 'correct'],
  ['0.5\u2060', scalar(0.5), 'correct'],
  ['\ufeff0.5\u200b', scalar(0.5), 'correct'],
  ['\u202a0.5\u202c', scalar(0.5), 'correct'],
  ['[1,\u200e 2]', vector([1, 2]), 'correct'],
  ['𝟑', scalar(3), 'correct'],
  ['𝟯.𝟱', scalar(3.5), 'correct'],
  ['𝟘.𝟝', scalar(0.5), 'correct'],
  ['𝟶.𝟻', scalar(0.5), 'correct'],
  ['𝟏/𝟐', scalar(0.5), 'correct'],
  ['[𝟓, 𝟐]', vector([5, 2]), 'correct'],
  ['1😀', scalar(1, { forms: ['expression'] }), 'invalid', 'syntax', '“😀”', '“😀”'],
  ['[1, 😀]', vector([1, 2]), 'invalid', 'syntax', '(“😀”)', '（“😀”）'],
  ['𝑥', scalar(1, { forms: ['expression'] }), 'invalid', 'syntax', '“𝑥”', '“𝑥”'],
];

const caps: Row[] = [
  [`[1, ${'x'.repeat(100)}]`, vector([1, 2]), 'invalid', 'syntax', `(“${'x'.repeat(39)}…”)`, `（“${'x'.repeat(39)}…”）`],
  [`[1, ${'😀'.repeat(60)}]`, vector([1, 2]), 'invalid', 'syntax', `(“${'😀'.repeat(39)}…”)`, `（“${'😀'.repeat(39)}…”）`],
  [`${'a'.repeat(60)}+1`, scalar(1, { forms: ['expression'] }), 'invalid', 'unknown-name', `“${'a'.repeat(39)}…”`, `“${'a'.repeat(39)}…”`],
  [`${'1'.repeat(60)},5`, scalar(1), 'invalid', 'decimal-comma', `${'1'.repeat(39)}…`, `${'1'.repeat(39)}…`],
  ['1'.repeat(600), scalar(1), 'invalid', 'too-long', 'Too long: type at most 500 characters', '过长：最多 500 个字符'],
  ['1'.repeat(3000), scalar(1), 'invalid', 'too-long', 'Too long: type at most 500 characters', '过长：最多 500 个字符'],
  [`[${'1, '.repeat(200)}1]`, vector([1]), 'invalid', 'too-long', 'at most 500 characters', '最多 500 个字符'],
  [`${' '.repeat(1900)}0.5`, scalar(0.5), 'correct'],
];

const groups: [string, Row[]][] = [
  ['shapes', shapes],
  ['junk entries', junk],
  ['invisible and split characters', characters],
  ['quotes and length caps', caps],
];

for (const [name, rows] of groups) {
  describe(`issue #15: ${name}`, () => {
    it.each(rows)('%j against %j → %s %s', (input, answer, status, code, en, zh) => {
      const g = gradeAnswer(input, answer);
      expect(g.status).toBe(status);
      if (code !== undefined) expect(g.code).toBe(code);
      if (status === 'invalid') {
        expect(g.score).toBe(0);
        expect(g.text?.en).toBeTruthy();
        expect(g.text?.zh).toBeTruthy();
        // a quote never holds half a surrogate pair
        expect(g.text!.en + g.text!.zh).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
      if (en !== undefined) expect(g.text?.en).toContain(en);
      if (zh !== undefined) expect(g.text?.zh).toContain(zh);
    });
  });
}

describe('issue #15: no message quotes more than 40 characters of the input', () => {
  it.each([
    [`[1, ${'q'.repeat(300)}]`, vector([1, 2])],
    [`${'z'.repeat(300)}`, scalar(1, { forms: ['expression'] })],
    [`${'9'.repeat(300)},5`, scalar(1)],
    [`[${'w'.repeat(200)}; 1]`, M22],
  ])('%#', (input, answer) => {
    const g = gradeAnswer(input, answer);
    expect(g.status).toBe('invalid');
    for (const text of [g.text!.en, g.text!.zh]) {
      for (const [, quoted] of text.matchAll(/“([^”]*)”/g)) expect(Array.from(quoted!).length).toBeLessThanOrEqual(40);
    }
  });
});

describe('normaliseInput: line breaks', () => {
  it.each([
    ['1 2\n3 4', '1 2;3 4'],
    ['[1, 2\n3, 4]', '[1, 2;3, 4]'],
    ['[1, 2;\n3, 4]', '[1, 2; 3, 4]'],
    ['[1, 2,\n3, 4]', '[1, 2, 3, 4]'],
    ['[\n1, 2\n]', '[ 1, 2 ]'],
    ['[[1, 2],\n[3, 4]]', '[[1, 2], [3, 4]]'],
    ['\n0.5\n\n', '0.5'],
    ['1\r\n\r\n2', '1;2'],
    ['1\u20282', '1;2'],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseInput(raw)).toBe(expected);
  });
});
