import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ticks } from 'd3-array';
import { niceTicks } from '../../../src/plots/niceTicks';

describe('niceTicks', () => {
  it('niceTicks(0, 1, 5) steps by 0.2 from 0 to 1', () => {
    // 1/5 = 0.2 is a 2 × 10⁻¹ step already
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('niceTicks(-3, 3, 4) steps by 2, the round step nearest 6/4, and keeps inside the domain', () => {
    // 1.5 lies between √2 and √10, so the step is 2; ±4 would leave [−3, 3]
    expect(niceTicks(-3, 3, 4)).toEqual([-2, 0, 2]);
  });

  it('niceTicks(0, 100, 10) steps by 10', () => {
    expect(niceTicks(0, 100, 10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('niceTicks(1, 0, 5) runs from start to stop, downwards', () => {
    expect(niceTicks(1, 0, 5)).toEqual([1, 0.8, 0.6, 0.4, 0.2, 0]);
  });

  it('niceTicks(x, x, n) is [x], and a count that is not positive gives no ticks', () => {
    expect(niceTicks(2, 2, 5)).toEqual([2]);
    expect(niceTicks(0, 1, 0)).toEqual([]);
    expect(niceTicks(0, 1, NaN)).toEqual([]);
  });

  it('niceTicks(start, stop, count) is what d3-array’s ticks gives, for any plot’s domain (thousandths up to ±1000) and count', () => {
    // no subnormal ends (5e-324): there 10^-power overflows to Infinity, and no plot has such a domain
    const finite = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => k / 1000);
    fc.assert(
      fc.property(finite, finite, fc.integer({ min: 0, max: 40 }), (start, stop, count) => {
        expect(niceTicks(start, stop, count)).toEqual(ticks(start, stop, count));
      }),
      { seed: 42 },
    );
  });
});
