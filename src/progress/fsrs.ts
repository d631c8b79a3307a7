/**
 * The FSRS-6 memory model with its default parameters, as ts-fsrs (MIT) computes it with
 * `enable_short_term: false` and no fuzz: one review a day at most, intervals in whole days.
 * ts-fsrs itself weighs several times this in a browser bundle (BENCHMARKS.md §6); this is the
 * part we use, and tests/unit/progress/fsrs.test.ts checks it against ts-fsrs review by review.
 *
 * Memory state: stability S (days until recall drops to 90%) and difficulty D (1..10).
 * Ratings: 1 Again, 2 Hard, 3 Good (4 Easy exists in FSRS; the quiz never gives it).
 */

export type Rating = 1 | 2 | 3 | 4;
export const AGAIN = 1;
export const HARD = 2;
export const GOOD = 3;

export type MemoryState = { stability: number; difficulty: number };

/** FSRS-6 default parameters (ts-fsrs `default_w`). */
const W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
  0.1542,
];
const DECAY = -W[20]!;
/** ts-fsrs rounds every intermediate to 8 decimals; doing the same keeps us equal to it. */
const round8 = (x: number) => Math.round(x * 1e8) / 1e8;
const FACTOR = round8(Math.exp(Math.log(0.9) / DECAY) - 1);
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
const MAX_STABILITY = 36_500;
/** Days from stability at 90% requested retention (1 with these parameters, kept for clarity). */
const INTERVAL_MODIFIER = round8((Math.pow(0.9, 1 / DECAY) - 1) / FACTOR);

const initDifficulty = (g: Rating) => round8(W[4]! - Math.exp((g - 1) * W[5]!) + 1);

/** Probability of recall after `days` for a memory of this stability. */
export const retrievability = (days: number, stability: number) => round8(Math.pow(1 + (FACTOR * days) / stability, DECAY));

/** The memory state after a review rated `g`, `days` after the previous one (none: first review). */
export function nextState(previous: MemoryState | undefined, days: number, g: Rating): MemoryState {
  if (!previous) return { stability: Math.max(W[g - 1]!, 0.1), difficulty: clamp(initDifficulty(g), 1, 10) };
  const { stability: s, difficulty: d } = previous;
  const r = retrievability(days, s);
  let stability: number;
  if (g === AGAIN) {
    const forget = round8(clamp(W[11]! * Math.pow(d, -W[12]!) * (Math.pow(s + 1, W[13]!) - 1) * Math.exp((1 - r) * W[14]!), 0.001, MAX_STABILITY));
    stability = clamp(s, 0.001, forget);
  } else {
    const bonus = (g === HARD ? W[15]! : 1) * (g === 4 ? W[16]! : 1);
    stability = round8(clamp(s * (1 + Math.exp(W[8]!) * (11 - d) * Math.pow(s, -W[9]!) * (Math.exp((1 - r) * W[10]!) - 1) * bonus), 0.001, MAX_STABILITY));
  }
  // Difficulty moves with the rating, damped near 10, and reverts slightly towards Easy's.
  const damped = d + round8((-W[6]! * (g - 3) * (10 - d)) / 9);
  const difficulty = clamp(round8(W[7]! * initDifficulty(4) + (1 - W[7]!) * damped), 1, 10);
  return { stability, difficulty };
}

const interval = (stability: number) => Math.min(Math.max(1, Math.round(stability * INTERVAL_MODIFIER)), MAX_STABILITY);

/**
 * Days until the next review after rating `g`. As in ts-fsrs, the four ratings' intervals are
 * computed together and kept in order (Again < Hard < Good < Easy), so Hard is never sooner
 * than Again nor Good than Hard.
 */
export function nextInterval(previous: MemoryState | undefined, days: number, g: Rating): number {
  const [again, hard, good, easy] = ([1, 2, 3, 4] as const).map((x) => interval(nextState(previous, days, x).stability)) as [number, number, number, number];
  const a = Math.min(again, hard);
  const h = Math.max(hard, a + 1);
  const gd = Math.max(good, h + 1);
  return [a, h, gd, Math.max(easy, gd + 1)][g - 1]!;
}
