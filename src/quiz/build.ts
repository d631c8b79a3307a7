/**
 * Build-time side of the quiz engine (Node and Astro's build): schema, file loading and
 * variants. Imports zod and yaml, so never import this from browser code; use index.ts.
 */

export * from './index.ts';
export {
  QuizFileSchema,
  QuestionSchema,
  AnswerSchema,
  ToleranceSchema,
  ValueSchema,
  TextSchema,
  ParamSchema,
  QUESTION_ID,
  type QuizFile,
  type Question,
  type NumericQuestion,
  type ChoiceQuestion,
  type AuthoredAnswer,
  type AuthoredValue,
  type ParamSpec,
} from './schema.ts';
export { loadQuizFile, QuizFileError, formatIssue, type QuizIssue } from './load.ts';
export { makeVariants, buildVariant, fillText, hashString, mulberry32, paramValues, VariantError, type Variant } from './variants.ts';
