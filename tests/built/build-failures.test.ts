/**
 * Broken content fails the build with a message naming the file and what is wrong. Each case
 * builds a tiny fixture site (a copy of one good note pair plus one defect) into a temp folder.
 */
import { describe, expect, it } from 'vitest';
import { buildFixture, fixtureNote as good } from '../helpers/fixture-build.ts';

describe('the build rejects broken notes', { timeout: 120_000 }, () => {
  it('fails when a note exists in one language only, naming the file', () => {
    const { status, output } = buildFixture({ 'content/en/probability/bayes.mdx': good('Bayes').replace('order: 0', 'order: 1') });
    expect(status).not.toBe(0);
    expect(output).toMatch(/en\/probability\/bayes\.mdx: this note has no zh counterpart/);
  });

  it('fails on a missing front-matter field, naming the file and the field', () => {
    const { status, output } = buildFixture({
      'content/en/probability/index.mdx': good('Probability').replace(/description: .*\n/, ''),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('en/probability/index');
    expect(output).toMatch(/description/);
  });

  it('fails on a formula that cannot be typeset, naming the file and the formula', () => {
    const { status, output } = buildFixture({
      'content/zh/probability/index.mdx': `${good('概率')}\n公式 $\\frac{1}{2$ 有误。\n`,
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/zh\/probability\/index\.mdx: cannot typeset the formula \$\\frac\{1\}\{2\$/);
  });

  it('fails on a broken quiz file, naming the file, the question, the field and the reason', () => {
    const { status, output } = buildFixture({
      'quizzes/probability.yaml': `topic: probability
questions:
  - id: coin
    type: numeric
    prompt: { en: "Heads probability of a fair coin?", zh: "均匀硬币正面朝上的概率？" }
    answer: { value: 0.5, tolerance: { abs: 0.01 } }
  - id: coin
    type: numeric
    prompt: { en: "Again?", zh: "再问一次？" }
    answer: { value: 0, tolerance: { rel: 0.01 } }
`,
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/probability\.yaml: question "coin", field id: duplicate id/);
    expect(output).toMatch(/probability\.yaml: question "coin", field answer\.tolerance: .*0/);
  });

  // One build for the three: they are checked together, after the notes and quizzes have loaded.
  it("fails on references to things that do not exist (a <Calculator> id, a glossary entry's note, a quiz's topic), naming each file", () => {
    const { status, output } = buildFixture({
      'content/en/probability/index.mdx': `${good('Probability')}\n<Calculator id="no-such-calculator" />\n`,
      'content/glossary/probability.yaml': `- id: prior
  en: prior
  zh: 先验
  note: bayesian
  definition: { en: "What you believe before the data.", zh: "看到数据之前的信念。" }
`,
      'quizzes/entropy.yaml': `topic: entropy
questions:
  - id: fair-coin
    type: numeric
    prompt: { en: "Entropy of a fair coin in bits?", zh: "均匀硬币的熵是多少比特？" }
    answer: { value: 1, tolerance: { abs: 0.01 } }
`,
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/en\/probability\/index\.mdx: <Calculator id="no-such-calculator">: no calculator has that id/);
    expect(output).toMatch(/probability\.yaml: glossary entry "prior", field note: no note has the slug "bayesian"/);
    expect(output).toMatch(/entropy\.yaml: field topic: no note has the slug "entropy"/);
  });
});
