/** Progress data: migration, validation, attempts, Leitner review, export/import. */
import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh.json';
import {
  afterAttempt, emptyProgress, migrate, PROGRESS_ERROR_CODES, PROGRESS_VERSION, ProgressFormatError, withVariant,
  type Progress,
} from '../../../src/progress/model.ts';
import { areaTotals, fromExport, reviewQueue, toExport } from '../../../src/progress/summary.ts';

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

describe('migrate', () => {
  it('upgrades version 1 (no review boxes) to the current version, keeping every record', () => {
    const v1 = {
      version: 1,
      questions: {
        'entropy/fair-coin': { area: 'information-theory', attempts: 2, best: 1, last: '1', lastAt: '2026-10-01T00:00:00Z', solvedAt: '2026-10-01T00:00:00Z' },
        'gone/old-question': { area: 'calculus', attempts: 1, best: 0, last: '3', lastAt: '2026-09-01T00:00:00Z' },
      },
    };
    const p = migrate(v1);
    expect(p.version).toBe(PROGRESS_VERSION);
    expect(p.questions['entropy/fair-coin']).toMatchObject({ box: 2, due: '2026-10-01T00:00:00Z', attempts: 2 });
    expect(p.questions['gone/old-question']).toMatchObject({ box: 1, attempts: 1 });
  });

  it('rejects what it cannot read, saying why', () => {
    expect(() => migrate(null)).toThrow(ProgressFormatError);
    expect(reason(() => migrate({ version: 99, questions: {} }))).toEqual({ code: 'newer', vars: { version: 99 } });
    expect(reason(() => migrate({ version: 2, questions: { a: { area: 'x' } } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'attempts' } });
    expect(reason(() => migrate({ version: 2, questions: { a: { area: 'x', attempts: 1, best: 2, last: '', lastAt: now.toISOString(), box: 1, due: now.toISOString() } } }))).toEqual({ code: 'badField', vars: { key: 'a', field: 'best' } });
    expect(reason(() => migrate({ version: 'two', questions: {} }))).toEqual({ code: 'unknownVersion', vars: {} });
    expect(reason(() => migrate({ version: 2 }))).toEqual({ code: 'noQuestions', vars: {} });
  });
});

describe('attempts and review boxes', () => {
  it('moves a right answer up a box and a wrong one back to box 1', () => {
    const first = afterAttempt(undefined, 'probability', '0.5', 1, now);
    expect(first).toMatchObject({ attempts: 1, best: 1, box: 1, solvedAt: now.toISOString() });
    const second = afterAttempt(first, 'probability', '0.5', 1, new Date(now.getTime() + day));
    expect(second.box).toBe(2);
    expect(Date.parse(second.due) - (now.getTime() + day)).toBe(1 * day);
    const wrong = afterAttempt(second, 'probability', '0.7', 0, now);
    expect(wrong).toMatchObject({ box: 1, best: 1, attempts: 3, solvedAt: now.toISOString() });
  });

  it('keeps the best score and never loses the variant', () => {
    const r = afterAttempt({ ...afterAttempt(undefined, 'a', '1', 0.5, now), variant: 3 }, 'a', '2', 0.25, now);
    expect(r.best).toBe(0.5);
    expect(r.variant).toBe(3);
    expect(r.solvedAt).toBeUndefined();
  });

  it('queues due questions first (lowest box first), then new ones', () => {
    const p: Progress = emptyProgress();
    p.questions['t/a'] = { ...afterAttempt(undefined, 'x', '1', 1, new Date(now.getTime() - 10 * day)), box: 3 };
    p.questions['t/a'].due = new Date(now.getTime() - day).toISOString();
    p.questions['t/b'] = afterAttempt(undefined, 'x', '0', 0, now);
    p.questions['t/c'] = { ...afterAttempt(undefined, 'x', '1', 1, now), box: 4, due: new Date(now.getTime() + 5 * day).toISOString() };
    expect(reviewQueue(p, ['t/a', 't/b', 't/c', 't/d'], now)).toEqual(['t/b', 't/a', 't/d']);
    expect(reviewQueue(p, ['t/a', 't/b', 't/c', 't/d'], now, 1)).toEqual(['t/b']);
  });

  it('totals an area over attempted questions', () => {
    const p = emptyProgress();
    p.questions['t/a'] = afterAttempt(undefined, 'x', '1', 1, now);
    p.questions['t/b'] = afterAttempt(undefined, 'x', '1', 0.5, now);
    p.questions['t/c'] = afterAttempt(undefined, 'y', '1', 1, now);
    expect(areaTotals(p, 'x')).toEqual({ attempted: 2, solved: 1, attempts: 2, meanBest: 0.75 });
  });
});

describe('switching variants', () => {
  it('starts a record for a question not tried yet, not due before now and with no attempts', () => {
    const r = withVariant(undefined, 'probability', 3, now);
    expect(r).toEqual({ area: 'probability', attempts: 0, best: 0, last: '', lastAt: now.toISOString(), box: 1, due: now.toISOString(), variant: 3 });
    expect(() => migrate({ version: PROGRESS_VERSION, questions: { k: r } })).not.toThrow();
  });

  it('keeps attempts, best score and review box but drops the last answer, which was for other numbers', () => {
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
    expect(reason(() => migrate({ version: PROGRESS_VERSION, questions: { k: { ...older, tries: -1 } } }))).toEqual({ code: 'badField', vars: { key: 'k', field: 'tries' } });
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const p = emptyProgress();
    p.questions['t/a'] = afterAttempt(undefined, 'x', '½', 1, now);
    expect(fromExport(JSON.stringify(toExport(p, now)))).toEqual(p);
  });

  it('says why a file is not a progress export', () => {
    expect(reason(() => fromExport('not json'))).toEqual({ code: 'notJson', vars: {} });
    expect(reason(() => fromExport('{"app":"other"}'))).toEqual({ code: 'notOurs', vars: {} });
    expect(reason(() => fromExport('{"app":"ai-math-foundations","progress":{"version":2,"questions":{"a":1}}}'))).toEqual({ code: 'badRecord', vars: { key: 'a' } });
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
