/**
 * Quizzes from the learner's side in a real browser, each block in one language, half in each
 * (both with AFM_ALL_LANGUAGES=1, harness.ts): grading (correct, wrong, invalid, targeted
 * feedback, choices, matrices, multi-part), hints and solutions,
 * variants, progress kept across reloads, export / reset / import, corrupt and unavailable
 * storage, a keyboard-only pass, the review page, and the JavaScript a quiz page loads.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { distDir } from '../helpers/site.ts';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page, Response } from 'playwright-core';
import { flowLangs, useSite, settled, type Lang } from './harness.ts';
import { budgets, pageResources } from '../../scripts/size-report.mjs';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';

const site = useSite();

const STRINGS = { en, zh } as Record<Lang, Record<string, string>>;
const T = (lang: Lang, key: string, vars: Record<string, string | number> = {}) =>
  (STRINGS[lang][key] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

/** The distributions note has a param question, a matrix answer, targeted feedback, a multiple-choice and a multi-part question. */
const DISTRIBUTIONS = (lang: Lang) => `${lang}/probability/distributions/`;
/** The attention note has a single-choice (radio) question. */
const ATTENTION = (lang: Lang) => `${lang}/linear-algebra/attention/`;

/** Opens a page in a fresh context and waits until question `id` there is live. */
async function openQuiz(
  path: string,
  id: string,
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ page: Page; q: Locator; context: BrowserContext }> {
  const { page, context } = await site.page();
  if (prepare) await prepare(context);
  await page.goto(`${site.url}${path}`);
  return { page, context, q: await question(page, id) };
}

/** Scrolls question `id` into view (which loads the quiz code) and waits until it is live. */
async function question(page: Page, id: string): Promise<Locator> {
  const q = page.locator(`afm-question#q-${id}`).first();
  await q.scrollIntoViewIfNeeded();
  await q.locator('xpath=self::*[@data-ready]').waitFor();
  return q;
}

type StoredRecord = {
  attempts: number;
  best: number;
  last: string;
  solvedAt?: string;
  variant?: number;
  tries?: number;
  reviews: number;
  rating?: number;
  due: string;
  seenAt?: string;
};
async function stored(page: Page): Promise<{ version: number; questions: Record<string, StoredRecord> } | null> {
  return page.evaluate(() => {
    const text = localStorage.getItem('afm-progress');
    return text === null ? null : JSON.parse(text);
  });
}
const attempts = async (page: Page, key: string) => (await stored(page))?.questions[key]?.attempts ?? 0;
/** "Next review …" as the history line says it, `days` from today, in the browser's own words. */
const nextReview = async (page: Page, lang: Lang, days: number) =>
  T(lang, 'quizui.next', {
    when: await page.evaluate(([l, d]) => new Intl.RelativeTimeFormat(l as string, { numeric: 'auto' }).format(d as number, 'day'), [lang, days]),
  });

/** Waits until what the question records is stored (the recorder loads on first use). */
const saved = (q: Locator) => q.locator('xpath=self::*[not(@data-saving)]').waitFor();

async function answer(q: Locator, text: string, how: 'click' | 'enter' = 'click'): Promise<void> {
  const input = q.locator('.q-body .q-input').first();
  await input.fill(text);
  if (how === 'enter') await input.press('Enter');
  else await q.locator('.q-check').click();
  await saved(q);
}

/** Checks the question's answer with its button and waits until the attempt is stored. */
async function check(q: Locator): Promise<void> {
  await q.locator('.q-check').click();
  await saved(q);
}

/** "Another variant", and wait until it is on screen (it is fetched and typeset first). */
async function anotherVariant(q: Locator): Promise<void> {
  await q.locator('.q-another').click();
  await q.locator('.q-body:not([aria-busy])').waitFor();
}

const feedback = (q: Locator) => q.locator('.q-feedback').innerText();
const status = (q: Locator) => q.getAttribute('data-status');
const solutionVisible = (q: Locator) => q.locator('.q-body .q-solution').isVisible();

/** Each formula keeps its TeX source in alttext: the numbers a variant shows. */
const formulas = (q: Locator) => q.locator('.q-body .q-prompt math').evaluateAll((els) => els.map((el) => el.getAttribute('alttext') ?? ''));

