/** Variants: deterministic, distinct, filled, evaluated; plus choice/parts grading, formatAcceptance, evaluateExpression. */
import { describe, expect, it } from 'vitest';
import { hashString, loadQuizFile, makeVariants, mulberry32 } from '../../../src/quiz/build.ts';
import { engineText } from '../../../src/quiz/node-text.ts';
import { evaluateExpression, formatAcceptance } from '../../../src/quiz/index.ts';
import { gradeAnswer, gradeChoice, gradeParts } from '../../helpers/said.ts';

const quiz = loadQuizFile(
  'q.yaml',
  `topic: information-theory
questions:
  - id: kl-two-coins
    type: numeric
    params:
      p: { from: 0.1, to: 0.9, step: 0.1 }
      q: { choose: [0.25, 0.75] }
    prompt: { en: "KL of Bern({{p}}) from Bern({{ q }})?", zh: "Bern({{p}}) 相对 Bern({{q}}) 的 KL 散度？" }
    answer:
      value: "p*log2(p/q) + (1-p)*log2((1-p)/(1-q))"
      tolerance: { rel: 0.01, abs: 0.001 }
      wrong:
        - value: "p*ln(p/q) + (1-p)*ln((1-p)/(1-q))"
          tolerance: { rel: 0.001 }
          message: { en: "That is in nats, for p = {{p}}.", zh: "这是以奈特为单位的，p = {{p}}。" }
    hints: [{ en: "Use log2 with p = {{p}}.", zh: "用 log2，p = {{p}}。" }]
    solution: { en: "Plug in p = {{p}}, q = {{q}}.", zh: "代入 p = {{p}}，q = {{q}}。" }
  - id: small-space
    type: numeric
    params:
      n: { choose: [2, 4, 8] }
    prompt: { en: "log2 of {{n}}?", zh: "{{n}} 的 log2？" }
    answer: { value: "log2(n)", tolerance: { abs: 0.001 } }
  - id: big-space
    type: numeric
    params:
      a: { from: 1, to: 100, step: 1 }
      b: { from: 1, to: 100, step: 1 }
      c: "a + b"
    prompt: { en: "{{a}} + {{b}}?", zh: "{{a}} 加 {{b}}？" }
    answer: { value: "c", tolerance: { abs: 0.5 } }
  - id: no-params
    type: numeric
    prompt: { en: "ln 2?", zh: "ln 2？" }
    answer: { value: "ln(2)", tolerance: { rel: 0.001 } }
`,
);
const [kl, small, big, none] = quiz.questions as [any, any, any, any];

describe('makeVariants', () => {
  it('is deterministic', () => {
    expect(makeVariants(kl, 'information-theory')).toEqual(makeVariants(kl, 'information-theory'));
    expect(makeVariants(big, 'information-theory')).toEqual(makeVariants(big, 'information-theory'));
  });
  it('depends on topic and id', () => {
    expect(makeVariants(kl, 'other').map((v) => v.params)).not.toEqual(makeVariants(kl, 'information-theory').map((v) => v.params));
  });
  it('gives 24 distinct variants when the space allows, else all of them', () => {
    for (const [q, size] of [
      [kl, 18],
      [big, 24],
    ] as const) {
      const vs = makeVariants(q, 'information-theory'); // kl: 9 × 2 = 18 tuples, all of them
      expect(vs.length).toBe(size);
      expect(new Set(vs.map((v) => JSON.stringify(v.params))).size).toBe(size);
      expect(new Set(vs.map((v) => v.seed)).size).toBe(size);
    }
    expect(makeVariants(big, 't', 40)).toHaveLength(40);
  });
  it('gives every variant of a small space', () => {
    const vs = makeVariants(small, 't');
    expect(vs.map((v) => v.params.n).sort()).toEqual([2, 4, 8]);
    for (const v of vs) expect(v.answer!.value).toBeCloseTo(Math.log2(v.params.n!));
  });
  it('gives one variant without params, with the expression evaluated', () => {
    const vs = makeVariants(none, 't');
    expect(vs).toHaveLength(1);
    expect(vs[0]!.answer!.value).toBeCloseTo(Math.LN2);
  });
  it('fills {{name}} everywhere and evaluates answers and wrong answers', () => {
    for (const v of makeVariants(kl, 'information-theory')) {
      const { p, q } = v.params as { p: number; q: number };
      expect(v.prompt.en).toBe(`KL of Bern(${p}) from Bern(${q})?`);
      expect(v.prompt.zh).toContain(`Bern(${p})`);
      expect(v.hints[0]!.en).toBe(`Use log2 with p = ${p}.`);
      expect(v.solution!.zh).toBe(`代入 p = ${p}，q = ${q}。`);
      expect(v.answer!.wrong![0]!.message.en).toBe(`That is in nats, for p = ${p}.`);
      const kl2 = p * Math.log2(p / q) + (1 - p) * Math.log2((1 - p) / (1 - q));
      expect(v.answer!.value).toBeCloseTo(kl2, 12);
      expect(String(p)).not.toMatch(/0000000|9999999/); // no float noise: 0.1*3 prints 0.3
      expect(gradeAnswer(String(kl2), v.answer!).status).toBe('correct');
    }
  });
  it('derived params are evaluated', () => {
    for (const v of makeVariants(big, 't')) expect(v.params.c).toBe(v.params.a! + v.params.b!);
  });
  it('has a stable PRNG and hash', () => {
    expect(hashString('information-theory/kl-two-coins/0')).toBe(hashString('information-theory/kl-two-coins/0'));
    const r = mulberry32(42);
    const xs = [r(), r(), r()];
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const r2 = mulberry32(42);
    expect([r2(), r2(), r2()]).toEqual(xs);
  });
});

