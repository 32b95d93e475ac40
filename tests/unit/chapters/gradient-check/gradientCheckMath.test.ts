import { describe, expect, it } from 'vitest';
import {
  chapterNetwork,
  defaultWeight,
  errorCurves,
  estimatesAt,
  logitQuantity,
  quantityOf,
  snapExponent,
  STEP_GRID,
  subscript,
  toleranceChecks,
  weightQuantity,
} from '../../../../src/chapters/gradient-check/gradientCheckMath';
import { zeroCase, zeroCaseAnalytic } from '../../../../src/chapters/gradient-check/zeroCaseMath';

// By hand: softmax([2, 3, 4])₂ = e³ / (e² + e³ + e⁴) = 1 / (e⁻¹ + 1 + e)
const p2 = 1 / (Math.exp(-1) + 1 + Math.exp(1));

describe('gradientCheckMath', () => {
  it('logitQuantity([2, 3, 4], [0, 1, 0], 1) is the loss in z₂ at 3, with analytic p₂ − 1', () => {
    const q = logitQuantity([2, 3, 4], [0, 1, 0], 1);
    expect(q.x).toBe(3);
    expect(q.analytic).toBeCloseTo(p2 - 1, 15);
    expect(q.value).toBeCloseTo(1 + Math.log(1 + Math.exp(-1) + Math.exp(-2)), 14);
    expect(q.short).toBe('z₂');
    expect(q.symbolTex).toBe('z_{2}');
  });

  it('snapExponent puts any exponent on the quarter-decade grid within [−16, −1], and non-finite at the start', () => {
    expect(snapExponent(-4.13)).toBe(-4.25);
    expect(snapExponent(-20)).toBe(-16);
    expect(snapExponent(0)).toBe(-1);
    expect(snapExponent(NaN)).toBe(-4);
    expect(STEP_GRID.length).toBe(61);
  });

  it('estimatesAt gives four estimates; at h = 10⁻¹⁶ float64 loses the step at x = 3 (spacing 2⁻⁵¹)', () => {
    const q = logitQuantity([2, 3, 4], [0, 1, 0], 1);
    const at = estimatesAt(q, 1e-16);
    expect(at.map((e) => `${e.scheme}-${e.precision}`)).toEqual(['central-float64', 'central-float32', 'forward-float64', 'forward-float32']);
    for (const e of at) {
      expect(e.trace.stepLost).toBe(true);
      expect(e.trace.estimate).toBe(0);
      expect(e.error).toBe(1);
    }
  });

  it('errorCurves: four curves over the grid, never NaN, central float64 at its best below 10⁻⁹', () => {
    const curves = errorCurves(logitQuantity([2, 3, 4], [0, 1, 0], 1));
    expect(curves.length).toBe(4);
    for (const c of curves) {
      expect(c.errors.length).toBe(STEP_GRID.length);
      expect(Array.from(c.errors).some(Number.isNaN)).toBe(false);
    }
    expect(Math.min(...(curves[0]?.errors ?? []))).toBeLessThan(1e-9);
  });

  it('the default weight has a gradient from backward that a central difference confirms to 10⁻⁸', () => {
    const q = quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0]);
    expect(Math.abs(q.analytic)).toBeGreaterThan(0.05);
    const central = estimatesAt(q, 1e-5)[0];
    expect(central?.error).toBeLessThan(1e-8);
  });

  it('a weight out of an inactive ReLU unit has analytic derivative exactly 0, and says why', () => {
    const { z1 } = chapterNetwork();
    const off = Array.from(z1).findIndex((v) => v < 0);
    expect(off).toBeGreaterThanOrEqual(0);
    const q = weightQuantity('w2', off, 0);
    expect(q.analytic).toBe(0);
    expect(q.zeroReason).toContain(`hidden unit ${off + 1} is off`);
    // its pre-activation, by hand: b1 + x₁·W1[1, j] + x₂·W1[2, j]
    const { net, x } = chapterNetwork();
    const pre = (net.params.b1[off] as number) + (x[0] as number) * (net.params.w1[off] as number) + (x[1] as number) * (net.params.w1[16 + off] as number);
    expect(q.zeroReason).toContain(`(its pre-activation in Z₁ is −${Math.abs(pre).toFixed(4)})`);
    expect(() => weightQuantity('w1', 2, 0)).toThrow(RangeError);
  });
});

describe('toleranceChecks: the tests\' check at the learner\'s logits', () => {
  it('subscript writes an index in subscript digits', () => {
    expect(subscript(16)).toBe('₁₆');
    expect(subscript(1)).toBe('₁');
  });

  it('passes every entry of the worked example, and the relative error alone agrees there', () => {
    const rows = toleranceChecks([2, 3, 4], [0, 1, 0]);
    expect(rows.map((r) => r.k)).toEqual([0, 1, 2]);
    for (const r of rows) {
      expect(r.ok).toBe(true);
      expect(r.relativeOk).toBe(true);
      expect(r.gap).toBe(Math.abs(r.analytic - r.estimate));
      // allowed = 10⁻⁶·max(|a|, |n|) + 10⁻⁹, by hand
      expect(r.allowed).toBe(1e-6 * Math.max(Math.abs(r.analytic), Math.abs(r.estimate)) + 1e-9);
    }
  });

  it('at z = [−10, 0, 10], t = 2, ∂L/∂z₁ ≈ 2.06·10⁻⁹ passes only through the absolute part', () => {
    const [r] = toleranceChecks([-10, 0, 10], [0, 1, 0]);
    expect(r?.analytic).toBeCloseTo(Math.exp(-10) / (Math.exp(-10) + 1 + Math.exp(10)), 22);
    expect(r?.relativeOk).toBe(false);
    expect(r?.ok).toBe(true);
  });
});

describe('zeroCases', () => {
  it('zeroCaseAnalytic() = p₂ − 1 of the worked example', () => {
    expect(zeroCaseAnalytic()).toBeCloseTo(p2 - 1, 15);
  });
  it('h = 10⁻¹⁶ in float64 and h = 10⁻⁸ in float32 lose the step at 3: estimate 0', () => {
    for (const id of ['tiny-step', 'float32'] as const) {
      const c = zeroCase(id);
      expect(c.trace.xPlus).toBe(3);
      expect(c.trace.xMinus).toBe(3);
      expect(c.trace.estimate).toBe(0);
      expect(c.h / (c.spacing ?? NaN)).toBeLessThan(0.5);
    }
  });
  it('Int32Array storage: forward gives 0, central gives (f(3) − f(2)) / 2·10⁻⁵', () => {
    const c = zeroCase('integer');
    expect(c.trace.estimate).toBe(0);
    expect(c.central?.xMinus).toBe(2);
    // f(x) = log(e² + eˣ + e⁴) − x
    const f = (x: number) => Math.log(Math.exp(2) + Math.exp(x) + Math.exp(4)) - x;
    expect(c.central?.estimate).toBeCloseTo((f(3) - f(2)) / 2e-5, 4);
  });
});
