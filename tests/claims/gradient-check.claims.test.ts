import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect } from 'vitest';
import { createRandom } from '../../src/core/random';
import { centralDifference, GRADIENT_CHECK, numericalGradient } from '../../src/core/finiteDifference';
import { roundFloat32 } from '../../src/core/float32';
import { bestStep, gradientCheckPasses, MACHINE_EPSILON, optimalStep, relativeError, spacingAt } from '../../src/core/gradientCheck';
import { softmaxJacobian } from '../../src/core/jacobian';
import { softmax } from '../../src/core/softmax';
import { ErrorCurvePlot } from '../../src/plots/ErrorCurvePlot';
import { errorText } from '../../src/chapters/gradient-check/EstimateTable';
import { gradientCheckText } from '../../src/chapters/gradient-check/gradientCheckFormula';
import {
  chapterNetwork,
  defaultWeight,
  errorCurves,
  estimateAt,
  layerSize,
  logitQuantity,
  quantityOf,
  STEP_GRID,
  toleranceChecks,
  weightQuantity,
  type ErrorCurveData,
  type ScalarQuantity,
} from '../../src/chapters/gradient-check/gradientCheckMath';
import { aliasedForward, softmaxSum, zeroCase } from '../../src/chapters/gradient-check/zeroCaseMath';
import { expectRelClose } from '../core/helpers';
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

/** The plot as the page draws it (server-rendered): where the floor line, the plot's top and each marker sit. */
function drawnPlot(q: ScalarQuantity, exponent: number) {
  const curves = errorCurves(q).map((c) => ({
    id: `${c.scheme}-${c.precision}`,
    term: `err-${c.scheme}-${c.precision}`,
    colour: 'black',
    dashed: c.precision === 'float32',
    errors: c.errors,
  }));
  const html = renderToStaticMarkup(
    createElement(ErrorCurvePlot, { label: 'plot', exponents: STEP_GRID, curves, exponent, stepTerm: 'h-step', marks: [], onExponent: () => {} }),
  );
  const number = (pattern: RegExp) => Number(pattern.exec(html)?.[1] ?? NaN);
  return {
    html,
    floor: number(/class="floor-line"[^>]*? y1="([^"]+)"/),
    top: number(/class="plot-area"[^>]*? y="([^"]+)"/),
    markers: Array.from(html.matchAll(/class="error-marker"[^>]*? cy="([^"]+)"/g), (m) => Number(m[1])),
    // every y of every curve's path (d3 writes "M x,y L x,y …")
    pathYs: Array.from(html.matchAll(/class="error-curve" d="([^"]+)"/g), (m) => Array.from((m[1] ?? '').matchAll(/,(-?[\d.]+)/g), (c) => Number(c[1]))),
  };
}

/**
 * Each call of `name(…)` in a source text, as its list of top-level arguments (nested brackets and
 * arrow functions kept whole): the way the claims read what the core's tests actually pass.
 */
function callArguments(source: string, name: string): string[][] {
  const calls: string[][] = [];
  let at = source.indexOf(`${name}(`);
  while (at >= 0) {
    const before = source[at - 1] ?? ' ';
    if (!/[\w.]/.test(before)) {
      const args: string[] = [];
      let depth = 0;
      let current = '';
      for (let i = at + name.length + 1; i < source.length; i++) {
        const c = source[i] as string;
        if (depth === 0 && c === ')') {
          args.push(current.trim());
          break;
        }
        if ('([{'.includes(c)) depth++;
        if (')]}'.includes(c)) depth--;
        if (depth === 0 && c === ',') {
          args.push(current.trim());
          current = '';
        } else current += c;
      }
      calls.push(args.filter((a) => a !== ''));
    }
    at = source.indexOf(`${name}(`, at + 1);
  }
  return calls;
}
const CORE_TESTS = new URL('../core/', import.meta.url);
const coreTest = (file: string) => readFileSync(new URL(file, CORE_TESTS), 'utf8');
const FINITE_DIFFERENCES = ['numericalGradient', 'centralDifference'];

/** The slider grid of the sweep: logits in {−10, −8, …, 10}, three classes, every true class t. */
function* sliderGrid(): Generator<{ z: number[]; y: number[] }> {
  const values = [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10];
  for (const a of values) for (const b of values) for (const c of values) {
    for (let t = 0; t < 3; t++) yield { z: [a, b, c], y: [0, 1, 2].map((i) => (i === t ? 1 : 0)) };
  }
  // and 2 to 8 classes, drawn (seeded) from the same values
  const random = createRandom(9);
  for (let n = 0; n < 1500; n++) {
    const C = 2 + (n % 7);
    const z = Array.from({ length: C }, () => values[random.int(values.length)] as number);
    const t = random.int(C);
    yield { z, y: z.map((_, i) => (i === t ? 1 : 0)) };
  }
}

