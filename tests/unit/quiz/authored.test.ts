/**
 * Every authored quiz, every variant, as a learner would meet it: the reference answer typed
 * back is graded correct, every `wrong:` entry gets its targeted feedback (and is not
 * accepted), a choice question has exactly the right choices marked, and every question has
 * its prompt, hints and worked solution in both languages. What each file must contain per
 * area (12 questions, 4 with params…) is checked too. The static reference values themselves
 * are recomputed from first principles in static-answers.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeAnswer, gradeChoice, gradeParts, loadQuizFile, makeVariants, type Answer, type Variant } from '../../../src/quiz/build.ts';
import { typedAnswer } from '../../helpers/quiz.ts';
import { listNotes } from '../../helpers/content.ts';
import { areaIds } from '../../../src/utils/areas.ts';

const quizDir = join(import.meta.dirname, '..', '..', '..', 'quizzes');
const files = readdirSync(quizDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function checkAnswer(where: string, answer: Answer): void {
  const reference = typedAnswer(answer.value, answer.tolerance);
  expect(gradeAnswer(reference, answer), `${where}: the reference ${reference}`).toMatchObject({ status: 'correct' });
  for (const [i, w] of (answer.wrong ?? []).entries()) {
    const g = gradeAnswer(typedAnswer(w.value), answer);
    expect(g, `${where}: wrong[${i}] = ${typedAnswer(w.value)}`).toMatchObject({ status: 'incorrect', code: 'targeted' });
    expect(g.feedback).toEqual(w.message);
  }
}

/** Present and non-empty in both languages; prose (prompts, solutions) is Chinese in zh. */
const both = (where: string, text: { en: string; zh: string } | undefined, prose = false) => {
  expect(text?.en.trim(), `${where} (en)`).toBeTruthy();
  expect(text?.zh.trim(), `${where} (zh)`).toBeTruthy();
  if (prose) expect(text!.zh, `${where} (zh) is Chinese`).toMatch(/[\u4e00-\u9fff]/);
};

const all = files.map((file) => {
  const quiz = loadQuizFile(`quizzes/${file}`, readFileSync(join(quizDir, file), 'utf8'));
  return { file, quiz, variants: new Map(quiz.questions.map((q) => [q.id, makeVariants(q, quiz.topic)] as [string, Variant[]])) };
});

describe('authored quizzes', () => {
  it('there are quiz files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const { file, quiz, variants } of all) {
    describe(file, () => {
      for (const q of quiz.questions) {
        it(`${q.id}: every variant grades its own reference correct and its mistakes as targeted; texts in both languages`, () => {
          const vs = variants.get(q.id)!;
          expect(vs.length, 'variants').toBeGreaterThan(0);
          if (q.params)
            expect(vs.length, 'a pool of variants (QUIZ-FORMAT: at least 20 where the params allow)').toBeGreaterThanOrEqual(Math.min(20, vs.length));
          for (const [k, v] of vs.entries()) {
            const where = `${quiz.topic}/${q.id} variant ${k}`;
            both(`${where} prompt`, v.prompt, true);
            both(`${where} solution`, v.solution, true);
            v.hints.forEach((h, i) => both(`${where} hint ${i + 1}`, h));
            if (v.answer) checkAnswer(where, v.answer);
            if (v.parts) {
              v.parts.forEach((p, i) => {
                both(`${where} part ${i + 1} prompt`, p.prompt);
                checkAnswer(`${where} part ${i + 1}`, p.answer);
              });
              expect(
                gradeParts(
                  v.parts.map((p) => typedAnswer(p.answer.value, p.answer.tolerance)),
                  v.parts,
                ),
                `${where} all parts`,
              ).toMatchObject({ status: 'correct' });
            }
            if (v.choices) {
              v.choices.forEach((c, i) => both(`${where} choice ${i + 1}`, c.text));
              const right = v.choices.flatMap((c, i) => (c.correct ? [i] : []));
              expect(gradeChoice(right, v.choices, v.multiple === true), `${where} the correct choices`).toMatchObject({ status: 'correct' });
              for (const [i, c] of v.choices.entries()) {
                if (c.correct) continue;
                const g = gradeChoice(v.multiple ? [...right, i] : [i], v.choices, v.multiple === true);
                expect(g.status, `${where} choice ${i + 1} is wrong`).toBe('incorrect');
                if (c.feedback) both(`${where} choice ${i + 1} feedback`, c.feedback);
              }
            }
          }
        });
      }
    });
  }
});

describe('what each area must have (issue: 12 questions an area, 4 with params, 1 vector or matrix, 2 with targeted feedback)', () => {
  // A note's slug is its file name; an area's overview (index.mdx) has the area's id.
  const areaOf = new Map(
    listNotes('en').flatMap((path) => {
      const [area, file] = path.split('/');
      return file ? [[file === 'index.mdx' ? area! : file.replace(/\.mdx?$/, ''), area!] as [string, string]] : [];
    }),
  );
  const perArea = new Map<string, { questions: number; params: number; vector: number; targeted: number }>();
  for (const { quiz, variants } of all) {
    const area = areaOf.get(quiz.topic);
    it(`${quiz.topic} belongs to an area`, () => expect(area).toBeTruthy());
    if (!area) continue;
    const t = perArea.get(area) ?? { questions: 0, params: 0, vector: 0, targeted: 0 };
    for (const q of quiz.questions) {
      const v = variants.get(q.id)![0]!;
      const answers = [v.answer, ...(v.parts ?? []).map((p) => p.answer)].filter((a): a is Answer => !!a);
      t.questions += 1;
      if (q.params) t.params += 1;
      if (answers.some((a) => Array.isArray(a.value))) t.vector += 1;
      if (answers.some((a) => (a.wrong ?? []).length > 0) || (v.choices ?? []).some((c) => c.feedback)) t.targeted += 1;
    }
    perArea.set(area, t);
  }
  it('covers the five areas', () => {
    expect([...perArea.keys()].sort()).toEqual([...areaIds].sort());
  });
  for (const area of areaIds) {
    it(area, () => {
      const t = perArea.get(area)!;
      expect(t.questions).toBeGreaterThanOrEqual(12);
      expect(t.params).toBeGreaterThanOrEqual(4);
      expect(t.vector).toBeGreaterThanOrEqual(1);
      expect(t.targeted).toBeGreaterThanOrEqual(2);
    });
  }
});
