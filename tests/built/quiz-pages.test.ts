/**
 * What a quiz page hands its script, read from the built pages: the engine's templates hold
 * the form phrases ("a number, fraction or scientific notation") for every list of forms its
 * questions accept, since the browser has no code to make them (src/quiz/form-phrases.ts); the
 * review page holds those of every quiz page; each variant other than the first is in the note's
 * quiz data file, where the quiz element fetches it, with every formula as TeX for the browser
 * to typeset; and a quiz note's HTML stays light (issue #17).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/content.ts';
import { builtPages, distDir, readBuilt } from '../helpers/site.ts';
import { readQuizData, variantsOf } from '../helpers/quiz-data.ts';
import { loadQuizFile, makeVariants } from '../../src/quiz/build.ts';
import { formsOf } from '../../src/quiz/grade.ts';
import { DEFAULT_FORMS, type Answer } from '../../src/quiz/types.ts';

type Variant = { answer?: Answer; parts?: Answer[] };
const jsonIn = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => JSON.parse(m[1]!) as unknown);
const pageEngineStrings = (html: string) =>
  jsonIn(html, /<script type="application\/json" id="ui-engine">([\s\S]*?)<\/script>/g)[0] as Record<string, string> | undefined;

const quizPages = builtPages()
  .map((page) => ({ page, html: readBuilt(page) }))
  .filter(({ html }) => html.includes('<afm-question'));

/** The lists of forms (`decimal,fraction,scientific`) a page's questions can ask to be described. */
function formLists(html: string): Set<string> {
  const lists = new Set([DEFAULT_FORMS.join()]);
  for (const data of jsonIn(html, /<script type="application\/json" class="q-data">([\s\S]*?)<\/script>/g) as Array<{ variants: Variant[] }>) {
    for (const v of data.variants) for (const a of [v.answer, ...(v.parts ?? [])]) if (a) lists.add(formsOf(a).join());
  }
  return lists;
}

describe('quiz pages', () => {
  it('are the notes with a quiz file, in both languages', () => {
    const quizFiles = readdirSync(join(repoRoot, 'quizzes')).filter((name) => name.endsWith('.yaml'));
    expect(quizPages.length).toBe(2 * quizFiles.length);
  });

  it('hand the engine a phrase and examples for every list of forms their questions accept', () => {
    const missing: string[] = [];
    for (const { page, html } of quizPages) {
      const templates = pageEngineStrings(html) ?? {};
      for (const list of formLists(html)) {
        for (const key of [`forms.${list}`, `examples.${list}`]) if (!templates[key]) missing.push(`${page}: ${key}`);
      }
      // The pieces the phrases are made of stay at build time.
      expect(
        Object.keys(templates).filter((k) => /^form(First)?\./.test(k)),
        page,
      ).toEqual([]);
    }
    expect(missing).toEqual([]);
  });

  it('hand the review page the phrases of every quiz page, in its language', () => {
    for (const lang of ['en', 'zh']) {
      const review = pageEngineStrings(readBuilt(`${lang}/review/index.html`)) ?? {};
      const needed = new Set(quizPages.filter(({ page }) => page.startsWith(`${lang}/`)).flatMap(({ html }) => [...formLists(html)]));
      expect([...needed].filter((list) => !review[`forms.${list}`] || !review[`examples.${list}`])).toEqual([]);
      expect(review['forms.decimal,fraction,scientific']).toBe(lang === 'en' ? 'a number, fraction or scientific notation' : '数字、分数或科学计数法');
    }
  });

  it("keep every question's pool of variants: the first in the page, the others in the note's quiz data file", { timeout: 120_000 }, () => {
    // The pool the quiz engine makes for each question (at least 20 where the params allow).
    const pools = new Map<string, number>();
    for (const name of readdirSync(join(repoRoot, 'quizzes')).filter((n) => n.endsWith('.yaml'))) {
      const quiz = loadQuizFile(name, readFileSync(join(repoRoot, 'quizzes', name), 'utf8'));
      for (const q of quiz.questions) pools.set(`${quiz.topic}/${q.id}`, makeVariants(q, quiz.topic).length);
    }
    let questions = 0;
    let fetched = 0;
    let templated = 0;
    for (const { page, html } of quizPages) {
      for (const question of html.split('<afm-question').slice(1)) {
        const open = question.slice(0, question.indexOf('>'));
        const key = /data-key="([^"]+)"/.exec(open)![1]!;
        const count = Number(/data-count="(\d+)"/.exec(open)?.[1]);
        expect(count, `${page} ${key}`).toBe(pools.get(key));
        // Only the first variant is in the page: one prompt per question, and no data blocks.
        expect(question.split('</afm-question>')[0]!.match(/class="q-prompt"/g), `${page} ${key}`).toHaveLength(1);
        questions++;
        if (count === 1) continue;
        const url = /data-variants="([^"]+)"/.exec(open)?.[1];
        expect(url, `${page} ${key}`).toBe(`/${page.slice(0, 2)}/quiz-data/${key.split('/')[0]}.json`);
        const entry = readQuizData(distDir, url!)?.[key.split('/')[1]!];
        if (entry && !Array.isArray(entry)) templated++;
        const variants = variantsOf(entry);
        expect(variants.length, `${page} ${key}`).toBe(count - 1);
        for (const [k, v] of variants.entries()) {
          // The same markup as the page's first variant (ids numbered by variant), formulas as TeX.
          expect(v, `${page} ${key} variant ${k + 1}`).toMatch(/^<div class="q-prompt">/);
          expect(v).toContain(`-v${k + 1}-`);
          expect(v).not.toContain('<math');
          fetched++;
        }
      }
      expect(html).not.toContain('<script type="text/html"');
    }
    console.log(
      `${questions} questions on ${quizPages.length} quiz pages; ${fetched} variants in quiz data files, ${templated} questions sent as a template and numbers`,
    );
    expect(questions).toBeGreaterThan(100);
  });
});
