/**
 * How a graded attempt or a look at the solution moves a question's review schedule (FSRS,
 * see fsrs.ts). Quiz pages load this with the rest of the learner's progress (record.ts) when
 * a question needs it, not with the page.
 *
 * Reviews: at most one a question a local day. The first graded attempt of the day makes it;
 * later attempts that day can only settle its rating once more the way the day went (wrong,
 * then right: Again becomes Hard), never count a second review, so checking the same right
 * answer again changes nothing.
 */
import { AGAIN, GOOD, HARD, nextInterval, nextState } from './fsrs.ts';
import { daysBetween, localDay, newRecord, type QuestionRecord, type Schedule } from './model.ts';

/** The record after a review rated `rating` at `now`, counted from the schedule `before`. */
function scheduled(record: QuestionRecord, before: Schedule, rating: 1 | 2 | 3, now: Date): QuestionRecord {
  const memory = before.stability === undefined ? undefined : { stability: before.stability, difficulty: before.difficulty! };
  const days = before.reviewedAt ? Math.max(0, daysBetween(before.reviewedAt, now)) : 0;
  const state = nextState(memory, days, rating);
  return {
    ...record,
    ...state,
    reviewedAt: now.toISOString(),
    due: localDay(now, nextInterval(memory, days, rating)).toISOString(),
    lapses: before.lapses + (memory && rating === AGAIN ? 1 : 0),
    rating,
    before,
  };
}

const scheduleOf = ({ stability, difficulty, reviewedAt, due, lapses }: QuestionRecord): Schedule => {
  const s: Schedule = { due, lapses };
  if (stability !== undefined) Object.assign(s, { stability, difficulty, reviewedAt });
  return s;
};

const reviewedToday = (r: QuestionRecord, now: Date) => r.reviewedAt !== undefined && daysBetween(r.reviewedAt, now) === 0;

/** The rating a graded attempt earns (hints opened: Hard at best). */
export const ratingOf = (score: number, hinted: boolean): 1 | 2 | 3 => (score < 1 ? AGAIN : hinted ? HARD : GOOD);

/**
 * The record after a graded attempt: attempts +1, best kept, and the review schedule (one
 * review a local day; see the top of this file):
 * - first attempt of the day: right → Good (Hard with hints), wrong → Again; the solution
 *   seen before it → Again whatever the answer;
 * - later that day: right after the day's Again (solution not seen) → the review becomes a
 *   Hard; anything else changes nothing.
 */
export function afterAttempt(previous: QuestionRecord | undefined, area: string, answer: string, score: number, now: Date, hinted = false): QuestionRecord {
  const base = previous ?? newRecord(area, now);
  const record: QuestionRecord = {
    ...base,
    area,
    attempts: base.attempts + 1,
    best: Math.max(base.best, score),
    last: answer,
    lastAt: now.toISOString(),
    tries: (base.tries ?? 0) + 1,
  };
  if (!record.solvedAt && score >= 1) record.solvedAt = now.toISOString();
  const rating = ratingOf(score, hinted);
  if (reviewedToday(base, now)) {
    // Records migrated from version 2 have no `before`: their review of today stands.
    return base.rating === AGAIN && rating !== AGAIN && !base.final && base.before ? scheduled(record, base.before, HARD, now) : record;
  }
  const sawSolution = base.seenAt !== undefined && (!base.reviewedAt || Date.parse(base.seenAt) > Date.parse(base.reviewedAt));
  delete record.final;
  if (sawSolution) record.final = true;
  return scheduled({ ...record, reviews: base.reviews + 1 }, scheduleOf(base), sawSolution ? AGAIN : rating, now);
}

/**
 * The record after the learner opens the solution without having answered right: not an
 * attempt and no score, but the review it belongs to is an Again. If today's review was an
 * Again already, it now stays one; otherwise the next review will be.
 */
export function afterSolutionSeen(previous: QuestionRecord | undefined, area: string, now: Date): QuestionRecord {
  const record: QuestionRecord = { ...(previous ?? newRecord(area, now)), seenAt: now.toISOString() };
  if (previous && reviewedToday(previous, now) && previous.rating === AGAIN) {
    // Today's review takes the look at the solution (it ends now, as an Again for good), so
    // the look is not held against the next review as well.
    record.final = true;
    record.reviewedAt = record.seenAt;
  }
  return record;
}
