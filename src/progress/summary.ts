/**
 * What only the progress and review pages need from the progress data: per-area totals, the
 * review queue, and the export file. Kept apart from model.ts so that a note page's quiz,
 * which records attempts, does not download them.
 */
import { isDue, isObject, migrate, ProgressFormatError, type Progress } from './model.ts';

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
  const later = records.filter(([, r]) => r.reviews > 0 && !isDue(r, now)).map(([, r]) => r.due).sort((a, b) => Date.parse(a) - Date.parse(b));
  return { due, fresh, next: later[0] };
}

/** The export file: self-describing, so an import can tell it is ours and which version. */
export type ProgressExport = { app: 'ai-math-foundations'; exportedAt: string; progress: Progress; unreadable?: string };

export function toExport(progress: Progress, now: Date, unreadable?: string): ProgressExport {
  const file: ProgressExport = { app: 'ai-math-foundations', exportedAt: now.toISOString(), progress };
  if (unreadable) file.unreadable = unreadable;
  return file;
}

/** Reads an export file's text; throws ProgressFormatError with the reason when it is not one. */
export function fromExport(text: string): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ProgressFormatError('notJson');
  }
  if (!isObject(data) || data.app !== 'ai-math-foundations') throw new ProgressFormatError('notOurs');
  return migrate(data.progress);
}
