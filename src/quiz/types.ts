/** Types of the quiz answer contract (docs/QUIZ-FORMAT.md). */
import type { Message } from './messages.ts';

/** A text shown to the learner, in both languages. */
export type Text = { en: string; zh: string };

/** What an answer box accepts. Without `forms`: decimal, fraction, scientific. */
export type Form = 'decimal' | 'fraction' | 'scientific' | 'percent' | 'expression';

export const FORMS: readonly Form[] = ['decimal', 'fraction', 'scientific', 'percent', 'expression'];
export const DEFAULT_FORMS: readonly Form[] = ['decimal', 'fraction', 'scientific'];

/** How close a number must be to the reference value. */
export type Tolerance = { rel?: number; abs?: number } | { sigfigs: number; strict?: boolean } | { decimals: number };

/** Used when an answer gives no tolerance (the PrairieLearn default). */
export const DEFAULT_TOLERANCE: Tolerance = { rel: 0.01, abs: 1e-8 };

/** A scalar, a vector, or a matrix (array of equal-length rows). */
export type Value = number | number[] | number[][];

/** A common mistake with its own feedback; tolerance defaults to the answer's. */
export type WrongAnswer = { value: Value; tolerance?: Tolerance; message: Text };

/** The `answer` block of a numeric question, with `value` already evaluated to numbers. */
export type Answer = {
  value: Value;
  tolerance?: Tolerance;
  forms?: Form[];
  /** Vectors only: false compares the components as a multiset. Default true. */
  ordered?: boolean;
  /** Vectors and matrices: score is the fraction of components that are right. */
  partial?: boolean;
  wrong?: WrongAnswer[];
};

export type GradeStatus = 'correct' | 'incorrect' | 'invalid';

/**
 * What happened, not what to say: the page turns `message` into words in its own language
 * (messages.ts `describe`, with the `engine.*` templates of src/i18n).
 */
export type Grade = {
  status: GradeStatus;
  /** 1 correct, 0 incorrect or invalid, in between for partial credit. */
  score: number;
  /** Why, for code: `blank`, `syntax`, `shape`, `targeted`, `partial`, `sigfigs`, `precision`, … */
  code?: string;
  /** Why, for the learner: a message key and its values (one per part for a multi-part grade). */
  message?: Message | Message[];
  /** Code `targeted`: the quiz file's feedback for this mistake (HTML rendered at build time). */
  feedback?: Text;
};

/** One choice as the grader needs it. */
export type ChoiceLike = { correct?: boolean; feedback?: Text };
