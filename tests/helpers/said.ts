/**
 * The graders as tests use them: each grade also carries `text`, what a page would say beyond
 * its verdict (author feedback, then the engine's message) in both languages, made with the
 * i18n templates as the quiz element makes it (src/quiz/node-text.ts).
 */
import * as engine from '../../src/quiz/index.ts';
import { gradeText } from '../../src/quiz/node-text.ts';
import type { Grade, Text } from '../../src/quiz/index.ts';

export type SaidGrade = Grade & { text?: Text };

const said = (g: Grade): SaidGrade => {
  const text = gradeText(g);
  return text ? { ...g, text } : g;
};

export const gradeAnswer = (...args: Parameters<typeof engine.gradeAnswer>): SaidGrade => said(engine.gradeAnswer(...args));
export const gradeChoice = (...args: Parameters<typeof engine.gradeChoice>): SaidGrade => said(engine.gradeChoice(...args));
export const gradeParts = (...args: Parameters<typeof engine.gradeParts>): SaidGrade => said(engine.gradeParts(...args));
