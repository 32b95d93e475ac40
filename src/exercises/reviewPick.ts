import type { SolvedMap } from '../state/progress';
import { EXERCISE_SEEDS } from '../url/widgetEntry';

/**
 * What the Review page offers: solved exercises again, on numbers other than those they were solved
 * with, spaced by the days since each was last solved. Pure: the solved map, the exercises' ids and
 * the time come in, so a test fixes all three.
 */

export const DAY_MS = 86_400_000;
/** no more than a short sitting's worth */
export const REVIEW_LIMIT = 5;

export interface ReviewItem {
  /** the exercise's id, 'softmax/ProbabilityExercise' */
  readonly id: string;
  /** the numbers to review it on: never the set it was last solved on */
  readonly seed: number;
  /** the set it was last solved on */
  readonly solvedSeed: number;
  /** whole days (24 hours each) since it was last solved */
  readonly days: number;
}

export interface ReviewPlan {
  /** the exercises due now (a whole day or more since last solved), the longest since first; at most five */
  readonly due: readonly ReviewItem[];
  /** when none is due: the time (ms) the first falls due; null when one is due or none is solved */
  readonly nextDueAt: number | null;
  /** when none is due: the least recently solved, to practise anyway; at most five */
  readonly anyway: readonly ReviewItem[];
}

/** The calendar day of `ms` where the learner is (days since 1 January 1970, local time). */
export function localDay(ms: number): number {
  return Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / DAY_MS);
}

// 99 999 seeds; a step between 1 and 99 998 of them away from the solved one never lands back on it.
const SEEDS = EXERCISE_SEEDS.max - EXERCISE_SEEDS.min + 1;
// odd and not 49 999, so coprime to 99 998 = 2 · 49 999: day after day the step takes every value
// before one repeats, and the numbers of one day are unlike the next's
const STEP_PER_DAY = 7907;

/**
 * The seed to review an exercise on, on calendar day `day` (localDay), when it was last solved on
 * `solvedSeed`: the same all day, so a reload shows the same numbers, and never `solvedSeed`.
 *   step = 1 + (day · 7907 mod 99 998), seed = 1 + ((solvedSeed − 1 + step) mod 99 999)
 */
export function reviewSeed(solvedSeed: number, day: number): number {
  const step = 1 + mod(day * STEP_PER_DAY, SEEDS - 1);
  return EXERCISE_SEEDS.min + mod(solvedSeed - EXERCISE_SEEDS.min + step, SEEDS);
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

/**
 * The review for `now`: of the exercises in `ids` (in chapter order) that `solved` holds, those a
 * whole day or more since last solved, the most days since first (ties in chapter order), at most
 * five. When none is due: when the first will be, and the five least recently solved. Solved entries
 * for ids not in `ids` (an exercise since removed) are left out.
 */
export function pickReview(solved: SolvedMap, ids: readonly string[], now: number): ReviewPlan {
  const day = localDay(now);
  const known = ids.flatMap((id, order) => {
    const entry = Object.hasOwn(solved, id) ? solved[id] : undefined;
    if (!entry) return [];
    const item: ReviewItem = { id, seed: reviewSeed(entry.seed, day), solvedSeed: entry.seed, days: Math.floor((now - entry.at) / DAY_MS) };
    return [{ item, order, at: entry.at }];
  });
  const due = known
    .filter((k) => k.item.days >= 1)
    .sort((a, b) => b.item.days - a.item.days || a.order - b.order)
    .slice(0, REVIEW_LIMIT)
    .map((k) => k.item);
  if (due.length > 0 || known.length === 0) return { due, nextDueAt: null, anyway: [] };
  const byAge = [...known].sort((a, b) => a.at - b.at || a.order - b.order);
  return { due, nextDueAt: byAge[0]!.at + DAY_MS, anyway: byAge.slice(0, REVIEW_LIMIT).map((k) => k.item) };
}
