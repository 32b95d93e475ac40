import { describe, expect, it } from 'vitest';
import {
  allowedGap,
  bestStep,
  differenceQuotient,
  differenceTrace,
  errorCurve,
  gradientCheckPasses,
  MACHINE_EPSILON,
  optimalStep,
  relativeError,
  roundingOf,
  spacingAt,
  stepExponents,
  storeInt32,
} from '../../src/core/gradientCheck';
import { logitLossRounded, networkLossRounded, roundFloat32, roundFloat64 } from '../../src/core/float32';
import { GRADIENT_CHECK, numericalGradient } from '../../src/core/finiteDifference';
import { softmax } from '../../src/core/softmax';
import { backward, createWorkspace, forward, initNetwork } from '../../src/core/network';
import { makeDataset } from '../../src/core/datasets';
import { expectGradientMatches, expectRelClose } from './helpers';

const exp32 = (x: number) => Math.fround(Math.exp(x));
const f32 = { round: roundFloat32 };

describe('differenceTrace / differenceQuotient', () => {
  it('forward difference of exp at 0 is off by h/2 + h²/6 + …: (e^h − 1)/h − 1, checked for h = 10⁻³…10⁻¹', () => {
    for (const h of [1e-3, 1e-2, 1e-1]) {
      const error = differenceQuotient(Math.exp, 0, h, 'forward') - 1;
      // Taylor: e^h = 1 + h + h²/2 + h³/6 + h⁴/24 + …
      const series = h / 2 + h ** 2 / 6 + h ** 3 / 24;
      expect(Math.abs(error - series) / series).toBeLessThan(h ** 3);
      expect(error / (h / 2)).toBeGreaterThan(1);
      expect(error / (h / 2)).toBeLessThan(1 + h);
    }
  });

  it('central difference of exp at 0 is sinh(h)/h, off by h²/6: an order better than forward', () => {
    for (const h of [1e-3, 1e-2, 1e-1]) {
      const error = differenceQuotient(Math.exp, 0, h, 'central') - 1;
      const series = h ** 2 / 6 + h ** 4 / 120;
      expect(Math.abs(error - series) / series).toBeLessThan(1e-6);
      expect(Math.abs(error)).toBeLessThan(Math.abs(differenceQuotient(Math.exp, 0, h, 'forward') - 1) * h);
    }
  });

  it('the trace holds every intermediate: x ± h, f at both, numerator, denominator 2h', () => {
    const t = differenceTrace((x) => x * x, 3, 0.5, 'central');
    expect(t).toMatchObject({ x: 3, h: 0.5, xPlus: 3.5, xMinus: 2.5, fPlus: 12.25, fMinus: 6.25, numerator: 6, denominator: 1, estimate: 6, stepLost: false });
    const f = differenceTrace((x) => x * x, 3, 0.5, 'forward');
    expect(f).toMatchObject({ xPlus: 3.5, xMinus: 3, numerator: 12.25 - 9, denominator: 0.5, estimate: 6.5, stepLost: false });
  });

  it('float64: at x = 1, h = 10⁻¹⁷ is below half the spacing of doubles, 1 ± h == 1, the estimate is exactly 0', () => {
    expect(1 + 1e-17).toBe(1);
    const t = differenceTrace(Math.exp, 1, 1e-17, 'central');
    expect(t.stepLost).toBe(true);
    expect(t.numerator).toBe(0);
    expect(Object.is(t.estimate, 0)).toBe(true);
  });

  it('float64: at x = 1, h = 10⁻¹⁶ survives below 1 (spacing 2⁻⁵³ there) but not above (2⁻⁵²), and the estimate is garbage', () => {
    // f(x) = x²: f(1) − f(1 − 2⁻⁵³) = 2⁻⁵² − 2⁻¹⁰⁶, which rounds to 2⁻⁵²; divided by 2·10⁻¹⁶ that is 1.11…, not f′(1) = 2
    const t = differenceTrace((v) => v * v, 1, 1e-16, 'central');
    expect(t.xPlus).toBe(1);
    expect(t.xMinus).toBe(1 - 2 ** -53);
    expect(t.stepLost).toBe(false);
    expect(t.numerator).toBe(2 ** -52);
    expect(t.estimate).toBe(2 ** -52 / 2e-16);
  });

  it('float32: at x = 3, h = 10⁻⁸ rounds back to 3 (float32 spacing 2⁻²² there), while float64 gets e³', () => {
    const lost = differenceTrace(exp32, 3, 1e-8, 'central', f32);
    expect(lost.stepLost).toBe(true);
    expect(lost.estimate).toBe(0);
    const kept = differenceQuotient(Math.exp, 3, 1e-8, 'central');
    expect(Math.abs(kept - Math.exp(3)) / Math.exp(3)).toBeLessThan(1e-6);
  });

  it('float32: every intermediate is a float32 value', () => {
    const t = differenceTrace(exp32, 0.3, 1e-3, 'central', f32);
    for (const v of [t.x, t.h, t.xPlus, t.xMinus, t.fPlus, t.fMinus, t.numerator, t.denominator, t.estimate]) expect(Math.fround(v)).toBe(v);
  });

  it('Int32Array storage: 4 + 10⁻⁵ is stored as 4, so the forward difference is 0; 4 − 10⁻⁵ truncates to 3', () => {
    const store = storeInt32;
    const forwardTrace = differenceTrace(Math.exp, 4, 1e-5, 'forward', { store });
    expect(forwardTrace.xPlus).toBe(4);
    expect(forwardTrace.estimate).toBe(0);
    const central = differenceTrace(Math.exp, 4, 1e-5, 'central', { store });
    expect(central.xMinus).toBe(3);
    // (e⁴ − e³) / (2·10⁻⁵): a number about 10⁵ times too large, not a derivative
    expect(central.estimate).toBeCloseTo((Math.exp(4) - Math.exp(3)) / 2e-5, 6);
  });

  it('throws a RangeError for h ≤ 0 or a non-finite x', () => {
    expect(() => differenceTrace(Math.exp, 0, 0, 'central')).toThrow(RangeError);
    expect(() => differenceTrace(Math.exp, 0, -1e-3, 'forward')).toThrow(RangeError);
    expect(() => differenceTrace(Math.exp, NaN, 1e-3, 'forward')).toThrow(RangeError);
    expect(() => differenceTrace(Math.exp, 0, Infinity, 'forward')).toThrow(RangeError);
  });

  it('differenceTrace names the bad x or h in its message', () => {
    expect(() => differenceTrace(Math.exp, NaN, 1e-3, 'forward')).toThrow(new RangeError('differenceTrace: x = NaN is not finite'));
    expect(() => differenceTrace(Math.exp, -Infinity, 1e-3, 'central')).toThrow(new RangeError('differenceTrace: x = -Infinity is not finite'));
    for (const h of [0, -0.001, Infinity, NaN]) {
      expect(() => differenceTrace(Math.exp, 0, h, 'central')).toThrow(
        new RangeError(`differenceTrace: the step h = ${h} must be a positive finite number`),
      );
    }
  });
});

