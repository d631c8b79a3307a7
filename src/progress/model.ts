/**
 * Quiz progress as data: its stored shape, validation and migration, how an attempt updates
 * it, and the review schedule (Leitner boxes). Pure: no DOM, no storage, so it is tested alone
 * and shared by the quiz, progress and review pages.
 *
 * Stored shape, version 2:
 *   { version: 2, questions: { "<topic>/<question id>": QuestionRecord } }
 * Version 1 (the first release) had no review boxes; `migrate` upgrades it. Records of
 * questions that no longer exist on the site are kept as they are: a question may come back,
 * and an export must contain everything the learner did.
 */

export const PROGRESS_VERSION = 2;

export type QuestionRecord = {
  /** The area the question belongs to, for per-area totals. */
  area: string;
  /** Graded attempts (invalid input is not an attempt). */
  attempts: number;
  /** Best score so far, 0..1. */
  best: number;
  /** The last graded answer as typed (or the chosen option numbers). */
  last: string;
  /** ISO time of the last graded attempt. */
  lastAt: string;
  /** ISO time when first answered fully right. */
  solvedAt?: string;
  /** The variant the learner is on, for questions with params. */
  variant?: number;
  /**
   * Graded attempts on that variant (the worked solution opens after three, and stays open
   * after a reload). Absent in records written before it existed: counted from 0.
   */
  tries?: number;
  /** Leitner box 1..5: wrong answers go back to 1, right ones move up. */
  box: number;
  /** ISO time from which the question is due for review. */
  due: string;
};

export type Progress = { version: typeof PROGRESS_VERSION; questions: Record<string, QuestionRecord> };

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, questions: {} });

/** Days until a question in each box is due again (index = box). Box 1 comes back the same day. */
export const BOX_INTERVAL_DAYS = [0, 0, 1, 3, 7, 21];
export const MAX_BOX = 5;

/**
 * Why stored or imported progress cannot be read: `code` (with `vars`) picks the learner's
 * message in their language (`progressui.reason.<code>` in src/i18n). The browser never shows
 * English-only text, so none is carried here; `message` is the code, for logs.
 */
export const PROGRESS_ERROR_CODES = ['notJson', 'notOurs', 'notProgress', 'noQuestions', 'newer', 'unknownVersion', 'badRecord', 'badField'] as const;

export class ProgressFormatError extends Error {
  constructor(
    readonly code: (typeof PROGRESS_ERROR_CODES)[number],
    readonly vars: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown) => typeof x === 'string';
const isTime = (x: unknown) => isString(x) && !Number.isNaN(Date.parse(x as string));
const isCount = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;

/** Each field of a record and what it must be; `?` marks the optional ones. */
const FIELDS: Array<[keyof QuestionRecord, (x: unknown) => boolean, optional?: true]> = [
  ['area', isString],
  ['attempts', isCount],
  ['best', (x) => typeof x === 'number' && x >= 0 && x <= 1],
  ['last', isString],
  ['lastAt', isTime],
  ['solvedAt', isTime, true],
  ['variant', isCount, true],
  ['tries', isCount, true],
  ['box', (x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= MAX_BOX],
  ['due', isTime],
];

/** A copy of the record with only the known fields, or the first field that is wrong. */
function checkRecord(key: string, r: unknown): QuestionRecord {
  if (!isObject(r)) throw new ProgressFormatError('badRecord', { key });
  const record: Record<string, unknown> = {};
  for (const [field, valid, optional] of FIELDS) {
    const value = r[field];
    if (optional && value === undefined) continue;
    if (!valid(value)) throw new ProgressFormatError('badField', { key, field });
    record[field] = value;
  }
  return record as QuestionRecord;
}

/**
 * Reads stored or imported progress of any known version and returns the current version.
 * Throws ProgressFormatError saying what is wrong; never returns half-read data.
 */
export function migrate(data: unknown): Progress {
  if (!isObject(data)) throw new ProgressFormatError('notProgress');
  const version = data.version;
  if (version === 1) {
    if (!isObject(data.questions)) throw new ProgressFormatError('noQuestions');
    const upgraded: Record<string, unknown> = {};
    for (const [key, old] of Object.entries(data.questions)) {
      if (!isObject(old)) throw new ProgressFormatError('badRecord', { key });
      // v1 had no review schedule: a solved question starts in box 2, others in box 1, due now.
      upgraded[key] = { ...old, box: typeof old.solvedAt === 'string' ? 2 : 1, due: typeof old.lastAt === 'string' ? old.lastAt : new Date(0).toISOString() };
    }
    return migrate({ version: 2, questions: upgraded });
  }
  if (version !== PROGRESS_VERSION) {
    if (typeof version === 'number' && version > PROGRESS_VERSION) {
      throw new ProgressFormatError('newer', { version });
    }
    throw new ProgressFormatError('unknownVersion');
  }
  if (!isObject(data.questions)) throw new ProgressFormatError('noQuestions');
  const questions: Record<string, QuestionRecord> = {};
  for (const [key, record] of Object.entries(data.questions)) questions[key] = checkRecord(key, record);
  return { version: PROGRESS_VERSION, questions };
}

/** The due time for a box, counted from `now`. */
export function dueAfter(box: number, now: Date): string {
  return new Date(now.getTime() + (BOX_INTERVAL_DAYS[box] ?? 0) * 86_400_000).toISOString();
}

/**
 * The record after a graded attempt: attempts +1, best kept, the review box moved (fully
 * right: up one box; anything less: back to box 1).
 */
export function afterAttempt(previous: QuestionRecord | undefined, area: string, answer: string, score: number, now: Date): QuestionRecord {
  const correct = score >= 1;
  const box = correct ? Math.min(MAX_BOX, (previous?.box ?? 0) + 1) : 1;
  const record: QuestionRecord = {
    area,
    attempts: (previous?.attempts ?? 0) + 1,
    best: Math.max(previous?.best ?? 0, score),
    last: answer,
    lastAt: now.toISOString(),
    box,
    due: dueAfter(box, now),
  };
  const solvedAt = previous?.solvedAt ?? (correct ? now.toISOString() : undefined);
  if (solvedAt) record.solvedAt = solvedAt;
  if (previous?.variant !== undefined) record.variant = previous.variant;
  record.tries = (previous?.tries ?? 0) + 1;
  return record;
}

/**
 * The record after the learner moves to another variant of a question. The last answer
 * belonged to the old variant (other numbers), so it is cleared rather than put back into
 * the new variant's box after a reload, and the tries on the new variant start at 0;
 * attempts, best score and the review box are kept.
 */
export function withVariant(previous: QuestionRecord | undefined, area: string, variant: number, now: Date): QuestionRecord {
  if (!previous) return { area, attempts: 0, best: 0, last: '', lastAt: now.toISOString(), box: 1, due: now.toISOString(), variant };
  if (previous.variant === variant) return previous;
  return { ...previous, variant, last: '', tries: 0 };
}
