/**
 * What only the progress and review pages need from the progress data: per-area totals, the
 * review queue, and the export file. Kept apart from model.ts so that a note page's quiz,
 * which records attempts, does not download them.
 */
import { isDue, isObject, migrate, ProgressFormatError, type Progress, type QuestionRecord } from './model.ts';

export type AreaTotals = { attempted: number; solved: number; attempts: number; meanBest: number };

/** Per-area totals over the records whose area is listed (others are kept but not counted). */
export function areaTotals(progress: Progress, area: string): AreaTotals {
  const records = Object.values(progress.questions).filter((r) => r.area === area && r.attempts > 0);
  const solved = records.filter((r) => r.solvedAt).length;
  const attempts = records.reduce((s, r) => s + r.attempts, 0);
  const meanBest = records.length ? records.reduce((s, r) => s + r.best, 0) / records.length : 0;
  return { attempted: records.length, solved, attempts, meanBest };
}

/**
 * The review queue among the questions `known` on the site: those due now, most overdue
 * first (the least stable first on the same day), and, apart, those never reviewed yet.
 * `next` is when the earliest question not yet due comes due (for an empty queue).
 */
export function reviewQueue(progress: Progress, known: string[], now: Date): { due: string[]; fresh: string[]; next?: string } {
  const records = known.flatMap((key) => (progress.questions[key] ? [[key, progress.questions[key]!] as const] : []));
  const due = records
    .filter(([, r]) => isDue(r, now))
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due) || (a.stability ?? 0) - (b.stability ?? 0))
    .map(([key]) => key);
  const fresh = known.filter((key) => !progress.questions[key]?.reviews);
  const later = records
    .filter(([, r]) => r.reviews > 0 && !isDue(r, now))
    .map(([, r]) => r.due)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  return { due, fresh, next: later[0] };
}

/** The export file: self-describing, so an import can tell it is ours and which version. */
export type ProgressExport = { app: 'ai-math-foundations'; exportedAt: string; progress: Progress; setAside?: string[] };

export function toExport(progress: Progress, now: Date, setAside: string[] = []): ProgressExport {
  const file: ProgressExport = { app: 'ai-math-foundations', exportedAt: now.toISOString(), progress };
  if (setAside.length) file.setAside = setAside;
  return file;
}

/**
 * Reads an export file's text: the progress, and any set-aside texts it carries (`unreadable`
 * in files of earlier versions). Throws ProgressFormatError with the reason when it is not one.
 */
export function fromExport(text: string): { progress: Progress; setAside: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressFormatError('notJson');
  }
  if (!isObject(data) || data.app !== 'ai-math-foundations') throw new ProgressFormatError('notOurs');
  const setAside = [...(Array.isArray(data.setAside) ? data.setAside : []), data.unreadable].filter((t): t is string => typeof t === 'string');
  return { progress: migrate(data.progress), setAside };
}

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : -Infinity);
const SCHEDULE_KEYS = ['stability', 'difficulty', 'reviewedAt', 'due', 'lapses', 'rating', 'final', 'before'] as const;

/**
 * One question's records from two devices as one: the answer side (last answer, variant,
 * tries) from the later attempt, the review schedule from the later review, the best score,
 * the first solve and the last look at the solution. Attempt and review counts take the
 * larger: a merge cannot tell attempts both files hold from attempts made apart, so it never
 * counts one twice.
 */
export function mergeRecord(a: QuestionRecord, b: QuestionRecord): QuestionRecord {
  const answered = time(b.lastAt) > time(a.lastAt) ? b : a;
  const reviewed = time(b.reviewedAt) > time(a.reviewedAt) ? b : a;
  const merged: Record<string, unknown> = { ...answered };
  for (const key of SCHEDULE_KEYS) {
    if (reviewed[key] === undefined) delete merged[key];
    else merged[key] = reviewed[key];
  }
  merged.attempts = Math.max(a.attempts, b.attempts);
  merged.reviews = Math.max(a.reviews, b.reviews);
  merged.best = Math.max(a.best, b.best);
  const solved = [a.solvedAt, b.solvedAt].filter(Boolean).sort((x, y) => time(x) - time(y))[0];
  if (solved) merged.solvedAt = solved;
  const seen = [a.seenAt, b.seenAt].filter(Boolean).sort((x, y) => time(y) - time(x))[0];
  if (seen) merged.seenAt = seen;
  return merged as QuestionRecord;
}

export type MergeReport = { added: number; updated: number; unchanged: number };

/** This device's progress with an imported file's merged in, question by question, and what changed. */
export function mergeProgress(mine: Progress, theirs: Progress): { progress: Progress; report: MergeReport } {
  const questions = { ...mine.questions };
  const report: MergeReport = { added: 0, updated: 0, unchanged: 0 };
  for (const [key, record] of Object.entries(theirs.questions)) {
    const current = questions[key];
    if (!current) {
      questions[key] = record;
      report.added++;
      continue;
    }
    const merged = mergeRecord(current, record);
    const same = JSON.stringify(Object.entries(merged).sort()) === JSON.stringify(Object.entries(current).sort());
    if (same) report.unchanged++;
    else {
      questions[key] = merged;
      report.updated++;
    }
  }
  return { progress: { version: mine.version, questions }, report };
}
