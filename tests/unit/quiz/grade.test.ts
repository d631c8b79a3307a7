/** Table-driven tests of gradeAnswer over every rule of QUIZ-FORMAT.md. */
import { describe, expect, it } from 'vitest';
import { type Answer, type Form, type Tolerance } from '../../../src/quiz/index.ts';
import { gradeAnswer } from '../../helpers/said.ts';

type Row = [input: string, answer: Answer, status: 'correct' | 'incorrect' | 'invalid', code?: string];

const n = (value: number, extra: Partial<Answer> = {}): Answer => ({ value, tolerance: { rel: 1e-9, abs: 1e-12 }, ...extra });
const f = (value: number, forms: Form[], extra: Partial<Answer> = {}): Answer => n(value, { forms, ...extra });
const EXPR: Form[] = ['expression'];
const tol = (value: number, tolerance: Tolerance, extra: Partial<Answer> = {}): Answer => ({ value, tolerance, ...extra });

const normalisation: Row[] = [
  ['  0.5  ', n(0.5), 'correct'],
  ['\u30000.5\u3000', n(0.5), 'correct'],
  ['\u00a00.5', n(0.5), 'correct'],
  ['1\u2009000', n(1000), 'correct'],
  ['1\u3000000', n(1000), 'correct'],
  ['1   000', n(1000), 'correct'],
  ['', n(0), 'invalid', 'blank'],
  ['   ', n(0), 'invalid', 'blank'],
  ['\u3000\u3000', n(0), 'invalid', 'blank'],
  ['\t\n', n(0), 'invalid', 'blank'],
  ['０．５', n(0.5), 'correct'],
  ['１／２', n(0.5), 'correct'],
  ['－３', n(-3), 'correct'],
  ['（１＋２）／３', f(1, EXPR), 'correct'],
  ['\u22123', n(-3), 'correct'],
  ['\u20133', n(-3), 'correct'],
  ['\uff0d0.25', n(-0.25), 'correct'],
  ['6.02×10^23', n(6.02e23), 'correct'],
  ['6.02·10^23', n(6.02e23), 'correct'],
  ['6.02⋅10^23', n(6.02e23), 'correct'],
  ['1÷4', n(0.25), 'correct'],
  ['1\u22154', n(0.25), 'correct'],
  ['1\u20444', n(0.25), 'correct'],
  ['π', f(Math.PI, EXPR), 'correct'],
  ['2π', f(2 * Math.PI, EXPR), 'correct'],
  ['√2', f(Math.SQRT2, EXPR), 'correct'],
  ['√(2)/2', f(Math.SQRT1_2, EXPR), 'correct'],
  ['2√2', f(2 * Math.SQRT2, EXPR), 'correct'],
  ['½', n(0.5), 'correct'],
  ['⅓', tol(1 / 3, { rel: 1e-9 }), 'correct'],
  ['¾', n(0.75), 'correct'],
  ['-½', n(-0.5), 'correct'],
  ['1½', n(1.5), 'correct'],
  ['2¾', n(2.75), 'correct'],
  ['10²³', n(1e23), 'correct'],
  ['10²³', n(1023), 'incorrect'],
  ['6.02×10²³', n(6.02e23), 'correct'],
  ['10⁻³', n(0.001), 'correct'],
  ['2³', f(8, EXPR), 'correct'],
  ['0。5', n(0.5), 'invalid', 'full-stop'],
  ['5。', n(5), 'invalid', 'full-stop'],
  ['０。５', n(0.5), 'invalid', 'full-stop'],
  ['0.5\u200b', n(0.5), 'correct'],
];

