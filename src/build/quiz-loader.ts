/**
 * Loads `quizzes/*.yaml` into the `quizzes` collection: each file is validated by the quiz
 * engine's loader (a bad file fails the build naming the file, the question, the field and
 * the reason), its variants are made, and every text is rendered to HTML here at build time.
 *
 * A question's first variant, and the feedback of all of them, are typeset (MathML) like the
 * notes: they are in the page (Quiz.astro). The other variants are rendered with their
 * formulas left as TeX (src/integrations/rehype-math-tex.ts, which checks that every formula
 * can be typeset, so a bad one still fails the build) and travel in a data file per note and language
 * (src/pages/[lang]/quiz-data/[topic].json.ts) that the browser typesets when it needs them.
 *
 * A file whose text, and the code that renders it, are unchanged since the last build is not
 * rendered again: its entry stays in Astro's content store (kept in the cache folder) under a
 * digest of both.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { unified, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import { formatNumber, loadQuizFile, makeVariants, type Question, type Variant } from '../quiz/build.ts';
import type { Answer, Text } from '../quiz/index.ts';
import rehypeMathTex from '../integrations/rehype-math-tex.ts';

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
  /**
   * The texts as authored, `{{name}}` kept (formulas as TeX), and each variant's values of
   * those names (variants 1…n−1, formatted as the engine fills them in): the quiz data file
   * sends this instead of every variant's HTML where filling it in gives exactly that HTML
   * (checked in src/pages/[lang]/quiz-data/[topic].json.ts).
   */
  template?: { variant: RenderedVariant; names: string[]; values: string[][] };
};

export type RenderedQuiz = { topic: string; file: string; questions: RenderedQuestion[] };

type Render = (markdown: string) => Promise<string>;
/** `typeset`: formulas as MathML (in the page); `tex`: formulas left as TeX (in the data file). */
export type Renderers = { typeset: Render; tex: Render };

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

/**
 * Texts go through `render`; the feedback (targeted mistakes, choice feedback) is always
 * typeset, since the page carries it for every variant with the answers to grade.
 */
async function renderVariant(v: Variant, render: Render, typesetRender: Render): Promise<RenderedVariant> {
  const out: RenderedVariant = {
    seed: v.seed,
    prompt: await renderText(v.prompt, render),
    hints: await Promise.all(v.hints.map((h) => renderText(h, render, true))),
  };
  if (v.solution) out.solution = await renderText(v.solution, render);
  if (v.answer) out.answer = await renderAnswer(v.answer, typesetRender);
  if (v.parts) {
    out.parts = await Promise.all(
      v.parts.map(async (p) => ({ prompt: await renderText(p.prompt, render, true), answer: await renderAnswer(p.answer, typesetRender) })),
    );
  }
  if (v.choices) {
    out.choices = await Promise.all(
      v.choices.map(async (c) => {
        const choice: { text: Html; correct: boolean; feedback?: Html } = { text: await renderText(c.text, render, true), correct: c.correct };
        if (c.feedback) choice.feedback = await renderText(c.feedback, typesetRender, true);
        return choice;
      }),
    );
  }
  return out;
}

/** `{{ name }}` written as the engine reads it, `{{name}}`, so the browser can fill it in with one pattern. */
const placeholders = (text: Text): Text => {
  const tidy = (s: string) => s.replace(/\{\{([^{}]*)\}\}/g, (_, name: string) => `{{${name.trim()}}}`);
  return { en: tidy(text.en), zh: tidy(text.zh) };
};

/** Question `q`'s texts with `{{name}}` kept, and its variants' values; undefined if they do not render that way. */
async function renderTemplate(q: Question, variants: Variant[], render: Render): Promise<RenderedQuestion['template']> {
  const model = variants[1];
  if (!model) return undefined;
  const names = Object.keys(model.params ?? {});
  if (names.length === 0) return undefined;
  const template: Variant = {
    ...model,
    prompt: placeholders(q.prompt),
    hints: (q.hints ?? []).map(placeholders),
    solution: q.solution && placeholders(q.solution),
    parts: model.parts?.map((p, i) => ({ ...p, prompt: placeholders(q.type === 'numeric' ? q.parts![i]!.prompt : p.prompt) })),
    choices: model.choices?.map((c, i) => ({ ...c, text: placeholders(q.type === 'choice' ? q.choices[i]!.text : c.text), feedback: undefined })),
  };
  if (!template.solution) delete template.solution;
  try {
    // Feedback is not part of a variant's HTML (the page carries it): not rendered here.
    const variant = await renderVariant(template, render, async () => '');
    return { variant, names, values: variants.slice(1).map((v) => names.map((n) => formatNumber(v.params![n]!))) };
  } catch {
    // A formula that is only valid TeX once its numbers are in: every variant is sent whole.
    return undefined;
  }
}

