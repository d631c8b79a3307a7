/**
 * Issue #17: quiz notes used to weigh megabytes, every variant of every question typeset inside
 * the page. A note now carries each question's first variant; the others are in the note's quiz
 * data file with formulas as TeX (see quiz-pages.test.ts for the variants), and formulas are
 * MathML (src/integrations/math.ts), about a ninth of what KaTeX's HTML and MathML took.
 *
 * Budgets, raw bytes: every quiz note's page ≤ 250 KB, and a quiz data file ≤ 250 KB. The
 * heaviest pages are printed with their split: the note's own text, the quiz and, of the quiz,
 * its grading data (each variant's answer and feedback, typeset for every variant).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir, readBuilt } from '../helpers/site.ts';

const KB = 1000;
const BUDGET = 250 * KB;
const quizPages = builtPages()
  .map((page) => ({ page, html: readBuilt(page) }))
  .filter(({ html }) => html.includes('<afm-question'));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

/** The grading data blocks of a page's questions (Quiz.astro). */
const gradingData = (html: string) =>
  [...html.matchAll(/<script type="application\/json" class="q-data">[\s\S]*?<\/script>/g)].reduce((sum, m) => sum + bytes(m[0]), 0);

/** The quiz's share of a page: its section, from `<section class="quiz"` to its `</section>`. */
function quizSection(html: string): string {
  const start = html.indexOf('<section class="quiz"');
  if (start < 0) return '';
  const end = html.indexOf('</section>', start);
  return html.slice(start, end + '</section>'.length);
}

describe('quiz note weight (issue #17)', () => {
  it(`keeps every quiz note's page within ${kb(BUDGET)} of HTML`, () => {
    expect(quizPages.length).toBeGreaterThan(10);
    const rows = quizPages
      .map(({ page, html }) => {
        const quiz = bytes(quizSection(html));
        return { page, total: bytes(html), quiz, grading: gradingData(html), note: bytes(html) - quiz };
      })
      .sort((a, b) => b.total - a.total);
    console.log(
      `quiz notes: ${rows.length}, heaviest:\n` +
        rows
          .slice(0, 5)
          .map((r) => `  ${r.page}: ${kb(r.total)} = note ${kb(r.note)} + quiz ${kb(r.quiz)} (grading data ${kb(r.grading)})`)
          .join('\n'),
    );
    expect(rows.filter((r) => r.total > BUDGET).map((r) => `${r.page}: ${kb(r.total)}`)).toEqual([]);
  });

  it(`keeps each quiz data file within ${kb(BUDGET)}`, () => {
    const files = ['en', 'zh'].flatMap((lang) => readdirSync(join(distDir, lang, 'quiz-data')).map((name) => join(lang, 'quiz-data', name)));
    expect(files.length).toBe(quizPages.length);
    const sizes = files.map((f) => ({ f, size: statSync(join(distDir, f)).size }));
    for (const lang of ['en', 'zh']) {
      const mine = sizes.filter((s) => s.f.startsWith(`${lang}/`));
      console.log(
        `${lang}: ${mine.length} quiz data files, ${kb(mine.reduce((a, s) => a + s.size, 0))} in all, largest ${kb(Math.max(...mine.map((s) => s.size)))}`,
      );
    }
    expect(sizes.filter((s) => s.size > BUDGET).map((s) => `${s.f}: ${kb(s.size)}`)).toEqual([]);
  });
});