const decimal: Row[] = [
  ['0.5', n(0.5), 'correct'],
  ['.5', n(0.5), 'correct'],
  ['5.', n(5), 'correct'],
  ['+0.5', n(0.5), 'correct'],
  ['-0', n(0), 'correct'],
  ['0', n(-0), 'correct'],
  ['-0.0', n(0), 'correct'],
  ['0.6', n(0.5), 'incorrect'],
  ['1,000', n(1000), 'correct'],
  ['16,500.00', n(16500), 'correct'],
  ['16,000', n(16000), 'correct'],
  ['16,000', n(16), 'incorrect'],
  ['1 000', n(1000), 'correct'],
  ['1 000 000', n(1e6), 'correct'],
  ['1,000,000', n(1e6), 'correct'],
  ['1,00', n(100), 'invalid', 'decimal-comma'],
  ['0,5', n(0.5), 'invalid', 'decimal-comma'],
  ['3,14', n(3.14), 'invalid', 'decimal-comma'],
  ['0,500', n(0.5), 'invalid', 'decimal-comma'],
  ['1,00,000', n(100000), 'invalid', 'grouping'],
  ['1,000 000', n(1e6), 'invalid', 'syntax'],
  ['1_000', n(1000), 'invalid', 'syntax'],
  ['0x10', n(16), 'invalid', 'syntax'],
  ['3abc', n(3), 'invalid', 'syntax'],
  ['٣', n(3), 'invalid', 'syntax'],
  ['三', n(3), 'invalid', 'syntax'],
  ['0.5.5', n(0.5), 'invalid', 'syntax'],
  ['.', n(0), 'invalid', 'syntax'],
  ['-', n(0), 'invalid', 'syntax'],
  ['abc', n(0), 'invalid', 'syntax'],
  ['0.5', f(0.5, ['fraction']), 'invalid', 'form-not-allowed'],
  ['2', f(2, ['fraction']), 'correct'],
  ['2000', f(2000, ['scientific']), 'invalid', 'form-not-allowed'],
];

const scientific: Row[] = [
  ['6.02e23', n(6.02e23), 'correct'],
  ['6.02E+23', n(6.02e23), 'correct'],
  ['6.02e-23', n(6.02e-23), 'correct'],
  ['6.02*10^23', n(6.02e23), 'correct'],
  ['6.02x10^23', n(6.02e23), 'correct'],
  ['6.02 × 10^23', n(6.02e23), 'correct'],
  ['6.02·10**23', n(6.02e23), 'correct'],
  ['6.02*10^(-23)', n(6.02e-23), 'correct'],
  ['1.5e', n(1.5), 'invalid', 'syntax'],
  ['1.5e+', n(1.5), 'invalid', 'syntax'],
  ['e5', n(1e5), 'invalid', 'syntax'],
  ['2e3', n(2000), 'correct'],
  ['2e3', f(2000, EXPR), 'correct'],
  ['2e3', f(2000, ['decimal']), 'invalid', 'form-not-allowed'],
  ['2e', f(2 * Math.E, EXPR), 'invalid', 'syntax'],
  ['2*e', f(2 * Math.E, EXPR), 'correct'],
  ['1e999', n(1), 'invalid', 'out-of-range'],
  ['1e-400', n(0), 'invalid', 'out-of-range'],
  ['0e-400', n(0), 'correct'],
  ['1e-300', tol(1e-300, { rel: 1e-9 }), 'correct'],
];

const fraction: Row[] = [
  ['1/2', n(0.5), 'correct'],
  ['1 / 2', n(0.5), 'correct'],
  ['-1/2', n(-0.5), 'correct'],
  ['1/-2', n(-0.5), 'correct'],
  ['1/−2', n(-0.5), 'correct'],
  ['0.5/2', n(0.25), 'correct'],
  ['1 1/2', n(1.5), 'correct'],
  ['-1 1/2', n(-1.5), 'correct'],
  ['1 1/2', n(5.5), 'incorrect'],
  ['1/0', n(1), 'invalid', 'division-by-zero'],
  ['0/0', n(0), 'invalid', 'division-by-zero'],
  ['1/2/3', n(1 / 6), 'invalid', 'form-not-allowed'],
  ['1/2/3', f(1 / 6, EXPR), 'correct'],
  ['1/2', f(0.5, ['decimal']), 'invalid', 'form-not-allowed'],
  ['1 000/2', n(500), 'correct'],
  ['2/3', tol(2 / 3, { rel: 1e-12 }), 'correct'],
];

const percent: Row[] = [
  ['50%', f(0.5, ['percent']), 'correct'],
  ['50 %', f(0.5, ['percent']), 'correct'],
  ['５０％', f(0.5, ['percent']), 'correct'],
  ['12.5%', f(0.125, ['decimal', 'percent']), 'correct'],
  ['50%', n(0.5), 'invalid', 'form-not-allowed'],
  ['0.5', f(0.5, ['decimal', 'percent']), 'correct'],
  ['abc%', f(0.5, ['percent']), 'invalid', 'syntax'],
];

