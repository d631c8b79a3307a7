/**
 * Quizzes joined to the notes they belong to. Fails the build, naming the quiz file, when a
 * quiz's topic is not the slug of a note.
 */
import { getCollection } from 'astro:content';
import { allNotes, href, readingOrder, type Note } from './notes.ts';
import type { Lang } from './lang.ts';

export type QuestionRef = {
  /** Progress key: `<topic>/<question id>`. */
  key: string;
  area: string;
  /** Link to the question on its note page. */
  url: string;
  /** Note page URL (where the question's HTML lives). */
  noteUrl: string;
  noteTitle: string;
  number: number;
  id: string;
};

/** Every question of the site in one language, in reading order of their notes. */
export async function allQuestions(lang: Lang): Promise<QuestionRef[]> {
  const notes = (await allNotes()).filter((n) => n.lang === lang);
  const quizzes = await getCollection('quizzes');
  const bySlug = new Map<string, Note>(notes.map((n) => [n.slug, n]));
  const refs: QuestionRef[] = [];
  for (const { data } of quizzes) {
    const quiz = { data };
    const note = bySlug.get(quiz.data.topic);
    if (!note) {
      throw new Error(
        `${quiz.data.file}: field topic: no note has the slug "${quiz.data.topic}" (it must be a note's file name, or an area id for its overview)`,
      );
    }
    quiz.data.questions.forEach((q, i) => {
      const noteUrl = href(lang, note.route);
      refs.push({
        key: `${quiz.data.topic}/${q.id}`,
        area: note.area,
        url: `${noteUrl}#q-${q.id}`,
        noteUrl,
        noteTitle: note.entry.data.title,
        number: i + 1,
        id: q.id,
      });
    });
  }
  const order = new Map(readingOrder(notes, lang).map((n, i) => [n.slug, i]));
  return refs.sort((a, b) => (order.get(a.key.split('/')[0]!) ?? 0) - (order.get(b.key.split('/')[0]!) ?? 0) || a.number - b.number);
}
