/**
 * The places where the browser part of the engine was rewritten to be smaller (normalisation
 * passes, the regex tokeniser, shared message templates) keep their behaviour.
 */
import { describe, expect, it } from 'vitest';
import { RESERVED_NAMES } from '../../../src/quiz/expression.ts';
import { evaluateExpression, normaliseInput, type Answer } from '../../../src/quiz/index.ts';
import { gradeAnswer, gradeChoice, gradeParts, type SaidGrade } from '../../helpers/said.ts';

describe('normaliseInput', () => {
  it.each([
    ['10²³', '10^23'],
    ['10 ⁻³', '10 ^-3'],
    ['x²y³', 'x^2y^3'],
    ['²\u200b³', '^23'],
    ['1½', '1 1/2'],
    ['1 ½', '1 1/2'],
    ['½½', '1/2 1/2'],
    ['²½', '^2 1/2'],
    ['⅒', '1/10'],
    ['↉', '0/3'],
    ['√2', 'sqrt 2'],
    ['√ 2', 'sqrt 2'],
    ['2π', '2pi'],
    ['【1、2】', '[1,2]'],
    ['０｡５', '0。5'],
    ['\ufeff 1 \u200b\u3000 2 \t', '1 2'],
    ['1\u20442', '1/2'],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseInput(raw)).toBe(expected);
  });
});

const expr = (value: number): Answer => ({ value, tolerance: { rel: 1e-9 }, forms: ['expression'] });
const num = (value: number): Answer => ({ value, tolerance: { rel: 1e-9 } });
const hasBoth = (g: SaidGrade) => Boolean(g.text?.en && g.text.zh);

describe('tokeniser edge cases', () => {
  it.each([
    ['4e+2e-18', 400 * Math.E - 18], // an exponent ends the number; the next e is Euler's number
    ['2e3', 2000],
    ['1.', 1],
    ['.5e1', 5],
    ['log_2(8)', 3],
    ['LOG_10 100', 2],
    ['2**3', 8],
    ['sqrt2', Math.SQRT2],
  ])('%s', (input, value) => {
    expect(gradeAnswer(input, expr(value)).status).toBe('correct');
  });
  it.each([
    ['1.5e', 'syntax'],
    ['2e+', 'syntax'],
    ['2e+x', 'syntax'],
    ['2ex', 'unknown-name'],
    ['1.5.3', 'syntax'],
    ['1 $', 'syntax'],
    ['log_3(9)', 'ambiguous-log'],
    ['infinity', 'out-of-range'],
    ['NaN', 'out-of-range'],
    ['1e-400', 'out-of-range'],
    ['e5', 'syntax'],
  ])('%s is invalid (%s) with a message in both languages', (input, code) => {
    const g = gradeAnswer(input, expr(1));
    expect(g).toMatchObject({ status: 'invalid', code });
    expect(hasBoth(g)).toBe(true);
  });
  it('a failed tokenisation does not affect the next input', () => {
    expect(gradeAnswer('1 + $', expr(1)).status).toBe('invalid');
    expect(gradeAnswer('0.5', expr(0.5)).status).toBe('correct');
  });
  it('still names the unknown name for authors', () => {
    expect(() => evaluateExpression('2*foo', {})).toThrow('unknown name "foo"');
    expect(() => evaluateExpression('1.5e', {})).toThrow(/cannot evaluate "1.5e": \S/);
  });
});