const expression: Row[] = [
  ['2pi', f(2 * Math.PI, EXPR), 'correct'],
  ['3sqrt(2)', f(3 * Math.SQRT2, EXPR), 'correct'],
  ['2(1+3)', f(8, EXPR), 'correct'],
  ['ln 2', f(Math.LN2, EXPR), 'correct'],
  ['ln(2)', f(Math.LN2, EXPR), 'correct'],
  ['log2(8)', f(3, EXPR), 'correct'],
  ['log2 8', f(3, EXPR), 'correct'],
  ['log10(1000)', f(3, EXPR), 'correct'],
  ['log_2(8)', f(3, EXPR), 'correct'],
  ['log(8)', f(3, EXPR), 'invalid', 'ambiguous-log'],
  ['log 2', f(1, EXPR), 'invalid', 'ambiguous-log'],
  ['LOG(2)', f(1, EXPR), 'invalid', 'ambiguous-log'],
  ['-2^2', f(-4, EXPR), 'correct'],
  ['2^3^2', f(512, EXPR), 'correct'],
  ['2**3', f(8, EXPR), 'correct'],
  ['2^-1', f(0.5, EXPR), 'correct'],
  ['(-2)^2', f(4, EXPR), 'correct'],
  ['-(3)', f(-3, EXPR), 'correct'],
  ['exp(1)', f(Math.E, EXPR), 'correct'],
  ['e', f(Math.E, EXPR), 'correct'],
  ['sin(pi/2)', f(1, EXPR), 'correct'],
  ['cos(0)', f(1, EXPR), 'correct'],
  ['abs(-3)', f(3, EXPR), 'correct'],
  ['tan(0)', f(0, EXPR), 'correct'],
  ['PI', f(Math.PI, EXPR), 'correct'],
  ['1/2pi', f(Math.PI / 2, EXPR), 'correct'],
  ['sqrt(-1)', f(0, EXPR), 'invalid', 'out-of-range'],
  ['ln(0)', f(0, EXPR), 'invalid', 'out-of-range'],
  ['exp(1000)', f(0, EXPR), 'invalid', 'out-of-range'],
  ['1/(1-1)', f(0, EXPR), 'invalid', 'division-by-zero'],
  ['2 3', f(6, EXPR), 'invalid', 'syntax'],
  ['(1+2', f(3, EXPR), 'invalid', 'syntax'],
  ['1+2)', f(3, EXPR), 'invalid', 'syntax'],
  ['1+', f(1, EXPR), 'invalid', 'syntax'],
  ['x+1', f(1, EXPR), 'invalid', 'unknown-name'],
  ['eval(1)', f(1, EXPR), 'invalid', 'unknown-name'],
  ['constructor', f(1, EXPR), 'invalid', 'unknown-name'],
  ['__proto__', f(1, EXPR), 'invalid', 'unknown-name'],
  ['pi', n(Math.PI), 'invalid', 'form-not-allowed'],
  ['sqrt(2)', n(Math.SQRT2), 'invalid', 'form-not-allowed'],
  ['log 2', n(1), 'invalid', 'form-not-allowed'],
  ['('.repeat(60) + '1' + ')'.repeat(60), f(1, EXPR), 'invalid', 'too-deep'],
  ['-'.repeat(60) + '1', f(1, EXPR), 'invalid', 'too-deep'],
  ['1+'.repeat(300) + '1', f(301, EXPR), 'invalid', 'too-long'],
  ['1'.repeat(3000), n(1), 'invalid', 'too-long'],
  ['inf', n(1), 'invalid', 'out-of-range'],
  ['Infinity', f(1, EXPR), 'invalid', 'out-of-range'],
  ['∞', n(1), 'invalid', 'out-of-range'],
  ['-∞', f(1, EXPR), 'invalid', 'out-of-range'],
  ['NaN', n(1), 'invalid', 'out-of-range'],
  ['0.5', f(0.5, EXPR), 'correct'],
  ['1 1/2', f(1.5, EXPR), 'correct'],
  ['50%', f(0.5, EXPR), 'invalid', 'form-not-allowed'],
];

