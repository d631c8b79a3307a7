/** Quiz file loading: the valid example of QUIZ-FORMAT.md loads; each broken fixture fails precisely. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuizFile, QuizFileError } from '../../../src/quiz/build.ts';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'quizzes-broken');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

const F = (name: string) => `quizzes/${name}.yaml`;
const EXPECTED: Record<string, string> = {
  'yaml-syntax': `${F('yaml-syntax')}: YAML syntax error at line 8`,
  'missing-zh': `${F('missing-zh')}: question "fair-coin-entropy", field prompt.zh: missing the Chinese (zh) text`,
  'empty-text': `${F('empty-text')}: question "fair-coin-entropy", field hints[0].en: the English (en) text is empty`,
  'duplicate-id': `${F('duplicate-id')}: question "same", field id: duplicate id (also used by question 1)`,
  'unknown-placeholder': `${F('unknown-placeholder')}: question "kl-two-coins", field prompt.en: {{r}} is not a param (params: p, q)`,
  'param-expression-fails': `${F('param-expression-fails')}: question "surprisal", field answer.value: cannot evaluate "-log2(p)": the result is not a finite number (for p = 0)`,
  'zero-relative': `${F('zero-relative')}: question "kl-same-coin", field answer.tolerance: a reference value of 0 cannot be graded by a purely relative tolerance; add abs`,
  'zero-relative-variant': `${F('zero-relative-variant')}: question "kl-two-coins", field answer.tolerance: a reference value of 0 cannot be graded by a purely relative tolerance; add abs (for p = 0.5)`,
  'unknown-field': `${F('unknown-field')}: question "fair-coin-entropy", field answer.tol: unknown field "tol"`,
  'no-correct-choice': `${F('no-correct-choice')}: question "softmax-argmax", field choices: no choice is marked correct: true`,
  'two-correct-single': `${F('two-correct-single')}: question "softmax-argmax", field choices: 2 choices are marked correct; set multiple: true or mark only one`,
  'wrong-coincides': `${F('wrong-coincides')}: question "fair-coin-entropy", field answer.wrong[0].value: coincides with the reference value 1 within tolerance`,
  'wrong-twice': `${F('wrong-twice')}: question "head-dim", field answer.wrong[1].value: coincides with wrong[0] (64) within tolerance, so its feedback would never show (for d = 4096, h = 64)`,
  'empty-questions': `${F('empty-questions')}: field questions: the quiz has no questions`,
  'negative-tolerance': `${F('negative-tolerance')}: question "fair-coin-entropy", field answer.tolerance.rel: rel must be ≥ 0`,
  'sigfigs-not-integer': `${F('sigfigs-not-integer')}: question "fair-coin-entropy", field answer.tolerance.sigfigs: sigfigs must be a positive integer`,
  'ragged-matrix': `${F('ragged-matrix')}: question "matrix-product", field answer.value: a matrix needs rows of equal length (row 1 has 2 numbers, row 2 has 3)`,
  'unknown-form': `${F('unknown-form')}: question "fair-coin-entropy", field answer.forms[1]: unknown form "integer"; allowed: decimal, fraction, scientific, percent, expression`,
  'bad-id': `${F('bad-id')}: question "Fair_Coin", field id: must match /^[a-z0-9][a-z0-9-]*$/`,
  'script-tag': `${F('script-tag')}: question "fair-coin-entropy", field hints[0].en: the English (en) text contains a <script> tag, which a quiz cannot carry`,
  'constraint-violated': `${F('constraint-violated')}: question "covariance-eigenvalue", field constraints[0]: the variant a = 2, b = 1, c = 0 violates "a*c - b^2 > 0" (a covariance matrix is positive definite): a*c - b^2 is -1 (4 of 8 variants fail it)`,
  'plain-log': `${F('plain-log')}: question "nats-of-two", field answer.value: cannot evaluate "log(2)": log is ambiguous; write ln, log2 or log10`,
};

describe('broken quiz fixtures', () => {
  it('has a precise expectation for every fixture, and at least ten fixtures', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    let error: unknown;
    try {
      loadQuizFile(F(name), read(`${name}.yaml`));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuizFileError);
    expect((error as Error).message).toContain(expected);
  });
});

const VALID = `topic: information-theory
questions:
  - id: fair-coin-entropy
    type: numeric
    prompt:
      en: What is the entropy $H(X)$ of a fair coin, in bits?
      zh: 一枚均匀硬币的熵 $H(X)$ 是多少比特？
    answer:
      value: 1
      tolerance: { abs: 0.01 }
      forms: [decimal, fraction]
      wrong:
        - value: 0.693147
          tolerance: { rel: 0.01 }
          message:
            en: That is the entropy in nats. Use log base 2 for bits.
            zh: 这是以奈特为单位的熵。以比特为单位请用以 2 为底的对数。
    hints:
      - { en: "$H(X) = -\\\\sum_x p(x)\\\\log_2 p(x)$", zh: "$H(X) = -\\\\sum_x p(x)\\\\log_2 p(x)$" }
    solution:
      en: Both outcomes have $p = 1/2$, so $H = 1$ bit.
      zh: 两个结果的概率都是 $1/2$，所以 $H = 1$ 比特。
  - id: kl-two-coins
    type: numeric
    params:
      p: { from: 0.1, to: 0.9, step: 0.1 }
      q: { choose: [0.25, 0.5, 0.75] }
    prompt:
      en: Compute $D_{\\mathrm{KL}}(\\mathrm{Bern}({{p}}) \\,\\|\\, \\mathrm{Bern}({{q}}))$ in bits.
      zh: 计算 $D_{\\mathrm{KL}}(\\mathrm{Bern}({{p}}) \\,\\|\\, \\mathrm{Bern}({{q}}))$，单位为比特。
    answer:
      value: "p*log2(p/q) + (1-p)*log2((1-p)/(1-q))"
      tolerance: { rel: 0.01, abs: 0.001 }
  - id: eigenvalues-of-a
    type: numeric
    prompt: { en: "Eigenvalues of $A$?", zh: "$A$ 的特征值？" }
    answer: { value: [2, 3], ordered: false, tolerance: { abs: 1e-6 } }
  - id: two-parts
    type: numeric
    params:
      n: { choose: [2, 4, 8] }
      bits: "log2(n)"
    prompt: { en: "A uniform distribution over {{n}} outcomes.", zh: "{{n}} 个结果上的均匀分布。" }
    parts:
      - prompt: { en: "Entropy in bits?", zh: "熵是多少比特？" }
        answer: { value: "bits", tolerance: { abs: 0.001 } }
      - prompt: { en: "Entropy in nats?", zh: "熵是多少奈特？" }
        answer: { value: "ln(n)", tolerance: { abs: 0.001 } }
  - id: softmax-argmax
    type: choice
    multiple: true
    prompt: { en: "What does softmax preserve?", zh: "softmax 保持了什么？" }
    choices:
      - { text: { en: "The argmax", zh: "最大值的位置" }, correct: true }
      - { text: { en: "The order", zh: "大小顺序" }, correct: true }
      - { text: { en: "The sum", zh: "和" }, feedback: { en: "The outputs sum to 1.", zh: "输出之和为 1。" } }
`;

describe('loadQuizFile', () => {
  it('loads the example of QUIZ-FORMAT.md', () => {
    const quiz = loadQuizFile('quizzes/information-theory.yaml', VALID);
    expect(quiz.topic).toBe('information-theory');
    expect(quiz.questions.map((q) => q.id)).toEqual(['fair-coin-entropy', 'kl-two-coins', 'eigenvalues-of-a', 'two-parts', 'softmax-argmax']);
  });
  it('accepts constraints that every variant meets, as strings or with why', () => {
    const ok = VALID.replace(
      '      bits: "log2(n)"\n',
      '      bits: "log2(n)"\n    constraints: ["n >= 2", { check: "bits != 0", why: "not trivially 0" }, "part2 ≥ 0.69", "0.1 + 0.2 == 0.3"]\n',
    );
    expect(loadQuizFile('q.yaml', ok).questions[3]!.constraints).toHaveLength(4);
  });
  it('reports every problem, one line each', () => {
    const bad = VALID.replace('tolerance: { abs: 0.01 }', 'tolerance: { abs: -1 }').replace('type: choice', 'type: chioce');
    try {
      loadQuizFile('q.yaml', bad);
      expect.unreachable();
    } catch (e) {
      const lines = (e as QuizFileError).message.split('\n');
      expect(lines).toContain('q.yaml: question "fair-coin-entropy", field answer.tolerance.abs: abs must be ≥ 0');
      expect(lines).toContain('q.yaml: question "softmax-argmax", field type: type must be numeric or choice');
      expect((e as QuizFileError).issues.length).toBe(lines.length);
    }
  });
  it.each([
    [
      'a question with both answer and parts',
      VALID.replace('    parts:\n', '    answer: { value: 1 }\n    parts:\n'),
      'field parts: give either answer or parts, not both',
    ],
    ['a param named like a built-in', VALID.replace('      bits: "log2(n)"', '      pi: "log2(n)"'), 'field params.pi: "pi" is a built-in name'],
    [
      'ordered on a scalar',
      VALID.replace('forms: [decimal, fraction]', 'forms: [decimal, fraction]\n      ordered: false'),
      'field answer.ordered: ordered is only for vectors',
    ],
    ['an empty tolerance', VALID.replace('tolerance: { abs: 0.01 }', 'tolerance: {}'), 'field answer.tolerance: give rel and/or abs, or sigfigs, or decimals'],
    ['strict without sigfigs', VALID.replace('tolerance: { abs: 0.01 }', 'tolerance: { abs: 0.01, strict: true }'), 'strict only goes with sigfigs'],
    [
      'a wrong answer of another shape',
      VALID.replace('- value: 0.693147', '- value: [0.693147, 1]'),
      'field answer.wrong[0].value: is a vector of 2 but the answer is a number',
    ],
    [
      'a duplicate YAML key',
      VALID.replace('    type: numeric\n    prompt:\n      en: What', '    type: numeric\n    type: numeric\n    prompt:\n      en: What'),
      'YAML syntax error at line',
    ],
    [
      'a constraint that is not a comparison',
      VALID.replace('      bits: "log2(n)"\n', '      bits: "log2(n)"\n    constraints: ["n - 1"]\n'),
      'question "two-parts", field constraints[0]: a constraint compares two expressions',
    ],
    [
      'a chained comparison',
      VALID.replace('      bits: "log2(n)"\n', '      bits: "log2(n)"\n    constraints: ["1 < n < 9"]\n'),
      'field constraints[0]: a constraint has one comparison',
    ],
    [
      'a constraint with an unknown name',
      VALID.replace('      bits: "log2(n)"\n', '      bits: "log2(n)"\n    constraints: ["m > 1"]\n'),
      'field constraints[0]: cannot evaluate "m": unknown name "m" (not a param or a built-in) (for n = ',
    ],
    [
      'a constraint on the answer',
      VALID.replace(
        '      q: { choose: [0.25, 0.5, 0.75] }\n',
        '      q: { choose: [0.25, 0.5, 0.75] }\n    constraints: [{ check: "answer > 0", why: "not trivially 0" }]\n',
      ),
      'question "kl-two-coins", field constraints[0]: the variant p = 0.5, q = 0.5 violates "answer > 0" (not trivially 0): answer is 0 (1 of 27 variants fail it)',
    ],
    [
      'a param named answer beside constraints',
      VALID.replace('      bits: "log2(n)"\n', '      bits: "log2(n)"\n      answer: "n"\n    constraints: ["n > 1"]\n'),
      'field params.answer: constraints use "answer" for the answer',
    ],
    ['a missing topic', VALID.replace('topic: information-theory\n', ''), 'field topic: missing'],
  ])('rejects %s', (_, text, expected) => {
    expect(() => loadQuizFile('q.yaml', text)).toThrow(expected);
  });
});