describe('evaluateExpression', () => {
  it.each([
    ['p*log2(p/q)', { p: 0.5, q: 0.25 }, 0.5],
    ['ln(e)', {}, 1],
    ['sqrt(x)^2', { x: 2 }, 2],
    ['2^3^2', {}, 512],
    ['-2^2', {}, -4],
    ['n_heads * d', { n_heads: 8, d: 64 }, 512],
  ])('%s with %j = %d', (src, vars, expected) => {
    expect(evaluateExpression(src, vars)).toBeCloseTo(expected, 12);
  });
  it.each([
    ['log(2)', {}, 'log is ambiguous'],
    ['r + 1', { p: 1 }, 'unknown name "r"'],
    ['1/(p-1)', { p: 1 }, 'division by zero'],
    ['ln(p)', { p: 0 }, 'not a finite number'],
    ['constructor', {}, 'unknown name'],
    ['toString', {}, 'unknown name'],
    ['(1', {}, 'cannot evaluate'],
  ])('%s with %j throws %s', (src, vars, expected) => {
    expect(() => evaluateExpression(src, vars)).toThrow(expected);
  });
});

describe('gradeChoice', () => {
  const single = [{ correct: true }, { feedback: { en: 'No: the sum is fixed.', zh: '不对：和是固定的。' } }, {}];
  const multi = [{ correct: true }, { correct: true }, {}, {}];
  it.each([
    [[0], single, false, 'correct', 1],
    [[1], single, false, 'incorrect', 0],
    [[2], single, false, 'incorrect', 0],
    [[], single, false, 'invalid', 0],
    [[0, 1], single, false, 'invalid', 0],
    [[5], single, false, 'invalid', 0],
    [[0, 1], multi, true, 'correct', 1],
    [[1, 0, 1], multi, true, 'correct', 1],
    [[0], multi, true, 'incorrect', 0.5],
    [[0, 2], multi, true, 'incorrect', 0],
    [[0, 1, 2], multi, true, 'incorrect', 0.5],
    [[2, 3], multi, true, 'incorrect', 0],
  ] as const)('%j → %s %d', (sel, choices, multiple, status, score) => {
    const g = gradeChoice([...sel], [...choices], multiple);
    expect(g.status).toBe(status);
    expect(g.score).toBeCloseTo(score);
  });
  it('returns the feedback of a wrong choice', () => {
    expect(gradeChoice([1], single, false)).toMatchObject({ code: 'targeted', feedback: { en: 'No: the sum is fixed.' } });
  });
});

describe('gradeParts', () => {
  const parts = [{ answer: { value: 1, tolerance: { abs: 0.01 } } }, { answer: { value: 2, tolerance: { abs: 0.01 } } }];
  it.each([
    [['1', '2'], 'correct', 1],
    [['1', '3'], 'incorrect', 0.5],
    [['0', '3'], 'incorrect', 0],
    [['1', ''], 'invalid', 0],
    [['1'], 'invalid', 0],
  ] as const)('%j → %s', (inputs, status, score) => {
    const g = gradeParts([...inputs], parts);
    expect(g.status).toBe(status);
    expect(g.score).toBeCloseTo(score);
  });
  it('names the invalid part', () => {
    expect(gradeParts(['1', 'abc'], parts).text?.en).toMatch(/^Part 2:/);
    expect(gradeParts(['1', 'abc'], parts).text?.zh).toMatch(/^第 2 小题/);
  });
});

describe('formatAcceptance', () => {
  it.each([
    [{ value: 1, forms: ['decimal', 'fraction'], tolerance: { rel: 0.01 } }, 'a number or fraction, ±1%', '数字或分数，误差 ±1%'],
    [{ value: 1, tolerance: { sigfigs: 3 } }, 'a number, fraction or scientific notation, 3 significant figures', '数字、分数或科学计数法，3 位有效数字'],
    [{ value: 1, tolerance: { sigfigs: 3, strict: true }, forms: ['decimal'] }, 'a number, exactly 3 significant figures', '数字，恰好 3 位有效数字'],
    [{ value: 1, tolerance: { decimals: 2 }, forms: ['decimal'] }, 'a number, 2 decimal places', '数字，保留 2 位小数'],
    [{ value: 1, tolerance: { rel: 0.01, abs: 0.001 }, forms: ['expression'] }, 'an expression, ±(0.001 + 1%)', '表达式，误差 ±(0.001 + 1%)'],
    [
      { value: [2, 3], ordered: false, tolerance: { abs: 0.001 }, forms: ['decimal'] },
      'a vector of 2 numbers, any order; each a number, ±0.001',
      '含 2 个数的向量，顺序不限；每个分量为数字，误差 ±0.001',
    ],
    [
      {
        value: [
          [1, 2],
          [3, 4],
        ],
        tolerance: { abs: 0.1 },
        forms: ['decimal'],
      },
      'a 2×2 matrix; each a number, ±0.1',
      '2×2 矩阵；每个分量为数字，误差 ±0.1',
    ],
  ] as const)('%j', (answer, en, zh) => {
    expect(engineText(formatAcceptance(answer as never))).toEqual({ en, zh });
  });
});