const tolerances: Row[] = [
  // rel/abs, inclusive
  ['1.01', tol(1, { rel: 0.01 }), 'correct'],
  ['0.99', tol(1, { rel: 0.01 }), 'correct'],
  ['1.0101', tol(1, { rel: 0.01 }), 'incorrect'],
  ['1.01', tol(1, { abs: 0.01 }), 'correct'],
  ['1.02', tol(1, { abs: 0.01 }), 'incorrect'],
  ['1.011', tol(1, { abs: 0.001, rel: 0.01 }), 'correct'],
  ['1.0111', tol(1, { abs: 0.001, rel: 0.01 }), 'incorrect'],
  ['0.001', tol(0, { abs: 0.001 }), 'correct'],
  ['0.0011', tol(0, { abs: 0.001 }), 'incorrect'],
  ['0.3', tol(0.1 + 0.2, {}), 'correct'],
  ['-1.01', tol(-1, { rel: 0.01 }), 'correct'],
  // sigfigs: |x − v| < ½·10^(floor(log10|v|) − n + 1)
  ['3.14', tol(Math.PI, { sigfigs: 3 }), 'correct'],
  ['3.15', tol(Math.PI, { sigfigs: 3 }), 'incorrect'],
  ['3.1416', tol(Math.PI, { sigfigs: 3 }), 'correct'],
  ['0.000123', tol(0.0001234, { sigfigs: 3 }), 'correct'],
  ['0.000124', tol(0.0001234, { sigfigs: 3 }), 'incorrect'],
  ['1230', tol(1234, { sigfigs: 3 }), 'correct'],
  ['1240', tol(1234, { sigfigs: 3 }), 'incorrect'],
  ['0.04', tol(0, { sigfigs: 2 }), 'correct'],
  ['0.05', tol(0, { sigfigs: 2 }), 'incorrect'],
  ['0.13', tol(0.125, { sigfigs: 2 }), 'incorrect'],
  // strict sig figs
  ['10.0', tol(10, { sigfigs: 3, strict: true }), 'correct'],
  ['10', tol(10, { sigfigs: 3, strict: true }), 'incorrect', 'sigfigs'],
  ['100', tol(100, { sigfigs: 1, strict: true }), 'correct'],
  ['100', tol(100, { sigfigs: 3, strict: true }), 'correct'],
  ['100', tol(100, { sigfigs: 4, strict: true }), 'incorrect', 'sigfigs'],
  ['3.142', tol(Math.PI, { sigfigs: 3, strict: true }), 'incorrect', 'sigfigs'],
  ['3.14', tol(Math.PI, { sigfigs: 3, strict: true }), 'correct'],
  ['3.14e0', tol(Math.PI, { sigfigs: 3, strict: true }), 'correct'],
  ['0.0050', tol(0.005, { sigfigs: 2, strict: true }), 'correct'],
  ['22/7', tol(Math.PI, { sigfigs: 3, strict: true }), 'invalid', 'form-not-allowed'],
  ['3.15', tol(Math.PI, { sigfigs: 3, strict: true }), 'incorrect'],
  // decimals: |x − v| < ½·10^(−d)
  ['3.14', tol(Math.PI, { decimals: 2 }), 'correct'],
  ['3.15', tol(Math.PI, { decimals: 2 }), 'incorrect'],
  ['3', tol(3.4, { decimals: 0 }), 'correct'],
  ['3', tol(3.5, { decimals: 0 }), 'incorrect'],
  // precision hints
  ['0.33', tol(1 / 3, { rel: 0.001 }), 'incorrect', 'precision'],
  ['0.333', tol(1 / 3, { rel: 0.001 }), 'correct'],
  ['0.34', tol(1 / 3, { rel: 0.001 }), 'incorrect'],
  ['0.35', tol(1 / 3, { rel: 0.001 }), 'incorrect'],
  ['3.1', tol(Math.PI, { decimals: 2 }), 'incorrect', 'precision'],
  ['3.1', tol(Math.PI, { sigfigs: 4 }), 'incorrect', 'precision'],
  ['1/3', tol(0.3334, { abs: 1e-6 }), 'incorrect'],
  // default tolerance {rel: 0.01, abs: 1e-8}
  ['0.333', { value: 1 / 3 }, 'correct'],
  ['0.3', { value: 1 / 3 }, 'incorrect'],
];

