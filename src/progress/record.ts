/**
 * What a question on a note page does with the learner's progress: reads its record, records a
 * graded attempt or a look at the solution (moving the review schedule, schedule.ts and
 * fsrs.ts), remembers the variant. The question element (question-element.ts) loads this
 * module, with the store, only when a question needs it, not with the page.
 */
import { $progress, update } from './store.ts';
import { afterAttempt, afterSolutionSeen } from './schedule.ts';
import type { QuestionRecord } from './model.ts';

export { $progress, PROGRESS_KEY, setVariant, storageHealth } from './store.ts';
export { daysBetween } from './model.ts';

/** Records a graded attempt (never call it for invalid input: that costs no attempt). */
export function recordAttempt(key: string, area: string, answer: string, score: number, hinted: boolean, now = new Date()): QuestionRecord {
  update(key, (previous) => afterAttempt(previous, area, answer, score, now, hinted));
  return $progress.get().questions[key]!;
}

/** Records that the learner opened the solution without a right answer (not an attempt). */
export function recordSolutionSeen(key: string, area: string, now = new Date()): void {
  update(key, (previous) => afterSolutionSeen(previous, area, now));
}
