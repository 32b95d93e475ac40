import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { distinctOnGrid } from '../../../src/exercises/drawNumbers';

describe('distinctOnGrid(rng, count, lo, hi, step)', () => {
  it('distinctOnGrid(rng, 4, −3, 3, 0.1) gives 4 different values, each a whole number of tenths within [−3, 3], written as typed', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const z = distinctOnGrid(createRandom(seed), 4, -3, 3, 0.1);
      expect(new Set(z).size).toBe(4);
      for (const v of z) {
        expect(v).toBeGreaterThanOrEqual(-3);
        expect(v).toBeLessThanOrEqual(3);
        // the shortest decimal of the value has at most one figure after the point: no 0.30000000000000004
        expect(String(v)).toMatch(/^-?\d(\.\d)?$/);
      }
    }
  });

  it('reaches both ends of the grid and every cell: 31 cells of 0.1 in [997, 1000] all appear over many draws', () => {
    const seen = new Set<number>();
    for (let seed = 1; seed <= 400; seed++) for (const v of distinctOnGrid(createRandom(seed), 3, 997, 1000, 0.1)) seen.add(v);
    expect(seen.size).toBe(31);
    expect(Math.min(...seen)).toBe(997);
    expect(Math.max(...seen)).toBe(1000);
  });

  it('the same seed gives the same values', () => {
    expect(distinctOnGrid(createRandom(9), 3, -2, 2, 0.5)).toEqual(distinctOnGrid(createRandom(9), 3, -2, 2, 0.5));
  });

  it('asking for more distinct values than the grid holds is a RangeError, not an endless loop', () => {
    // [0, 1] on a grid of 0.5 holds three values: 0, 0.5, 1
    expect(distinctOnGrid(createRandom(1), 3, 0, 1, 0.5).sort()).toEqual([0, 0.5, 1]);
    expect(() => distinctOnGrid(createRandom(1), 4, 0, 1, 0.5)).toThrow(RangeError);
  });
});
