/**
 * A note's quiz data file, one per note and language (`/<lang>/quiz-data/<topic>.json`): for
 * each question, the HTML of its variants after the first (the page carries the first), made
 * by the same component as the first (QuizVariant.astro), with formulas as TeX for the browser
 * to typeset (src/quiz-ui/variants.ts). The quiz element fetches it once a page when a learner
 * needs another variant; "save for offline" stores it with the language's pages.
 * Shape: `{ "<question id>": ["<variant 1>", "<variant 2>", …] }`, or, for a question whose
 * variants differ only in their numbers, one template and the numbers,
 * `{ "<question id>": { t: "<HTML with {{name}}>", n: [names], v: [[values of variant 1], …] } }`:
 * a twentieth of the size. The template is used only where filling it in (as the browser does,
 * src/quiz-ui/variants.ts) gives every variant's HTML exactly.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getCollection } from 'astro:content';
import QuizVariant from '../../../components/quiz/QuizVariant.astro';
import { languages, type Lang } from '../../../utils/lang.ts';
import type { RenderedQuiz } from '../../../build/quiz-loader.ts';
import { variantSource, type QuizData } from '../../../quiz-ui/variants.ts';

export const getStaticPaths = (async () => {
  const quizzes = await getCollection('quizzes');
  return languages.flatMap((lang) =>
    quizzes.map(({ data }) => ({ params: { lang, topic: (data as RenderedQuiz).topic }, props: { quiz: data as RenderedQuiz } })),
  );
}) satisfies GetStaticPaths;

let container: Promise<AstroContainer> | undefined;

export const GET: APIRoute = async ({ params, props }) => {
  const lang = params.lang as Lang;
  const { quiz } = props as { quiz: RenderedQuiz };
  const render = await (container ??= AstroContainer.create());
  const html = (variant: RenderedQuiz['questions'][number]['variants'][number], base: string, multiple: boolean) =>
    render.renderToString(QuizVariant, { props: { variant, base, lang, multiple } });
  const data: QuizData = {};
  for (const q of quiz.questions) {
    const base = `${quiz.topic}-${q.id}-v`;
    const whole = await Promise.all(q.variants.slice(1).map((variant, k) => html(variant, `${base}${k + 1}`, q.multiple)));
    data[q.id] = whole;
    if (q.template) {
      const entry = { t: await html(q.template.variant, `${base}{{@}}`, q.multiple), n: q.template.names, v: q.template.values };
      if (whole.every((variant, k) => variantSource(entry, k + 1) === variant)) data[q.id] = entry;
    }
  }
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