describe('relativeError', () => {
  it('relativeError(n, a) = |n − a| / |a|', () => {
    expect(relativeError(1.5, 2)).toBe(0.25);
    expect(relativeError(-3, -2)).toBe(0.5);
  });
  it('an estimate of 0 is 100% wrong: relativeError(0, a) = 1', () => {
    expect(relativeError(0, -0.7)).toBe(1);
  });
  it('a = 0: 0 when the estimate is 0 too, +∞ otherwise, never NaN', () => {
    expect(relativeError(0, 0)).toBe(0);
    expect(relativeError(1e-20, 0)).toBe(Infinity);
    expect(relativeError(NaN, 1)).toBe(Infinity);
    expect(relativeError(Infinity, Infinity)).toBe(Infinity);
  });
  it('relativeError is +∞ for a NaN on either side, also against 0', () => {
    expect(relativeError(NaN, 0)).toBe(Infinity);
    expect(relativeError(0, NaN)).toBe(Infinity);
    expect(relativeError(1, NaN)).toBe(Infinity);
    expect(relativeError(NaN, NaN)).toBe(Infinity);
  });
  it('relativeError of an exact estimate is 0, at any scale and against −0', () => {
    expect(relativeError(-0.7, -0.7)).toBe(0);
    expect(relativeError(0, -0)).toBe(0);
    expect(relativeError(1e300, 1e300)).toBe(0);
  });
});

