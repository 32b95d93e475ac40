import { describe, expect, it } from 'vitest';
import { boundaryGeometry, type Point } from '../../../../src/chapters/logistic-regression/boundaryGeometry';
import { COST_LEVELS, gridMinimum, gridToWeights, levelsFor, lowestOnMapText, outlineLevel, sublevelRings } from '../../../../src/chapters/logistic-regression/costMap';
import { gaugeGeometry } from '../../../../src/chapters/logistic-regression/rateGaugeGeometry';

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

describe('costMap: the caption and the outline through the point', () => {
  it('lowestOnMapText says "near" for a sample inside the map and "on its edge, at" for one on its border', () => {
    expect(lowestOnMapText({ w1: 2.1818, w2: 1.0909, onEdge: false })).toBe('the lowest cost on the map is near (2.2, 1.1)');
    expect(lowestOnMapText({ w1: 6, w2: -6, onEdge: true })).toBe('the lowest cost on the map is on its edge, at (6.0, −6.0)');
  });

  it('outlineLevel is the cost at (w₁, w₂) on the slice b = mapB, not at the point\'s own b', () => {
    // one point x = (1, 0) of class 1: cost = ln(1 + e^{−(w₁ + b)})
    const X = new Float64Array([1, 0]);
    const t = new Float64Array([1]);
    expect(outlineLevel(X, t, [0.5, 7, 2], 0.25)).toBeCloseTo(Math.log1p(Math.exp(-0.75)), 15);
    expect(outlineLevel(X, t, [0.5, 7, 2], 2)).toBeCloseTo(Math.log1p(Math.exp(-2.5)), 15);
  });
});

describe('gaugeGeometry', () => {
  it('puts η on the slider\'s log axis 8 px inside each end, and the bands between 1/λmax, 2/λmax and the end', () => {
    const g = gaugeGeometry(0.01, 100, { lambdaMax: 0.1, zigzagFrom: 10, threshold: 20 }, 416);
    // 400 px over four decades: 100 px a decade, from x = 8
    expect(g.at(0.01)).toBeCloseTo(8, 12);
    expect(g.at(1)).toBeCloseTo(208, 12);
    expect(g.at(100)).toBeCloseTo(408, 12);
    expect(g.end).toBe(408);
    expect(g.zigzag!.x).toBeCloseTo(308, 12);
    expect(g.zigzag!.width).toBeCloseTo(100 * Math.log10(2), 12);
    expect(g.over!.x).toBeCloseTo(308 + 100 * Math.log10(2), 12);
    expect(g.over!.x + g.over!.width).toBeCloseTo(408, 12);
  });

  it('clamps thresholds beyond the slider to its ends (λmax = 0: both at the right end), and draws no band without a cost', () => {
    const flat = gaugeGeometry(0.01, 100, { lambdaMax: 0, zigzagFrom: Infinity, threshold: Infinity }, 416);
    expect([flat.zigzag!.x, flat.zigzag!.width, flat.over!.width]).toEqual([408, 0, 0]);
    const steep = gaugeGeometry(0.01, 100, { lambdaMax: 1000, zigzagFrom: 0.001, threshold: 0.002 }, 416);
    expect([steep.zigzag!.x, steep.zigzag!.width, steep.over!.x]).toEqual([8, 0, 8]);
    expect(gaugeGeometry(0.01, 100, null, 416)).toMatchObject({ zigzag: null, over: null });
  });
});
