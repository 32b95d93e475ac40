import { describe, expect, it } from 'vitest';
import { boundaryGeometry, type Point } from '../../src/widgets/logistic/boundaryGeometry';
import { COST_LEVELS, gridMinimum, gridToWeights, levelsFor, sublevelRings } from '../../src/widgets/logistic/costMap';

/** Shoelace area of a polygon. */
const area = (ps: readonly Point[]) =>
  Math.abs(ps.reduce((sum, [x, y], i) => {
    const [u, v] = ps[(i + 1) % ps.length]!;
    return sum + x * v - u * y;
  }, 0)) / 2;

describe('boundaryGeometry', () => {
  it('w = (1, 0, 0) in [−3, 3]²: the line x₁ = 0 from bottom to top, and two halves of area 18', () => {
    const g = boundaryGeometry(1, 0, 0, 3);
    const ends = [...(g.segment ?? [])].map(([x, y]) => [x, y]).sort((a, b) => a[1]! - b[1]!);
    expect(ends).toEqual([[0, -3], [0, 3]]);
    expect(area(g.positive)).toBeCloseTo(18, 12);
    expect(area(g.negative)).toBeCloseTo(18, 12);
    // class 1 is predicted on the side w points to: x₁ > 0
    expect(g.positive.every(([x]) => x >= 0)).toBe(true);
  });

  it('x₁ + x₂ = 1 cuts off a triangle of area (3 + 3 − 1)²/2 = 12.5 on the positive side', () => {
    const g = boundaryGeometry(1, 1, -1, 3);
    expect(area(g.positive)).toBeCloseTo(12.5, 12);
    expect(area(g.positive) + area(g.negative)).toBeCloseTo(36, 12);
    for (const [x, y] of g.segment ?? []) expect(x + y).toBeCloseTo(1, 12);
  });

  it('w₁ = w₂ = 0: no line; the whole square is one class, chosen by the sign of b', () => {
    const plus = boundaryGeometry(0, 0, 1, 3);
    expect(plus.segment).toBeNull();
    expect(area(plus.positive)).toBe(36);
    expect(plus.negative).toEqual([]);
    const minus = boundaryGeometry(0, 0, -1, 3);
    expect(minus.positive).toEqual([]);
  });

  it('a line that misses the square draws no segment', () => {
    const g = boundaryGeometry(1, 0, -5, 3);
    expect(g.segment).toBeNull();
    expect(g.positive).toEqual([]);
    expect(area(g.negative)).toBe(36);
  });
});

describe('costMap', () => {
  const spec = { w1Min: -6, w1Max: 6, w2Min: -6, w2Max: 6, nx: 49, ny: 49 };

  it('gridToWeights puts cell (i, j) at the weights the core sampled there', () => {
    // Δ = 12/48 = 0.25; d3-contour puts cell (i, j) at (i + ½, j + ½)
    expect(gridToWeights(spec, 0.5, 0.5)).toEqual([-6, -6]);
    expect(gridToWeights(spec, 24.5, 48.5)).toEqual([0, 6]);
  });

  it('sublevelRings of w₁² + w₂² at level 9 is a circle of radius 3 in weight units', () => {
    const values = new Float64Array(49 * 49);
    for (let j = 0; j < 49; j++) for (let i = 0; i < 49; i++) values[j * 49 + i] = (-6 + 0.25 * i) ** 2 + (-6 + 0.25 * j) ** 2;
    const rings = sublevelRings(values, spec, 9);
    expect(rings).toHaveLength(1);
    // linear interpolation of a quadratic between grid points: off by at most about Δ²/(8r) ≈ 0.003
    for (const [w1, w2] of rings[0]!) expect(Math.abs(Math.hypot(w1, w2) - 3)).toBeLessThan(0.01);
  });

  it('levelsFor keeps the fixed levels strictly inside the grid\'s range; gridMinimum finds the lowest cell', () => {
    expect(levelsFor([0.15, 0.7, Number.NaN, 2.5])).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.5, 2]);
    expect(COST_LEVELS).toContain(0.6);
    const values = Array.from({ length: 49 * 49 }, (_, k) => (k === 49 * 10 + 3 ? -1 : 1));
    expect(gridMinimum(values, spec)).toEqual({ w1: -5.25, w2: -3.5, cost: -1, onEdge: false });
    const edge = Array.from({ length: 49 * 49 }, (_, k) => (k === 48 ? -1 : 1));
    expect(gridMinimum(edge, spec)?.onEdge).toBe(true);
    expect(gridMinimum([Number.NaN, Number.NaN, Number.NaN, Number.NaN], { ...spec, nx: 2, ny: 2 })).toBeNull();
  });
});
