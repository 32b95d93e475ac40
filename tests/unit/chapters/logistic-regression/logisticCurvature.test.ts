import { describe, expect, it } from 'vitest';
import { curvatureAt, curvatureText, formatLambda, formatRate, rateRegime, type Curvature } from '../../../../src/chapters/logistic-regression/logisticCurvature';
import type { DataPoint } from '../../../../src/chapters/logistic-regression/logisticDescent';

const point = (id: number, x1: number, x2: number, t: 0 | 1): DataPoint => ({ id, x1, x2, t });

describe('curvatureAt', () => {
  // Points (1, 0) of class 1 and (0, 2) of class 0 at w = 0: σ'(0) = ¼ for both, so
  // H = ⅛·[[1, 0, 1], [0, 4, 2], [1, 2, 2]], with eigenvalues 0 and (7 ± √13)/16 (det(8H − λI) = −λ(λ² − 7λ + 9)),
  // and its (w₁, w₂) block ⅛·diag(1, 4), whose largest eigenvalue is ½.
  const points = [point(0, 1, 0, 1), point(1, 0, 2, 0)];

  it('with b learned: the largest eigenvalue of the 3 × 3 Hessian, (7 + √13)/16, and 1/λ, 2/λ', () => {
    const c = curvatureAt(points, [0, 0, 0], true)!;
    const lambda = (7 + Math.sqrt(13)) / 16;
    expect(c.lambdaMax).toBeCloseTo(lambda, 14);
    expect(c.zigzagFrom).toBeCloseTo(1 / lambda, 13);
    expect(c.threshold).toBeCloseTo(2 / lambda, 13);
  });

  it('with b held: the largest eigenvalue of the (w₁, w₂) block only, ½', () => {
    expect(curvatureAt(points, [0, 0, 0], false)!.lambdaMax).toBeCloseTo(0.5, 15);
  });

  it('is null when there is no cost (one class only, or no points)', () => {
    expect(curvatureAt([point(0, 1, 1, 1)], [0, 0, 0], true)).toBeNull();
    expect(curvatureAt([], [0, 0, 0], true)).toBeNull();
  });

  it('far out on separable points the curvature is tiny but never NaN, and 2/λmax huge', () => {
    const c = curvatureAt([point(0, 1, 1, 1), point(1, -1, -1, 0)], [200, 200, 0], true)!;
    expect(c.lambdaMax).toBeGreaterThanOrEqual(0);
    expect(c.lambdaMax).toBeLessThan(1e-100);
    expect(c.threshold).toBeGreaterThan(1e100);
    expect(curvatureText(0.5, c, true)).not.toMatch(/NaN|undefined/);
  });
});

describe('rateRegime and curvatureText', () => {
  const c: Curvature = { lambdaMax: 0.08, zigzagFrom: 12.5, threshold: 25 };

  it('below 1/λmax, between 1/λmax and 2/λmax, above 2/λmax', () => {
    expect(rateRegime(12, c)).toBe('slides');
    expect(rateRegime(12.5, c)).toBe('slides');
    expect(rateRegime(13, c)).toBe('zigzags');
    expect(rateRegime(25, c)).toBe('zigzags');
    expect(rateRegime(28, c)).toBe('overshoots');
  });

  it('says λmax, 1/λmax, 2/λmax and where η is, in words', () => {
    expect(curvatureText(0.5, c, true)).toBe(
      'At the current weights λmax = 0.0800 (the largest eigenvalue of the Hessian), so 1/λmax = 12.5 and 2/λmax = 25.0. η = 0.50 is below 1/λmax.',
    );
    expect(curvatureText(20, c, false)).toContain('the Hessian in (w₁, w₂), b held');
    expect(curvatureText(20, c, false)).toMatch(/η = 20\.0 is between 1\/λmax and 2\/λmax\.$/);
    expect(curvatureText(28, c, true)).toMatch(/η = 28\.0 is above 2\/λmax\.$/);
  });

  it('formatLambda: four decimals down to 0.01, then three significant digits, then powers of ten', () => {
    expect(formatLambda(0.0795266)).toBe('0.0795');
    expect(formatLambda(0.423)).toBe('0.4230');
    expect(formatLambda(0.0212)).toBe('0.0212');
    expect(formatLambda(3.9654e-4)).toBe('0.000397');
    expect(formatLambda(2.4e-7)).toBe('2.40 × 10⁻⁷');
    expect(formatLambda(0)).toBe('0.000');
  });

  it('formatRate: three significant digits or so, as the slider shows η', () => {
    expect(formatRate(0.01)).toBe('0.010');
    expect(formatRate(0.5)).toBe('0.50');
    expect(formatRate(4.7285)).toBe('4.73');
    expect(formatRate(25.149)).toBe('25.1');
    expect(formatRate(100)).toBe('100');
    expect(formatRate(5044.6)).toBe('5045');
    expect(formatRate(Infinity)).toBe('∞');
  });
});