describe('numeric questions', () => {
  for (const lang of flowLangs('zh')) {
    it(`grades invalid, wrong, targeted and correct answers, and opens the solution after three graded attempts (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination');
      const key = 'distributions/variance-of-combination';
      const verdict = q.locator('.q-feedback');
      // The verdict is announced politely to screen readers.
      expect(await verdict.getAttribute('role')).toBe('status');
      expect(await verdict.getAttribute('aria-live')).toBe('polite');
      // Before anything, the worked solution is out of sight.
      expect(await solutionVisible(q)).toBe(false);

      // Invalid: reads differently and costs no attempt.
      await answer(q, '6 apples');
      expect(await status(q)).toBe('invalid');
      expect(await feedback(q)).toContain(T(lang, 'quizui.invalid'));
      // Says what to type, with the phrase the page made at build time for this question's forms.
      expect(await feedback(q)).toContain(lang === 'en' ? 'a number, fraction or scientific notation' : '数字、分数或科学计数法');
      expect(await q.locator('.q-body .q-input').getAttribute('aria-invalid')).toBe('true');
      expect(await attempts(page, key)).toBe(0);
      expect(await q.locator('.q-history').innerText()).toBe('');

      // Wrong, checked with Enter: one attempt, no solution yet.
      await answer(q, '7', 'enter');
      expect(await status(q)).toBe('incorrect');
      expect(await feedback(q)).toContain(T(lang, 'quizui.incorrect'));
      expect(await feedback(q)).not.toContain(T(lang, 'quizui.invalid'));
      expect(await q.locator('.q-body .q-input').getAttribute('aria-invalid')).toBe('false');
      expect(await attempts(page, key)).toBe(1);
      expect(await solutionVisible(q)).toBe(false);

      // A common mistake (the cross term added) gets its own feedback.
      await answer(q, '10', 'enter');
      expect(await status(q)).toBe('incorrect');
      expect(await feedback(q)).toContain(lang === 'en' ? 'The cross term has the sign of the product of the coefficients' : '交叉项的符号由两个系数之积');
      expect(await attempts(page, key)).toBe(2);
      expect(await solutionVisible(q)).toBe(false);

      // An invalid answer in between still costs nothing.
      await answer(q, '', 'enter');
      expect(await status(q)).toBe('invalid');
      expect(await attempts(page, key)).toBe(2);

      // The third graded wrong attempt opens the worked solution.
      await answer(q, '8', 'enter');
      expect(await attempts(page, key)).toBe(3);
      expect(await feedback(q)).toContain(T(lang, 'quizui.solutionShown'));
      expect(await solutionVisible(q)).toBe(true);
      expect(await q.locator('.q-body .q-solution').getAttribute('open')).not.toBeNull();
      // The count is kept with the progress: after a reload the solution is still open.
      await page.reload();
      await question(page, 'variance-of-combination');
      expect(await solutionVisible(q)).toBe(true);

      // Correct at last: solved, best score 100%.
      await answer(q, '6', 'enter');
      expect(await status(q)).toBe('correct');
      expect(await feedback(q)).toContain(T(lang, 'quizui.correct'));
      const record = (await stored(page))!.questions[key]!;
      expect(record).toMatchObject({ attempts: 4, best: 1, last: '6' });
      expect(record.solvedAt).toBeTruthy();
      // Wrong first, right later the same day: one review, rated Hard, back in 2 days.
      expect(record).toMatchObject({ reviews: 1, rating: 2 });
      expect(await q.locator('.q-history').innerText()).toBe(
        [T(lang, 'quizui.solved'), T(lang, 'quizui.attempts', { n: 4 }), T(lang, 'quizui.best', { pct: 100 }), await nextReview(page, lang, 2)].join(' '),
      );
      site.assertNoErrors();
    });

    it(`shows the solution after a correct answer; "Show solution" before a try asks first and is recorded as seen, not as a 0% attempt (${lang})`, async () => {
      const { page } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination');
      const right = await question(page, 'variance-of-combination');
      await answer(right, '６'); // full-width digit, as a Chinese keyboard types it
      expect(await status(right)).toBe('correct');
      expect(await solutionVisible(right)).toBe(true);
      expect(await attempts(page, 'distributions/variance-of-combination')).toBe(1);
      // Right at the first try: a Good review, back in 3 days.
      expect((await stored(page))!.questions['distributions/variance-of-combination']).toMatchObject({ reviews: 1, rating: 3 });
      expect(await right.locator('.q-history').innerText()).toContain(await nextReview(page, lang, 3));

      const key = 'distributions/dropout-mask-count';
      const giveUp = await question(page, 'dropout-mask-count');
      expect(await solutionVisible(giveUp)).toBe(false);
      // Asked first, in the question, with the focus on "let me try first".
      await giveUp.locator('.q-reveal').click();
      const confirm = giveUp.locator('.q-confirm[role="group"]');
      expect(await confirm.isVisible()).toBe(true);
      expect(await confirm.innerText()).toContain(T(lang, 'quiz.confirmReveal'));
      expect(await confirm.getAttribute('aria-labelledby')).toBe(await confirm.locator('p').getAttribute('id'));
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('q-keep-trying');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(T(lang, 'quiz.keepTrying'));
      await page.keyboard.press('Enter');
      expect(await confirm.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('q-reveal');
      expect(await solutionVisible(giveUp)).toBe(false);
      expect((await stored(page))!.questions[key]).toBeUndefined();
      // Asked again, and this time yes: shown, recorded as seen, no attempt and no score.
      await giveUp.locator('.q-reveal').click();
      await giveUp.locator('.q-reveal-confirm').click();
      await saved(giveUp);
      expect(await solutionVisible(giveUp)).toBe(true);
      expect(await feedback(giveUp)).toBe(T(lang, 'quizui.solutionSeen'));
      let record = (await stored(page))!.questions[key]!;
      expect(record).toMatchObject({ attempts: 0, best: 0, reviews: 0 });
      expect(record.seenAt).toBeTruthy();
      expect(await giveUp.locator('.q-history').innerText()).toBe(T(lang, 'quizui.seen'));
      expect(await giveUp.locator('.q-history').innerText()).not.toContain('0%');
      // The answer typed after reading it is graded, and the review it makes is an Again.
      for (const input of await giveUp.locator('.q-body .q-input').all()) await input.fill('1');
      await giveUp.locator('.q-check').click();
      await saved(giveUp);
      record = (await stored(page))!.questions[key]!;
      expect(record).toMatchObject({ attempts: 1, reviews: 1, rating: 1 });
      site.assertNoErrors();
    });

    it(`reveals hints one at a time (${lang})`, async () => {
      const { q } = await openQuiz(DISTRIBUTIONS(lang), 'dropout-mask-count');
      const hints = q.locator('.q-body .q-hint');
      const labels = q.locator('.q-body .q-hint > summary');
      const opened = () => q.locator('.q-body .q-hint[open] > div').allInnerTexts();
      expect(await hints.count()).toBe(2);
      // Only the first hint is offered until it is open.
      expect(await labels.nth(0).innerText()).toBe(T(lang, 'quiz.hintOf', { i: 1, n: 2 }));
      expect(await hints.nth(1).isVisible()).toBe(false);
      expect(await opened()).toEqual([]);
      await labels.nth(0).click();
      expect(await opened()).toHaveLength(1);
      expect((await opened())[0]).toContain(lang === 'en' ? 'means add and variances add' : '期望相加，方差也相加');
      expect(await labels.nth(1).innerText()).toBe(T(lang, 'quiz.hintOf', { i: 2, n: 2 }));
      await labels.nth(1).click();
      expect(await opened()).toHaveLength(2);
      // Hints cost no attempt and do not open the solution.
      expect(await solutionVisible(q)).toBe(false);
      expect(await q.getAttribute('data-status')).toBeNull();
      site.assertNoErrors();
    });

    it(`grades a matrix answer (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'covariance-matrix');
      // Unreadable: invalid, no attempt.
      await answer(q, '[0.25, 0.1; 0.1');
      expect(await status(q)).toBe('invalid');
      expect(await attempts(page, 'distributions/covariance-matrix')).toBe(0);
      // The wrong shape is invalid too (issue #15): no attempt, and the message says which shape is wanted.
      await answer(q, '[0.25, 0.1]');
      expect(await status(q)).toBe('invalid');
      expect(await feedback(q)).toContain(lang === 'en' ? 'Expected a 2×2 matrix' : '需要 2×2 矩阵');
      expect(await attempts(page, 'distributions/covariance-matrix')).toBe(0);
      await answer(q, '[0.25, 0.2; 0.2, 0.24]');
      expect(await status(q)).toBe('incorrect');
      expect(await attempts(page, 'distributions/covariance-matrix')).toBe(1);
      // The calculators' syntax (entries by spaces) works here too.
      await answer(q, '[0.25 0.1; 0.1 0.24]', 'enter');
      expect(await status(q)).toBe('correct');
      expect(await solutionVisible(q)).toBe(true);
      site.assertNoErrors();
    });

    it(`grades a multi-part question with partial credit (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'dropout-mask-count');
      const key = 'distributions/dropout-mask-count';
      const parts = q.locator('.q-body .q-input');
      expect(await parts.count()).toBe(3);
      // A part left blank: invalid, no attempt.
      await parts.nth(0).fill('900');
      await parts.nth(1).fill('sqrt(90)');
      await parts.nth(2).press('Enter');
      await saved(q);
      expect(await status(q)).toBe('invalid');
      expect(await attempts(page, key)).toBe(0);
      // Two parts of three right: two thirds of the marks.
      await parts.nth(1).fill('3');
      await parts.nth(2).fill('10/9');
      await parts.nth(2).press('Enter');
      await saved(q);
      expect(await status(q)).toBe('incorrect');
      expect(await feedback(q)).toContain(T(lang, 'quizui.partial', { pct: 67 }));
      expect((await stored(page))!.questions[key]).toMatchObject({ attempts: 1, best: 2 / 3 });
      // The variance for the standard deviation: that part's targeted feedback, math and all.
      await parts.nth(1).fill('90');
      await parts.nth(2).press('Enter');
      await saved(q);
      expect(await feedback(q)).toContain(lang === 'en' ? 'That is the variance' : '这是方差');
      expect(await feedback(q)).not.toContain('<');
      expect(await q.locator('.q-feedback math').count()).toBeGreaterThan(0);
      // All right.
      await parts.nth(1).fill('9.49');
      await check(q);
      expect(await status(q)).toBe('correct');
      expect(await solutionVisible(q)).toBe(true);
      expect((await stored(page))!.questions[key]).toMatchObject({ attempts: 3, best: 1, last: '900 | 9.49 | 10/9' });
      // After a reload every part gets its last answer back.
      await page.reload();
      const again = await question(page, 'dropout-mask-count');
      expect(await again.locator('.q-body .q-input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['900', '9.49', '10/9']);
      site.assertNoErrors();
    });
  }
});

describe('choice questions', () => {
  for (const lang of flowLangs('en')) {
    it(`grades a single choice with radio buttons, with feedback on the wrong option (${lang})`, async () => {
      const { page, q } = await openQuiz(ATTENTION(lang), 'why-sqrt-dk');
      const options = q.locator('.q-body .q-choice input');
      expect(await options.first().getAttribute('type')).toBe('radio');
      await check(q);
      expect(await status(q)).toBe('invalid');
      expect(await feedback(q)).toContain(T(lang, 'engine.chooseOne'));
      expect(await attempts(page, 'attention/why-sqrt-dk')).toBe(0);
      await options.nth(1).check();
      await check(q);
      expect(await status(q)).toBe('incorrect');
      // The wrong option's own explanation follows the verdict.
      expect(await feedback(q)).toContain(T(lang, 'quizui.incorrect'));
      expect(await feedback(q)).toContain(lang === 'en' ? 'The softmax already makes each row sum to 1' : 'softmax 本身就会让每行之和为 1');
      await options.nth(0).check();
      await check(q);
      expect(await status(q)).toBe('correct');
      expect(await solutionVisible(q)).toBe(true);
      expect((await stored(page))!.questions['attention/why-sqrt-dk']).toMatchObject({ attempts: 2, best: 1, last: 'A' });
      site.assertNoErrors();
    });

    it(`grades a multiple choice with checkboxes, partly and fully right (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'zero-covariance');
      const options = q.locator('.q-body .q-choice input');
      expect(await options.count()).toBe(5);
      expect(await options.first().getAttribute('type')).toBe('checkbox');
      // Two of the three true statements, no false one: partly right.
      await options.nth(0).check();
      await options.nth(2).check();
      await check(q);
      expect(await status(q)).toBe('incorrect');
      expect((await stored(page))!.questions['distributions/zero-covariance']!.best).toBeCloseTo(2 / 3, 5);
      // A false statement brings its own explanation.
      await options.nth(1).check();
      await check(q);
      expect(await feedback(q)).toContain(lang === 'en' ? 'Counter-example' : '反例');
      await options.nth(1).uncheck();
      await options.nth(3).check();
      await check(q);
      expect(await status(q)).toBe('correct');
      expect((await stored(page))!.questions['distributions/zero-covariance']).toMatchObject({ attempts: 3, best: 1, last: 'A, C, D' });
      // After a reload the last choice is ticked again.
      await page.reload();
      const again = await question(page, 'zero-covariance');
      expect(await again.locator('.q-body .q-choice input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).checked))).toEqual([
        true,
        false,
        true,
        true,
        false,
      ]);
      site.assertNoErrors();
    });
  }
});

