/**
 * Content collections: notes (Markdown/MDX in content/{en,zh}/) and the glossary
 * (content/glossary/*.yaml) and quizzes (quizzes/*.yaml, see build/quiz-loader.ts).
 * A missing or wrong field fails the build with the entry's path and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { areaIds } from './utils/areas.ts';
import { glossaryEntrySchema, glossaryLoader } from './build/glossary-loader.ts';
import { quizLoader, type RenderedQuiz } from './build/quiz-loader.ts';

const notes = defineCollection({
  loader: glob({
    base: process.env.AFM_CONTENT_DIR ?? './content',
    pattern: '{en,zh}/**/*.{md,mdx}',
    // Ids keep the path as written (`en/information-theory/index`) so the file is easy to find.
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: z
    .object({
      title: z.string().min(2).max(90),
      description: z.string().min(30).max(220),
      area: z.enum([...areaIds, 'site']),
      order: z.number().int().min(0),
      /** Hash of the other language's source when the two were last checked (build/translation-sync.ts). */
      checked_against: z
        .string()
        .regex(/^[0-9a-f]{12}$/)
        .optional(),
    })
    .strict(),
});

/**
 * The glossary and quiz loaders validate their files themselves (naming file, entry or question,
 * and field); the schemas here give pages the types of what they store, so nothing is cast.
 */
const glossary = defineCollection({
  loader: glossaryLoader(`${process.env.AFM_CONTENT_DIR ?? './content'}/glossary`),
  schema: glossaryEntrySchema.extend({ file: z.string() }),
});

// A quiz is validated by the engine's own schema (src/quiz/schema.ts) before its variants are made and
// rendered; what is stored is the loader's output, typed here without a second, slower validation.
const quizzes = defineCollection({
  loader: quizLoader(process.env.AFM_QUIZ_DIR ?? './quizzes'),
  schema: z.custom<RenderedQuiz>(),
});

export const collections = { notes, glossary, quizzes };
