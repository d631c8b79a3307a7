/**
 * Quiz progress as data: its stored shape, validation and migration, and local days. Pure:
 * no DOM, no storage, so it is tested alone and shared by the quiz, progress and review pages.
 *
 * Stored shape, version 3:
 *   { version: 3, questions: { "<topic>/<question id>": QuestionRecord } }
 * Version 1 (the first release) had no review schedule, version 2 had Leitner boxes;
 * `migrate` upgrades both. Records of questions that no longer exist on the site are kept as
 * they are: a question may come back, and an export must contain everything the learner did.
 *
 * How attempts and looks at the solution move the schedule is in schedule.ts.
 */

export const PROGRESS_VERSION = 3;

/** The review schedule a review starts from (kept so the same day can settle it again). */
export type Schedule = {
  /** FSRS memory state; absent until the first review. */
  stability?: number;
  difficulty?: number;
  /** ISO time of the latest counted review. */
  reviewedAt?: string;
  /** ISO time from which the question is due: the start of a local day. */
  due: string;
  /** Reviews rated Again after the first one. */
  lapses: number;
};

export type QuestionRecord = Schedule & {
  /** The area the question belongs to, for per-area totals. */
  area: string;
  /** Graded attempts (invalid input is not an attempt, nor is looking at the solution). */
  attempts: number;
  /** Best score so far, 0..1. */
  best: number;
  /** The last graded answer as typed (or the chosen option numbers). */
  last: string;
  /** ISO time of the last graded attempt (or of the first visit, before any). */
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
  /** Reviews counted, at most one a local day. */
  reviews: number;
  /** The latest review's rating: 1 Again, 2 Hard, 3 Good. */
  rating?: 1 | 2 | 3;
  /** The latest review's Again stands whatever comes later that day (the solution was seen). */
  final?: true;
  /** The schedule before the latest review. */
  before?: Schedule;
  /** ISO time the learner last opened the solution without a right answer: the next review is an Again. */
  seenAt?: string;
};

export type Progress = { version: typeof PROGRESS_VERSION; questions: Record<string, QuestionRecord> };

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, questions: {} });

/**
 * Why stored or imported progress cannot be read: `code` (with `vars`) picks the learner's
 * message in their language (`progressui.reason.<code>` in src/i18n). The browser never shows
 * English-only text, so none is carried here; `message` is the code, for logs.
 */
export const PROGRESS_ERROR_CODES = ['notJson', 'notOurs', 'notProgress', 'noQuestions', 'newer', 'unknownVersion', 'badRecord', 'badField'] as const;

export class ProgressFormatError extends Error {
  // Fields declared apart from the constructor so that Node runs this file as it is
  // (scripts/schedule-week.ts): type stripping cannot handle parameter properties.
  readonly code: (typeof PROGRESS_ERROR_CODES)[number];
  readonly vars: Record<string, string | number>;
  constructor(code: (typeof PROGRESS_ERROR_CODES)[number], vars: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.vars = vars;
  }
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown) => typeof x === 'string';
/** ISO 8601 date and time as toISOString writes it (offsets allowed); not whatever Date.parse takes. */
const isTime = (x: unknown) =>
  isString(x) && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(x as string) && !Number.isNaN(Date.parse(x as string));
const isCount = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
const inRange = (lo: number, hi: number) => (x: unknown) => typeof x === 'number' && x >= lo && x <= hi;

type Field = [string, (x: unknown) => boolean, optional?: true];
const SCHEDULE_FIELDS: Field[] = [
  ['stability', inRange(0.001, 36_500), true],
  ['difficulty', inRange(1, 10), true],
  ['reviewedAt', isTime, true],
  ['due', isTime],
  ['lapses', isCount],
];
/** Each field of a record and what it must be; `?` marks the optional ones. */
const FIELDS: Field[] = [
  ['area', isString],
  ['attempts', isCount],
  ['best', inRange(0, 1)],
  ['last', isString],
  ['lastAt', isTime],
  ['solvedAt', isTime, true],
  ['variant', isCount, true],
  ['tries', isCount, true],
  ...SCHEDULE_FIELDS,
  ['reviews', isCount],
  ['rating', (x) => x === 1 || x === 2 || x === 3, true],
  ['final', (x) => x === true, true],
  ['before', isObject, true],
  ['seenAt', isTime, true],
];

/** A copy of `r` with only the known fields, or the first field that is wrong. */
function pick<T>(fields: Field[], key: string, r: unknown, prefix = ''): T {
  if (!isObject(r)) throw new ProgressFormatError('badRecord', { key });
  const record: Record<string, unknown> = {};
  for (const [field, valid, optional] of fields) {
    const value = r[field];
    if (optional && value === undefined) continue;
    if (!valid(value)) throw new ProgressFormatError('badField', { key, field: prefix + field });
    record[field] = value;
  }
  return record as T;
}