describe('variants and kept progress', () => {
  for (const lang of flowLangs('en')) {
    it(`keeps what was typed before the quiz code arrived, on the variant it was typed into, and grades a Check pressed meanwhile (${lang})`, async () => {
      const { page, context } = await site.page();
      // Hold the quiz code back until the learner has typed.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(/question-element\.[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${site.url}${DISTRIBUTIONS(lang)}`);
      const q = page.locator('afm-question#q-scaled-dot-variance');
      // A learner seed that would put this learner on variant 1, not the variant 0 on screen.
      const [offset, count] = await q.evaluate((el) => [Number(el.getAttribute('data-offset')), Number(el.getAttribute('data-count'))]);
      await page.evaluate((seed) => localStorage.setItem('afm-seed', String(seed)), (((1 - offset) % count) + count) % count);
      const input = q.locator('.q-body .q-input');
      await input.scrollIntoViewIfNeeded();
      await input.focus();
      await page.keyboard.type('12.5');
      // Check, pressed while the code is still on its way: nothing to grade with yet.
      await q.locator('.q-check').click();
      expect(await status(q)).toBeNull();
      release();
      await q.locator('xpath=self::*[@data-ready]').waitFor();
      expect(await input.inputValue()).toBe('12.5');
      expect(await q.locator('.q-body').getAttribute('data-variant')).toBe('0');
      // Graded once the code is there, without a second press, against the variant on screen.
      await expect.poll(() => status(q)).toMatch(/^(correct|incorrect)$/);
      await saved(q);
      expect(await attempts(page, 'distributions/scaled-dot-variance')).toBe(1);
      expect((await stored(page))!.questions['distributions/scaled-dot-variance']!.variant ?? 0).toBe(0);
      // A fresh visit, with nothing typed, goes to the seed's variant.
      await page.reload();
      const again = await question(page, 'scaled-dot-variance');
      expect(await again.locator('.q-body').getAttribute('data-variant')).toBe('1');
      site.assertNoErrors();
    });

    it(`keeps the variant across reloads; "Another variant" changes the numbers and is kept too (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'scaled-dot-variance');
      const variantOf = async (el: Locator) => el.locator('.q-body').getAttribute('data-variant');
      const first = { variant: await variantOf(q), numbers: await formulas(q) };
      await page.reload();
      let again = await question(page, 'scaled-dot-variance');
      expect(await variantOf(again)).toBe(first.variant);
      expect(await formulas(again)).toEqual(first.numbers);

      await anotherVariant(again);
      expect(await feedback(again)).toBe(T(lang, 'quizui.newVariant'));
      const second = { variant: await variantOf(again), numbers: await formulas(again) };
      expect(second.variant).not.toBe(first.variant);
      expect(second.numbers).not.toEqual(first.numbers);
      // The shown numbers are the ones graded: sd of q·k is sqrt(d)·s².
      const d = Number(/\\mathbb\{R\}\^\{\s*(\d+)\s*\}/.exec(second.numbers.join(' '))![1]);
      const s = Number(second.numbers[3]);
      expect(d).toBeGreaterThan(0);
      expect(s).toBeGreaterThan(0);
      await answer(again, String(Math.sqrt(d) * s * s), 'enter');
      expect(await status(again)).toBe('correct');

      await page.reload();
      again = await question(page, 'scaled-dot-variance');
      expect(await variantOf(again)).toBe(second.variant);
      expect(await formulas(again)).toEqual(second.numbers);
      expect((await stored(page))!.questions['distributions/scaled-dot-variance']!.variant).toBe(Number(second.variant));
      // The last answer belongs to this variant, so it comes back.
      expect(await again.locator('.q-body .q-input').inputValue()).toBe(String(Math.sqrt(d) * s * s));
      // Moving on again: the old variant's answer is not put into the new one's box.
      await anotherVariant(again);
      await page.reload();
      again = await question(page, 'scaled-dot-variance');
      expect(await again.locator('.q-body .q-input').inputValue()).toBe('');
      site.assertNoErrors();
    });

    it(`keeps progress across a reload: the history line and the last answer (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination');
      await answer(q, '5', 'enter');
      const history = [T(lang, 'quizui.attempts', { n: 1 }), T(lang, 'quizui.best', { pct: 0 }), await nextReview(page, lang, 1)].join(' ');
      expect(await q.locator('.q-history').innerText()).toBe(history);
      await page.reload();
      const again = await question(page, 'variance-of-combination');
      expect(await again.locator('.q-history').innerText()).toBe(history);
      expect(await again.locator('.q-body .q-input').inputValue()).toBe('5');
      site.assertNoErrors();
    });
  }
});