describe('spacingAt', () => {
  it('spacingAt(x) is the gap to the next number: checked against x + spacing and a Float32Array', () => {
    expect(spacingAt(1, 'float64')).toBe(2 ** -52);
    expect(spacingAt(3, 'float64')).toBe(2 ** -51);
    expect(spacingAt(3, 'float32')).toBe(2 ** -22);
    expect(spacingAt(2 - 2 ** -52, 'float64')).toBe(2 ** -52);
    expect(spacingAt(-0.3, 'float32')).toBe(2 ** -25);
    expect(spacingAt(0, 'float64')).toBe(2 ** -1074);
    for (const x of [0.3, 1, 3, 4, 1000.5, 1e-5]) {
      const s64 = spacingAt(x, 'float64');
      expect(x + s64).toBeGreaterThan(x);
      expect(x + s64 / 4).toBe(x);
      const x32 = Math.fround(x);
      const s32 = spacingAt(x32, 'float32');
      const next = new Float32Array([x32 + s32]);
      expect(next[0]).toBeGreaterThan(x32);
      expect(Math.fround(x32 + s32 / 4)).toBe(x32);
    }
  });

  it('spacingAt just below a power of two is the smaller gap, though log2 rounds up to the power there', () => {
    // 1024 − 2⁻⁴³ is the largest double below 2¹⁰, in [2⁹, 2¹⁰): its gap is 2^(9 − 52) = 2⁻⁴³
    expect(spacingAt(1024 - 2 ** -43, 'float64')).toBe(2 ** -43);
    expect(spacingAt(-(1024 - 2 ** -43), 'float64')).toBe(2 ** -43);
    // at the power itself the gap doubles
    expect(spacingAt(1024, 'float64')).toBe(2 ** -42);
    // float32: 4 − 2⁻²¹ is the largest float32 below 4, in [2, 4): gap 2^(1 − 23) = 2⁻²²
    expect(spacingAt(4 - 2 ** -21, 'float32')).toBe(2 ** -22);
  });

  it('spacingAt near 0 is the smallest subnormal of the precision: 2⁻¹⁰⁷⁴ in float64, 2⁻¹⁴⁹ in float32', () => {
    expect(spacingAt(0, 'float32')).toBe(2 ** -149);
    expect(spacingAt(1e-40, 'float32')).toBe(2 ** -149);
    expect(spacingAt(2 ** -126, 'float32')).toBe(2 ** -149);
    expect(spacingAt(2 ** -125, 'float32')).toBe(2 ** -148);
    expect(spacingAt(5e-324, 'float64')).toBe(2 ** -1074);
    expect(spacingAt(2 ** -1021, 'float64')).toBe(2 ** -1073);
  });

  it('spacingAt of ±∞ or NaN is NaN', () => {
    expect(spacingAt(Infinity, 'float64')).toBeNaN();
    expect(spacingAt(-Infinity, 'float32')).toBeNaN();
    expect(spacingAt(NaN, 'float64')).toBeNaN();
  });
});

describe('roundingOf', () => {
  it('roundingOf(precision) rounds to that precision: 0.1 to the float32 0.100000001490116119384765625, or unchanged', () => {
    expect(roundingOf('float32')(0.1)).toBe(0.100000001490116119384765625);
    expect(roundingOf('float64')(0.1)).toBe(0.1);
    expect(roundingOf('float32')).toBe(roundFloat32);
    expect(roundingOf('float64')).toBe(roundFloat64);
  });
});