/** Wrong formulas for ∂L/∂z_k = p_k − y_k: a sign, a factor of 2 too many, a factor of 2 dropped. */
const WRONG: Record<string, (right: number) => number> = { sign: (a) => -a, twice: (a) => 2 * a, half: (a) => a / 2 };

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
    // the model itself, for |f| = |f″| = |f′| = 1: error(h) = h/2 + ε/h, least at h = √(2ε), where it is 2√(ε/2) = √(2ε)
    const model = (h: number) => h / 2 + EPS64 / h;
    const hs = Array.from({ length: 2001 }, (_, i) => 10 ** (-10 + (i * 4) / 2000));
    const best = hs.reduce((b, h) => (model(h) < model(b) ? h : b));
    expect(decades(best, Math.sqrt(EPS64))).toBeLessThan(0.2);
    expect(Math.round(-Math.log10(model(best)))).toBe(8);
  });
  claim(String.raw`The best step of a central difference is near $\sqrt[3]{\varepsilon_{64}} \approx 6 \times 10^{-6}$, with an error near $\varepsilon_{64}^{2/3} \approx 4 \times 10^{-11}$: about 10 correct digits.`, () => {
    expect(Math.abs(Math.cbrt(EPS64) - 6e-6)).toBeLessThan(0.1e-6);
    expect(EPS64 ** (2 / 3)).toBeCloseTo(4e-11, 11);
    expect(Math.round(-Math.log10(EPS64 ** (2 / 3)))).toBe(10);
    // the model, for size-1 values: error(h) = h²/6 + ε/h, least at h = ∛(3ε), about 1.5·(ε²/3)^⅓ ≈ 3 × 10⁻¹¹
    const model = (h: number) => (h * h) / 6 + EPS64 / h;
    const hs = Array.from({ length: 2001 }, (_, i) => 10 ** (-8 + (i * 4) / 2000));
    const best = hs.reduce((b, h) => (model(h) < model(b) ? h : b));
    expect(decades(best, Math.cbrt(EPS64))).toBeLessThan(0.3);
    expect(decades(model(best), EPS64 ** (2 / 3))).toBeLessThan(0.3);
    expect(Math.round(-Math.log10(model(best)))).toBe(10);
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
  claim("The float32 version is emulated: the same code, with every operation's result rounded to the nearest float32 by `Math.fround`", () => {
    expect(roundFloat32).toBe(Math.fround);
    // an independent float32 replay of L([2, x, 4]), t = 2, written out here with Math.fround after every operation
    const r = Math.fround;
    const byHand = (x: number) => {
      const z = [2, r(x), 4];
      const m = Math.max(...z);
      let s = 0;
      for (const v of z) s = r(s + r(Math.exp(r(v - m))));
      return r(r(Math.log(s)) - r(r((z[1] as number) - m)));
    };
    const plain = (x: number) => Math.log(Math.exp(2 - Math.max(4, x)) + Math.exp(x - Math.max(4, x)) + Math.exp(4 - Math.max(4, x))) - (x - Math.max(4, x));
    for (const x of [3, 3 + 1e-3, 3 - 5e-3, 2.5, 4.75]) {
      expect(START.f.float32(x)).toBe(byHand(x));
      expect(Math.fround(START.f.float32(x))).toBe(START.f.float32(x));
      // the same code without the rounding is float64: within a few ulp of the plain formula
      expect(Math.abs(START.f.float64(x) - plain(x))).toBeLessThan(4 * EPS64);
    }
    // and the float32 function really is coarser: at 3 it differs from float64 by a float32 rounding, not 0
    expect(START.f.float32(3)).not.toBe(START.f.float64(3));
    expect(Math.abs(START.f.float32(3) - START.f.float64(3))).toBeLessThan(4 * EPS32);
    const w = quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0]);
    for (const d of [0, 1e-3, -2e-2]) expect(Math.fround(w.f.float32(w.x + d))).toBe(w.f.float32(w.x + d));
  });
  claim('as plain float32 code computes it (a GPU rounds at the same places, though it may sum in another order and use its own exp and log)', () => {
    // NumPy's float32 (its own exp and log, in float32) on the same formula: the same sizes, other values point by point
    const out = python(
      [
        'f32 = np.float32',
        'def f(x):',
        '    z = np.array([2, x, 4], dtype=f32); m = z.max(); e = np.exp(z - m); s = f32(0)',
        '    for v in e: s = f32(s + v)',
        '    return f32(np.log(s) - (z[1] - m))',
        'x = f32(3); an = 1 / (np.exp(-1) + 1 + np.exp(1)) - 1',
        'for e in [i / 4 for i in range(-24, -3)]:',
        '    h = f32(10 ** e); xp = f32(x + h)',
        '    print(e, abs(float(f32(f32(f(xp) - f(x)) / h)) - an) / abs(an))',
      ].join('\n'),
    );
    const numpy = new Map(out.split('\n').map((line) => line.split(' ').map(Number) as [number, number]));
    const ours = curve(START, 'forward', 'float32');
    const bestOf = (pairs: [number, number][]) => pairs.reduce((b, p) => (p[1] < b[1] ? p : b));
    const theirs = bestOf([...numpy.entries()]);
    const mine = bestOf(STEP_GRID.filter((e) => e >= -6 && e <= -1).map((e) => [e, errorAt(ours, e)] as [number, number]));
    // both bottom out at a few times 10⁻⁴ or below, within half a decade of each other and of √ε₃₂ in h
    expect(decades(theirs[1], mine[1])).toBeLessThan(0.7);
    expect(Math.abs(theirs[0] - mine[0])).toBeLessThan(1);
    // but not point for point
    const differing = [...numpy.entries()].filter(([e, v]) => Math.abs(v - errorAt(ours, e)) > 1e-3 * v);
    expect(differing.length).toBeGreaterThan(3);
  });
  claim('The analytic derivative always comes from the core in float64.', () => {
    for (const [z, y] of [[[2, 3, 4], [0, 1, 0]], [[-10, 0, 10], [0, 1, 0]], [[1, -2, 0.5, 3], [0, 0, 1, 0]]] as const) {
      const p = softmax(z);
      z.forEach((_, k) => {
        const q = logitQuantity(z, y, k);
        expect(q.analytic).toBe((p[k] as number) - (y[k] as number));
        // the float32 estimates are measured against that same float64 number
        const e = estimateAt(q, 1e-3, 'central', 'float32');
        expect(e.error).toBe(relativeError(e.trace.estimate, q.analytic));
      });
    }
    expect(Math.fround(START.analytic)).not.toBe(START.analytic);
    const { grads } = chapterNetwork();
    expect(weightQuantity('w2', 15, 0).analytic).toBe(grads.w2[15 * 3 + 0]);
    expect(weightQuantity('w1', 1, 4).analytic).toBe(grads.w1[1 * 16 + 4]);
  });
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
  claim(String.raw`an error of exactly 0 cannot be drawn on a log scale (it is $-\infty$ there), so it is drawn on a floor line marked "exactly 0".`, () => {
    // unit 1 is off: every error on (W₂)₁,₁'s curves is exactly 0, and every point and marker sits on the floor line
    const q = weightQuantity('w2', 0, 0);
    const plot = drawnPlot(q, -4);
    expect(plot.html).toContain('>exactly 0</text>');
    expect(plot.floor).toBeGreaterThan(plot.top);
    expect(plot.markers.length).toBe(4);
    for (const y of plot.markers) expect(y).toBe(plot.floor);
    expect(plot.pathYs.length).toBe(4);
    for (const ys of plot.pathYs) {
      expect(ys.length).toBe(STEP_GRID.length);
      for (const y of ys) expect(y).toBe(plot.floor);
    }
    // and a nonzero error is drawn above it: the worked example's markers are all off the floor
    for (const y of drawnPlot(START, -4).markers) expect(y).toBeLessThan(plot.floor);
  });
  claim(String.raw`Their bottoms sit near the dotted marks $\sqrt{\varepsilon}$ (forward) and $\sqrt[3]{\varepsilon}$ (central).`, () => {
    for (const q of [START, quantityOf(defaultWeight(), [2, 3, 4], [0, 1, 0])]) {
      for (const scheme of ['forward', 'central'] as const) {
        const best = bestStep(STEP_GRID, curve(q, scheme, 'float64').errors);
        expect(decades(best.h, optimalStep(scheme, 'float64'))).toBeLessThan(1);
      }
    }
  });
  claim(String.raw`For the worked example the forward curve bottoms out near $10^{-8}$, 8 correct digits (a single step can dip lower, where round-off errors happen to cancel), and the central curve below $10^{-11}$.`, () => {
    const forward = Array.from(curve(START, 'forward', 'float64').errors).sort((a, b) => a - b);
    // the bottom of the V: its next four lowest points all lie within half a decade of 10⁻⁸ …
    for (const v of forward.slice(1, 5)) expect(decades(v, 1e-8)).toBeLessThan(0.5);
    // … and one step dips lower, but not absurdly (9 digits, not 12)
    expect(forward[0]).toBeLessThan(1e-9);
    expect(forward[0]).toBeGreaterThan(1e-10);
    expect(forward[1]).toBeGreaterThan(3e-9);
    const central = bestStep(STEP_GRID, curve(START, 'central', 'float64').errors).error;
    expect(central).toBeLessThan(1e-11);
    expect(central).toBeGreaterThan(1e-13);
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
  claim(String.raw`the best they reach for the worked example is about $2 \times 10^{-4}$ (forward) and $2 \times 10^{-5}$ (central, with one step dipping to $4 \times 10^{-6}$ where its errors happen to cancel)`, () => {
    const forward = bestStep(STEP_GRID, curve(START, 'forward', 'float32').errors).error;
    const centralCurve = curve(START, 'central', 'float32');
    const central = bestStep(STEP_GRID, centralCurve.errors).error;
    // "about 2" and "about 4": within 0.15 decades (a factor 1.4), which 10⁻⁴ and 10⁻⁵ are not
    expect(decades(forward, 2e-4)).toBeLessThan(0.15);
    expect(decades(central, 4e-6)).toBeLessThan(0.15);
    expect(decades(forward, 1e-4)).toBeGreaterThan(0.15);
    // the dip is one step: its two neighbours on the grid are back near 2 × 10⁻⁵, as ε₃₂^{2/3} ≈ 2.4 × 10⁻⁵ predicts
    const at = STEP_GRID.indexOf(-2);
    expect(centralCurve.errors[at]).toBe(central);
    for (const i of [at - 1, at + 1]) {
      expect(centralCurve.errors[i]).toBeGreaterThan(1e-5); // 1.8 × 10⁻⁵ and 1.4 × 10⁻⁵: about 2 × 10⁻⁵,
      expect(centralCurve.errors[i]).toBeLessThan(3e-5); // neither 4 × 10⁻⁶ nor 10⁻⁴
    }
    // the truncation alone at h = 10⁻² is h²/6·|f'''/f'| ≈ 2 × 10⁻⁶: the dip sits between it and round-off
    expect(central).toBeGreaterThan(1e-6);
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
  // by hand from the seeded parameters: (Z₁)ⱼ = b1ⱼ + x₁·W1[1, j] + x₂·W1[2, j] (row-major W1, 2 × 16)
  const preActivation = (j: number) => {
    const { net, x } = chapterNetwork();
    return (net.params.b1[j] as number) + (x[0] as number) * (net.params.w1[j] as number) + (x[1] as number) * (net.params.w1[16 + j] as number);
  };
  claim('(pick row 1 of $W_2$: hidden unit 1 is off for this sample)', () => {
    expect(preActivation(0)).toBeLessThan(-0.1);
    for (let col = 0; col < 3; col++) {
      const q = weightQuantity('w2', 0, col);
      expect(q.analytic).toBe(0);
      expect(q.zeroReason).toContain('hidden unit 1 is off for this sample (its pre-activation in Z₁ is −0.3108)');
      expect(q.short).toBe(`(W₂)₁,${['₁', '₂', '₃'][col]}`);
    }
  });
  claim('For unit 1 the difference quotient agrees exactly, at every step the slider offers', () => {
    const quantities = [0, 1, 2].map((col) => weightQuantity('w2', 0, col)).concat([0, 1].map((row) => weightQuantity('w1', row, 0)));
    for (const q of quantities) {
      expect(q.analytic).toBe(0);
      for (const c of errorCurves(q)) expect(Array.from(c.errors).every((e) => e === 0)).toBe(true);
    }
    expect(STEP_GRID[STEP_GRID.length - 1]).toBe(-1);
  });
  claim('a weight into it would need a step above 0.75 to switch the unit on', () => {
    const { x } = chapterNetwork();
    // (Z₁)₁ + h·x_i crosses 0 only for h > |(Z₁)₁| / x_i; x₂ is the larger input
    const needed = Math.abs(preActivation(0)) / Math.max(x[0] as number, x[1] as number);
    expect(needed).toBeGreaterThan(0.75);
    expect(needed).toBeLessThan(0.76);
    // the loss along (W₁)₂,₁ is flat up to there, and moves beyond
    const q = weightQuantity('w1', 1, 0);
    expect(q.f.float64(q.x + 0.755)).toBe(q.value);
    expect(q.f.float64(q.x + 0.757)).not.toBe(q.value);
  });
  claim(String.raw`Unit 14 is off only just (its pre-activation is about −0.015), and a step of 0.036 along $(W_1)_{2,14}$ switches it on`, () => {
    const z = preActivation(13);
    expect(Math.abs(z - -0.015)).toBeLessThan(0.0005);
    const { x, z1 } = chapterNetwork();
    expect(z1[13]).toBeCloseTo(z, 15);
    const needed = -z / (x[1] as number);
    expect(Math.abs(needed - 0.036)).toBeLessThan(0.0005);
    const q = weightQuantity('w1', 1, 13);
    expect(q.analytic).toBe(0);
    expect(q.symbolTex).toBe('(W_{1})_{2,14}');
    expect(q.f.float64(q.x + 0.0355)).toBe(q.value);
    expect(Math.abs(q.f.float64(q.x + 0.0365) - q.value)).toBeGreaterThan(1e-6);
  });
  claim(String.raw`the four curves lie on the floor up to $h = 10^{-1.5}$, then jump to the top edge`, () => {
    const q = weightQuantity('w1', 1, 13);
    for (const c of errorCurves(q)) {
      STEP_GRID.forEach((e, i) => expect(c.errors[i], `${c.scheme} ${c.precision} at 10^${e}`).toBe(e <= -1.5 ? 0 : Infinity));
    }
    expect(STEP_GRID.filter((e) => e > -1.5)).toEqual([-1.25, -1]);
    // drawn: at h = 10⁻¹ every marker is on the plot's top edge, at 10⁻² on the floor
    const high = drawnPlot(q, -1);
    for (const y of high.markers) expect(y).toBe(high.top);
    const low = drawnPlot(q, -2);
    for (const y of low.markers) expect(y).toBe(low.floor);
  });
  claim('measured against an exact 0, any nonzero error is infinitely large, and the table reads ∞', () => {
    const q = weightQuantity('w1', 1, 13);
    for (const scheme of ['central', 'forward'] as const) {
      const e = estimateAt(q, 0.1, scheme, 'float64');
      expect(Math.abs(e.trace.estimate)).toBeGreaterThan(1e-3);
      expect(e.error).toBe(Infinity);
      expect(errorText(e.error)).toBe('∞');
    }
    expect(relativeError(1e-300, 0)).toBe(Infinity);
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
  claim('$h$ below half the spacing of $x$.', () => {
    // half the gap, 2⁻⁵², is the line: 10⁻¹⁶ is below it and lost, 10^−15.5 ≈ 3.2 × 10⁻¹⁶ is below the gap but above half of it
    const h = 10 ** -15.5;
    expect(h).toBeGreaterThan(2 ** -52);
    expect(h).toBeLessThan(2 ** -51);
    expect(3 + h).toBe(3 + 2 ** -51);
    expect(3 + 2.3e-16).toBe(3 + 2 ** -51);
    expect(3 + 2.2e-16).toBe(3);
    // so at 10^−15.5 the float64 estimates are neither exactly 0 nor right: rounding noise, not a lost step
    for (const scheme of ['central', 'forward'] as const) {
      const e = estimateAt(START, h, scheme, 'float64');
      expect(e.trace.stepLost).toBe(false);
      expect(e.trace.estimate).not.toBe(0);
      expect(e.error).toBeGreaterThan(0.05);
      expect(e.error).toBeLessThan(0.95);
    }
    expect(zeroCase('tiny-step').title).toBe('h below half the spacing of x');
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
  claim('NumPy truncates without a word whenever it assigns into the integer array: `z[1] = z[1] + h`, `z[:] = z + h`, and also `z[1] += h`, which it runs as a scalar addition followed by an assignment. Only an in-place operator on an array or a slice, `z += h` or `z[1:2] += h`, raises a `UFuncTypeError` (it cannot cast the float result back to `int64`).', () => {
    // every form, on a fresh int64 z = [2, 3, 4]; the rule says which truncate and which raise
    const h = 1e-5;
    const assignments: [string, (z: number[]) => number[]][] = [
      ['z[1] = z[1] + h', (z) => z.map((v, i) => (i === 1 ? v + h : v))],
      ['z[1] += h', (z) => z.map((v, i) => (i === 1 ? v + h : v))],
      ['z[1] -= h', (z) => z.map((v, i) => (i === 1 ? v - h : v))],
      ['z[:] = z + h', (z) => z.map((v) => v + h)],
      ['z[...] = z - h', (z) => z.map((v) => v - h)],
      ['z[1:2] = z[1:2] + h', (z) => z.map((v, i) => (i === 1 ? v + h : v))],
    ];
    const inPlace = ['z += h', 'z -= h', 'z[1:2] += h', 'z[[1]] += h', 'z[:] += h'];
    const forms = [...assignments.map(([code]) => code), ...inPlace];
    const out = python(
      [
        'h = 1e-5',
        `for code in ${JSON.stringify(forms)}:`,
        '    z = np.array([2, 3, 4])',
        '    try:',
        '        exec(code)',
        '        print(z.dtype, z.tolist())',
        '    except Exception as e:',
        '        print("UFuncTypeError" in [c.__name__ for c in type(e).__mro__], e)',
      ].join('\n'),
    ).split('\n');
    expect(out.length).toBe(forms.length);
    assignments.forEach(([code, exact], i) => {
      // truncation towards zero of the float result, in an int64 array: 3.00001 → 3, 1.99999 → 1
      expect(out[i], code).toBe(`int64 ${JSON.stringify(exact([2, 3, 4]).map(Math.trunc)).replace(/,/g, ', ')}`);
    });
    inPlace.forEach((code, j) => {
      expect(out[assignments.length + j], code).toMatch(/^True Cannot cast ufunc '(add|subtract)' output from dtype\('float64'\) to dtype\('int64'\) with casting rule 'same_kind'$/);
    });
    // the widget says the same, and its own lines are the assigning kind
    expect(zeroCase('integer').code).toContain('zp[1] += h               # stores 3');
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

  claim('In the first three the arithmetic did what it must: the step was rounded or truncated away before $f$ saw it (or, for the integer central difference, grew to a whole unit).', () => {
    for (const id of ['tiny-step', 'float32', 'integer'] as const) {
      const { trace } = zeroCase(id);
      expect([trace.xPlus, trace.xMinus, trace.estimate], id).toEqual([3, 3, 0]);
    }
    // and each is the correct rounding: 3 + 10⁻¹⁶ is nearer 3 than 3 + 2⁻⁵¹ (exactly, in integers of 10⁻¹⁶ · 2⁻⁵¹);
    // 3 + 10⁻⁸ is nearer 3 than the next float32, 3 + 2⁻²²; an int64 array truncates 3.00001 to 3
    expect(10n ** 16n > 2n ** 52n).toBe(true); // 10⁻¹⁶ < 2⁻⁵², half the gap
    expect(1e-8 < 2 ** -22 / 2).toBe(true);
    expect(Math.trunc(3 + 1e-5)).toBe(3);
    // the integer central difference: x − h stored as 2, a whole unit below x
    const central = zeroCase('integer').central;
    expect(central?.xMinus).toBe(2);
    expect((central?.x ?? NaN) - (central?.xMinus ?? NaN)).toBe(1);
  });
  claim('In the fourth it reached a function that does not depend on it, and in the fifth both values of $f$ were computed at the same, moved point.', () => {
    const constant = zeroCase('constant').trace;
    expect(constant.xPlus).not.toBe(constant.xMinus);
    expect(constant.fPlus).toBe(constant.fMinus);
    const alias = zeroCase('alias').trace;
    expect(alias.xPlus).toBe(3 + 1e-5);
    expect(alias.xMinus).toBe(3 + 1e-5);
  });

  // ── why float32 needs a bigger step ──
  claim(String.raw`Float32's $\varepsilon_{32}$ is about $5 \times 10^{8}$ times float64's, so the round-off line sits about 8.7 decades higher`, () => {
    expect(EPS32 / EPS64).toBe(2 ** 29);
    expect(2 ** 29 / 1e8).toBeCloseTo(5.4, 1);
    expect(Math.log10(2 ** 29)).toBeCloseTo(8.7, 1);
  });
  claim(String.raw`by a factor $(\varepsilon_{32}/\varepsilon_{64})^{1/2} \approx 2.3 \times 10^{4}$ for the forward difference and $(\varepsilon_{32}/\varepsilon_{64})^{1/3} \approx 810$ for the central one.`, () => {
    // 2^14.5 = 16384·√2 = 23170.5; 2^(29/3) = 512·2^(2/3) = 812.7
    expect(Math.sqrt(2 ** 29)).toBeCloseTo(16384 * Math.SQRT2, 6);
    expect(Math.abs(Math.sqrt(2 ** 29) - 2.3e4)).toBeLessThan(0.05e4);
    expect(Math.abs(Math.cbrt(2 ** 29) - 810)).toBeLessThan(5);
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
  claim('Each analytic derivative is compared, entry by entry, with a central difference of the function it comes from, computed in float64, and the two must agree within a relative tolerance $r$ plus an absolute one $a$:', () => {
    // the tests' comparison (tests/core/helpers.ts) is the displayed rule: |analytic − estimate| ≤ r·max(|·|, |·|) + a
    const passes = (a: number, n: number, r: number, abs: number) => {
      try {
        expectRelClose([a], [n], r, abs);
        return true;
      } catch {
        return false;
      }
    };
    const r = 1e-6;
    const a = 1e-9;
    for (const [x, y] of [[1, 1 + 0.99e-6], [1, 1 + 1.01e-6], [2e-9, 2.9e-9], [2e-9, 3.1e-9], [0, 0.99e-9], [0, 1.01e-9]] as const) {
      expect(passes(x, y, r, a), `${x} vs ${y}`).toBe(Math.abs(x - y) <= r * Math.max(Math.abs(x), Math.abs(y)) + a);
    }
    expect([passes(1, 1 + 0.99e-6, r, a), passes(1, 1 + 1.01e-6, r, 0), passes(2e-9, 2.9e-9, r, a), passes(2e-9, 3.1e-9, r, a)]).toEqual([true, false, true, false]);
    // and the core's tests really use central differences: every finite-difference call in tests/core is one of the two central ones
    const files = readdirSync(CORE_TESTS).filter((f) => f.endsWith('.test.ts'));
    const calls = files.flatMap((f) => FINITE_DIFFERENCES.flatMap((name) => callArguments(coreTest(f), name)));
    expect(calls.length).toBeGreaterThan(20);
    expect(centralDifference((x) => x ** 3, 2, 1e-3)).toBeCloseTo(12 + 1e-6, 9);
  });
  claim("The tests of the cross-entropy's gradient, the softmax Jacobian, the sigmoid's slope and binary cross-entropy take the step, $10^{-5}$, and $r = 10^{-6}$ from one constant, `GRADIENT_CHECK` in `src/core/finiteDifference.ts`.", () => {
    expect([GRADIENT_CHECK.step, GRADIENT_CHECK.relativeTolerance]).toEqual([1e-5, 1e-6]);
    // expectGradientMatches is expectRelClose with GRADIENT_CHECK.relativeTolerance
    expect(coreTest('helpers.ts')).toContain('expectRelClose(analytic, numeric, GRADIENT_CHECK.relativeTolerance, atol)');
    for (const file of ['crossEntropyGrad.test.ts', 'jacobian.test.ts', 'sigmoid.test.ts', 'binaryCrossEntropy.test.ts']) {
      const source = coreTest(file);
      const differences = FINITE_DIFFERENCES.flatMap((name) => callArguments(source, name));
      expect(differences.length, file).toBeGreaterThan(0);
      for (const args of differences) expect(args[2], `${file}: ${args.join(', ')}`).toBe('GRADIENT_CHECK.step');
      // each estimate is compared by expectGradientMatches, one comparison per difference
      expect(callArguments(source, 'expectGradientMatches').length, file).toBe(differences.length);
    }
  });
  claim(String.raw`the backward pass's test keeps that $r$ but scales the step with each parameter $\theta$, $6 \times 10^{-6} \cdot \max(1, |\theta|)$, and the entropy's gradient is checked with a step of $10^{-7}$`, () => {
    const network = coreTest('network.test.ts');
    const differences = callArguments(network, 'numericalGradient');
    expect(differences.length).toBeGreaterThan(0);
    for (const args of differences) expect(args.length, args.join(', ')).toBe(2); // no step: the default
    expect(callArguments(network, 'expectGradientMatches').length).toBe(differences.length);
    // the default step, seen from inside f: x ± 6·10⁻⁶·max(1, |θ|), for small and large θ
    const theta = [0.25, -3, 250];
    const seen: number[][] = [];
    numericalGradient((v) => {
      seen.push(Array.from(v));
      return 0;
    }, theta);
    theta.forEach((t, i) => {
      const plus = seen[2 * i]?.[i] as number;
      expect(Math.abs(plus - t - 6e-6 * Math.max(1, Math.abs(t))) / (6e-6 * Math.max(1, Math.abs(t)))).toBeLessThan(1e-9);
    });
    // the entropy's gradient: numericalGradient(entropy, p, 1e-7)
    const entropy = callArguments(coreTest('information.test.ts'), 'numericalGradient').filter((args) => /=>\s*entropy\(/.test(args[0] ?? ''));
    expect(entropy.length).toBeGreaterThan(0);
    for (const args of entropy) expect(args[2]).toBe('1e-7');
  });
  claim('Each test sets its own $a$ to suit its function, mostly between $10^{-11}$ and $10^{-8}$.', () => {
    // every comparison of an estimate in tests/core: expectGradientMatches(…, a), or expectRelClose(…, numeric, r, a)
    const atols: string[] = [];
    for (const file of readdirSync(CORE_TESTS).filter((f) => f.endsWith('.test.ts'))) {
      const source = coreTest(file);
      for (const args of callArguments(source, 'expectGradientMatches')) atols.push(args[2] ?? '0');
      for (const args of callArguments(source, 'expectRelClose')) {
        if (args.some((a) => /\bnumeric\b/.test(a))) atols.push(args[3] ?? '0');
      }
    }
    expect(atols.length).toBeGreaterThan(15);
    const literal = atols.map(Number).filter((v) => Number.isFinite(v));
    const inRange = literal.filter((v) => v >= 1e-11 && v <= 1e-8);
    // mostly: at least three in four, and no literal above 10⁻⁸
    expect(inRange.length / atols.length).toBeGreaterThan(0.75);
    for (const v of literal) expect(v).toBeLessThanOrEqual(1e-8);
    // several different values: each test's own
    expect(new Set(inRange).size).toBeGreaterThanOrEqual(3);
  });
  claim(String.raw`The core's central difference also divides by the step actually taken, $(x + h) - (x - h)$, rather than by $2h$, which removes the small error of $x \pm h$ not being exactly representable.`, () => {
    // f(x) = x: the slope is 1 exactly; dividing by the step taken gives exactly 1, dividing by 2h does not
    const x = 3;
    const h = 1e-5;
    expect((x + h) - (x - h)).not.toBe(2 * h);
    expect(centralDifference((v) => v, x, h)).toBe(1);
    expect(((x + h) - (x - h)) / (2 * h)).not.toBe(1);
  });
  claim('Below, that check runs on $\\partial L/\\partial z_k$ at your logits, with the step and $r$ of `GRADIENT_CHECK` and its $a = 10^{-9}$:', () => {
    expect(GRADIENT_CHECK.absoluteTolerance).toBe(1e-9);
    for (const [z, y] of [[[2, 3, 4], [0, 1, 0]], [[1, -2, 0.5, 3], [0, 0, 1, 0]], [[-10, 0, 10], [0, 1, 0]]] as const) {
      toleranceChecks(z, y).forEach((row, k) => {
        const q = logitQuantity(z, y, k);
        expect(row.analytic).toBe(q.analytic);
        expect(row.estimate).toBe(centralDifference(q.f.float64, z[k] as number, 1e-5));
        expect(row.allowed).toBe(1e-6 * Math.max(Math.abs(row.analytic), Math.abs(row.estimate)) + 1e-9);
        expect(row.ok).toBe(Math.abs(row.analytic - row.estimate) <= row.allowed);
      });
    }
  });
  claim(String.raw`The step sits near $\sqrt[3]{\varepsilon_{64}}$, the bottom of the central V, where the estimate of a derivative of ordinary size is good to about 10 digits.`, () => {
    expect(decades(GRADIENT_CHECK.step, Math.cbrt(EPS64))).toBeLessThan(0.25);
    // the worked example's three entries (0.09 to 0.76): 10 to 11 digits here; a browser's log may lose one
    for (const row of toleranceChecks([2, 3, 4], [0, 1, 0])) {
      expect(row.relative).toBeGreaterThan(1e-13);
      expect(row.relative).toBeLessThan(1e-9);
    }
  });
  claim(String.raw`Set $\mathbf z = [-10, 0, 10]$ with $t = 2$: then $\partial L/\partial z_1 = p_1 \approx 2.1 \times 10^{-9}$, while the loss is about 10.`, () => {
    // by hand: p₁ = e⁻¹⁰/(e⁻¹⁰ + 1 + e¹⁰) ≈ e⁻²⁰; L = ln(e⁻¹⁰ + 1 + e¹⁰) − 0
    const p1 = Math.exp(-10) / (Math.exp(-10) + 1 + Math.exp(10));
    expect(Math.abs(p1 - 2.1e-9)).toBeLessThan(0.05e-9);
    const q = logitQuantity([-10, 0, 10], [0, 1, 0], 0);
    expect(q.analytic).toBeCloseTo(p1, 22);
    expect(Math.abs(q.value - 10)).toBeLessThan(1e-4);
  });
  claim(String.raw`Doubles near 10 are $1.8 \times 10^{-15}$ apart, so the central difference can only take values in steps of $1.8 \times 10^{-15}/(2 \times 10^{-5}) \approx 8.9 \times 10^{-11}$, and the nearest of them to $p_1$ is 0.9 % away: a relative tolerance alone would fail this correct formula. With $a = 10^{-9}$ it passes.`, () => {
    expect(nextDouble(10) - 10).toBe(2 ** -49);
    expect(Math.abs(2 ** -49 - 1.8e-15)).toBeLessThan(0.05e-15);
    const unit = 2 ** -49 / 2e-5;
    expect(Math.abs(unit - 8.9e-11)).toBeLessThan(0.05e-11);
    const p1 = Math.exp(-10) / (Math.exp(-10) + 1 + Math.exp(10));
    // both f(−10 ± h) lie in [8, 16): their difference is a whole number of 2⁻⁴⁹, whatever the rounding of exp and log
    const q = logitQuantity([-10, 0, 10], [0, 1, 0], 0);
    for (const v of [q.f.float64(-10 + 1e-5), q.f.float64(-10 - 1e-5)]) expect(v >= 8 && v < 16).toBe(true);
    const nearest = Math.min(...[22, 23, 24, 25].map((m) => Math.abs(m * unit - p1) / p1));
    expect(Math.abs(nearest - 0.009)).toBeLessThan(0.0005);
    const [row] = toleranceChecks([-10, 0, 10], [0, 1, 0]);
    const steps = ((row?.estimate ?? NaN) * ((-10 + 1e-5) - (-10 - 1e-5))) / 2 ** -49;
    expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
    expect(row?.relative).toBeGreaterThanOrEqual(nearest * 0.999);
    expect(row?.relativeOk).toBe(false);
    expect(row?.ok).toBe(true);
  });
  claim(String.raw`The price is that an entry smaller than a few times $10^{-9}$ is not really tested; a wrong formula (a missing factor of 2, a sign) still fails on every larger entry, and on entries of ordinary size by orders of magnitude.`, () => {
    let checks = 0;
    let untested = 0;
    for (const { z, y } of sliderGrid()) {
      const rows = toleranceChecks(z, y);
      const caught = Object.fromEntries(Object.keys(WRONG).map((w) => [w, false]));
      for (const row of rows) {
        checks++;
        // the correct formula is never flagged
        expect(row.ok, `z = [${z}], y = [${y}], k = ${row.k + 1}`).toBe(true);
        for (const [name, wrong] of Object.entries(WRONG)) {
          const value = wrong(row.analytic);
          const fails = !gradientCheckPasses(value, row.estimate);
          if (fails) caught[name] = true;
          const size = Math.abs(row.analytic);
          if (size > 3e-9) expect(fails, `${name} at z = [${z}], k = ${row.k + 1}, entry ${size}`).toBe(true);
          else if (!fails) untested++;
          if (size >= 0.01) expect(Math.abs(value - row.estimate) / (1e-6 * Math.max(Math.abs(value), Math.abs(row.estimate)) + 1e-9)).toBeGreaterThan(1000);
        }
      }
      // with one-hot labels every setting of the sliders has an entry large enough: each wrong formula is caught somewhere
      for (const [name, hit] of Object.entries(caught)) expect(hit, `${name} at z = [${z}], y = [${y}]`).toBe(true);
    }
    expect(checks).toBeGreaterThan(11_000);
    // and below a few times 10⁻⁹ wrong formulas do slip through: that is the price
    expect(untested).toBeGreaterThan(0);
  });

  // ── what to take away ──
  claim(String.raw`In float64 a step near $10^{-5}$, a relative tolerance near $10^{-6}$ and an absolute one near $10^{-9}$ (for entries near 0) make a reliable test`, () => {
    expect(GRADIENT_CHECK).toEqual({ step: 1e-5, relativeTolerance: 1e-6, absoluteTolerance: 1e-9 });
    // every weight of the chapter's network passes, zero gradients included, and every nonzero one fails when wrong
    for (const layer of ['w1', 'w2'] as const) {
      const { rows, cols } = layerSize(layer);
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const q = weightQuantity(layer, row, col);
          const estimate = centralDifference(q.f.float64, q.x, GRADIENT_CHECK.step);
          expect(gradientCheckPasses(q.analytic, estimate), q.name).toBe(true);
          if (q.analytic !== 0) for (const wrong of Object.values(WRONG)) expect(gradientCheckPasses(wrong(q.analytic), estimate), q.name).toBe(false);
        }
      }
    }
    // and so does the loss in every logit at every setting of the sliders (the sweep above)
    for (const { z, y } of sliderGrid()) for (const row of toleranceChecks(z, y)) expect(row.ok).toBe(true);
  });
});