/** Reads, validates and renders one quiz file. */
export async function renderQuizFile(path: string, displayName: string, render: Renderers, source?: string): Promise<RenderedQuiz> {
  const quiz = loadQuizFile(displayName, source ?? (await readFile(path, 'utf8')));
  const questions: RenderedQuestion[] = [];
  for (const q of quiz.questions) {
    let variants: Variant[];
    try {
      variants = makeVariants(q, quiz.topic);
    } catch (error) {
      throw new Error(`${displayName}: question "${q.id}", ${error instanceof Error ? error.message : String(error)}`);
    }
    let rendered: RenderedVariant[];
    try {
      rendered = await Promise.all(variants.map((v, i) => renderVariant(v, i === 0 ? render.typeset : render.tex, render.typeset)));
    } catch (error) {
      // Astro's Markdown renderer prefixes the file name, which a quiz text does not have.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/^Failed to parse Markdown file "[^"]*":\s*/, '');
      throw new Error(`${displayName}: question "${q.id}": ${reason}`);
    }
    const question: RenderedQuestion = {
      id: q.id,
      type: q.type,
      multiple: q.type === 'choice' && q.multiple === true,
      hasParams: Object.keys(q.params ?? {}).length > 0,
      variants: rendered,
    };
    const template = await renderTemplate(q, variants, render.tex);
    if (template) question.template = template;
    questions.push(question);
  }
  return { topic: quiz.topic, file: displayName, questions };
}

/** Memoises a renderer: variants repeat many texts (hints, feedback without numbers). */
function memo(render: Render): Render & { size: () => number } {
  const cache = new Map<string, Promise<string>>();
  const run = (markdown: string) => {
    let html = cache.get(markdown);
    if (!html) cache.set(markdown, (html = render(markdown)));
    return html;
  };
  return Object.assign(run, { size: () => cache.size });
}

const isPlugin = (entry: unknown, name: string) => (Array.isArray(entry) ? entry[0] : entry)?.name === name;

/**
 * The site's Markdown pipeline (astro.config.mjs) with rehype-math replaced by
 * rehype-math-tex: same Markdown features, typography and links, formulas left as TeX.
 */
async function texRenderer(config: LoaderContext['config']): Promise<Render> {
  const { markdown, image } = config;
  const options = (markdown.processor as unknown as { options: UnifiedResolvedOptions }).options;
  const plugins = [...options.rehypePlugins];
  const at = plugins.findIndex((p) => isPlugin(p, 'rehypeMath'));
  if (at < 0)
    throw new Error(
      "quiz-loader: rehype-math is not in markdown.processor's rehypePlugins (astro.config.mjs); the quiz variants rendered as TeX must match the formulas it renders",
    );
  plugins.splice(at, 1, rehypeMathTex);
  const renderer = await unified({ ...options, rehypePlugins: plugins }).createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  });
  return async (md) => (await renderer.render(md)).code;
}

/** What the rendered output depends on besides the quiz file: the code that renders it. */
const renderingCode = [
  'src/build/quiz-loader.ts',
  'src/integrations/rehype-math-tex.ts',
  'src/integrations/rehype-math.ts',
  'src/integrations/math.ts',
  'src/integrations/rehype-scrollable.ts',
  'src/integrations/rehype-base-links.ts',
  'astro.config.mjs',
  'node_modules/temml/package.json',
];

async function codeFingerprint(): Promise<string> {
  const quizDir = join(process.cwd(), 'src/quiz');
  const engine = (await readdir(quizDir))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join('src/quiz', f));
  const texts = await Promise.all([...renderingCode, ...engine].map((f) => readFile(join(process.cwd(), f), 'utf8').catch(() => `missing ${f}`)));
  return texts.join('\0');
}

export function quizLoader(folder: string): Loader {
  return {
    name: 'quiz-loader',
    load: async ({ store, renderMarkdown, watcher, logger, config, generateDigest }: LoaderContext) => {
      const typeset = memo(async (markdown) => (await renderMarkdown(markdown)).html);
      const tex = memo(await texRenderer(config));
      const code = generateDigest(`${config.base}\0${await codeFingerprint()}`);
      const files = (await readdir(folder).catch(() => [] as string[])).filter((f) => /\.ya?ml$/.test(f)).sort();
      const previous = new Map(store.values().map((entry) => [(entry.data as RenderedQuiz).file, entry]));
      const topics = new Map<string, string>();
      let reused = 0;
      for (const name of files) {
        const path = join(folder, name);
        const displayName = relative(process.cwd(), path);
        const source = await readFile(path, 'utf8');
        const digest = generateDigest(`${code}\0${displayName}\0${source}`);
        const before = previous.get(displayName);
        let quiz: RenderedQuiz;
        if (before && before.digest === digest) {
          quiz = before.data as RenderedQuiz;
          reused++;
        } else {
          quiz = await renderQuizFile(path, displayName, { typeset, tex }, source);
        }
        const other = topics.get(quiz.topic);
        if (other) throw new Error(`${displayName}: field topic: "${quiz.topic}" already has a quiz in ${other}; put its questions in one file`);
        topics.set(quiz.topic, displayName);
        store.set({ id: quiz.topic, data: quiz, digest });
      }
      // Files deleted or renamed since the last build.
      for (const id of store.keys()) if (!topics.has(id)) store.delete(id);
      logger.info(
        `${files.length} quiz files (${reused} unchanged since the last build), ${typeset.size()} texts typeset, ${tex.size()} with TeX left for the browser`,
      );
      watcher?.add(folder);
    },
  };
}
