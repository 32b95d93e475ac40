import { describe, expect, it } from 'vitest';
import { BAR_MARGIN, barScales } from '../../../src/plots/barScales';

// Margins: left 34, right 8, top 18, bottom 26 (viewBox units).
describe('barScales', () => {
  it('barScales(3, [0, 1], 300, 200).x puts three equal bands in 34..292 with a quarter-step gap between them', () => {
    const { x } = barScales(3, [0, 1], 300, 200);
    // 258 units across hold 3 bands of 0.75 step, 2 inner gaps of 0.25 step and 2 outer margins of
    // 0.15 step: 2.25 + 0.5 + 0.3 = 3.05 steps.
    const step = 258 / 3.05;
    expect(x.bandwidth()).toBeCloseTo(0.75 * step, 10);
    expect(x(0)).toBeCloseTo(34 + 0.15 * step, 10);
    expect(x(1)).toBeCloseTo(34 + 1.15 * step, 10);
    expect((x(2) ?? NaN) + x.bandwidth()).toBeCloseTo(292 - 0.15 * step, 10);
  });

  it('barScales(3, …).x(i) is undefined for a band the chart does not have', () => {
    const { x } = barScales(3, [0, 1], 300, 200);
    expect([x(-1), x(3), x(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it('barScales(1, …).x centres a single band with 0.15 of a step on either side', () => {
    const { x } = barScales(1, [0, 1], 300, 200);
    // one band: 0.75 + 0.3 = 1.05 steps across 258 units
    const step = 258 / 1.05;
    expect(x(0)).toBeCloseTo(34 + 0.15 * step, 10);
    expect(x.bandwidth()).toBeCloseTo(0.75 * step, 10);
  });

  it('barScales(…, [0, 1], 300, 200).y maps 0 to the baseline at 174, 1 to the top at 18, 0.5 halfway', () => {
    const { y } = barScales(3, [0, 1], 300, 200);
    expect(y(0)).toBe(200 - BAR_MARGIN.bottom);
    expect(y(1)).toBe(BAR_MARGIN.top);
    expect(y(0.5)).toBeCloseTo(96, 12);
    // linear beyond the domain too: the chart clips, the scale does not
    expect(y(2)).toBeCloseTo(18 - 156, 12);
  });

  it('barScales(…, [-5, 5], …).y.invert takes a height back to its value', () => {
    const { y } = barScales(3, [-5, 5], 300, 200);
    expect(y.invert(174)).toBeCloseTo(-5, 12);
    expect(y.invert(96)).toBeCloseTo(0, 12);
    expect(y.invert(18 + 156 / 10)).toBeCloseTo(4, 12);
  });

  it('barScales(…, [-5, 5], …).y.ticks(4) gives round values 2 apart', () => {
    // 10 / 4 = 2.5 per tick, nearest of 1, 2, 5 × 10^k in d3's sense is 2
    expect(barScales(3, [-5, 5], 300, 200).y.ticks(4)).toEqual([-4, -2, 0, 2, 4]);
    expect(barScales(3, [0, 1], 300, 200).y.ticks(4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('barScales(…, [1, 1], …).y puts every value at mid-height rather than NaN', () => {
    const { y } = barScales(3, [1, 1], 300, 200);
    expect(y(1)).toBe(96);
    expect(y(7)).toBe(96);
  });
});