describe('shared message templates', () => {
  it('say what to type instead, in both languages', () => {
    const cases: [string, Answer, string][] = [
      ['0,5', num(0.5), 'decimal-comma'],
      ['0。5', num(0.5), 'full-stop'],
      ['1,00,000', num(1e5), 'grouping'],
      ['50%', num(0.5), 'form-not-allowed'],
      ['1/0', num(1), 'division-by-zero'],
      ['1e-400', num(1), 'out-of-range'],
      ['1e', num(1), 'syntax'],
      ['x', num(1), 'syntax'],
      ['[1, 2', { value: [1, 2] }, 'syntax'],
      ['[1 2 3]', { value: [1, 2] }, 'shape'],
      ['5', { value: [1, 2] }, 'shape'],
      ['[1, 2]', num(1), 'shape'],
      ['[1, x]', { value: [1, 2] }, 'syntax'],
    ];
    for (const [input, answer, code] of cases) {
      const g = gradeAnswer(input, answer);
      expect(g, input).toMatchObject({ status: 'invalid', code });
      expect(hasBoth(g), input).toBe(true);
      expect(g.text!.en, input).toMatch(/type|write|put|separate|for example/i);
      expect(g.text!.zh, input).toMatch(/输入|写|用|例如|加|分隔/);
    }
    expect(gradeAnswer('0,5', num(0.5)).text?.zh).toContain('0.5');
  });
  it('keep choice and part messages', () => {
    const choices = [{ correct: true }, { correct: false }, { correct: true }];
    expect(gradeChoice([], choices, true)).toMatchObject({ status: 'invalid', code: 'blank' });
    expect(gradeChoice([0, 1], choices, false)).toMatchObject({ status: 'invalid', code: 'choice' });
    expect(gradeChoice([7], choices, true)).toMatchObject({ status: 'invalid', code: 'choice' });
    expect(gradeChoice([1], choices, false)).toEqual({ status: 'incorrect', score: 0 });
    expect(gradeChoice([0, 1], choices, true)).toMatchObject({ status: 'incorrect', score: 0 });
    expect(gradeChoice([0], choices, true).text?.en).toBe('You chose 1 of the 2 correct answers.');
    expect(gradeParts(['1'], [{ answer: num(1) }, { answer: num(2) }])).toMatchObject({ status: 'invalid', code: 'shape' });
    expect(gradeParts(['2', '1'], [{ answer: num(1) }, { answer: num(2) }]).text?.en).toBe('0 of 2 parts are right.');
  });
  it("quote a part's targeted feedback as HTML, with the other parts' messages escaped", () => {
    // The grade says which part had which mistake; the page makes it HTML (describe escapes
    // what the learner typed, author feedback goes in as rendered at build time).
    const mistake = { en: 'That is <em>the variance</em>.', zh: '这是<em>方差</em>。' };
    const parts = [
      { answer: { ...num(9.49), tolerance: { rel: 0.01 }, wrong: [{ value: 90, message: mistake }] } },
      { answer: { ...num(1 / 3), tolerance: { rel: 0.001 } } },
    ];
    const g = gradeParts(['90', '0.33'], parts);
    expect(g).toMatchObject({ status: 'incorrect', score: 0 });
    expect(g.text?.en).toBe('Part 1: That is <em>the variance</em>. Part 2: Close, but not precise enough: give at least 3 significant figures.');
    expect(g.text?.zh).toContain('第 1 小题：这是<em>方差</em>。');
    // A learner's text quoted in another part's message is escaped.
    expect(gradeParts(['90', '[1, <b>]'], [parts[0]!, { answer: { value: [1, 2] } }]).text?.en).toMatch(/^Part 2: Component 2 \(“&#60;b&#62;”\)/);
    // Another part's plain message next to targeted feedback is carried along in the HTML.
    const escaped = gradeParts(['90', '[1, 5]'], [parts[0]!, { answer: { value: [1, 2], partial: true } }]);
    expect(escaped.text?.en).toMatch(/^Part 1: That is <em>the variance<\/em>\. Part 2: /);
  });
});

describe('RESERVED_NAMES (a written-out list, so the browser bundle can drop it)', () => {
  it('holds every built-in function and constant', () => {
    for (const name of ['ln', 'sqrt', 'exp', 'log2', 'log10', 'sin', 'cos', 'tan', 'abs', 'pi', 'e']) {
      expect(RESERVED_NAMES.has(name), name).toBe(true);
      expect(Number.isFinite(evaluateExpression(name === 'pi' || name === 'e' ? name : `${name}(1)`, {})), name).toBe(true);
    }
    for (const name of ['log', 'inf', 'infinity', 'nan']) expect(RESERVED_NAMES.has(name), name).toBe(true);
  });
});
