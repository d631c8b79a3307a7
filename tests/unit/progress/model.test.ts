/** Progress data: migration, validation, attempts, the FSRS review schedule, export/import. */
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh.json';
import {
  daysBetween,
  DIFFICULTY_AFTER_AGAIN,
  DIFFICULTY_AFTER_GOOD,
  emptyProgress,
  isDue,
  localDay,
  migrate,
  PROGRESS_ERROR_CODES,
  PROGRESS_VERSION,
  ProgressFormatError,
  withVariant,
  type Progress,
} from '../../../src/progress/model.ts';
import { afterAttempt, afterSolutionSeen, ratingOf } from '../../../src/progress/schedule.ts';
import { AGAIN, GOOD, HARD, nextState } from '../../../src/progress/fsrs.ts';
import { areaTotals, fromExport, mergeProgress, mergeRecord, reviewQueue, toExport } from '../../../src/progress/summary.ts';

const now = new Date('2026-11-24T10:00:00Z');

/** The code and details of the ProgressFormatError that `f` throws (it must throw one). */
function reason(f: () => unknown): { code: string; vars: Record<string, unknown> } {
  try {
    f();
  } catch (error) {
    if (error instanceof ProgressFormatError) return { code: error.code, vars: { ...error.vars } };
    throw error;
  }
  throw new Error('expected a ProgressFormatError');
}
const day = 86_400_000;

const v2Record = (over: Record<string, unknown> = {}) => ({
  area: 'probability',
  attempts: 3,
  best: 1,
  last: '0.5',
  lastAt: '2026-11-20T09:30:00.000Z',
  solvedAt: '2026-11-19T08:00:00.000Z',
  variant: 2,
  tries: 1,
  box: 4,
  due: '2026-11-27T09:30:00.000Z',
  ...over,
});

