/**
 * The review schedule after a scripted week of answers, day by day: which questions come due,
 * what the learner does, how each review is rated and when the question comes back. The
 * learner meets six questions on the first day; some they get right at the first try, others
 * they struggle with (wrong first, hints, the solution seen before trying). Uses the site's own
 * progress model (src/progress/schedule.ts and model.ts, FSRS in src/progress/fsrs.ts).
 *
 *   TZ=UTC node scripts/schedule-week.ts
 */
import { daysBetween, emptyProgress, isDue, type QuestionRecord } from '../src/progress/model.ts';
import { afterAttempt, afterSolutionSeen } from '../src/progress/schedule.ts';

/** What the learner does with a question on a given day (index 0 = the first time). */
type Try = 'right' | 'hint-right' | 'wrong-right' | 'wrong' | 'seen-right' | 'wrong-seen';
const learner: Record<string, { what: string; tries: Try[] }> = {
  'softmax/temperature': { what: 'strong: right at the first try every time', tries: ['right'] },
  'entropy/fair-coin': { what: 'strong: right at the first try every time', tries: ['right'] },
  'distributions/variance-of-combination': { what: 'wrong, then right, then right at the first try', tries: ['wrong-right', 'right'] },
  'attention/why-sqrt-dk': { what: 'needs a hint at first, then knows it', tries: ['hint-right', 'right'] },
  'bayes/posterior': { what: 'reads the solution before trying, then struggles', tries: ['seen-right', 'wrong-right', 'right'] },
  'floating-point/epsilon': { what: 'keeps getting it wrong, gives up once', tries: ['wrong', 'wrong-seen', 'wrong-right', 'right'] },
};

const RATING = { 1: 'Again', 2: 'Hard', 3: 'Good' } as const;
const start = new Date('2026-12-07T09:00:00'); // a Monday, 9 in the morning (local time)
const at = (day: number, minutes = 0) => new Date(start.getTime() + day * 86_400_000 + minutes * 60_000);
const dateOf = (d: Date | string) => new Date(d).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

function act(record: QuestionRecord | undefined, how: Try, day: number): QuestionRecord {
  const area = 'x';
  switch (how) {
    case 'right':
      return afterAttempt(record, area, 'right', 1, at(day));
    case 'hint-right':
      return afterAttempt(record, area, 'right', 1, at(day), true);
    case 'wrong':
      return afterAttempt(record, area, 'wrong', 0, at(day));
    case 'wrong-right':
      return afterAttempt(afterAttempt(record, area, 'wrong', 0, at(day)), area, 'right', 1, at(day, 5));
    case 'seen-right':
      return afterAttempt(afterSolutionSeen(record, area, at(day)), area, 'right', 1, at(day, 5));
    case 'wrong-seen':
      return afterSolutionSeen(afterAttempt(record, area, 'wrong', 0, at(day)), area, at(day, 5));
  }
}

const progress = emptyProgress();
const seen = new Map<string, number>();
const lines: string[] = ['Review schedule for a scripted week (FSRS-6, default parameters, one review a question a day)', ''];
for (const [key, { what }] of Object.entries(learner)) lines.push(`  ${key.padEnd(40)} ${what}`);
for (let day = 0; day < 7; day++) {
  const now = at(day);
  const due = Object.keys(learner).filter((key) => (day === 0 ? true : progress.questions[key] && isDue(progress.questions[key]!, now)));
  lines.push('', `Day ${day + 1}, ${dateOf(now)}: ${day === 0 ? 'six new questions' : due.length ? `${due.length} due` : 'nothing due'}`);
  for (const key of due) {
    const n = seen.get(key) ?? 0;
    const tries = learner[key]!.tries;
    const how = tries[Math.min(n, tries.length - 1)]!;
    seen.set(key, n + 1);
    const record = act(progress.questions[key], how, day);
    progress.questions[key] = record;
    const days = daysBetween(now, record.due);
    lines.push(
      `  ${key.padEnd(40)} ${how.padEnd(11)} → ${RATING[record.rating!].padEnd(5)} next ${dateOf(record.due)} (in ${days} day${days === 1 ? '' : 's'}), stability ${record.stability!.toFixed(2)} d, difficulty ${record.difficulty!.toFixed(2)}`,
    );
  }
}
lines.push('', 'After the week:');
for (const [key, r] of Object.entries(progress.questions)) {
  lines.push(
    `  ${key.padEnd(40)} ${String(r.reviews)} reviews, ${r.attempts} attempts, ${r.lapses} ${r.lapses === 1 ? 'lapse' : 'lapses'}, next ${dateOf(r.due)}`,
  );
}
console.log(lines.join('\n'));