describe('the progress page', () => {
  for (const lang of flowLangs('zh')) {
    it(`exports, resets and imports progress, and rejects a bad file without changing anything (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination');
      await answer(q, '6', 'enter');
      await answer(await question(page, 'covariance-matrix'), '[1, 0; 0, 1]', 'enter');
      const before = await stored(page);
      expect(Object.keys(before!.questions)).toHaveLength(2);

      await page.goto(`${site.url}${lang}/progress/`);
      const root = page.locator('afm-progress-page[data-ready]');
      await root.waitFor();
      const summary = page.locator('.progress-summary');
      expect(await summary.innerText()).toMatch(lang === 'en' ? /^1 of \d+ questions solved, 2 graded attempts/ : /已答对 1 题，累计批改 2 次/);
      expect(await page.locator('.recent li').count()).toBe(2);
      expect(await page.locator('.mastery li[data-area="probability"] .mastery-count').innerText()).toMatch(/^1 \/ \d+$/);

      // Export.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.progress-export')]);
      const file = await download.path();
      expect(download.suggestedFilename()).toMatch(/^ai-math-progress-\d{4}-\d\d-\d\d\.json$/);
      const exported = JSON.parse(readFileSync(file, 'utf8'));
      expect(exported.app).toBe('ai-math-foundations');
      expect(exported.progress).toEqual(before);

      // Reset asks first; "Keep it" keeps it.
      await page.click('.progress-reset');
      await page.click('.progress-reset-cancel');
      expect(await stored(page)).toEqual(before);
      await page.click('.progress-reset');
      await page.click('.progress-reset-confirm');
      expect(await page.locator('.progress-message').innerText()).toBe(T(lang, 'progressui.reset'));
      expect((await stored(page))!.questions).toEqual({});
      expect(await page.locator('.recent').innerText()).toBe(T(lang, 'progressui.none'));

      // Import brings everything back, merged into what is here (nothing), and says so.
      const name = basename(file);
      await page.setInputFiles('#progress-import', file);
      await page.locator('.progress-message', { hasText: T(lang, 'progressui.merged', { file: name, added: 2, updated: 0, unchanged: 0 }) }).waitFor();
      expect(await stored(page)).toEqual(before);
      expect(await page.locator('.recent li').count()).toBe(2);
      expect(await summary.innerText()).toMatch(lang === 'en' ? /^1 of \d+ questions solved/ : /已答对 1 题/);
      // The same file again: nothing new, nothing counted twice.
      await page.setInputFiles('#progress-import', file);
      await page.locator('.progress-message', { hasText: T(lang, 'progressui.merged', { file: name, added: 0, updated: 0, unchanged: 2 }) }).waitFor();
      expect(await stored(page)).toEqual(before);
      // Another device's file with one more question merges in; "replace" takes the file as it is.
      const other = {
        ...exported,
        progress: { version: 3, questions: { 'x/other': { ...before!.questions['distributions/variance-of-combination'], area: 'x' } } },
      };
      await page.setInputFiles('#progress-import', { name: 'phone.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
      await page.locator('.progress-message', { hasText: T(lang, 'progressui.merged', { file: 'phone.json', added: 1, updated: 0, unchanged: 0 }) }).waitFor();
      expect(Object.keys((await stored(page))!.questions).sort()).toEqual([...Object.keys(before!.questions), 'x/other'].sort());
      await page.check('#progress-import-replace');
      await page.setInputFiles('#progress-import', file);
      await page.locator('.progress-message', { hasText: T(lang, 'progressui.replaced', { file: name, n: 2 }) }).waitFor();
      expect(await stored(page)).toEqual(before);

      // Bad files: a clear message in the page's language saying why, nothing changed.
      const failed = T(lang, 'progressui.importFailed', { reason: '' }).split('(')[0]!.split('（')[0]!;
      for (const [name, text, reason] of [
        ['notes.json', '{ this is not json', T(lang, 'progressui.reason.notJson')],
        ['other.json', JSON.stringify({ app: 'something-else', progress: before }), T(lang, 'progressui.reason.notOurs')],
        [
          'broken.json',
          JSON.stringify({ ...exported, progress: { version: 3, questions: { 'x/y': { area: 'x', attempts: -1 } } } }),
          T(lang, 'progressui.reason.badField', { key: 'x/y', field: 'attempts' }),
        ],
        [
          'dates.json',
          JSON.stringify({
            ...exported,
            progress: { version: 3, questions: { 'x/y': { ...before!.questions['distributions/variance-of-combination'], lastAt: 'Tue 1 2 3' } } },
          }),
          T(lang, 'progressui.reason.badField', { key: 'x/y', field: 'lastAt' }),
        ],
        ['future.json', JSON.stringify({ ...exported, progress: { version: 7, questions: {} } }), T(lang, 'progressui.reason.newer', { version: 7 })],
      ] as const) {
        await page.setInputFiles('#progress-import', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
        await page.locator('.progress-message', { hasText: failed }).waitFor();
        expect(await page.locator('.progress-message').innerText()).toBe(T(lang, 'progressui.importFailed', { reason }));
        expect(await stored(page)).toEqual(before);
        await page.locator('.progress-message').evaluate((el) => (el.textContent = ''));
      }
      site.assertNoErrors();
    });
  }
});

describe('storage trouble', () => {
  for (const lang of flowLangs('zh')) {
    it(`starts clean on corrupt stored progress, says so, keeps the text aside and still grades (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination', async (context) => {
        await context.addInitScript(() => {
          // Corrupt once per tab, as a bad write would leave it.
          if (!sessionStorage.getItem('afm-test-corrupted')) {
            localStorage.setItem('afm-progress', '{not json');
            sessionStorage.setItem('afm-test-corrupted', '1');
          }
        });
      });
      const notice = page.locator('#storage-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toBe(T(lang, 'quizui.recovered'));
      const setAside = () =>
        page.evaluate(() =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('afm-progress-unreadable'))
            .sort()
            .map((k) => localStorage.getItem(k)),
        );
      expect(await setAside()).toEqual(['{not json']);
      await answer(q, '6', 'enter');
      expect(await status(q)).toBe('correct');
      expect((await stored(page))!.questions['distributions/variance-of-combination']).toMatchObject({ attempts: 1, best: 1 });
      expect(await setAside()).toEqual(['{not json']);
      // A second unreadable value later is kept too, beside the first.
      await page.evaluate(() => localStorage.setItem('afm-progress', 'second}'));
      await page.reload();
      await question(page, 'variance-of-combination');
      expect(await setAside()).toEqual(['{not json', 'second}']);
      await answer(await question(page, 'variance-of-combination'), '6', 'enter');
      expect(await setAside()).toEqual(['{not json', 'second}']);
      // The progress page lists them on every visit; an export includes them.
      await page.goto(`${site.url}${lang}/progress/`);
      await page.locator('afm-progress-page[data-ready]').waitFor();
      const items = page.locator('.set-aside li');
      expect(await page.locator('.set-aside').isVisible()).toBe(true);
      expect(await items.count()).toBe(2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('.progress-export')]);
      const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
      expect(exported.setAside).toEqual(['{not json', 'second}']);
      expect(Object.keys(exported.progress.questions)).toEqual(['distributions/variance-of-combination']);
      // Re-importing that export keeps them (it used to delete the set-aside text).
      await page.setInputFiles('#progress-import', await download.path());
      await page
        .locator('.progress-message', { hasText: T(lang, 'progressui.merged', { file: basename(await download.path()), added: 0, updated: 0, unchanged: 1 }) })
        .waitFor();
      expect(await setAside()).toEqual(['{not json', 'second}']);
      // Each can be downloaded, or discarded after a second confirmation.
      const [one] = await Promise.all([
        page.waitForEvent('download'),
        items
          .nth(1)
          .getByRole('button', { name: T(lang, 'progressui.download') })
          .click(),
      ]);
      expect(readFileSync(await one.path(), 'utf8')).toBe('second}');
      await items
        .nth(0)
        .getByRole('button', { name: T(lang, 'progressui.discard') })
        .click();
      expect(await setAside()).toEqual(['{not json', 'second}']);
      await items
        .nth(0)
        .getByRole('button', { name: T(lang, 'progressui.discardConfirm') })
        .click();
      expect(await setAside()).toEqual(['second}']);
      expect(await page.locator('.progress-message').innerText()).toBe(T(lang, 'progressui.discarded'));
      await page.reload();
      await page.locator('afm-progress-page[data-ready]').waitFor();
      expect(await page.locator('.set-aside li').count()).toBe(1);
      site.assertNoErrors();
    });

    it(`works in memory when storage is unavailable, and says progress will not be kept (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination', async (context) => {
        await context.addInitScript(() => {
          Object.defineProperty(window, 'localStorage', {
            get() {
              throw new DOMException('denied', 'SecurityError');
            },
          });
        });
      });
      const notice = page.locator('#storage-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toBe(T(lang, 'quizui.unavailable'));
      await answer(q, '7', 'enter');
      expect(await status(q)).toBe('incorrect');
      await answer(q, '6', 'enter');
      expect(await status(q)).toBe('correct');
      expect(await solutionVisible(q)).toBe(true);
      expect(await q.locator('.q-history').innerText()).toContain(T(lang, 'quizui.attempts', { n: 2 }));
      // Variants still switch.
      const param = await question(page, 'scaled-dot-variance');
      const before = await formulas(param);
      await anotherVariant(param);
      expect(await formulas(param)).not.toEqual(before);
      site.assertNoErrors();
    });
  }
});

describe('keyboard only', () => {
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { cls: el?.className ?? '', tag: el?.tagName ?? '', type: el?.getAttribute('type') ?? '', question: el?.closest('afm-question')?.id ?? '' };
    });

  for (const lang of flowLangs('zh')) {
    it(`answers, asks for a hint, shows the solution and picks choices by keyboard (${lang})`, async () => {
      const { page, context } = await site.page();
      // The progress code is held back until the solution is shown, as on a slow connection: the
      // keyboard must not wait for the save.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(/\/_astro\/record\.[\w-]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      // Following a link to a question puts the keyboard's starting point there.
      await page.goto(`${site.url}${DISTRIBUTIONS(lang)}#q-variance-of-combination`);
      const q = page.locator('#q-variance-of-combination');
      await q.locator('xpath=self::*[@data-ready]').waitFor();
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ cls: 'q-input', question: 'q-variance-of-combination' });
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      expect(await status(q)).toBe('incorrect');
      // The hint comes right after the answer box (a disclosure: Enter opens it).
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'SUMMARY' });
      await page.keyboard.press('Enter');
      expect(await q.locator('.q-body .q-hint[open]').count()).toBe(1);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ cls: 'q-check' });
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ cls: 'q-reveal' });
      await page.keyboard.press('Space');
      expect(await solutionVisible(q)).toBe(true);
      // Focus is on the solution at once, not after the save: a jump to another question made
      // meanwhile is not pulled back here.
      expect(await focused(page)).toMatchObject({ tag: 'SUMMARY', question: 'q-variance-of-combination' });
      release();

      // Checkboxes: Tab between them, Space ticks, Enter checks.
      await page.goto(`${site.url}${DISTRIBUTIONS(lang)}#q-zero-covariance`);
      const multi = page.locator('#q-zero-covariance');
      await multi.locator('xpath=self::*[@data-ready]').waitFor();
      // Tab starts from the question the address points at; once the page is idle nothing moves it.
      await settled(page);
      for (const tick of [true, false, true, true, false]) {
        await page.keyboard.press('Tab');
        expect(await focused(page)).toMatchObject({ type: 'checkbox', question: 'q-zero-covariance' });
        if (tick) await page.keyboard.press('Space');
      }
      await page.keyboard.press('Enter');
      expect(await status(multi)).toBe('correct');

      // A radio group: one Tab stop, arrow keys choose, Enter checks.
      await page.goto(`${site.url}${ATTENTION(lang)}#q-why-sqrt-dk`);
      const radio = page.locator('#q-why-sqrt-dk');
      await radio.locator('xpath=self::*[@data-ready]').waitFor();
      await settled(page);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ type: 'radio', question: 'q-why-sqrt-dk' });
      await page.keyboard.press('ArrowDown');
      const checked = () => radio.locator('.q-body .q-choice input').evaluateAll((els) => els.findIndex((el) => (el as HTMLInputElement).checked));
      expect(await checked()).toBe(1);
      await page.keyboard.press('Enter');
      expect(await status(radio)).toBe('incorrect');
      await page.keyboard.press('ArrowUp');
      expect(await checked()).toBe(0);
      await page.keyboard.press('Enter');
      expect(await status(radio)).toBe('correct');
      // Past the group, Tab reaches the worked solution just opened, then the buttons.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ tag: 'SUMMARY', question: 'q-why-sqrt-dk' });
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.q-solution')))).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ cls: 'q-check', question: 'q-why-sqrt-dk' });
      site.assertNoErrors();
    });
  }
});

