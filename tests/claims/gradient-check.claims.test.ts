import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { GRADIENT_CHECK } from '../../src/core/finiteDifference';
import { bestStep, MACHINE_EPSILON, optimalStep, relativeError, spacingAt } from '../../src/core/gradientCheck';
import { softmaxJacobian } from '../../src/core/jacobian';
import { gradientCheckText } from '../../src/widgets/gradientCheck/gradientCheckFormula';
import {
  chapterNetwork,
  defaultWeight,
  errorCurves,
  estimateAt,
  layerSize,
  logitQuantity,
  quantityOf,
  STEP_GRID,
  STEP_LIMITS,
  weightQuantity,
  type ErrorCurveData,
  type ScalarQuantity,
} from '../../src/widgets/gradientCheck/gradientCheckMath';
import { aliasedForward, softmaxSum, zeroCase } from '../../src/widgets/gradientCheck/zeroCases';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 9's claims, section by section. Every number is replayed with the widgets' own pure logic
 * (gradientCheckMath, zeroCases, the core's gradientCheck and float32 modules) at the inputs the page
 * starts with; the reference values come from closed forms, the definition of the floating-point formats,
 * or real NumPy.
 */

// the worked example, as the explorer starts: z = [2, 3, 4], true class t = 2, the loss in z₂
const START = logitQuantity([2, 3, 4], [0, 1, 0], 1);
// by hand: p₂ = e³/(e² + e³ + e⁴) = 1/(e⁻¹ + 1 + e); f(x) = ln(e² + eˣ + e⁴) − x
const P2 = 1 / (Math.exp(-1) + 1 + Math.exp(1));
const f = (x: number) => Math.log(Math.exp(2) + Math.exp(x) + Math.exp(4)) - x;
const EPS64 = Number.EPSILON;
const EPS32 = 2 ** -23;

const curve = (q: ScalarQuantity, scheme: string, precision: string): ErrorCurveData => {
  const c = errorCurves(q).find((d) => d.scheme === scheme && d.precision === precision);
  if (!c) throw new Error(`no ${scheme} ${precision} curve`);
  return c;
};
const errorAt = (c: ErrorCurveData, exponent: number) => c.errors[STEP_GRID.indexOf(exponent)] as number;
const decades = (a: number, b: number) => Math.abs(Math.log10(a / b));

/** Least-squares slope of log₁₀ error against log₁₀ h over the grid points with from ≤ e ≤ to. */
function slope(c: ErrorCurveData, from: number, to: number): number {
  const pts = STEP_GRID.flatMap((e, i) => (e >= from && e <= to && (c.errors[i] as number) > 0 ? [[e, Math.log10(c.errors[i] as number)] as const] : []));
  const mx = pts.reduce((s, [x]) => s + x, 0) / pts.length;
  const my = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
  const sxy = pts.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pts.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/** The next float64 after a positive x, from its bits: the spacing there, independent of spacingAt. */
function nextDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/** Runs a Python program with numpy (warnings are errors) and returns its stdout. */
function python(program: string): string {
  const run = spawnSync('python3', ['-W', 'error', '-c', `import numpy as np\n${program}`], { encoding: 'utf8', timeout: 20_000 });
  if (run.error || run.status !== 0) throw new Error(`python3 with numpy failed (.ci/run installs python3-numpy): ${run.error?.message ?? run.stderr}`);
  return run.stdout.trim();
}

describeClaims('gradient-check', (claim) => {
  // ── introduction ──
  claim('make $h$ too small and the estimate gets worse, until it is exactly zero', () => {
    const c = curve(START, 'central', 'float64');
    expect(errorAt(c, -8)).toBeGreaterThan(errorAt(c, -5) * 100);
    expect(estimateAt(START, 1e-16, 'central', 'float64').trace.estimate).toBe(0);
  });

  // ── two difference quotients ──
  claim('Divide $h$ by 10 and the error falls by 10.', () => {
    const c = curve(START, 'forward', 'float64');
    for (const e of [-1, -2, -3]) {
      expect(errorAt(c, e) / errorAt(c, e - 1)).toBeGreaterThan(9);
      expect(errorAt(c, e) / errorAt(c, e - 1)).toBeLessThan(11);
    }
  });
  claim('Divide $h$ by 10 and the error falls by 100.', () => {
    const c = curve(START, 'central', 'float64');
    for (const e of [-1, -2]) {
      expect(errorAt(c, e) / errorAt(c, e - 1)).toBeGreaterThan(90);
      expect(errorAt(c, e) / errorAt(c, e - 1)).toBeLessThan(110);
    }
  });

  // ── round-off ──
  claim(String.raw`\varepsilon_{64} = 2^{-52} \approx 2.2 \times 10^{-16} \quad\text{(float64)}`, () => {
    expect(MACHINE_EPSILON.float64).toBe(2 ** -52);
    expect(nextDouble(1) - 1).toBe(2 ** -52);
    expect(MACHINE_EPSILON.float64).toBeCloseTo(2.2e-16, 17);
  });
  claim(String.raw`\varepsilon_{32} = 2^{-23} \approx 1.2 \times 10^{-7} \quad\text{(float32)}`, () => {
    expect(MACHINE_EPSILON.float32).toBe(2 ** -23);
    // 1 + 2⁻²³ is a float32; 1 + 2⁻²⁴, halfway, rounds to even: back to 1
    expect(Math.fround(1 + 2 ** -23)).toBe(1 + 2 ** -23);
    expect(Math.fround(1 + 2 ** -24)).toBe(1);
    expect(Math.abs(MACHINE_EPSILON.float32 - 1.2e-7)).toBeLessThan(0.05e-7);
  });
  claim('(slope $1$ or $2$ on the right, $-1$ on the left)', () => {
    expect(slope(curve(START, 'forward', 'float64'), -4, -1)).toBeCloseTo(1, 1);
    expect(slope(curve(START, 'central', 'float64'), -3, -1)).toBeCloseTo(2, 1);
    const left = slope(curve(START, 'central', 'float64'), -15, -9);
    expect(left).toBeGreaterThan(-1.3);
    expect(left).toBeLessThan(-0.7);
  });
  claim(String.raw`difference near $\sqrt{\varepsilon_{64}} \approx 1.5 \times 10^{-8}$, with an error near $\sqrt{\varepsilon_{64}}$ too: about 8 correct digits.`, () => {
    expect(Math.sqrt(EPS64)).toBeCloseTo(1.5e-8, 9);
    expect(Math.round(-Math.log10(Math.sqrt(EPS64)))).toBe(8);
    // measured: the forward float64 V of the worked example bottoms out within a decade of √ε, at an error within a decade of √ε
    const best = bestStep(STEP_GRID, curve(START, 'forward', 'float64').errors);
    expect(decades(best.h, Math.sqrt(EPS64))).toBeLessThan(1);
    expect(decades(best.error, Math.sqrt(EPS64))).toBeLessThan(1.5);
  });
  claim(String.raw`The best step of a central difference is near $\sqrt[3]{\varepsilon_{64}} \approx 6 \times 10^{-6}$, with an error near $\varepsilon_{64}^{2/3} \approx 4 \times 10^{-11}$: about 10 correct digits.`, () => {
    expect(Math.abs(Math.cbrt(EPS64) - 6e-6)).toBeLessThan(0.1e-6);
    expect(EPS64 ** (2 / 3)).toBeCloseTo(4e-11, 11);
    expect(Math.round(-Math.log10(EPS64 ** (2 / 3)))).toBe(10);
    const best = bestStep(STEP_GRID, curve(START, 'central', 'float64').errors);
    expect(decades(best.h, Math.cbrt(EPS64))).toBeLessThan(0.5);
    expect(best.error).toBeGreaterThan(1e-12);
    expect(best.error).toBeLessThan(1e-10);
  });
  claim('Central wins twice: its best error is smaller, and it is reached at a larger, safer $h$.', () => {
    for (const q of [START, quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0])]) {
      for (const precision of ['float64', 'float32']) {
        const central = bestStep(STEP_GRID, curve(q, 'central', precision).errors);
        const forward = bestStep(STEP_GRID, curve(q, 'forward', precision).errors);
        expect(central.error).toBeLessThan(forward.error / 10);
        expect(central.h).toBeGreaterThan(forward.h * 3);
      }
    }
  });

  // ── the V, measured ──
  claim('An estimate of exactly 0 has a relative error of exactly 1', () => {
    expect(relativeError(0, START.analytic)).toBe(1);
    expect(START.analytic).toBeCloseTo(P2 - 1, 15);
  });
  claim('On the right, every curve falls as $h$ shrinks: forward by a decade per decade of $h$, central by two.', () => {
    for (const precision of ['float64', 'float32']) {
      expect(slope(curve(START, 'forward', precision), -2.5, -1)).toBeCloseTo(1, 1);
    }
    expect(slope(curve(START, 'central', 'float64'), -3, -1)).toBeCloseTo(2, 1);
    // float32's central arm is short: from 10⁻¹ to its bottom near 10⁻²
    expect(slope(curve(START, 'central', 'float32'), -2, -1)).toBeGreaterThan(1.5);
  });
  claim('On the left, the float64 curves climb again at a slope of $-1$: round-off.', () => {
    for (const scheme of ['central', 'forward']) {
      const s = slope(curve(START, scheme, 'float64'), -15, -9);
      expect(s).toBeGreaterThan(-1.3);
      expect(s).toBeLessThan(-0.7);
    }
  });
  claim(String.raw`Their bottoms sit near the dotted marks $\sqrt{\varepsilon}$ (forward) and $\sqrt[3]{\varepsilon}$ (central).`, () => {
    for (const q of [START, quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0])]) {
      for (const scheme of ['forward', 'central'] as const) {
        const best = bestStep(STEP_GRID, curve(q, scheme, 'float64').errors);
        expect(decades(best.h, optimalStep(scheme, 'float64'))).toBeLessThan(1);
      }
    }
  });
  claim(String.raw`The float32 curves turn much earlier, near $\sqrt{\varepsilon_{32}} \approx 3.5 \times 10^{-4}$ and $\sqrt[3]{\varepsilon_{32}} \approx 5 \times 10^{-3}$`, () => {
    expect(Math.sqrt(EPS32)).toBeCloseTo(3.5e-4, 5);
    expect(Math.cbrt(EPS32)).toBeCloseTo(5e-3, 3);
    for (const q of [START, quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0])]) {
      // within half a decade of the mark, and far right of float64's
      expect(decades(bestStep(STEP_GRID, curve(q, 'forward', 'float32').errors).h, Math.sqrt(EPS32))).toBeLessThan(0.5);
      expect(decades(bestStep(STEP_GRID, curve(q, 'central', 'float32').errors).h, Math.cbrt(EPS32))).toBeLessThan(0.5);
    }
  });
  claim(String.raw`the best they reach is about $10^{-4}$ (forward) and $10^{-5}$ (central)`, () => {
    const forward = bestStep(STEP_GRID, curve(START, 'forward', 'float32').errors).error;
    const central = bestStep(STEP_GRID, curve(START, 'central', 'float32').errors).error;
    expect(decades(forward, 1e-4)).toBeLessThan(0.5);
    expect(decades(central, 1e-5)).toBeLessThan(0.5);
  });
  claim(String.raw`Far enough left they lie flat at a relative error of exactly 1: the estimate is exactly 0 (for $z_2 = 3$, at every $h$ below about $10^{-7}$).`, () => {
    // half the float32 spacing at 3 is 2⁻²³ ≈ 1.19 × 10⁻⁷: a step below it rounds back to 3
    expect(Math.fround(3 + 1.1e-7)).toBe(3);
    expect(Math.fround(3 + 1.3e-7)).not.toBe(3);
    for (const scheme of ['forward', 'central']) {
      const c = curve(START, scheme, 'float32');
      STEP_GRID.forEach((e, i) => {
        if (e <= -7) expect(c.errors[i], `${scheme} at 10^${e}`).toBe(1);
      });
      expect(errorAt(c, -6.75)).toBeLessThan(1);
    }
  });
  claim('Switch the formula to float32 and move $h$ to $10^{-8}$ to watch that zero happen in the formula itself.', () => {
    const e = estimateAt(START, 1e-8, 'central', 'float32');
    expect(e.trace.numerator).toBe(0);
    expect(gradientCheckText(START, e)).toMatch(/= 0 \/ .* = 0\./);
  });

  // ── ReLU ──
  claim('(pick row 1 of W2: hidden unit 1 is off for this sample)', () => {
    const { net, x } = chapterNetwork();
    // by hand: z1₁ = b1₁ + x₁·W1[1, 1] + x₂·W1[2, 1] (row-major W1, 2 × 16)
    const z = (net.params.b1[0] as number) + (x[0] as number) * (net.params.w1[0] as number) + (x[1] as number) * (net.params.w1[16] as number);
    expect(z).toBeLessThan(-0.1);
    for (let col = 0; col < 3; col++) {
      const q = weightQuantity('w2', 0, col);
      expect(q.analytic).toBe(0);
      expect(q.zeroReason).toContain('hidden unit 1 is off for this sample');
    }
  });
  claim('The difference quotient agrees exactly, at every step the slider offers', () => {
    const quantities = [0, 1, 2].map((col) => weightQuantity('w2', 0, col)).concat([0, 1].map((row) => weightQuantity('w1', row, 0)));
    for (const q of quantities) {
      expect(q.analytic).toBe(0);
      for (const c of errorCurves(q)) expect(Array.from(c.errors).every((e) => e === 0)).toBe(true);
    }
  });
  claim('a weight into it would need a step far larger than $0.1$ to switch the unit on', () => {
    const { z1, x } = chapterNetwork();
    // z1₁ + h·x_i crosses 0 only for h > |z1₁| / |x_i|
    const needed = Math.abs(z1[0] as number) / Math.max(Math.abs(x[0] as number), Math.abs(x[1] as number));
    expect(10 ** STEP_LIMITS.max).toBeCloseTo(0.1, 15);
    expect(needed).toBeGreaterThan(5 * 0.1);
  });

  // ── "it returns only zeros" ──
  claim(String.raw`the true derivative is $p_2 - 1 \approx -0.755$`, () => {
    expect(P2 - 1).toBeCloseTo(-0.755, 3);
    expect(zeroCase('tiny-step').analytic).toBeCloseTo(P2 - 1, 15);
  });
  claim(String.raw`Doubles near 3 are $2^{-51} \approx 4.4 \times 10^{-16}$ apart.`, () => {
    expect(nextDouble(3) - 3).toBe(2 ** -51);
    expect(spacingAt(3, 'float64')).toBe(2 ** -51);
    expect(2 ** -51).toBeCloseTo(4.4e-16, 17);
  });
  claim('With $h = 10^{-16}$, less than half that gap, $3 + h$ rounds back to 3, and so does $3 - h$', () => {
    expect(1e-16).toBeLessThan(2 ** -52);
    expect(3 + 1e-16).toBe(3);
    expect(3 - 1e-16).toBe(3);
    const c = zeroCase('tiny-step');
    expect([c.trace.xPlus, c.trace.xMinus, c.trace.numerator, c.trace.estimate]).toEqual([3, 3, 0, 0]);
  });
  claim(String.raw`Float32 numbers near 3 are $2^{-22} \approx 2.4 \times 10^{-7}$ apart.`, () => {
    expect(Math.fround(3 + 2 ** -22)).toBe(3 + 2 ** -22);
    expect(Math.fround(3 + 0.49 * 2 ** -22)).toBe(3);
    expect(zeroCase('float32').spacing).toBe(2 ** -22);
    expect(2 ** -22).toBeCloseTo(2.4e-7, 8);
  });
  claim('The step $10^{-8}$, which is perfectly good in float64, is lost the moment $x + h$ is stored in float32.', () => {
    expect(estimateAt(START, 1e-8, 'central', 'float64').error).toBeLessThan(1e-7);
    const c = zeroCase('float32');
    expect([c.h, c.trace.xPlus, c.trace.xMinus, c.trace.estimate]).toEqual([1e-8, 3, 3, 0]);
  });
  claim(String.raw`Checks of float32 code need a step of about $\sqrt[3]{\varepsilon_{32}} \approx 5 \times 10^{-3}$`, () => {
    expect(estimateAt(START, 5e-3, 'central', 'float32').error).toBeLessThan(1e-4);
  });
  claim('$3.00001$ is stored as 3, $f$ does not change, and a forward difference is exactly 0.', () => {
    const c = zeroCase('integer');
    expect([c.trace.xPlus, c.trace.fPlus - c.trace.fMinus, c.trace.estimate]).toEqual([3, 0, 0]);
  });
  claim(String.raw`$2.99999$ is stored as 2, and the quotient is the slope over a whole unit divided by $2h$: $(f(3) - f(2))/(2 \times 10^{-5}) \approx -41\,597$ against the true $-0.755$, about $5.5 \times 10^{4}$ times too large.`, () => {
    const byHand = (f(3) - f(2)) / 2e-5;
    expect(Math.round(byHand)).toBe(-41597);
    const central = zeroCase('integer').central;
    expect(central?.xMinus).toBe(2);
    expect(central?.estimate).toBeCloseTo(byHand, 6);
    const ratio = byHand / (P2 - 1);
    expect(ratio).toBeGreaterThan(5.45e4);
    expect(ratio).toBeLessThan(5.55e4);
  });
  claim('NumPy is silent only about single elements: `z[1] += h` and `z[1] = z[1] + h` truncate without a word, while `z += h` on a whole integer array raises a `UFuncTypeError` (it cannot cast the float result back to `int64`).', () => {
    const out = python(
      [
        'h = 1e-5',
        'z = np.array([2, 3, 4]); print(z.dtype)',
        'z[1] += h; print(z.tolist())',
        'z[1] = z[1] + h; print(z.tolist())',
        'z[1] = z[1] - h; print(z.tolist())',
        'try:',
        '    z += h',
        '    print("no error")',
        'except Exception as e:',
        '    print("UFuncTypeError" in [c.__name__ for c in type(e).__mro__], e)',
      ].join('\n'),
    ).split('\n');
    expect(out.slice(0, 4)).toEqual(['int64', '[2, 3, 4]', '[2, 3, 4]', '[2, 2, 4]']);
    expect(out[4]).toMatch(/^True Cannot cast ufunc 'add' output from dtype\('float64'\) to dtype\('int64'\) with casting rule 'same_kind'$/);
  });
  claim(String.raw`at $h = 10^{-5}$ both sums come out as exactly 1 and the central difference is exactly 0`, () => {
    const c = zeroCase('constant');
    expect([c.h, c.trace.fPlus, c.trace.fMinus, c.trace.numerator, c.trace.estimate]).toEqual([1e-5, 1, 1, 0, 0]);
    // the same in NumPy: p = e / e.sum(), then p.sum()
    const numpy = python(
      [
        'def s(x):',
        '    z = np.array([2.0, x, 4.0]); e = np.exp(z - z.max()); return (e / e.sum()).sum()',
        'h = 1e-5',
        'print(repr(float(s(3 + h))), repr(float(s(3 - h))), repr(float((s(3 + h) - s(3 - h)) / (2 * h))))',
      ].join('\n'),
    );
    expect(numpy).toBe('1.0 1.0 0.0');
  });
  claim(String.raw`(at some other steps one sum rounds to $1 - 2^{-53}$ instead, and the quotient is rounding noise, $\pm 2^{-53}/(2h)$)`, () => {
    let noisy = 0;
    for (const e of STEP_GRID) {
      const h = 10 ** e;
      const [up, down] = [softmaxSum(3 + h), softmaxSum(3 - h)];
      for (const v of [up, down]) expect([1, 1 - 2 ** -53]).toContain(v);
      if (up !== down) {
        noisy++;
        expect(Math.abs((up - down) / (2 * h))).toBeCloseTo(2 ** -53 / (2 * h), 30);
      }
    }
    expect(noisy).toBeGreaterThan(0);
  });
  claim('Its true derivative is 0 as well, so such a check passes and tests nothing.', () => {
    // ∂/∂z_j Σ_i p_i = Σ_i p_i(δ_ij − p_j) = p_j − p_j = 0: every column of the Jacobian sums to 0
    const J = softmaxJacobian([2, 3, 4]);
    for (let j = 0; j < 3; j++) expect(Math.abs([0, 1, 2].reduce((s, i) => s + (J[i]?.[j] as number), 0))).toBeLessThan(1e-16);
    expect(zeroCase('constant').analytic).toBe(0);
    expect(relativeError(zeroCase('constant').trace.estimate, 0)).toBe(0);
  });
  claim(String.raw`with the target left at all zeros, $-\sum_i y_i \ln p_i$ is 0 for every $\mathbf z$, and the estimate is 0 where the true derivative is $-0.755$.`, () => {
    const u = zeroCase('constant').unlabelled;
    expect([u?.fPlus, u?.fMinus, u?.estimate]).toEqual([0, 0, 0]);
  });
  claim('Then `xp[1] += h` moves `x[1]` too, and `(f(xp) - f(x)) / h` subtracts a number from itself: exactly 0. It also leaves `x` moved by $h$. Write `xp = x.copy()`.', () => {
    const { trace, xAfter, fixed } = aliasedForward(1e-5);
    expect(xAfter[1]).toBe(3 + 1e-5);
    expect([trace.numerator, trace.estimate]).toEqual([0, 0]);
    // the copy gives the forward estimate: p₂ − 1 plus h/2·f″, f″ = p₂(1 − p₂) ≈ 0.185
    expect(Math.abs(fixed - (P2 - 1))).toBeLessThan(1e-5 * 0.2);
    const numpy = python(
      [
        'def L(z):',
        '    e = np.exp(z - z.max()); return -np.log(e[1] / e.sum())',
        'h = 1e-5',
        'x = np.array([2.0, 3.0, 4.0]); xp = x; xp[1] += h',
        'print(xp is x, repr(float(x[1])), repr(float((L(xp) - L(x)) / h)))',
      ].join('\n'),
    );
    expect(numpy).toBe('True 3.00001 0.0');
  });

  // ── why float32 needs a bigger step ──
  claim(String.raw`Float32's $\varepsilon_{32}$ is about $5 \times 10^{8}$ times float64's, so the round-off line sits about 8.7 decades higher`, () => {
    expect(EPS32 / EPS64).toBe(2 ** 29);
    expect(2 ** 29 / 1e8).toBeCloseTo(5.4, 1);
    expect(Math.log10(2 ** 29)).toBeCloseTo(8.7, 1);
  });
  claim(String.raw`by a factor $(\varepsilon_{32}/\varepsilon_{64})^{1/2} \approx 2 \times 10^{4}$ for the forward difference and $(\varepsilon_{32}/\varepsilon_{64})^{1/3} \approx 800$ for the central one.`, () => {
    expect(Math.sqrt(2 ** 29)).toBeCloseTo(23170, 0);
    expect(Math.abs(Math.sqrt(2 ** 29) - 2e4)).toBeLessThan(0.5e4);
    expect(Math.abs(Math.cbrt(2 ** 29) - 800)).toBeLessThan(25);
    expect(optimalStep('forward', 'float32') / optimalStep('forward', 'float64')).toBeCloseTo(Math.sqrt(2 ** 29), 6);
    expect(optimalStep('central', 'float32') / optimalStep('central', 'float64')).toBeCloseTo(Math.cbrt(2 ** 29), 9);
  });
  claim(String.raw`the best achievable error rises to about $\varepsilon_{32}^{2/3} \approx 2.4 \times 10^{-5}$`, () => {
    expect(EPS32 ** (2 / 3)).toBeCloseTo(2.4e-5, 6);
  });
  claim(String.raw`a relative error of $10^{-4}$ from a float32 check is a pass, not a bug`, () => {
    // the correct formula's own forward float32 check gets no closer than about 10⁻⁴ at any step
    const best = bestStep(STEP_GRID, curve(START, 'forward', 'float32').errors).error;
    expect(best).toBeGreaterThan(5e-5);
  });

  // ── gradient checking as a test ──
  claim('The step and the tolerance below are read from the same constant that the tests import (`GRADIENT_CHECK` in `src/core/finiteDifference.ts`)', () => {
    expect(readFileSync(new URL('../core/helpers.ts', import.meta.url), 'utf8')).toMatch(/import \{ GRADIENT_CHECK \} from '..\/..\/src\/core\/finiteDifference'/);
    expect(readFileSync(new URL('../../src/widgets/gradientCheck/TestTolerance.tsx', import.meta.url), 'utf8')).toContain("import { GRADIENT_CHECK } from '../../core/finiteDifference'");
    expect(GRADIENT_CHECK).toEqual({ step: 1e-5, relativeTolerance: 1e-6 });
  });
  claim(String.raw`The step sits near $\sqrt[3]{\varepsilon_{64}}$, the bottom of the central V, where the estimate is good to about 10 digits`, () => {
    expect(decades(GRADIENT_CHECK.step, Math.cbrt(EPS64))).toBeLessThan(0.25);
    for (let k = 0; k < 3; k++) {
      const error = estimateAt(logitQuantity([2, 3, 4], [0, 1, 0], k), GRADIENT_CHECK.step, 'central', 'float64').error;
      expect(error).toBeGreaterThan(1e-12);
      expect(error).toBeLessThan(1e-9);
    }
  });
  claim('the tolerance leaves a wide margin above that, yet a wrong formula (a missing factor of 2, a sign, a transposed index) misses it by orders of magnitude', () => {
    const p = [2, 3, 4].map((z) => Math.exp(z) / (Math.exp(2) + Math.exp(3) + Math.exp(4)));
    const y = [0, 1, 0];
    for (let k = 0; k < 3; k++) {
      const q = logitQuantity([2, 3, 4], y, k);
      const numeric = estimateAt(q, GRADIENT_CHECK.step, 'central', 'float64').trace.estimate;
      expect(relativeError(numeric, q.analytic)).toBeLessThan(GRADIENT_CHECK.relativeTolerance / 1000);
      const right = (p[k] as number) - (y[k] as number);
      const wrong = [2 * right, -right, ...[0, 1, 2].filter((j) => j !== k).map((j) => (p[j] as number) - (y[j] as number))];
      for (const w of wrong) expect(relativeError(numeric, w)).toBeGreaterThan(GRADIENT_CHECK.relativeTolerance * 1e4);
    }
  });
  claim('Set $h = 10^{-5}$ in the explorer above and read the central float64 error: it is that margin you see.', () => {
    for (const q of [START, quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0])]) {
      expect(estimateAt(q, 1e-5, 'central', 'float64').error).toBeLessThan(GRADIENT_CHECK.relativeTolerance / 1000);
    }
    expect(STEP_GRID).toContain(-5);
  });

  // ── what to take away ──
  claim(String.raw`In float64 a step near $10^{-5}$ with a relative tolerance near $10^{-6}$ makes a reliable test`, () => {
    // every weight of the chapter's network with a nonzero gradient passes, with room to spare
    let worst = 0;
    for (const layer of ['w1', 'w2'] as const) {
      const { rows, cols } = layerSize(layer);
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const q = weightQuantity(layer, row, col);
          if (q.analytic !== 0) worst = Math.max(worst, estimateAt(q, GRADIENT_CHECK.step, 'central', 'float64').error);
        }
      }
    }
    expect(worst).toBeLessThan(GRADIENT_CHECK.relativeTolerance / 10);
  });
});
