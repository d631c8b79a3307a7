/** Our FSRS core against ts-fsrs (long-term scheduler, default parameters, no fuzz). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyCard, fsrs, type Grade } from 'ts-fsrs';
import { nextInterval, nextState, type MemoryState, type Rating } from '../../../src/progress/fsrs.ts';

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });
const DAY = 86_400_000;

/** Runs the same reviews through ts-fsrs and ours; returns both schedules (interval, S, D). */
function both(reviews: Array<[gapDays: number, rating: Rating]>) {
  let card = createEmptyCard(new Date('2026-01-05T12:00:00Z'));
  let at = card.due.getTime();
  let ours: MemoryState | undefined;
  const theirs: number[][] = [];
  const mine: number[][] = [];
  for (const [gap, rating] of reviews) {
    at += gap * DAY;
    const days = ours ? gap : 0;
    const interval = nextInterval(ours, days, rating);
    ours = nextState(ours, days, rating);
    mine.push([interval, ours.stability, ours.difficulty]);
    card = scheduler.next(card, new Date(at), rating as Grade).card;
    theirs.push([card.scheduled_days, card.stability, card.difficulty]);
  }
  return { theirs, mine };
}

describe('FSRS core', () => {
  it('matches ts-fsrs for a scripted sequence of ratings', () => {
    // A learner who gets it right, forgets after a long gap, struggles, then recovers.
    const script: Array<[number, Rating]> = [
      [0, 3],
      [3, 3],
      [10, 3],
      [30, 1],
      [1, 2],
      [2, 1],
      [1, 3],
      [4, 3],
      [12, 2],
      [20, 3],
      [60, 3],
    ];
    const { theirs, mine } = both(script);
    expect(mine).toEqual(theirs);
    // Right at the first try comes back in 3 days, wrong tomorrow.
    expect(nextInterval(undefined, 0, 3)).toBe(3);
    expect(nextInterval(undefined, 0, 2)).toBe(2);
    expect(nextInterval(undefined, 0, 1)).toBe(1);
  });

  it('matches ts-fsrs for any sequence of ratings and gaps', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom<Rating>(1, 2, 3, 4)), { minLength: 1, maxLength: 25 }), (script) => {
        const { theirs, mine } = both(script);
        expect(mine).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