/** Makes the stored review of `key` (and its day) `days` earlier, as if answered then. */
async function backdate(page: Page, key: string, days: number): Promise<void> {
  await page.evaluate(
    ([k, d]) => {
      const p = JSON.parse(localStorage.getItem('afm-progress')!);
      const r = p.questions[k as string];
      const shift = (iso: string) => new Date(Date.parse(iso) - (d as number) * 86_400_000).toISOString();
      for (const field of ['lastAt', 'reviewedAt', 'due', 'solvedAt', 'seenAt']) if (r[field]) r[field] = shift(r[field]);
      if (r.before) for (const field of ['reviewedAt', 'due']) if (r.before[field]) r.before[field] = shift(r.before[field]);
      localStorage.setItem('afm-progress', JSON.stringify(p));
    },
    [key, days],
  );
}

describe('the review page', () => {
  for (const lang of flowLangs('en')) {
    it(`offers new questions apart, puts due ones first, pre-fills nothing, asks another variant and says when each comes back (${lang})`, async () => {
      const { page } = await site.page();
      await page.goto(`${site.url}${lang}/review/`);
      await page.locator('afm-review[data-ready]').waitFor();
      const total = await page.locator('.review-data').evaluate((el) => JSON.parse(el.textContent ?? '[]').length);
      // A new learner: nothing due and nothing scheduled yet; new questions, labelled as such.
      expect(await page.locator('.review-summary').innerText()).toBe(`${T(lang, 'reviewui.empty')} ${T(lang, 'reviewui.freshCount', { fresh: total })}`);
      expect(await page.locator('.review-due').count()).toBe(0);
      expect(await page.locator('h2', { hasText: T(lang, 'reviewui.newHeading') }).count()).toBe(1);
      expect(await page.locator('.review-new .review-item afm-question').count()).toBe(3);

      // Wrong on a note page: due tomorrow, so not yet; the page says when.
      await page.goto(`${site.url}${DISTRIBUTIONS(lang)}`);
      await answer(await question(page, 'variance-of-combination'), '10', 'enter');
      const scaled = await question(page, 'scaled-dot-variance');
      const variantBefore = Number(await scaled.locator('.q-body').getAttribute('data-variant'));
      await answer(scaled, '1', 'enter');
      await page.goto(`${site.url}${lang}/review/`);
      await page.locator('afm-review[data-ready]').waitFor();
      expect(await page.locator('.review-summary').innerText()).toContain(STRINGS[lang]['reviewui.nextDue']!.split('{when}')[0]);
      expect(await page.locator('.review-due').count()).toBe(0);

      // Two days later both are due: they come first, most overdue first.
      await backdate(page, 'distributions/variance-of-combination', 3);
      await backdate(page, 'distributions/scaled-dot-variance', 2);
      await page.reload();
      await page.locator('afm-review[data-ready]').waitFor();
      expect(await page.locator('.review-summary').innerText()).toBe(
        `${T(lang, 'reviewui.summary', { due: 2, shown: 2 })} ${T(lang, 'reviewui.freshCount', { fresh: total - 2 })}`,
      );
      const due = page.locator('.review-due .review-item');
      expect(await due.locator('afm-question').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')))).toEqual([
        'distributions/variance-of-combination',
        'distributions/scaled-dot-variance',
      ]);
      const first = due.first();
      const q = first.locator('afm-question');
      expect(await first.locator('.review-source a').getAttribute('href')).toBe(`/${DISTRIBUTIONS(lang)}#q-variance-of-combination`);
      await q.locator('xpath=self::*[@data-ready]').waitFor();
      // Nothing pre-filled: the old answer (10) is not put back.
      expect(await q.locator('.q-body .q-input').inputValue()).toBe('');
      // The question with variants comes with another variant than last time.
      const again = due.nth(1).locator('afm-question');
      await again.locator('xpath=self::*[@data-ready]').waitFor();
      expect(Number(await again.locator('.q-body').getAttribute('data-variant'))).not.toBe(variantBefore);
      expect(await again.locator('.q-body .q-input').inputValue()).toBe('');
      // It grades, with targeted feedback and all, and says when it comes back after this answer.
      await answer(q, '10', 'enter');
      expect(await feedback(q)).toContain(lang === 'en' ? 'The cross term' : '交叉项');
      expect(await q.locator('.q-history').innerText()).toContain(await nextReview(page, lang, 1));
      await answer(q, 'six', 'enter');
      expect(await status(q)).toBe('invalid');
      await answer(q, '6', 'enter');
      expect(await status(q)).toBe('correct');
      expect(await solutionVisible(q)).toBe(true);
      // Wrong then right today: a Hard review; the history says so in days.
      expect((await stored(page))!.questions['distributions/variance-of-combination']).toMatchObject({ attempts: 3, best: 1, reviews: 2, rating: 2 });
      expect(await q.locator('.q-history').innerText()).toMatch(new RegExp(T(lang, 'quizui.next', { when: '.+' })));
      site.assertNoErrors();
    });
  }
});

