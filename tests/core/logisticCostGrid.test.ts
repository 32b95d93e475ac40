import { describe, expect, it } from 'vitest';
import { logisticCostGrid, type CostGridSpec } from '../../src/core/logisticCostGrid';
import { logisticLoss } from '../../src/core/logisticRegression';
import { createRandom } from '../../src/core/random';
import { expectRelClose, fc } from './helpers';

function points(seed: number, n: number): { X: Float64Array; t: Float64Array } {
  const random = createRandom(seed);
  const X = Float64Array.from({ length: 2 * n }, () => 6 * random.next() - 3);
  const t = Float64Array.from({ length: n }, () => random.int(2));
  return { X, t };
}

const SPEC: CostGridSpec = { w1Min: -6, w1Max: 6, w2Min: -4, w2Max: 2, nx: 7, ny: 5 };

describe('logisticCostGrid', () => {
  it('each cell is logisticLoss at (w1Min + iΔ₁, w2Min + jΔ₂, b), row j = 0 at w2Min', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 30 }), fc.double({ min: -3, max: 3, noNaN: true }), (seed, n, b) => {
        const { X, t } = points(seed, n);
        const grid = logisticCostGrid(X, t, b, SPEC);
        for (let j = 0; j < SPEC.ny; j++) {
          for (let i = 0; i < SPEC.nx; i++) {
            const w = [-6 + 2 * i, -4 + 1.5 * j, b];
            expectRelClose([grid[j * SPEC.nx + i] as number], [logisticLoss(w, X, t, 'cross-entropy')], 1e-12);
          }
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('one point x = (1, 0) of class 1: the cost ln(1 + e^{−w₁}) along w₁, the same in every row', () => {
    const grid = logisticCostGrid(Float64Array.of(1, 0), Float64Array.of(1), 0, SPEC);
    for (let j = 0; j < SPEC.ny; j++) {
      for (let i = 0; i < SPEC.nx; i++) {
        const w1 = -6 + 2 * i;
        // ln(1 + e^{−w₁}) = max(−w₁, 0) + log1p(e^{−|w₁|}), written without cancellation
        expectRelClose([grid[j * SPEC.nx + i] as number], [Math.max(-w1, 0) + Math.log1p(Math.exp(-Math.abs(w1)))], 1e-14);
      }
    }
  });

  it('is convex along every row and column: each cell is at most the mean of its two neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 30 }), (seed, n) => {
        const { X, t } = points(seed, n);
        const spec = { w1Min: -6, w1Max: 6, w2Min: -6, w2Max: 6, nx: 25, ny: 25 };
        const g = logisticCostGrid(X, t, 0.3, spec);
        const at = (i: number, j: number) => g[j * 25 + i] as number;
        for (let j = 1; j < 24; j++) {
          for (let i = 1; i < 24; i++) {
            expect(at(i, j)).toBeLessThanOrEqual((at(i - 1, j) + at(i + 1, j)) / 2 + 1e-12);
            expect(at(i, j)).toBeLessThanOrEqual((at(i, j - 1) + at(i, j + 1)) / 2 + 1e-12);
          }
        }
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it('fills and returns the out array it is given', () => {
    const out = new Float64Array(SPEC.nx * SPEC.ny);
    const { X, t } = points(1, 5);
    expect(logisticCostGrid(X, t, 0, SPEC, out)).toBe(out);
    expect(out.every(Number.isFinite)).toBe(true);
  });

  it('no points give a grid of NaN; bad sizes, ranges, targets, b or out give a RangeError naming the problem', () => {
    expect(logisticCostGrid(new Float64Array(0), new Float64Array(0), 0, SPEC).every(Number.isNaN)).toBe(true);
    const X = Float64Array.of(1, 1);
    const t = Float64Array.of(1);
    expect(() => logisticCostGrid(X, t, 0, { ...SPEC, nx: 1 })).toThrow(/nx = 1 is not an integer ≥ 2/);
    expect(() => logisticCostGrid(X, t, 0, { ...SPEC, ny: 2.5 })).toThrow(/ny = 2.5/);
    expect(() => logisticCostGrid(X, t, 0, { ...SPEC, w1Min: 7 })).toThrow(/w1 range/);
    expect(() => logisticCostGrid(X, t, 0, { ...SPEC, w2Max: Infinity })).toThrow(/w2 range/);
    expect(() => logisticCostGrid(X, Float64Array.of(0.5), 0, SPEC)).toThrow(/t\[0\] = 0.5/);
    expect(() => logisticCostGrid(Float64Array.of(1), t, 0, SPEC)).toThrow(/n × 2 = 2/);
    expect(() => logisticCostGrid(X, t, NaN, SPEC)).toThrow(/b = NaN/);
    expect(() => logisticCostGrid(X, t, 0, SPEC, new Float64Array(3))).toThrow(/out has length 3/);
  });

  it('logisticCostGrid checks each bound: the smallest grid (2 × 2) passes; an infinite or NaN end, or min = max, is a RangeError', () => {
    const X = Float64Array.of(1, 1);
    const t = Float64Array.of(1);
    const smallest = logisticCostGrid(X, t, 0, { ...SPEC, nx: 2, ny: 2 });
    // corners (w1, w2) = (−6, −4), (6, −4), (−6, 2), (6, 2) at x = (1, 1), class 1: ln(1 + e^{−(w1 + w2)})
    expectRelClose(smallest, [-10, 2, -4, 8].map((z) => Math.log1p(Math.exp(-z))), 4 * 2 ** -52, 0);
    for (const bad of [{ w1Min: -Infinity }, { w1Max: Infinity }, { w1Max: NaN }, { w1Min: 6 }]) {
      expect(() => logisticCostGrid(X, t, 0, { ...SPEC, ...bad }), JSON.stringify(bad)).toThrow(/the w1 range \[.*\] is not finite with min < max/);
    }
    for (const bad of [{ w2Min: -Infinity }, { w2Max: NaN }, { w2Min: 2 }, { w2Min: 3 }]) {
      expect(() => logisticCostGrid(X, t, 0, { ...SPEC, ...bad }), JSON.stringify(bad)).toThrow(/the w2 range \[.*\] is not finite with min < max/);
    }
  });

  it('logisticCostGrid states the sizes it expected: n × 2 for X, nx·ny for out', () => {
    const t = Float64Array.of(1, 0, 1);
    expect(() => logisticCostGrid(new Float64Array(4), t, 0, SPEC)).toThrow(
      'logisticCostGrid: X has length 4 but n × 2 = 6 for the n = 3 targets',
    );
    expect(() => logisticCostGrid(new Float64Array(6), t, 0, SPEC, new Float64Array(34))).toThrow(
      'logisticCostGrid: out has length 34, not nx·ny = 35',
    );
  });
});
