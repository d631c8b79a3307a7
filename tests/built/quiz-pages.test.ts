/**
 * What a quiz page hands its script, read from the built pages: the engine's templates hold
 * the form phrases ("a number, fraction or scientific notation") for every list of forms its
 * questions accept, since the browser has no code to make them (src/quiz/form-phrases.ts); the
 * review page holds those of every quiz page; and each variant other than the first is a data
 * block the quiz element can put on screen.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/content.ts';
import { builtPages, readBuilt } from '../helpers/site.ts';
import { formsOf } from '../../src/quiz/grade.ts';
import { DEFAULT_FORMS, type Answer } from '../../src/quiz/types.ts';

type Variant = { answer?: Answer; parts?: Answer[] };
const jsonIn = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => JSON.parse(m[1]!) as unknown);
const pageEngineStrings = (html: string) => jsonIn(html, /<script type="application\/json" id="ui-engine">([\s\S]*?)<\/script>/g)[0] as Record<string, string> | undefined;

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
      expect(Object.keys(templates).filter((k) => /^form(First)?\./.test(k)), page).toEqual([]);
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

  it('carry each variant after the first as a data block, numbered in order', () => {
    for (const { page, html } of quizPages) {
      for (const question of html.split('<afm-question').slice(1)) {
        const count = Number(/data-count="(\d+)"/.exec(question)?.[1]);
        const blocks = [...question.matchAll(/<script type="text\/html" data-variant="(\d+)">/g)].map((m) => Number(m[1]));
        expect(blocks, page).toEqual(Array.from({ length: count - 1 }, (_, i) => i + 1));
      }
    }
  });
});