describe('the review queue when much is due', () => {
  for (const lang of flowLangs('zh')) {
    it(`counts every due question in the summary, shows the most urgent first, eight at a time (${lang})`, async () => {
      const { page } = await site.page();
      await page.goto(`${site.url}${lang}/review/`);
      await page.locator('afm-review[data-ready]').waitFor();
      const keys = await page
        .locator('.review-data')
        .evaluate((el) => (JSON.parse(el.textContent ?? '[]') as Array<{ key: string; area: string }>).slice(0, 10));
      expect(keys).toHaveLength(10);
      // Ten questions answered wrong in the past (stored by the previous version, Leitner box 1),
      // the later ones longer ago: all due now, once migrated.
      await page.evaluate((refs) => {
        const questions: Record<string, unknown> = {};
        refs.forEach(({ key, area }, i) => {
          const at = new Date(Date.UTC(2026, 0, 20 - i)).toISOString();
          questions[key] = { area, attempts: 1, best: 0, last: '0', lastAt: at, box: 1, due: at };
        });
        localStorage.setItem('afm-progress', JSON.stringify({ version: 2, questions }));
      }, keys);
      await page.reload();
      await page.locator('afm-review[data-ready]').waitFor();
      const fresh = (await page.locator('.review-data').evaluate((el) => JSON.parse(el.textContent ?? '[]').length)) - 10;
      expect(await page.locator('.review-summary').innerText()).toBe(
        `${T(lang, 'reviewui.summary', { due: 10, shown: 8 })} ${T(lang, 'reviewui.freshCount', { fresh })}`,
      );
      const shown = await page.locator('.review-due .review-item afm-question').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
      // Earliest due first: the tenth was due longest ago.
      expect(shown).toEqual(
        keys
          .map((k) => k.key)
          .reverse()
          .slice(0, 8),
      );
      site.assertNoErrors();
    });
  }
});