const nats = { en: 'That is the entropy in nats.', zh: '这是以奈特为单位的熵。' };
const wrong: Row[] = [
  ['0.693', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, tolerance: { rel: 0.01 }, message: nats }] }), 'incorrect', 'targeted'],
  ['ln 2', tol(1, { abs: 0.01 }, { forms: EXPR, wrong: [{ value: 0.693147, tolerance: { rel: 0.01 }, message: nats }] }), 'incorrect', 'targeted'],
  ['1', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, tolerance: { rel: 0.01 }, message: nats }] }), 'correct'],
  ['0.5', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, tolerance: { rel: 0.01 }, message: nats }] }), 'incorrect'],
  ['0.7', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, message: nats }] }), 'incorrect'],
  ['0.6935', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, message: nats }] }), 'incorrect', 'targeted'],
];

const vectors: Row[] = [
  ['[1, 2, 3]', n(0, { value: [1, 2, 3] }), 'correct'],
  ['(1, 2, 3)', n(0, { value: [1, 2, 3] }), 'correct'],
  ['1, 2, 3', n(0, { value: [1, 2, 3] }), 'correct'],
  ['1，2，3', n(0, { value: [1, 2, 3] }), 'correct'],
  ['［1，2，3］', n(0, { value: [1, 2, 3] }), 'correct'],
  ['（１，２，３）', n(0, { value: [1, 2, 3] }), 'correct'],
  ['1、2、3', n(0, { value: [1, 2, 3] }), 'correct'],
  ['[1, 2, 3,]', n(0, { value: [1, 2, 3] }), 'correct'],
  ['[3, 2, 1]', n(0, { value: [1, 2, 3] }), 'incorrect'],
  ['[3, 2]', n(0, { value: [2, 3], ordered: false }), 'correct'],
  ['[2, 2]', n(0, { value: [2, 3], ordered: false }), 'incorrect'],
  ['[3, 3]', n(0, { value: [3, 3], ordered: false }), 'correct'],
  ['[3, 2]', n(0, { value: [3, 3], ordered: false }), 'incorrect'],
  ['[1, 2]', n(0, { value: [1, 2, 3] }), 'invalid', 'shape'],
  ['[1, 2, 3, 4]', n(0, { value: [1, 2, 3] }), 'invalid', 'shape'],
  ['5', n(0, { value: [1, 2, 3] }), 'invalid', 'shape'],
  ['1 2 3', n(0, { value: [1, 2, 3] }), 'correct'],
  ['[1 2 4]', n(0, { value: [1, 2, 3] }), 'incorrect'],
  ['[1, x, 3]', n(0, { value: [1, 2, 3] }), 'invalid', 'syntax'],
  ['[1, , 3]', n(0, { value: [1, 2, 3] }), 'invalid', 'blank'],
  ['[1, 2', n(0, { value: [1, 2] }), 'invalid', 'syntax'],
  ['[1/2, 0.25]', n(0, { value: [0.5, 0.25] }), 'correct'],
  ['[sqrt(2), pi]', n(0, { value: [Math.SQRT2, Math.PI], forms: EXPR }), 'correct'],
  ['[1, 5, 3]', n(0, { value: [1, 2, 3], partial: true }), 'incorrect', 'partial'],
  ['[7, 8, 9]', n(0, { value: [1, 2, 3], partial: true }), 'incorrect'],
  ['[1, 2]', n(1), 'invalid', 'shape'],
  ['1, 2', n(1), 'invalid', 'shape'],
  [
    '[1, 2; 3, 4]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'correct',
  ],
  [
    '[[1, 2], [3, 4]]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'correct',
  ],
  [
    '((1, 2), (3, 4))',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'correct',
  ],
  [
    '1, 2; 3, 4',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'correct',
  ],
  [
    '[1，2；3，4]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'correct',
  ],
  [
    '[1, 2; 4, 3]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'incorrect',
  ],
  [
    '[1, 2, 3, 4]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'invalid',
    'shape',
  ],
  [
    '[1, 2; 3]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'invalid',
    'shape',
  ],
  ['[1, 2; 3, 4]', n(0, { value: [1, 2, 3, 4] }), 'invalid', 'shape'],
  [
    '[1, 2; 3, 0,5]',
    n(0, {
      value: [
        [1, 2],
        [3, 4],
      ],
    }),
    'invalid',
    'shape',
  ],
  ['[1.00, 2.00]', tol(0, { sigfigs: 3, strict: true }, { value: [1, 2] }), 'correct'],
  ['[1, 2]', tol(0, { sigfigs: 3, strict: true }, { value: [1, 2] }), 'incorrect', 'sigfigs'],
  ['[0.693, 0.693]', tol(0, { rel: 0.01 }, { value: [1, 1], wrong: [{ value: [0.693147, 0.693147], message: nats }] }), 'incorrect', 'targeted'],
];