describe('migrate', () => {
  it('upgrades version 1 (no review schedule) to the current version, keeping every record', () => {
    const v1 = {
      version: 1,
      questions: {
        'entropy/fair-coin': { area: 'information-theory', attempts: 2, best: 1, last: '1', lastAt: '2026-10-01T00:00:00Z', solvedAt: '2026-10-01T00:00:00Z' },
        'gone/old-question': { area: 'calculus', attempts: 1, best: 0, last: '3', lastAt: '2026-09-01T00:00:00Z' },
      },
    };
    const p = migrate(v1);
    expect(p.version).toBe(PROGRESS_VERSION);
    expect(p.questions['entropy/fair-coin']).toMatchObject({
      due: '2026-10-01T00:00:00Z',
      attempts: 2,
      last: '1',
      reviews: 1,
      reviewedAt: '2026-10-01T00:00:00Z',
      stability: 1,
    });
    expect(p.questions['gone/old-question']).toMatchObject({ attempts: 1, reviews: 1, difficulty: nextState(undefined, 0, AGAIN).difficulty });
  });

  it('upgrades every version-2 record (Leitner boxes) without losing history', () => {
    const p = migrate({ version: 2, questions: { 'a/b': v2Record(), 'a/c': v2Record({ attempts: 0, box: 1, last: '', solvedAt: undefined }) } });
    const { box: _, ...kept } = v2Record();
    // attempts, best, last answer, dates, variant and tries as they were; the due date too.
    expect(p.questions['a/b']).toEqual({
      ...kept,
      stability: 7,
      difficulty: nextState(undefined, 0, GOOD).difficulty,
      reviewedAt: kept.lastAt,
      reviews: 1,
      lapses: 0,
    });
    // Never answered (only a variant chosen): no review yet, so not due and counted as new.
    expect(p.questions['a/c']).toMatchObject({ attempts: 0, reviews: 0, lapses: 0 });
    expect(p.questions['a/c']!.stability).toBeUndefined();
    expect(isDue(p.questions['a/c']!, now)).toBe(false);
    // The migrated record goes on being scheduled: answered right after it was due, a Good.
    const next = afterAttempt(p.questions['a/b'], 'probability', '0.5', 1, new Date('2026-11-28T10:00:00Z'));
    expect(next).toMatchObject({ reviews: 2, rating: GOOD, attempts: 4 });
    expect(daysBetween(next.reviewedAt!, next.due)).toBeGreaterThan(7);
    // Stored again and read back, nothing changes.
    expect(migrate(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('gives migrated records the difficulty FSRS gives after an Again or a Good', () => {
    expect(DIFFICULTY_AFTER_AGAIN).toBe(nextState(undefined, 0, AGAIN).difficulty);
    expect(DIFFICULTY_AFTER_GOOD).toBe(nextState(undefined, 0, GOOD).difficulty);
  });

  it('rejects what it cannot read, saying why', () => {
    expect(() => migrate(null)).toThrow(ProgressFormatError);
    expect(reason(() => migrate({ version: 99, questions: {} }))).toEqual({ code: 'newer', vars: { version: 99 } });
    expect(reason(() => migrate({ version: 2, questions: { a: { area: 'x' } } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'box' } });
    expect(reason(() => migrate({ version: 2, questions: { a: v2Record({ best: 2 }) } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'best' } });
    expect(reason(() => migrate({ version: 3, questions: { a: { area: 'x' } } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'attempts' } });
    expect(reason(() => migrate({ version: 'two', questions: {} }))).toEqual({ code: 'unknownVersion', vars: {} });
    expect(reason(() => migrate({ version: 2 }))).toEqual({ code: 'noQuestions', vars: {} });
    const good = afterAttempt(undefined, 'x', '1', 1, now);
    expect(reason(() => migrate({ version: 3, questions: { a: { ...good, before: { due: 'soon', lapses: 0 } } } }))).toEqual({
      code: 'badField',
      vars: { key: 'a', field: 'before.due' },
    });
    expect(reason(() => migrate({ version: 3, questions: { a: { ...good, rating: 4 } } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'rating' } });
  });

  it('takes ISO 8601 dates only, not whatever Date.parse accepts', () => {
    for (const lastAt of ['Tue 1 2 3', '2026-11-24', 'November 24, 2026', '2026-11-24 10:00:00', '2026-13-45T10:00:00Z']) {
      expect(
        reason(() => migrate({ version: 2, questions: { a: v2Record({ lastAt }) } })),
        lastAt,
      ).toEqual({ code: 'badField', vars: { key: 'a', field: 'lastAt' } });
    }
    for (const lastAt of ['2026-11-24T10:00:00Z', '2026-11-24T10:00:00.123Z', '2026-11-24T18:00:00+08:00']) {
      expect(migrate({ version: 2, questions: { a: v2Record({ lastAt }) } }).questions.a!.lastAt).toBe(lastAt);
    }
  });
});

describe('review schedule (FSRS)', () => {
  const later = (days: number, hours = 0) => new Date(now.getTime() + days * day + hours * 3_600_000);

  it('rates right at the first try Good, right after a wrong try or after hints Hard, wrong Again', () => {
    expect(ratingOf(1, false)).toBe(GOOD);
    expect(ratingOf(1, true)).toBe(HARD);
    expect(ratingOf(0.5, false)).toBe(AGAIN);
    expect(ratingOf(0, true)).toBe(AGAIN);
    const right = afterAttempt(undefined, 'x', '1', 1, now);
    expect(right).toMatchObject({ rating: GOOD, reviews: 1, attempts: 1, solvedAt: now.toISOString() });
    // Right at the first try: not due again today, but in 3 days (the start of that local day).
    expect(isDue(right, later(0, 1))).toBe(false);
    expect(daysBetween(now, right.due)).toBe(3);
    expect(right.due).toBe(localDay(now, 3).toISOString());
    const hinted = afterAttempt(undefined, 'x', '1', 1, now, true);
    expect(hinted.rating).toBe(HARD);
    const wrong = afterAttempt(undefined, 'x', '7', 0, now);
    expect(wrong).toMatchObject({ rating: AGAIN, reviews: 1 });
    expect(daysBetween(now, wrong.due)).toBe(1);
    const wrongThenRight = afterAttempt(wrong, 'x', '1', 1, later(0, 1));
    expect(wrongThenRight).toMatchObject({ rating: HARD, reviews: 1, attempts: 2 });
    expect(daysBetween(now, wrongThenRight.due)).toBe(2);
    expect(wrongThenRight.stability).toBe(hinted.stability);
  });

  it('counts one review a local day: checking the same right answer again changes nothing', () => {
    let r = afterAttempt(undefined, 'x', '1', 1, now);
    const first = r;
    for (let i = 1; i <= 5; i++) r = afterAttempt(r, 'x', '1', 1, new Date(now.getTime() + i * 10_000));
    expect(r.attempts).toBe(6);
    expect({ ...r, attempts: 1, tries: 1, lastAt: first.lastAt }).toEqual(first);
    // A wrong answer after the day's right one does not undo it either.
    expect(afterAttempt(r, 'x', '2', 0, later(0, 2)).due).toBe(first.due);
    // Next day counts again: an early review, rated Good.
    const tomorrow = afterAttempt(r, 'x', '1', 1, later(1));
    expect(tomorrow.reviews).toBe(2);
    expect(Date.parse(tomorrow.due)).toBeGreaterThan(Date.parse(first.due));
  });

  it('makes the next review an Again after the solution was seen, without an attempt or a score', () => {
    const seen = afterSolutionSeen(undefined, 'x', now);
    expect(seen).toMatchObject({ attempts: 0, best: 0, reviews: 0, seenAt: now.toISOString() });
    expect(seen.solvedAt).toBeUndefined();
    const copied = afterAttempt(seen, 'x', '1', 1, later(0, 1));
    expect(copied).toMatchObject({ rating: AGAIN, final: true, attempts: 1 });
    // Right again the same day: still the Again (the answer was read, not remembered).
    expect(afterAttempt(copied, 'x', '1', 1, later(0, 2)).rating).toBe(AGAIN);
    // Next day it counts normally.
    expect(afterAttempt(copied, 'x', '1', 1, later(1)).rating).toBe(GOOD);
    // Wrong, then the solution: the day's Again stands even if right afterwards.
    const wrong = afterSolutionSeen(afterAttempt(undefined, 'x', '0', 0, now), 'x', later(0, 1));
    expect(afterAttempt(wrong, 'x', '1', 1, later(0, 2)).rating).toBe(AGAIN);
    // …and that look counts once: the next day's review goes by the answers again.
    expect(afterAttempt(afterAttempt(wrong, 'x', '0', 0, later(1)), 'x', '1', 1, later(1, 1)).rating).toBe(HARD);
    // Seen after today's right answer: today's review stands, the next one is an Again.
    const reread = afterSolutionSeen(afterAttempt(undefined, 'x', '1', 1, now), 'x', later(0, 1));
    expect(reread.rating).toBe(GOOD);
    expect(afterAttempt(reread, 'x', '1', 1, later(3)).rating).toBe(AGAIN);
  });

  it('queues due questions first (most overdue first), new ones apart, and says when the next one is due', () => {
    const p: Progress = emptyProgress();
    p.questions['t/a'] = afterAttempt(undefined, 'x', '1', 1, later(-10));
    p.questions['t/b'] = afterAttempt(undefined, 'x', '0', 0, later(-1));
    p.questions['t/c'] = afterAttempt(undefined, 'x', '1', 1, now);
    p.questions['t/e'] = withVariant(undefined, 'x', 1, now);
    expect(reviewQueue(p, ['t/a', 't/b', 't/c', 't/d', 't/e'], now)).toEqual({ due: ['t/a', 't/b'], fresh: ['t/d', 't/e'], next: p.questions['t/c']!.due });
    expect(reviewQueue(emptyProgress(), ['t/a'], now)).toEqual({ due: [], fresh: ['t/a'], next: undefined });
  });

  it('totals an area over attempted questions', () => {
    const p = emptyProgress();
    p.questions['t/a'] = afterAttempt(undefined, 'x', '1', 1, now);
    p.questions['t/b'] = afterAttempt(undefined, 'x', '1', 0.5, now);
    p.questions['t/c'] = afterAttempt(undefined, 'y', '1', 1, now);
    expect(areaTotals(p, 'x')).toEqual({ attempted: 2, solved: 1, attempts: 2, meanBest: 0.75 });
  });

  it('keeps the best score and never loses the variant', () => {
    const r = afterAttempt({ ...afterAttempt(undefined, 'a', '1', 0.5, now), variant: 3 }, 'a', '2', 0.25, now);
    expect(r.best).toBe(0.5);
    expect(r.variant).toBe(3);
    expect(r.solvedAt).toBeUndefined();
  });
});

describe('switching variants', () => {
  it('starts a record for a question not tried yet, not due before now and with no attempts', () => {
    const r = withVariant(undefined, 'probability', 3, now);
    expect(r).toEqual({
      area: 'probability',
      attempts: 0,
      best: 0,
      last: '',
      lastAt: now.toISOString(),
      due: now.toISOString(),
      reviews: 0,
      lapses: 0,
      variant: 3,
    });
    expect(() => migrate({ version: PROGRESS_VERSION, questions: { k: r } })).not.toThrow();
  });

  it('keeps attempts, best score and review schedule but drops the last answer, which was for other numbers', () => {
    const tried = afterAttempt({ ...withVariant(undefined, 'probability', 0, now) }, 'probability', '12.5', 1, now);
    const moved = withVariant(tried, 'probability', 1, new Date(now.getTime() + day));
    expect(moved).toEqual({ ...tried, variant: 1, last: '', tries: 0 });
    // Staying on the same variant changes nothing.
    expect(withVariant(tried, 'probability', 0, now)).toBe(tried);
  });

  it('counts the tries on the current variant, from 0 again on another one, and reads records without the count', () => {
    let r = withVariant(undefined, 'probability', 0, now);
    for (const score of [0, 0, 0.5]) r = afterAttempt(r, 'probability', 'x', score, now);
    expect(r).toMatchObject({ attempts: 3, tries: 3 });
    r = withVariant(r, 'probability', 1, now);
    expect(r).toMatchObject({ attempts: 3, tries: 0 });
    expect(afterAttempt(r, 'probability', 'y', 1, now)).toMatchObject({ attempts: 4, tries: 1 });
    const { tries: _, ...older } = afterAttempt(undefined, 'probability', 'z', 0, now);
    expect(migrate({ version: PROGRESS_VERSION, questions: { k: older } }).questions.k!.tries).toBeUndefined();
    expect(afterAttempt(older, 'probability', 'z', 0, now).tries).toBe(1);
    expect(reason(() => migrate({ version: PROGRESS_VERSION, questions: { k: { ...older, tries: -1 } } }))).toEqual({
      code: 'badField',
      vars: { key: 'k', field: 'tries' },
    });
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const p = emptyProgress();
    p.questions['t/a'] = afterAttempt(undefined, 'x', '½', 1, now);
    expect(fromExport(JSON.stringify(toExport(p, now)))).toEqual({ progress: p, setAside: [] });
  });

  it('carries every set-aside text, and reads the single one of earlier exports', () => {
    const p = emptyProgress();
    expect(fromExport(JSON.stringify(toExport(p, now, ['{bad', 'worse'])))).toEqual({ progress: p, setAside: ['{bad', 'worse'] });
    expect(
      fromExport(JSON.stringify({ app: 'ai-math-foundations', exportedAt: now.toISOString(), progress: { version: 2, questions: {} }, unreadable: '{old' }))
        .setAside,
    ).toEqual(['{old']);
  });

  it('imports version 1 and version 2 exports', () => {
    const v2 = { app: 'ai-math-foundations', exportedAt: now.toISOString(), progress: { version: 2, questions: { 'a/b': v2Record() } } };
    expect(fromExport(JSON.stringify(v2)).progress.questions['a/b']).toMatchObject({ attempts: 3, last: '0.5', due: v2Record().due });
    const v1 = { ...v2, progress: { version: 1, questions: { 'a/b': { area: 'x', attempts: 1, best: 0, last: '2', lastAt: now.toISOString() } } } };
    expect(fromExport(JSON.stringify(v1)).progress.questions['a/b']).toMatchObject({ attempts: 1, last: '2', reviews: 1 });
  });
  it('says why a file is not a progress export', () => {
    expect(reason(() => fromExport('not json'))).toEqual({ code: 'notJson', vars: {} });
    expect(reason(() => fromExport('{"app":"other"}'))).toEqual({ code: 'notOurs', vars: {} });
    expect(reason(() => fromExport('{"app":"ai-math-foundations","progress":{"version":3,"questions":{"a":1}}}'))).toEqual({
      code: 'badRecord',
      vars: { key: 'a' },
    });
  });
});

describe('merging an import', () => {
  const later = (days: number) => new Date(now.getTime() + days * day);
  it('keeps the newer review, the later answer, the best score, the first solve, and counts attempts once', () => {
    const shared = afterAttempt(undefined, 'x', '1', 1, now);
    const phone = afterAttempt(shared, 'x', '0', 0, later(4)); // reviewed later, wrong
    const laptop = afterAttempt({ ...shared, variant: 2 }, 'x', '1', 1, later(3));
    const merged = mergeRecord(laptop, phone);
    expect(merged).toMatchObject({
      attempts: 2,
      reviews: 2,
      best: 1,
      last: '0',
      rating: AGAIN,
      reviewedAt: phone.reviewedAt,
      due: phone.due,
      solvedAt: shared.solvedAt,
    });
    expect(mergeRecord(phone, laptop)).toEqual(merged);
    // Merging the same file twice changes nothing more.
    const mine: Progress = { ...emptyProgress(), questions: { 'a/1': laptop, 'a/2': shared } };
    const theirs: Progress = { ...emptyProgress(), questions: { 'a/1': phone, 'a/2': shared, 'a/3': shared } };
    const once = mergeProgress(mine, theirs);
    expect(once.report).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect(mergeProgress(once.progress, theirs).report).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(() => migrate(JSON.parse(JSON.stringify(once.progress)))).not.toThrow();
  });
});

describe('import errors', () => {
  it('have a reason in both languages for every code', () => {
    for (const code of PROGRESS_ERROR_CODES) {
      expect((en as Record<string, string>)[`progressui.reason.${code}`], code).toBeTruthy();
      expect((zh as Record<string, string>)[`progressui.reason.${code}`], code).toBeTruthy();
    }
  });
});