describe('where the learner stands', () => {
  for (const lang of flowLangs('en')) {
    it(`shows the due count in the header and on the home page, mastery marks, and where to continue (${lang})`, async () => {
      const { page } = await site.page();
      // A first visit: nothing to show, and the marks code is not even loaded.
      const loaded: string[] = [];
      page.on('request', (r) => loaded.push(r.url()));
      await page.goto(`${site.url}${lang}/`);
      await settled(page);
      expect(await page.locator('.header-due').isVisible()).toBe(false);
      expect(loaded.some((u) => u.includes('progress-marks'))).toBe(false);
      // Two questions answered, one of them due now.
      await page.goto(`${site.url}${DISTRIBUTIONS(lang)}`);
      await answer(await question(page, 'variance-of-combination'), '6', 'enter');
      await answer(await question(page, 'covariance-matrix'), '[1, 0; 0, 1]', 'enter');
      await backdate(page, 'distributions/variance-of-combination', 5);
      await page.goto(`${site.url}${lang}/about/`);
      const header = page.locator('.header-due');
      await header.waitFor();
      expect(await header.innerText()).toBe(T(lang, 'header.due', { n: 1 }));
      expect(await header.getAttribute('href')).toBe(`/${lang}/review/`);
      await page.goto(`${site.url}${lang}/`);
      await page.locator('.home-progress .due-count').waitFor();
      expect(await page.locator('.home-progress .due-count').innerText()).toBe(T(lang, 'home.due', { n: 1 }));
      const cont = page.locator('.home-continue');
      await cont.waitFor();
      expect(await cont.locator('a').getAttribute('href')).toMatch(/\/probability\/distributions\/#q-covariance-matrix$/);
      // The home page's map: the note is being practised; another with a quiz is not started.
      const mark = page.locator(`.area-notes a[href$="/probability/distributions/"] .mastery-mark`);
      expect(await mark.getAttribute('data-state')).toBe('practising');
      expect(await mark.innerText()).toContain(T(lang, 'mastery.practising'));
      expect(await page.locator('.area-notes .mastery-mark[data-state="notStarted"]').count()).toBeGreaterThan(0);
      // Nothing due: the header says nothing.
      await page.evaluate(() => localStorage.setItem('afm-progress', JSON.stringify({ version: 3, questions: {} })));
      await page.reload();
      await settled(page);
      expect(await header.isVisible()).toBe(false);
      site.assertNoErrors();
    });

    it(`says at once when saving an answer fails with storage nearly full, and what to do (${lang})`, async () => {
      const { page, q } = await openQuiz(DISTRIBUTIONS(lang), 'variance-of-combination', async (context) => {
        await context.addInitScript(() => {
          if (sessionStorage.getItem('afm-test-filled')) return;
          sessionStorage.setItem('afm-test-filled', '1');
          // Fill storage to just under its quota: room for the start-up test, not for an answer.
          localStorage.setItem('afm-test-slack', 'x'.repeat(60));
          let chunk = 'x'.repeat(1 << 20);
          for (let i = 0; chunk.length > 0; i++) {
            try {
              localStorage.setItem(`afm-test-fill-${i}`, chunk);
            } catch {
              chunk = chunk.slice(0, chunk.length >> 1);
            }
          }
          localStorage.removeItem('afm-test-slack');
        });
      });
      // The start-up test passes: no notice yet.
      expect(await page.locator('#storage-notice').isVisible()).toBe(false);
      await answer(q, '6', 'enter');
      expect(await status(q)).toBe('correct');
      const notice = page.locator('#storage-notice');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.innerText()).toBe(T(lang, 'quizui.failed'));
      expect(await feedback(q)).toContain(T(lang, 'quizui.notSaved'));
      expect(await stored(page)).toBeNull();
      // The progress page says the same, and an import is not reported as done when nothing was stored.
      await page.goto(`${site.url}${lang}/progress/`);
      await page.locator('afm-progress-page[data-ready]').waitFor();
      const file = {
        app: 'ai-math-foundations',
        exportedAt: new Date().toISOString(),
        progress: {
          version: 3,
          questions: {
            'x/y': { area: 'x', attempts: 1, best: 1, last: '1', lastAt: new Date().toISOString(), due: new Date().toISOString(), reviews: 0, lapses: 0 },
          },
        },
      };
      await page.setInputFiles('#progress-import', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await page.locator('.progress-message', { hasText: T(lang, 'progressui.importNotSaved', { file: 'big.json' }) }).waitFor();
      expect(await stored(page)).toBeNull();
      site.assertNoErrors();
    });

    it(`loses nothing when two tabs answer at once (${lang})`, async () => {
      const { page: a, context } = await site.page();
      const b = await context.newPage();
      await a.goto(`${site.url}${DISTRIBUTIONS(lang)}`);
      await b.goto(`${site.url}${DISTRIBUTIONS(lang)}`);
      const qa = await question(a, 'variance-of-combination');
      const qb = await question(b, 'covariance-matrix');
      // Both tabs loaded the same (empty) progress; each answers its own question.
      await answer(qa, '7', 'enter');
      await answer(qb, '[1, 0; 0, 1]', 'enter');
      await answer(qa, '6', 'enter');
      const keys = Object.keys((await stored(a))!.questions).sort();
      expect(keys).toEqual(['distributions/covariance-matrix', 'distributions/variance-of-combination']);
      expect((await stored(b))!.questions['distributions/variance-of-combination']!.attempts).toBe(2);
      // Tab B hears of A's answers: its next answer keeps them.
      await answer(await question(b, 'variance-of-combination'), '6', 'enter');
      expect((await stored(a))!.questions['distributions/variance-of-combination']!.attempts).toBe(3);
      expect((await stored(a))!.questions['distributions/covariance-matrix']!.attempts).toBe(1);
      await b.close();
      site.assertNoErrors();
    });
  }
});

describe('JavaScript budget', () => {
  it('measures the JavaScript a note page with a quiz loads, calculator left out', async () => {
    // Every note embeds a calculator, so the calculator loader (which the page script imports)
    // is served as an empty module: what is left is what a note with a quiz and no calculator
    // would load.
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const path = 'en/information-theory/';
    const html = readFileSync(join(distDir, path, 'index.html'), 'utf8');
    const isCalculatorLoader = (pathname: string) => /\/_astro\/loader\.[\w-]+\.js$/.test(pathname);
    const calculatorScripts: string[] = [];
    await page.route('**/*.js', (route) => {
      const url = new URL(route.request().url());
      if (!isCalculatorLoader(url.pathname)) return route.continue();
      calculatorScripts.push(url.pathname);
      return route.fulfill({ body: 'export {};', contentType: 'text/javascript' });
    });
    const loaded = new Map<string, number>();
    const measuring: Promise<void>[] = [];
    const measure = (response: Response) => {
      const url = new URL(response.url());
      if (!url.pathname.endsWith('.js') || isCalculatorLoader(url.pathname)) return;
      measuring.push(response.body().then((body) => void loaded.set(url.pathname, gzipSync(body, { level: 9 }).length)));
    };
    page.on('response', measure);
    await page.goto(`${site.url}${path}`);
    const q = page.locator('afm-question').first();
    await q.scrollIntoViewIfNeeded();
    await q.locator('xpath=self::*[@data-ready]').waitFor();
    // Every script the page starts by itself has been asked for, and every answer read.
    await settled(page);
    // What arrives later (the on-demand variants chunk) is not measured: its body would be read
    // after the context has closed.
    page.off('response', measure);
    await Promise.all(measuring);
    // Scripts inside the page (the theme) count too; JSON does not. The chunk that fetches and
    // typesets variants after the first (quiz-ui/variants.ts, with Temml) is loaded on demand,
    // once the learner is on another variant, as most are right after load: not in the budget.
    const inline = pageResources(html, `${path}index.html`).inline.join('\n');
    const onDemand = (file: string) => /\/variants\.[\w-]+\.js$/.test(file);
    const counted = [...loaded].filter(([file]) => !onDemand(file));
    const total = counted.reduce((sum, [, bytes]) => sum + bytes, 0) + gzipSync(inline, { level: 9 }).length;
    console.log(
      `Quiz page JavaScript on /${path} (gzip -9, no calculator): ${total} bytes, the inline script and ${counted.length} files\n` +
        [...loaded].map(([file, bytes]) => `  ${bytes}\t${file}${onDemand(file) ? ' (on demand, not counted)' : ''}`).join('\n'),
    );
    expect(calculatorScripts.length).toBeGreaterThan(0);
    expect([...loaded.keys()].some((file) => /\/question-loader\.[\w-]+\.js$/.test(file))).toBe(true);
    expect(total).toBeGreaterThan(0);
    expect(inline.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(budgets.quizPageJs);
    await context.close();
  });
});