function checkRecord(key: string, r: unknown): QuestionRecord {
  const record = pick<QuestionRecord>(FIELDS, key, r);
  if (record.before) record.before = pick<Schedule>(SCHEDULE_FIELDS, key, record.before, 'before.');
  return record;
}

/** Leitner box (version 2) → a stability of about the box's interval, in days. */
const BOX_STABILITY = [1, 1, 1, 3, 7, 21];
/**
 * FSRS's first difficulty after an Again and after a Good (default parameters; the unit test
 * checks them against fsrs.ts, so that migrating needs no scheduling code).
 */
export const DIFFICULTY_AFTER_AGAIN = 6.4133;
export const DIFFICULTY_AFTER_GOOD = 2.11810397;

/** A version-2 record (Leitner box) as version 3, keeping its attempts, answers, dates and due time. */
function fromBoxes(key: string, old: unknown): unknown {
  if (!isObject(old)) throw new ProgressFormatError('badRecord', { key });
  const { box, ...rest } = old;
  if (!(Number.isInteger(box) && (box as number) >= 1 && (box as number) <= 5)) throw new ProgressFormatError('badField', { key, field: 'box' });
  if (!isCount(old.attempts)) throw new ProgressFormatError('badField', { key, field: 'attempts' });
  if ((old.attempts as number) === 0) return { ...rest, reviews: 0, lapses: 0 };
  // Box 1 held every wrong answer (difficulty as after an Again); higher boxes, right ones (a Good).
  const difficulty = box === 1 ? DIFFICULTY_AFTER_AGAIN : DIFFICULTY_AFTER_GOOD;
  return { ...rest, stability: BOX_STABILITY[box as number], difficulty, reviewedAt: old.lastAt, reviews: 1, lapses: 0 };
}

/**
 * Reads stored or imported progress of any known version and returns the current version.
 * Throws ProgressFormatError saying what is wrong; never returns half-read data.
 */
export function migrate(data: unknown): Progress {
  if (!isObject(data)) throw new ProgressFormatError('notProgress');
  const version = data.version;
  if (version !== 1 && version !== 2 && version !== PROGRESS_VERSION) {
    if (typeof version === 'number' && version > PROGRESS_VERSION) throw new ProgressFormatError('newer', { version });
    throw new ProgressFormatError('unknownVersion');
  }
  if (!isObject(data.questions)) throw new ProgressFormatError('noQuestions');
  const questions: Record<string, QuestionRecord> = {};
  for (const [key, raw] of Object.entries(data.questions)) {
    let record = raw;
    // v1 had no review schedule: a solved question counts as box 2, others box 1, due when last tried.
    if (version === 1 && isObject(raw)) record = { ...raw, box: typeof raw.solvedAt === 'string' ? 2 : 1, due: raw.lastAt };
    if (version < PROGRESS_VERSION) record = fromBoxes(key, record);
    questions[key] = checkRecord(key, record);
  }
  return { version: PROGRESS_VERSION, questions };
}

/** Midnight (local time) `days` days after the day of `time`. */
export function localDay(time: Date | string, days = 0): Date {
  const d = new Date(time);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d;
}

/** Whole local calendar days from `from` to `to` (a day with a clock change still counts as one). */
export const daysBetween = (from: Date | string, to: Date | string) => Math.round((localDay(to).getTime() - localDay(from).getTime()) / 86_400_000);

/** A record for a question met for the first time (no attempt, no review yet). */
export const newRecord = (area: string, now: Date): QuestionRecord => ({
  area,
  attempts: 0,
  best: 0,
  last: '',
  lastAt: now.toISOString(),
  due: now.toISOString(),
  reviews: 0,
  lapses: 0,
});

/**
 * The record after the learner moves to another variant of a question. The last answer
 * belonged to the old variant (other numbers), so it is cleared rather than put back into
 * the new variant's box after a reload, and the tries on the new variant start at 0;
 * attempts, best score and the review schedule are kept.
 */
export function withVariant(previous: QuestionRecord | undefined, area: string, variant: number, now: Date): QuestionRecord {
  if (!previous) return { ...newRecord(area, now), variant };
  if (previous.variant === variant) return previous;
  return { ...previous, variant, last: '', tries: 0 };
}

/** Due for review at `now`: reviewed at least once and its day has come. */
export const isDue = (r: QuestionRecord, now: Date) => r.reviews > 0 && Date.parse(r.due) <= now.getTime();
