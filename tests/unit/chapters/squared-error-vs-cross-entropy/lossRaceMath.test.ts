import { describe, expect, it } from 'vitest';
import { advanceRace, makeRaceData, RACE_STARTS, startRace } from '../../../../src/chapters/squared-error-vs-cross-entropy/lossRaceMath';

const data = makeRaceData(2024, 40);

describe('the training race', () => {
  it('makeRaceData(seed, 40) is 40 balanced points, the same for the same seed', () => {
    expect(data.X).toHaveLength(80);
    expect(Array.from(data.t).filter((t) => t === 1)).toHaveLength(20);
    expect(makeRaceData(2024, 40)).toEqual(data);
    expect(makeRaceData(2025, 40).X).not.toEqual(data.X);
  });

  it('startRace at w = 0: squared error ½ × ¼ = 0.125 and cross-entropy ln 2 for every point', () => {
    const race = startRace(data, RACE_STARTS.neutral);
    expect(race.step).toBe(0);
    expect(race.squaredError.losses[0]).toBeCloseTo(0.125, 15);
    expect(race.crossEntropy.losses[0]).toBeCloseTo(Math.LN2, 15);
    // z = 0 counts as class 1, so exactly the 20 points of class 1 are right
    expect(race.squaredError.accuracies[0]).toBe(0.5);
  });

  it("advanceRace one step from w = 0: squared error's step is exactly a quarter of cross-entropy's", () => {
    const race = advanceRace(startRace(data, RACE_STARTS.neutral), data, 1, 1, 300);
    // σ'(0) = ¼ for every point, so every g_i and the whole gradient shrink by 4
    Array.from(race.squaredError.w).forEach((w, k) => expect(w).toBeCloseTo((race.crossEntropy.w[k] ?? NaN) / 4, 15));
    expect(race.squaredError.lastStep).toBeCloseTo(race.crossEntropy.lastStep / 4, 15);
  });

  it('advanceRace from the confidently wrong start: cross-entropy escapes within 10 steps, squared error does not', () => {
    const race = advanceRace(startRace(data, RACE_STARTS['confidently-wrong']), data, 1, 10, 300);
    expect(race.crossEntropy.accuracies[10]).toBeGreaterThan(0.9);
    expect(race.squaredError.accuracies[10]).toBeLessThan(0.1);
    // squared error's loss still falls, just barely
    expect(race.squaredError.losses[10]).toBeLessThan(race.squaredError.losses[0] ?? NaN);
    expect((race.squaredError.losses[0] ?? 0) - (race.squaredError.losses[10] ?? 0)).toBeLessThan(0.001);
  });

  it('advanceRace never goes past the cap, and returns the same state at the cap', () => {
    const start = startRace(data, RACE_STARTS.neutral);
    const capped = advanceRace(start, data, 1, 50, 20);
    expect(capped.step).toBe(20);
    expect(capped.crossEntropy.losses).toHaveLength(21);
    expect(advanceRace(capped, data, 1, 5, 20)).toBe(capped);
  });

  it('advanceRace leaves the old state as it was', () => {
    const start = startRace(data, RACE_STARTS.neutral);
    const w = Array.from(start.crossEntropy.w);
    advanceRace(start, data, 1, 3, 300);
    expect(Array.from(start.crossEntropy.w)).toEqual(w);
    expect(start.crossEntropy.losses).toHaveLength(1);
  });
});
