import { describe, expect, it } from 'vitest';
import { reviewDueWhen } from '../../../src/exercises/reviewDueWhen';

// local times, as the learner's clock shows them
const at = (month: number, day: number, hour: number, minute = 0) => new Date(2025, month, day, hour, minute).getTime();

describe('reviewDueWhen(dueAt, now)', () => {
  it('later the same day: "later today, at 17:40"', () => {
    expect(reviewDueWhen(at(0, 10, 17, 40), at(0, 10, 15))).toBe('later today, at 17:40');
  });

  it('the next day: "tomorrow, at 9:05", minutes with two digits', () => {
    expect(reviewDueWhen(at(0, 11, 9, 5), at(0, 10, 15))).toBe('tomorrow, at 9:05');
  });

  it('just after midnight is tomorrow, though under an hour away', () => {
    expect(reviewDueWhen(at(0, 11, 0, 10), at(0, 10, 23, 30))).toBe('tomorrow, at 0:10');
  });

  it('further off: the date, "on 13 January 2025"', () => {
    expect(reviewDueWhen(at(0, 13, 8), at(0, 10, 15))).toBe('on 13 January 2025');
  });
});
