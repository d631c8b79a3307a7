/**
 * Recording what the learner does in a question: a graded attempt, or a look at the solution.
 * Apart from the store because it brings the review schedule (schedule.ts, fsrs.ts), which a
 * quiz page needs only once the learner works in a question (question-element.ts loads it
 * then), not to show the page.
 */
import { $progress, update } from './store.ts';
import { afterAttempt, afterSolutionSeen } from './schedule.ts';
import type { QuestionRecord } from './model.ts';

/** Records a graded attempt (never call it for invalid input: that costs no attempt). */
export function recordAttempt(key: string, area: string, answer: string, score: number, hinted: boolean, now = new Date()): QuestionRecord {
  update(key, (previous) => afterAttempt(previous, area, answer, score, now, hinted));
  return $progress.get().questions[key]!;
}

/** Records that the learner opened the solution without a right answer (not an attempt). */
export function recordSolutionSeen(key: string, area: string, now = new Date()): void {
  update(key, (previous) => afterSolutionSeen(previous, area, now));
}
