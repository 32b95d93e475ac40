import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY_MS, localDay, pickReview, reviewSeed } from '../../../src/exercises/reviewPick';
import type { Solved, SolvedMap } from '../../../src/state/progress';

// Times are local (the learner's calendar), in January: no clock changes for summer time in the span.
const at = (day: number, hour: number, minute = 0) => new Date(2025, 0, day, hour, minute).getTime();
const solvedAt = (seed: number, time: number): Solved => ({ seed, attempts: 1, hintsUsed: 0, at: time });

/** Eight exercises in chapter order (the picker needs only their ids). */
const IDS = ['c1/A', 'c1/B', 'c2/C', 'c3/D', 'c3/E', 'c4/F', 'c5/G', 'c6/H'];

describe('localDay(ms)', () => {
  it('localDay(10 March 2025, any time of day) is 20157: 55 years of 365 days, 14 leap days, then 31 + 28 + 9 days', () => {
    expect(localDay(new Date(2025, 2, 10, 0, 0).getTime())).toBe(20157);
    expect(localDay(new Date(2025, 2, 10, 23, 59).getTime())).toBe(20157);
    expect(localDay(new Date(2025, 2, 11, 0, 0).getTime())).toBe(20158);
  });
});

describe('reviewSeed(solvedSeed, day)', () => {
  // day 20157: 20157 · 7907 = 159 381 399 = 1593 · 99 998 + 84 585, so the step is 84 586
  it('reviewSeed(1, 20157) is 1 + 84 586 = 84 587', () => {
    expect(reviewSeed(1, 20157)).toBe(84587);
  });

  it('reviewSeed(20000, 20157) wraps past 99 999: 1 + (19 999 + 84 586 − 99 999) = 4 587', () => {
    expect(reviewSeed(20000, 20157)).toBe(4587);
  });

  it('reviewSeed(99999, 20157) wraps from the last seed: 1 + (99 998 + 84 586 − 99 999) = 84 586', () => {
    expect(reviewSeed(99999, 20157)).toBe(84586);
  });

  it('is never the solved seed, always a whole number in 1..99999, and another one the next day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: -200_000, max: 200_000 }), (solved, day) => {
        const seed = reviewSeed(solved, day);
        expect(Number.isInteger(seed)).toBe(true);
        expect(seed).toBeGreaterThanOrEqual(1);
        expect(seed).toBeLessThanOrEqual(99999);
        expect(seed).not.toBe(solved);
        expect(reviewSeed(solved, day + 1)).not.toBe(seed);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});

describe('pickReview(solved, ids, now)', () => {
  it('pickReview({}, ids, now): nothing due, nothing to fall due, nothing to practise', () => {
    expect(pickReview({}, IDS, at(20, 12))).toEqual({ due: [], nextDueAt: null, anyway: [] });
  });

  it('none due yet (both solved under a day ago): the next falls due 24 hours after the earlier, and both are there to practise, oldest first', () => {
    const solved: SolvedMap = { 'c3/D': solvedAt(12, at(19, 15, 30)), 'c1/B': solvedAt(40, at(19, 9)) };
    const plan = pickReview(solved, IDS, at(20, 8));
    expect(plan.due).toEqual([]);
    expect(plan.nextDueAt).toBe(at(20, 9));
    expect(plan.anyway.map((i) => [i.id, i.solvedSeed, i.days])).toEqual([
      ['c1/B', 40, 0],
      ['c3/D', 12, 0],
    ]);
  });

  it('a whole day to the minute is due; a minute less is not', () => {
    const solved: SolvedMap = { 'c1/A': solvedAt(5, at(19, 12)) };
    expect(pickReview(solved, IDS, at(20, 12)).due.map((i) => [i.id, i.days])).toEqual([['c1/A', 1]]);
    expect(pickReview(solved, IDS, at(20, 11, 59)).due).toEqual([]);
  });

  it('more than five due: the five with the most whole days since, ties in chapter order (not by the hour)', () => {
    // now: 20 January, 12:00
    const solved: SolvedMap = {
      'c1/A': solvedAt(1, at(19, 13)), // 23 hours: not due
      'c1/B': solvedAt(2, at(17, 12)), // 3 days
      'c2/C': solvedAt(3, at(10, 18)), // 9 days 18 hours: 9
      'c3/D': solvedAt(4, at(17, 11)), // 3 days 1 hour: 3, after B (chapter order), though solved an hour earlier
      'c3/E': solvedAt(5, at(19, 12)), // 1 day
      'c4/F': solvedAt(6, at(13, 9)), // 7 days 3 hours: 7
      'c5/G': solvedAt(7, at(18, 20)), // 1 day 16 hours: 1
      'c6/H': solvedAt(8, at(15, 12)), // 5 days
    };
    const plan = pickReview(solved, IDS, at(20, 12));
    expect(plan.due.map((i) => [i.id, i.days])).toEqual([
      ['c2/C', 9],
      ['c4/F', 7],
      ['c6/H', 5],
      ['c1/B', 3],
      ['c3/D', 3],
    ]);
    expect(plan.nextDueAt).toBeNull();
    expect(plan.anyway).toEqual([]);
  });

  it('each is reviewed on the seed for today’s date: on 20 January 2025 (day 20108) the step is 97 135', () => {
    // 20108 · 7907 = 158 993 956 = 1589 · 99 998 + 97 134, so the step is 97 135:
    // set 10 → 1 + (9 + 97 135) = 97 145; set 7000 → 1 + (6 999 + 97 135 − 99 999) = 4 136
    const plan = pickReview({ 'c1/A': solvedAt(10, at(12, 9)), 'c2/C': solvedAt(7000, at(12, 9)) }, IDS, at(20, 12));
    expect(plan.due.map((i) => [i.id, i.solvedSeed, i.seed])).toEqual([
      ['c1/A', 10, 97145],
      ['c2/C', 7000, 4136],
    ]);
  });

  it('the same numbers all day: a reload at 23:59 picks the seeds of 00:01; the next morning, others', () => {
    const solved: SolvedMap = { 'c1/A': solvedAt(10, at(12, 9)), 'c4/F': solvedAt(99999, at(14, 9)) };
    const seeds = (time: number) => pickReview(solved, IDS, time).due.map((i) => i.seed);
    expect(seeds(at(20, 23, 59))).toEqual(seeds(at(20, 0, 1)));
    const tomorrow = seeds(at(21, 0, 1));
    expect(tomorrow[0]).not.toBe(seeds(at(20, 0, 1))[0]);
    expect(tomorrow[1]).not.toBe(seeds(at(20, 0, 1))[1]);
  });

  it('solved ids that are not exercises (any more) are left out: not due, not counted for the next, not practised', () => {
    const gone = { 'gone/Old': solvedAt(3, at(1, 9)), 'c9/Z': solvedAt(4, at(2, 9)) };
    expect(pickReview(gone, IDS, at(20, 12))).toEqual({ due: [], nextDueAt: null, anyway: [] });
    const plan = pickReview({ ...gone, 'c2/C': solvedAt(5, at(20, 10)) }, IDS, at(20, 12));
    expect(plan.due).toEqual([]);
    expect(plan.nextDueAt).toBe(at(21, 10));
    expect(plan.anyway.map((i) => i.id)).toEqual(['c2/C']);
  });

  it('"practise anyway" offers at most five, the least recently solved first', () => {
    // all solved on the 20th, between 1:00 and 8:00; now 20 January, 12:00: none is due
    const solved: SolvedMap = Object.fromEntries(IDS.map((id, i) => [id, solvedAt(i + 1, at(20, 8 - i))]));
    const plan = pickReview(solved, IDS, at(20, 12));
    expect(plan.due).toEqual([]);
    expect(plan.anyway.map((i) => i.id)).toEqual(['c6/H', 'c5/G', 'c4/F', 'c3/E', 'c3/D']);
    expect(plan.nextDueAt).toBe(at(21, 1));
  });

  it('whatever was solved, and when, no exercise is offered on the seed it was solved with, nor outside 1..99999', () => {
    const entry = fc.record({ seed: fc.integer({ min: 1, max: 99999 }), ago: fc.integer({ min: 0, max: 400 * DAY_MS }) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...IDS), entry), fc.integer({ min: at(1, 0), max: at(1, 0) + 3000 * DAY_MS }), (entries, now) => {
        const solved: SolvedMap = Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, solvedAt(e.seed, now - e.ago)]));
        const plan = pickReview(solved, IDS, now);
        expect(plan.due.length).toBeLessThanOrEqual(5);
        expect(plan.anyway.length).toBeLessThanOrEqual(5);
        for (const item of [...plan.due, ...plan.anyway]) {
          expect(item.seed).not.toBe(solved[item.id]!.seed);
          expect(item.seed).toBeGreaterThanOrEqual(1);
          expect(item.seed).toBeLessThanOrEqual(99999);
        }
      }),
      { seed: 42 },
    );
  });
});
