/**
 * What only the progress and review pages need from the progress data: per-area totals, the
 * review queue, and the export file. Kept apart from model.ts so that a note page's quiz,
 * which records attempts, does not download them.
 */
import { isObject, migrate, ProgressFormatError, type Progress } from './model.ts';

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
 * Questions to review now, most urgent first: due ones (earliest due, lowest box first),
 * then, if `fill` allows, never-tried questions from `known` so a new learner has a queue too.
 */
export function reviewQueue(progress: Progress, known: string[], now: Date, size = 10): string[] {
  const knownSet = new Set(known);
  const due = Object.entries(progress.questions)
    .filter(([key, r]) => knownSet.has(key) && r.attempts > 0 && Date.parse(r.due) <= now.getTime())
    .sort(([, a], [, b]) => a.box - b.box || Date.parse(a.due) - Date.parse(b.due))
    .map(([key]) => key);
  const fresh = known.filter((key) => !progress.questions[key] || progress.questions[key]!.attempts === 0);
  return [...due, ...fresh].slice(0, size);
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
