/**
 * Loads `quizzes/*.yaml` into the `quizzes` collection: each file is validated by the quiz
 * engine's loader (a bad file fails the build naming the file, the question, the field and
 * the reason), its variants are made, and every text is rendered to HTML with KaTeX here at
 * build time, so the browser receives finished HTML and only the answers to grade.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadQuizFile, makeVariants, type Variant } from '../quiz/build.ts';
import type { Answer, Text } from '../quiz/index.ts';

export type Html = { en: string; zh: string };

export type RenderedVariant = {
  seed: number;
  prompt: Html;
  hints: Html[];
  solution?: Html;
  answer?: Answer;
  parts?: Array<{ prompt: Html; answer: Answer }>;
  choices?: Array<{ text: Html; correct: boolean; feedback?: Html }>;
};

export type RenderedQuestion = {
  id: string;
  type: 'numeric' | 'choice';
  multiple: boolean;
  hasParams: boolean;
  variants: RenderedVariant[];
};

export type RenderedQuiz = { topic: string; file: string; questions: RenderedQuestion[] };

type Render = (markdown: string) => Promise<string>;

/** A single paragraph loses its <p> so it can sit inside a label or a legend. */
const unwrap = (html: string) => {
  const m = /^<p>([\s\S]*)<\/p>\s*$/.exec(html.trim());
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
};

async function renderText(text: Text, render: Render, inline = false): Promise<Html> {
  const [en, zh] = await Promise.all([render(text.en), render(text.zh)]);
  return inline ? { en: unwrap(en), zh: unwrap(zh) } : { en, zh };
}

async function renderAnswer(answer: Answer, render: Render): Promise<Answer> {
  if (!answer.wrong) return answer;
  const wrong = await Promise.all(answer.wrong.map(async (w) => ({ ...w, message: await renderText(w.message, render, true) })));
  return { ...answer, wrong };
}

async function renderVariant(v: Variant, render: Render): Promise<RenderedVariant> {
  const out: RenderedVariant = {
    seed: v.seed,
    prompt: await renderText(v.prompt, render),
    hints: await Promise.all(v.hints.map((h) => renderText(h, render, true))),
  };
  if (v.solution) out.solution = await renderText(v.solution, render);
  if (v.answer) out.answer = await renderAnswer(v.answer, render);
  if (v.parts) {
    out.parts = await Promise.all(v.parts.map(async (p) => ({ prompt: await renderText(p.prompt, render, true), answer: await renderAnswer(p.answer, render) })));
  }
  if (v.choices) {
    out.choices = await Promise.all(
      v.choices.map(async (c) => {
        const choice: { text: Html; correct: boolean; feedback?: Html } = { text: await renderText(c.text, render, true), correct: c.correct };
        if (c.feedback) choice.feedback = await renderText(c.feedback, render, true);
        return choice;
      }),
    );
  }
  return out;
}

/** Reads, validates and renders one quiz file. */
export async function renderQuizFile(path: string, displayName: string, render: Render): Promise<RenderedQuiz> {
  const quiz = loadQuizFile(displayName, await readFile(path, 'utf8'));
  const questions: RenderedQuestion[] = [];
  for (const q of quiz.questions) {
    let variants: Variant[];
    try {
      variants = makeVariants(q, quiz.topic);
    } catch (error) {
      throw new Error(`${displayName}: question "${q.id}", ${error instanceof Error ? error.message : String(error)}`);
    }
    questions.push({
      id: q.id,
      type: q.type,
      multiple: q.type === 'choice' && q.multiple === true,
      hasParams: Object.keys(q.params ?? {}).length > 0,
      variants: await Promise.all(variants.map((v) => renderVariant(v, render))),
    });
  }
  return { topic: quiz.topic, file: displayName, questions };
}

export function quizLoader(folder: string): Loader {
  return {
    name: 'quiz-loader',
    load: async ({ store, renderMarkdown, watcher, logger }: LoaderContext) => {
      const cache = new Map<string, Promise<string>>();
      const render: Render = (markdown) => {
        let html = cache.get(markdown);
        if (!html) {
          html = renderMarkdown(markdown).then((r) => r.html);
          cache.set(markdown, html);
        }
        return html;
      };
      store.clear();
      const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
      const topics = new Map<string, string>();
      for (const name of files) {
        const path = join(folder, name);
        const displayName = relative(process.cwd(), path);
        const quiz = await renderQuizFile(path, displayName, render);
        const other = topics.get(quiz.topic);
        if (other) throw new Error(`${displayName}: field topic: "${quiz.topic}" already has a quiz in ${other}; put its questions in one file`);
        topics.set(quiz.topic, displayName);
        store.set({ id: quiz.topic, data: quiz });
      }
      logger.info(`${files.length} quiz files, ${cache.size} texts rendered`);
      watcher?.add(folder);
    },
  };
}