describe('steps', () => {
  it('stepExponents() runs from −16 to −1 by 0.25: 61 exponents, whole ones exact', () => {
    const e = stepExponents();
    expect(e.length).toBe(61);
    expect(e[0]).toBe(-16);
    expect(e[4]).toBe(-15);
    expect(e[60]).toBe(-1);
    expect(() => stepExponents(-1, -16)).toThrow(RangeError);
  });

  it('stepExponents(from, to, by) includes both ends: from = to is one exponent, and a step that overshoots `to` stops before it', () => {
    expect(stepExponents(-3, -3)).toEqual([-3]);
    expect(stepExponents(-3, -2, 0.5)).toEqual([-3, -2.5, -2]);
    expect(stepExponents(-3, -2, 0.4)).toEqual([-3, -2.6, -2.2]);
  });

  it('stepExponents refuses an empty or infinite grid, naming its ends and step', () => {
    const cases: [number, number, number][] = [
      [-1, -16, 0.25], [-2, -1, 0], [-2, -1, -0.25], [-2, -1, NaN], [-Infinity, -1, 0.25], [-16, Infinity, 0.25], [-Infinity, -Infinity, 1], [NaN, -1, 1], [-2, NaN, 1],
    ];
    for (const [from, to, by] of cases) {
      expect(() => stepExponents(from, to, by), `${from} to ${to} by ${by}`).toThrow(
        new RangeError(`stepExponents: no grid from ${from} to ${to} by ${by}`),
      );
    }
  });

  it('optimalStep is √ε forward and ∛ε central: 2⁻²⁶ and 2^(−52/3) in float64', () => {
    expect(optimalStep('forward', 'float64')).toBe(2 ** -26);
    expect(optimalStep('central', 'float64')).toBeCloseTo(2 ** (-52 / 3), 20);
    expect(optimalStep('forward', 'float32')).toBeCloseTo(2 ** -11.5, 15);
    expect(optimalStep('central', 'float32')).toBeCloseTo(2 ** (-23 / 3), 15);
    expect(MACHINE_EPSILON.float32).toBe(Math.fround(1 + 2 ** -23) - 1);
  });
});

describe('errorCurve: the V', () => {
  // The grid is built inside each test, not here: a throw while the file is collected would fail no test.
  const grid = () => stepExponents(-16, -1, 0.125);
  const x = 0.3;
  const analytic = Math.exp(x);

  for (const [precision, f, options] of [
    ['float64', Math.exp, {}],
    ['float32', exp32, f32],
  ] as const) {
    for (const scheme of ['forward', 'central'] as const) {
      it(`${scheme} in ${precision}: the smallest error lies within a factor 10 of the theoretical h`, () => {
        const exponents = grid();
        const errors = errorCurve(f, x, analytic, scheme, exponents, options);
        const { h, error } = bestStep(exponents, errors);
        const theory = optimalStep(scheme, precision);
        expect(h / theory).toBeGreaterThan(0.1);
        expect(h / theory).toBeLessThan(10);
        // at its best, forward keeps about half the digits (√ε), central about two thirds (ε^⅔)
        const eps = MACHINE_EPSILON[precision];
        expect(error).toBeLessThan(10 * (scheme === 'forward' ? Math.sqrt(eps) : Math.cbrt(eps) ** 2));
      });
    }
  }

  it('the right arm is truncation: forward error grows 10× per decade of h, central 100×', () => {
    const at = (scheme: 'forward' | 'central', h: number) => relativeError(differenceQuotient(Math.exp, x, h, scheme), analytic);
    expect(at('forward', 1e-2) / at('forward', 1e-3)).toBeCloseTo(10, 0);
    expect(at('central', 1e-2) / at('central', 1e-3) / 100).toBeCloseTo(1, 2);
  });

  it('the left arm is round-off: in float32 every h below the spacing at x gives error exactly 1 (an estimate of 0)', () => {
    const errors = errorCurve(exp32, x, analytic, 'central', stepExponents(-16, -9, 1), f32);
    expect(Array.from(errors)).toEqual(new Array(8).fill(1));
  });
});

describe('bestStep', () => {
  it('bestStep picks the smallest error, the first one on a tie', () => {
    expect(bestStep([-3, -2, -1], [0.5, 0.25, 0.25])).toEqual({ h: 0.01, error: 0.25 });
    expect(bestStep([-3, -2, -1], [0.25, 0.5, 0.25])).toEqual({ h: 0.001, error: 0.25 });
  });
  it('bestStep finds a minimum at either end', () => {
    expect(bestStep([-3, -2, -1], [0.5, 0.4, 0.3])).toEqual({ h: 0.1, error: 0.3 });
    expect(bestStep([-3, -2, -1], [0.2, 0.4, 0.3])).toEqual({ h: 0.001, error: 0.2 });
  });
});

