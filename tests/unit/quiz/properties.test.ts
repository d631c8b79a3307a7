/** Property tests (fast-check): gradeAnswer is total, invalid always explains, references pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formsOf } from '../../../src/quiz/grade.ts';
import { normaliseInput, type Answer, type Form, type Tolerance } from '../../../src/quiz/index.ts';
import { gradeAnswer } from '../../helpers/said.ts';
import { isLine, readGrid } from '../../../src/quiz/parse-matrix.ts';
import { readScalar } from '../../../src/quiz/scalar.ts';

const FORMS: Form[] = ['decimal', 'fraction', 'scientific', 'percent', 'expression'];

const answerArb: fc.Arbitrary<Answer> = fc.record({
  value: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 4 }),
    fc.constant<number[][]>([
      [1, 2],
      [3, 4],
    ]),
  ),
  forms: fc.subarray(FORMS, { minLength: 1 }),
  tolerance: fc.constantFrom<Tolerance>({ rel: 0.01 }, { abs: 0.5 }, { sigfigs: 3 }, { sigfigs: 2, strict: true }, { decimals: 2 }),
});

const junkChars = fc.constantFrom(
  ...'0123456789.,;:/*-+^()[]{}eExX%½²³⁻πΣ√∞。，；（）［］　 \u2212×÷·abclnogsqrtpi_\u0000\ud800\uffff😀'.split(''),
  'log',
  'sqrt(',
  'e5',
  '1e',
  '10^',
  '**',
  'inf',
  '__proto__',
  'constructor',
);
const inputArb = fc.oneof(
  fc.string({ maxLength: 10_000 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(junkChars, { maxLength: 80 }).map((a) => a.join('')),
  fc.array(junkChars, { maxLength: 3000 }).map((a) => a.join('')),
);

describe('gradeAnswer properties', () => {
  it('returns a Grade for any string and never throws; every invalid has en and zh messages', () => {
    fc.assert(
      fc.property(inputArb, answerArb, (input, answer) => {
        const g = gradeAnswer(input, answer);
        expect(['correct', 'incorrect', 'invalid']).toContain(g.status);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(1);
        if (g.status === 'invalid') {
          expect(g.score).toBe(0);
          expect(g.code).toBeTruthy();
          expect(g.text?.en.length).toBeGreaterThan(0);
          expect(g.text?.zh.length).toBeGreaterThan(0);
        }
        if (g.status === 'correct') expect(g.score).toBe(1);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('an answer that does not have the asked shape, or does not read, is never incorrect (so costs no attempt)', () => {
    fc.assert(
      fc.property(inputArb, answerArb, (input, answer) => {
        const g = gradeAnswer(input, answer);
        if (g.status !== 'incorrect') return;
        expect(g.code).not.toBe('shape');
        const s = normaliseInput(input);
        const forms = formsOf(answer);
        if (typeof answer.value === 'number') {
          expect(readScalar(s, forms).ok, input).toBe(true);
          return;
        }
        const grid = readGrid(s, (text) => readScalar(text, forms));
        expect(grid.ok, input).toBe(true);
        const shape = grid.ok ? grid.rows.map((row) => row.length) : [];
        const value = answer.value;
        if (Array.isArray(value[0])) expect(shape).toEqual((value as number[][]).map((row) => row.length));
        else expect(isLine(shape) && shape.reduce((a, b) => a + b) === value.length, input).toBe(true);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  /** A grid of small integers typed in one of the ways the reader accepts. */
  const typedGrid = fc
    .record({
      rows: fc
        .integer({ min: 1, max: 3 })
        .chain((r) => fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 1, maxLength: 3 }), { minLength: r, maxLength: r })),
      style: fc.constantFrom('semicolons', 'spaces', 'nested', 'lines', 'parens'),
    })
    .map(({ rows, style }) => {
      const text =
        style === 'semicolons'
          ? `[${rows.map((r) => r.join(', ')).join('; ')}]`
          : style === 'spaces'
            ? rows.map((r) => r.join(' ')).join('; ')
            : style === 'nested'
              ? `[${rows.map((r) => `[${r.join(', ')}]`).join(', ')}]`
              : style === 'lines'
                ? rows.map((r) => r.join(' ')).join('\n')
                : `(${rows.map((r) => r.join(', ')).join('; ')})`;
      return { rows, text };
    });
  const shapeArb = fc.oneof(
    fc.constant<number[]>([]), // a scalar
    fc.integer({ min: 1, max: 4 }).map((n) => [n]), // a vector of n
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), // a matrix r × c
  );
  const answerOf = (shape: number[]): Answer => ({
    value:
      shape.length === 0
        ? 1
        : shape.length === 1
          ? Array.from({ length: shape[0]! }, () => 1)
          : Array.from({ length: shape[0]! }, () => Array.from({ length: shape[1]! }, () => 1)),
    tolerance: { rel: 0.01 },
  });

  it('a list of the wrong shape is invalid, never incorrect; of the right shape, never invalid', () => {
    fc.assert(
      fc.property(typedGrid, shapeArb, ({ rows, text }, shape) => {
        const typed = rows.map((r) => r.length);
        const total = typed.reduce((a, b) => a + b);
        const fits =
          shape.length === 0
            ? total === 1 && rows.length === 1 && !/[[(;,\n]/.test(text)
            : shape.length === 1
              ? isLine(typed) && total === shape[0]
              : typed.length === shape[0] && typed.every((n) => n === shape[1]);
        const g = gradeAnswer(text, answerOf(shape));
        if (fits) expect(g.status, text).not.toBe('invalid');
        else expect(g.status, `${text} for shape ${JSON.stringify(shape)}`).toBe('invalid');
      }),
      { numRuns: 2000 },
    );
  });

  it('unbalanced brackets are invalid, never incorrect', () => {
    fc.assert(
      fc.property(typedGrid, shapeArb, fc.constantFrom('drop-last', 'extra-close', 'extra-open'), ({ text }, shape, how) => {
        const broken = how === 'drop-last' ? (/[\])]$/.test(text) ? text.slice(0, -1) : `[${text}`) : how === 'extra-close' ? `${text}]` : `[${text}`;
        expect(gradeAnswer(broken, answerOf(shape)).status, broken).toBe('invalid');
      }),
      { numRuns: 1000 },
    );
  });

  const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((v) => v === 0 || Math.abs(v) > 1e-200);
  const relAbs = fc.record({ rel: fc.double({ min: 0, max: 0.5, noNaN: true }), abs: fc.double({ min: 1e-12, max: 1, noNaN: true }) });
  const tolArb: fc.Arbitrary<Tolerance> = fc.oneof(
    relAbs,
    fc.record({ rel: fc.double({ min: 1e-9, max: 0.5, noNaN: true }) }),
    fc.record({ sigfigs: fc.integer({ min: 1, max: 15 }) }),
    fc.record({ decimals: fc.integer({ min: 0, max: 12 }) }),
  );

  it('a reference printed with toPrecision(17) or String() is correct under its own tolerance', () => {
    fc.assert(
      fc.property(finite, tolArb, fc.boolean(), (v, tolerance, precise) => {
        if ('rel' in tolerance && !('abs' in tolerance) && v === 0) return; // rejected by the loader
        const typed = precise ? v.toPrecision(17) : String(v);
        const g = gradeAnswer(typed, { value: v, tolerance });
        expect(g.status, `${typed} vs ${v} ${JSON.stringify(tolerance)}`).toBe('correct');
      }),
      { numRuns: 3000 },
    );
  });

  it('a number with n significant figures typed with n figures is correct under strict sigfigs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -30, max: 30 }), (n, mant, exp) => {
        const v = Number(Number(`${mant}e${exp}`).toPrecision(n));
        const typed = v.toPrecision(n);
        const g = gradeAnswer(typed, { value: v, tolerance: { sigfigs: n, strict: true } });
        expect(g.status, `${typed} vs ${v} n=${n}`).toBe('correct');
      }),
      { numRuns: 2000 },
    );
  });

  it('vectors printed component by component are correct, in any order when unordered', () => {
    fc.assert(
      fc.property(
        fc.array(
          finite.filter((v) => v !== 0),
          { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
        (vs, reversed) => {
          const typed = `[${(reversed ? [...vs].reverse() : vs).map((v) => v.toPrecision(17)).join(', ')}]`;
          const g = gradeAnswer(typed, { value: vs, tolerance: { rel: 1e-9 }, ordered: !reversed ? true : false });
          expect(g.status).toBe('correct');
        },
      ),
      { numRuns: 500 },
    );
  });
});