const groups: [string, Row[]][] = [
  ['normalisation', normalisation],
  ['decimal', decimal],
  ['scientific', scientific],
  ['fraction', fraction],
  ['percent', percent],
  ['expression', expression],
  ['tolerances', tolerances],
  ['wrong answers', wrong],
  ['vectors and matrices', vectors],
];

for (const [name, rows] of groups) {
  describe(`gradeAnswer: ${name}`, () => {
    it.each(rows)('%j against %j → %s %s', (input, answer, status, code) => {
      const g = gradeAnswer(input, answer);
      expect(g.status).toBe(status);
      if (code !== undefined) expect(g.code).toBe(code);
      if (status === 'correct') expect(g.score).toBe(1);
      if (status === 'invalid') {
        expect(g.score).toBe(0);
        expect(g.text?.en).toBeTruthy();
        expect(g.text?.zh).toBeTruthy();
      }
      if (g.code === 'targeted' || g.code === 'precision' || g.code === 'shape' || g.code === 'sigfigs') {
        expect(g.text?.en && g.text.zh).toBeTruthy();
      }
    });
  });
}

describe('gradeAnswer: messages', () => {
  it('suggests 0.5 for a decimal comma, in both languages', () => {
    const g = gradeAnswer('0,5', n(0.5));
    expect(g.text?.en).toContain('0.5');
    expect(g.text?.zh).toContain('0.5');
  });
  it('asks for . instead of 。', () => {
    expect(gradeAnswer('0。5', n(0.5)).text?.en).toContain('0.5');
  });
  it('asks for ln, log2 or log10', () => {
    const g = gradeAnswer('log 8', f(3, EXPR));
    expect(g.text?.en).toMatch(/ln.*log2.*log10/);
    expect(g.text?.zh).toMatch(/ln.*log2.*log10/);
  });
  it('asks for the number itself instead of a percentage', () => {
    expect(gradeAnswer('50%', n(0.5)).text?.en).toContain('0.5');
  });
  it('names the expected shape', () => {
    expect(gradeAnswer('[1, 2]', n(0, { value: [1, 2, 3] })).text?.en).toContain('3 numbers');
    expect(
      gradeAnswer(
        '[1]',
        n(0, {
          value: [
            [1, 2],
            [3, 4],
          ],
        }),
      ).text?.zh,
    ).toContain('2×2');
  });
  it('says how many significant figures are needed', () => {
    expect(gradeAnswer('0.33', tol(1 / 3, { rel: 0.001 })).text?.en).toContain('3 significant figures');
  });
  it('names the failing component', () => {
    const g = gradeAnswer('[1, abc]', n(0, { value: [1, 2] }));
    expect(g.text?.en).toMatch(/^Component 2 \(“abc”\):/);
    expect(g.text?.zh).toMatch(/^第 2 个分量/);
  });
  it('gives the partial score', () => {
    expect(gradeAnswer('[1, 5, 3]', n(0, { value: [1, 2, 3], partial: true })).score).toBeCloseTo(2 / 3);
    expect(gradeAnswer('[3, 9]', n(0, { value: [2, 3], ordered: false, partial: true })).score).toBe(0.5);
  });
  it('returns the targeted message', () => {
    const g = gradeAnswer('0.693', tol(1, { abs: 0.01 }, { wrong: [{ value: 0.693147, message: nats }] }));
    expect(g).toMatchObject({ code: 'targeted', feedback: nats });
    expect(g.message).toBeUndefined();
  });
});