describe('the analytic gradients chapter 9 checks, checked as the core tests check', () => {
  it('∂L/∂z_k = p_k − y_k for the loss in one logit, within GRADIENT_CHECK', () => {
    const z = [2, 3, 4];
    const y = [0, 1, 0];
    const p = softmax(z);
    const analytic = z.map((_, k) => (p[k] as number) - (y[k] as number));
    const numeric = z.map((zk, k) => differenceQuotient(logitLossRounded(z, y, k, roundFloat64), zk, GRADIENT_CHECK.step, 'central'));
    expectGradientMatches(analytic, numeric, 1e-10);
  });

  it('backward of network.ts on one sample matches central differences of networkLossRounded (float64), every weight', () => {
    const net = initNetwork({ inputs: 2, hidden: 16, outputs: 3, activation: 'relu' }, 11);
    const data = makeDataset('blobs', 9, 5);
    const x = data.x.slice(0, 2);
    const label = Int32Array.of(data.labels[0] as number);
    const ws = createWorkspace(net.shape, 1);
    forward(net, x, label, 1, ws);
    backward(net, x, label, 1, ws);
    const { w1, b1, w2, b2 } = net.params;
    const lossWith = (which: 'w1' | 'w2') => (v: Float64Array) =>
      networkLossRounded(net.shape, which === 'w1' ? { w1: v, b1, w2, b2 } : { w1, b1, w2: v, b2 }, x, label[0] as number, roundFloat64);
    expectGradientMatches(ws.grads.w1, numericalGradient(lossWith('w1'), w1, GRADIENT_CHECK.step), 1e-10);
    expectGradientMatches(ws.grads.w2, numericalGradient(lossWith('w2'), w2, GRADIENT_CHECK.step), 1e-10);
  });
});

describe('gradientCheckPasses: the core tests\' rule with GRADIENT_CHECK\'s tolerances', () => {
  it('is |a − n| ≤ 10⁻⁶·max(|a|, |n|) + 10⁻⁹, by hand at both sides of the boundary', () => {
    expect(GRADIENT_CHECK.absoluteTolerance).toBe(1e-9);
    // a = 1, n = 1 + 10⁻⁶: allowed 10⁻⁶·(1 + 10⁻⁶) + 10⁻⁹ = 1.001001·10⁻⁶
    expect(allowedGap(1, 1 + 1e-6)).toBeCloseTo(1.001001e-6, 18);
    expect(gradientCheckPasses(1, 1 + 1.0009e-6)).toBe(true);
    expect(gradientCheckPasses(1, 1 + 1.0011e-6)).toBe(false);
    // near 0 the absolute part decides: 2·10⁻⁹ against 2.9·10⁻⁹ passes, against 3.1·10⁻⁹ fails
    expect(gradientCheckPasses(2e-9, 2.9e-9)).toBe(true);
    expect(gradientCheckPasses(2e-9, 3.1e-9)).toBe(false);
    // exactly at the boundary it passes (≤): a = 1, n = 1.5, rtol 1/4, atol 1/8 allow 1.5/4 + 1/8 = 0.5, all exact in binary
    expect(gradientCheckPasses(1, 1.5, { relativeTolerance: 0.25, absoluteTolerance: 0.125 })).toBe(true);
    expect(gradientCheckPasses(1, 1.5 + 2 ** -52, { relativeTolerance: 0.25, absoluteTolerance: 0.125 })).toBe(false);
    // a sign error on an entry of ordinary size fails by orders of magnitude
    expect(gradientCheckPasses(0.3, -0.3)).toBe(false);
  });

  it('decides as expectRelClose of tests/core/helpers.ts does, with the same tolerances', () => {
    const { relativeTolerance: rtol, absoluteTolerance: atol } = GRADIENT_CHECK;
    const cases: [number, number][] = [
      [1, 1 + 5e-7], [1, 1 + 2e-6], [2e-9, 2.5e-9], [2e-9, 4e-9], [0, 5e-10], [0, 2e-9], [-0.7, -0.7000007], [-0.7, 0.7], [5, 5 * (1 + 1.1e-6)],
    ];
    for (const [a, n] of cases) {
      let helperPasses = true;
      try {
        expectRelClose([a], [n], rtol, atol);
      } catch {
        helperPasses = false;
      }
      expect(gradientCheckPasses(a, n), `${a} vs ${n}`).toBe(helperPasses);
    }
  });

  it('NaN or an infinite estimate fails', () => {
    expect(gradientCheckPasses(1, NaN)).toBe(false);
    expect(gradientCheckPasses(1, Infinity)).toBe(false);
    expect(gradientCheckPasses(NaN, NaN)).toBe(false);
  });
});
