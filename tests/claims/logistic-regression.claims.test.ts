import { expect } from 'vitest';
import { logisticCostGrid } from '../../src/core/logisticCostGrid';
import { formatNumber } from '../../src/format/formatNumber';
import { COST_LEVELS, gridMinimum, levelsFor, lowestOnMapText, MAP_FOLLOW_MS, MAP_SPEC, outlineLevel, sublevelRings } from '../../src/chapters/logistic-regression/costMap';
import { curvatureAt, curvatureText } from '../../src/chapters/logistic-regression/logisticCurvature';
import { twoForms } from '../../src/chapters/logistic-regression/logisticFormula';
import { gaugeGeometry } from '../../src/chapters/logistic-regression/rateGaugeGeometry';
import {
  costRose,
  currentWeights,
  initialDescent,
  trainingData,
  descentReadout,
  descentReducer,
  MAX_STEPS,
  nextOnMap,
  presetPoints,
  RATE_LIMITS,
  RATE_SLIDER_STEP,
  RISE_TOLERANCE,
  rateFromSlider,
  rateOnSlider,
  stepCount,
  WEIGHT_LIMIT,
  type DescentAction,
  type DataPoint,
  type LogisticDescentState,
  type PresetName,
  type Weights,
} from '../../src/chapters/logistic-regression/logisticDescent';
import { add, big, div, exp, log, mul, neg, ONE, sub, toNumber } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 6, "Logistic regression". Every claim about the lab replays the lab's own pure logic
 * (descentReducer, descentReadout, curvatureAt, twoForms, nextOnMap) from the state the chapter describes, and
 * checks it against a reference computed here independently of src/core and the lab: plain float64 code
 * written below (its own sigmoid, cost, gradient, Hessian and gradient descent), Newton's method for the
 * minimum, closed-form eigenvalues of 2 × 2 and 3 × 3 symmetric matrices, and Gauss–Legendre quadrature.
 * The only thing both share is the input: the preset points.
 */

// ---------------------------------------------------------------------------------------------------
// The independent reference
// ---------------------------------------------------------------------------------------------------

type Vec = number[];
type Mat = number[][];

interface RefData {
  X: [number, number][];
  /** labels 0/1 */
  t: number[];
}
const refData = (points: readonly DataPoint[]): RefData => ({ X: points.map((p) => [p.x1, p.x2]), t: points.map((p) => p.t) });
const OVERLAPPING = refData(presetPoints('overlapping'));
const SEPARABLE = refData(presetPoints('separable'));

const sigma = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** ln(1 + e^u), written out without the core's softplus */
const lnOnePlusExp = (u: number) => (u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u)));
const zOf = (w: Vec, x: [number, number]) => w[0]! * x[0] + w[1]! * x[1] + w[2]!;
const tilde = (x: [number, number]): Vec => [x[0], x[1], 1];

function refCost(w: Vec, d: RefData): number {
  let sum = 0;
  d.X.forEach((x, n) => (sum += lnOnePlusExp(-(2 * d.t[n]! - 1) * zOf(w, x))));
  return sum / d.X.length;
}
function refGrad(w: Vec, d: RefData): Vec {
  const g = [0, 0, 0];
  d.X.forEach((x, n) => {
    const e = sigma(zOf(w, x)) - d.t[n]!;
    tilde(x).forEach((v, k) => (g[k]! += (e * v) / d.X.length));
  });
  return g;
}
function refHessian(w: Vec, d: RefData): Mat {
  const H = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  d.X.forEach((x) => {
    const s = sigma(zOf(w, x));
    const weight = s * (1 - s);
    const v = tilde(x);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) H[r]![c]! += (weight * v[r]! * v[c]!) / d.X.length;
  });
  return H;
}
const block2 = (H: Mat): Mat => [
  [H[0]![0]!, H[0]![1]!],
  [H[1]![0]!, H[1]![1]!],
];
/** Largest eigenvalue of a symmetric 2 × 2 or 3 × 3 matrix, in closed form (3 × 3: the trigonometric method). */
function refLambdaMax(A: Mat): number {
  if (A.length === 2) {
    const [a, b, c] = [A[0]![0]!, A[0]![1]!, A[1]![1]!];
    return (a + c) / 2 + Math.hypot((a - c) / 2, b);
  }
  const q = (A[0]![0]! + A[1]![1]! + A[2]![2]!) / 3;
  const p1 = A[0]![1]! ** 2 + A[0]![2]! ** 2 + A[1]![2]! ** 2;
  const p2 = (A[0]![0]! - q) ** 2 + (A[1]![1]! - q) ** 2 + (A[2]![2]! - q) ** 2 + 2 * p1;
  const p = Math.sqrt(p2 / 6);
  const B = A.map((row, r) => row.map((v, c) => (v - (r === c ? q : 0)) / p));
  const det =
    B[0]![0]! * (B[1]![1]! * B[2]![2]! - B[1]![2]! * B[2]![1]!) -
    B[0]![1]! * (B[1]![0]! * B[2]![2]! - B[1]![2]! * B[2]![0]!) +
    B[0]![2]! * (B[1]![0]! * B[2]![1]! - B[1]![1]! * B[2]![0]!);
  const phi = Math.acos(Math.min(1, Math.max(-1, det / 2))) / 3;
  return q + 2 * p * Math.cos(phi);
}
const refLambda = (w: Vec, d: RefData, bias: boolean) => refLambdaMax(bias ? refHessian(w, d) : block2(refHessian(w, d)));
/** Solve a small linear system by Gaussian elimination with partial pivoting. */
function solve(A: Mat, b: Vec): Vec {
  const n = b.length;
  const M = A.map((row, r) => [...row, b[r]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[pivot]![c]!)) pivot = r;
    [M[c], M[pivot]] = [M[pivot]!, M[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / M[r]![r]!;
  }
  return x;
}
/** The minimum of the cost by Newton's method from w = 0 (the overlapping points are not separable). */
function refMinimum(d: RefData, bias: boolean): Vec {
  let w = [0, 0, 0];
  for (let k = 0; k < 50; k++) {
    const g = refGrad(w, d);
    const H = refHessian(w, d);
    if (bias) {
      const step = solve(H, g);
      w = w.map((v, i) => v - step[i]!);
    } else {
      const step = solve(block2(H), [g[0]!, g[1]!]);
      w = [w[0]! - step[0]!, w[1]! - step[1]!, 0];
    }
  }
  return w;
}
/** Gradient descent written out here: every iterate, from `w0`, with b held when `bias` is false. */
function refDescent(d: RefData, w0: Vec, eta: number, steps: number, bias: boolean): Vec[] {
  const path = [w0];
  let w = w0;
  for (let k = 0; k < steps; k++) {
    const g = refGrad(w, d);
    w = [w[0]! - eta * g[0]!, w[1]! - eta * g[1]!, bias ? w[2]! - eta * g[2]! : w[2]!];
    path.push(w);
  }
  return path;
}
const refAccuracy = (w: Vec, d: RefData) => d.X.filter((x, n) => (zOf(w, x) >= 0) === (d.t[n] === 1)).length / d.X.length;
const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((v, k) => v - b[k]!));

const W_STAR = refMinimum(OVERLAPPING, true);
const W_STAR_NO_BIAS = refMinimum(OVERLAPPING, false);

// ---------------------------------------------------------------------------------------------------
// The lab, driven as a learner drives it
// ---------------------------------------------------------------------------------------------------

const run = (state: LogisticDescentState, ...actions: DescentAction[]) => actions.reduce(descentReducer, state);
const lab = (options: { preset?: PresetName; bias?: boolean; rate?: number; steps?: number } = {}) =>
  run(
    initialDescent(options.preset ?? 'overlapping'),
    { type: 'learnBias', on: options.bias ?? true },
    { type: 'rate', rate: options.rate ?? RATE_LIMITS.start },
    { type: 'step', steps: options.steps ?? 0 },
  );
/** Every rate the slider offers, in order. */
const SLIDER_RATES = Array.from({ length: Math.round((Math.log10(RATE_LIMITS.max) - Math.log10(RATE_LIMITS.min)) / RATE_SLIDER_STEP) + 1 }, (_, k) =>
  rateFromSlider(Math.log10(RATE_LIMITS.min) + k * RATE_SLIDER_STEP),
);
/** The indices i ≥ 1 (in the costs of `state`, from `from`) of steps that the status line counts as rises. */
const riseSteps = (state: LogisticDescentState, from = 1) => {
  const steps: number[] = [];
  for (let i = Math.max(1, from); i < state.costs.length; i++) if (costRose(state.costs[i - 1]!, state.costs[i]!)) steps.push(i);
  return steps;
};
/** The curvature readout's text at the lab's current weights. */
const readoutText = (state: LogisticDescentState) => curvatureText(state.rate, curvatureAt(state.points, currentWeights(state), state.learnBias)!, state.learnBias);
const shown = (v: number, digits: number) => formatNumber(v, digits);
/** The period of the path's last iterates (weights repeat to 10⁻⁹), or 0 if none up to `max`. */
function periodAtEnd(path: readonly Weights[], max: number): number {
  const end = path.length - 1;
  for (let p = 1; p <= max; p++) if (distance(path[end]!, path[end - p]!) < 1e-9) return p;
  return 0;
}
const offMap = (w: readonly number[]) => Math.abs(w[0]!) > WEIGHT_LIMIT || Math.abs(w[1]!) > WEIGHT_LIMIT;

/** Settle at η = 10 for `n0` steps, then go on at `rate` for `more` steps: the section's experiment. */
const settleThen = (n0: number, rate: number, more: number, bias = true) =>
  run(lab({ bias, rate: 10, steps: n0 }), { type: 'rate', rate }, { type: 'step', steps: more });


// ---------------------------------------------------------------------------------------------------
// The learner, section by section
// ---------------------------------------------------------------------------------------------------

/*
 * The chapter's numbers hold for the settings its sections tell the learner to set, whatever an earlier
 * section left behind. So each section's instructions are replayed here as the learner's actions, from
 * every state the earlier sections invite (a dragged point, a start pressed on the map, a corner, b
 * unticked, a large η, the separable points, a bounce), and must all end in the very same lab.
 */

const step = (steps: number): DescentAction => ({ type: 'step', steps });
const rate = (r: number): DescentAction => ({ type: 'rate', rate: r });
const preset = (name: PresetName): DescentAction => ({ type: 'preset', name });
const DEFAULTS: DescentAction = { type: 'defaults' };
const RESET: DescentAction = { type: 'reset' };
const bias = (on: boolean): DescentAction => ({ type: 'learnBias', on });
/** A "starting w" slider dragged from its value to `to`, through every 0.5 on the way, as the lab sees it. */
function slide(state: LogisticDescentState, k: 0 | 1, to: number): LogisticDescentState {
  let s = state;
  const from = s.start[k];
  const dir = Math.sign(to - from);
  for (let v = from + 0.5 * dir; dir !== 0 && (to - v) * dir >= -1e-9; v += 0.5 * dir) {
    s = descentReducer(s, { type: 'start', w1: k === 0 ? v : s.start[0], w2: k === 1 ? v : s.start[1] });
  }
  return s;
}
/** The learning-rate slider moved from η to `to` one position at a time, `playing` steps at each position. */
function slideRate(state: LogisticDescentState, to: number, playing = 0): LogisticDescentState {
  let s = state;
  let k = SLIDER_RATES.indexOf(rateOnSlider(s.rate));
  const end = SLIDER_RATES.indexOf(to);
  while (k !== end) {
    k += Math.sign(end - k);
    s = run(s, rate(SLIDER_RATES[k]!));
    if (playing > 0 && k !== end) s = run(s, step(playing));
  }
  return s;
}

/** States the learner may bring to a section. */
const LEFT_OVER: readonly (readonly [string, LogisticDescentState])[] = [
  ['the lab as the page opens', initialDescent()],
  [
    'after the lab section: Step, Play, a point dragged, one added, one deleted, a start pressed on the map',
    run(initialDescent(), step(3), step(300), { type: 'move', id: 4, x1: 2.3, x2: -1.7 }, { type: 'add', x1: -0.4, x2: 2.2, t: 0 }, { type: 'remove', id: 7 }, { type: 'start', w1: 1.37, w2: -2.71 }, step(20)),
  ],
  ['b unticked at η = 2 (the lab section invites it)', run(initialDescent(), bias(false), rate(2), step(40))],
  ['from the corner (6, 6) at η = 10', run(slide(slide(initialDescent(), 0, 6), 1, 6), rate(10), step(5000))],
  ['the separable points played out', run(initialDescent('separable'), step(5000))],
  ['bouncing at η = 28', run(initialDescent(), rate(28), step(5000))],
  ['wandering at η = 100 with b held at 0, the overlapping points reloaded', run(initialDescent('separable'), bias(false), rate(100), step(3000), preset('overlapping'))],
];

/** Two labs that show the same thing: points, start, η, b, path and costs (not the ids of the points). */
function expectSameLab(a: LogisticDescentState, b: LogisticDescentState, why: string) {
  expect(a.points.map((p) => [p.x1, p.x2, p.t]), why).toEqual(b.points.map((p) => [p.x1, p.x2, p.t]));
  expect([...a.start, a.rate, a.learnBias, a.runFrom], why).toEqual([...b.start, b.rate, b.learnBias, b.runFrom]);
  expect(a.path, why).toEqual(b.path);
  expect(a.costs, why).toEqual(b.costs);
}

/** "Press <preset> and Restore defaults", in either order, from every left-over state: one lab, returned. */
function pressPresetAndDefaults(name: PresetName): LogisticDescentState {
  const results = LEFT_OVER.flatMap(([why, s]) => [
    [why, run(s, preset(name), DEFAULTS)] as const,
    [`${why}, Restore defaults first`, run(s, DEFAULTS, preset(name))] as const,
  ]);
  const [, first] = results[0]!;
  for (const [why, s] of results) expectSameLab(s, first, why);
  // … and that lab is the preset at the chapter's settings: start (−4, 3), η = 0.5, b learned, step 0
  expect(first.start).toEqual([-4, 3, 0]);
  expect([first.rate, first.learnBias, first.path.length]).toEqual([0.5, true, 1]);
  expect(first.points.map((p) => [p.x1, p.x2, p.t])).toEqual(presetPoints(name).map((p) => [p.x1, p.x2, p.t]));
  return first;
}

/** The map the lab draws for `state` with its slice at b = `mapB` (the current b when paused). */
function mapOf(state: LogisticDescentState, mapB = currentWeights(state)[2]) {
  const { X, t } = trainingData(state.points);
  const grid = logisticCostGrid(X, t, mapB, MAP_SPEC);
  const levels = levelsFor(grid).map((level) => ({ level, rings: sublevelRings(grid, MAP_SPEC, level) }));
  return { X, t, grid, levels, minimum: gridMinimum(grid, MAP_SPEC)! };
}
/** A ring closes on the map when none of it runs into the map's edge (|w₁|, |w₂| < 6). */
const closesOnMap = (ring: readonly (readonly [number, number])[]) => ring.every(([a, b]) => Math.abs(a) < WEIGHT_LIMIT && Math.abs(b) < WEIGHT_LIMIT);
/** Distance from a point to a closed polyline. */
function distanceToRing(p: readonly [number, number], ring: readonly (readonly [number, number])[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const d = [b[0] - a[0], b[1] - a[1]];
    const len2 = d[0]! ** 2 + d[1]! ** 2;
    const s = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * d[0]! + (p[1] - a[1]) * d[1]!) / len2));
    best = Math.min(best, Math.hypot(p[0] - a[0] - s * d[0]!, p[1] - a[1] - s * d[1]!));
  }
  return best;
}
/** The map's grid spacing in w₁ and w₂: 12/55 ≈ 0.218. */
const SPACING = (MAP_SPEC.w1Max - MAP_SPEC.w1Min) / (MAP_SPEC.nx - 1);
/** The steps of a 5000-step path at which the tests look at the map: all of the first 100, then every 25th. */
const MAP_STEPS = [...Array.from({ length: 100 }, (_, k) => k), ...Array.from({ length: 197 }, (_, k) => 100 + 25 * k)];

describeClaims('logistic-regression', (claim) => {
  // ---- Introduction: the model and its line ----

  claim('The vector $(w_1, w_2)$ is perpendicular to it and points to the class-1 side', () => {
    const w = [2, -1, 0.5];
    // two points on the line z = 0 and a step from the line along (w₁, w₂)
    const p = [0, 0.5];
    const q = [1, 2.5];
    expect(zOf(w, p as [number, number])).toBe(0);
    expect(zOf(w, q as [number, number])).toBe(0);
    expect((q[0]! - p[0]!) * w[0]! + (q[1]! - p[1]!) * w[1]!).toBe(0);
    expect(zOf(w, [p[0]! + 0.1 * w[0]!, p[1]! + 0.1 * w[1]!])).toBeGreaterThan(0);
  });

  claim('making the weights larger, all by the same factor, leaves the line where it is but makes $\\hat y$ change faster across it', () => {
    const w = [1, 1, -0.5];
    const across = (c: number) => sigma(zOf([c * w[0]!, c * w[1]!, c * w[2]!], [0.3, 0.3])) - sigma(zOf([c * w[0]!, c * w[1]!, c * w[2]!], [0.2, 0.2]));
    // (0.25, 0.25) is on the line for any factor c
    for (const c of [1, 3, 10]) expect(zOf([c, c, -0.5 * c], [0.25, 0.25])).toBe(0);
    expect(across(3)).toBeGreaterThan(2.5 * across(1));
  });

  // ---- The cost ----

  claim('grows without limit, roughly like $|z_n|$, when it is confidently on the wrong one', () => {
    // the wrong-side term of a class-1 point is −ln σ(z) = ln(1 + e^{−z}), z → −∞
    for (const z of [-10, -30, -100]) expect(-Math.log(sigma(z)) / Math.abs(z)).toBeGreaterThan(0.99995 ** (100 / Math.abs(z)) - 1e-4);
    expect(-Math.log(sigma(-100)) - 100).toBeLessThan(1e-40);
  });

  claim('It is the same function, not an approximation.', () => {
    // both forms to 60 digits: −[t ln σ(z) + (1 − t) ln(1 − σ(z))] and ln(1 + e^{−sz}), s = 2t − 1
    for (const z of [-30, -4, -0.5, 0, 0.7, 5, 30])
      for (const t of [0, 1]) {
        const s = big(2 * t - 1);
        const sig = div(ONE, add(ONE, exp(neg(big(z)))));
        const zeroOne = neg(add(mul(big(t), log(sig)), mul(big(1 - t), log(sub(ONE, sig)))));
        const plusMinus = log(add(ONE, exp(neg(mul(s, big(z))))));
        const gap = toNumber(sub(zeroOne, plusMinus));
        expect(Math.abs(gap)).toBeLessThan(1e-40 * Math.max(1, Math.abs(toNumber(plusMinus))));
      }
  });

  claim('the check under the formulas finds them exactly equal, at every step and for any points you place', () => {
    // along paths at rates from 0.02 to 100, with b learned and not, on both presets …
    for (const preset of ['overlapping', 'separable'] as const)
      for (const bias of [true, false])
        for (const rate of [0.02, 0.5, 10, 28, 100]) {
          let state = lab({ preset, bias, rate });
          for (let k = 0; k <= 300; k++) {
            const f = twoForms(state);
            expect(f.plusMinusCost, `${preset}, b ${bias}, η ${rate}, step ${k}`).toBe(f.readout.cost);
            state = descentReducer(state, { type: 'step', steps: 1 });
          }
        }
    // … and on point sets placed anywhere on the plot
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 6 - 3;
    for (let trial = 0; trial < 50; trial++) {
      let state = initialDescent();
      for (let k = 0; k < 10; k++) state = run(state, { type: 'add', x1: next(), x2: next(), t: k % 2 === 0 ? 0 : 1 });
      state = run(state, { type: 'start', w1: 2 * next(), w2: 2 * next() }, { type: 'step', steps: 20 });
      const f = twoForms(state);
      expect(f.plusMinusCost).toBe(f.readout.cost);
    }
  });

  // ---- The gradient ----

  claim('which is $\\sigma(z_n) - 1$ for class 1 and $\\sigma(z_n)$ for class 0', () => {
    for (const z of [-5, -0.3, 0, 2, 8]) {
      expect(-(+1) * sigma(-(+1) * z)).toBeCloseTo(sigma(z) - 1, 15);
      expect(-(-1) * sigma(-(-1) * z)).toBeCloseTo(sigma(z), 15);
    }
  });

  claim('the size of its pull, $|\\sigma(z_n) - t_n| = \\sigma(-s_n z_n)$, grows from 0 towards 1 as its margin falls from far positive to far negative', () => {
    const margins = Array.from({ length: 41 }, (_, k) => 20 - k);
    const pull = margins.map((u) => sigma(-u));
    for (let k = 1; k < pull.length; k++) expect(pull[k]).toBeGreaterThan(pull[k - 1]!);
    expect(pull[0]).toBeLessThan(1e-8);
    expect(pull.at(-1)).toBeGreaterThan(1 - 1e-8);
  });

  // ---- Gradient descent on the cost surface ----

  claim('therefore changes the cost by about $-\\eta\\,\\lVert \\nabla L(\\mathbf w) \\rVert^2$', () => {
    const w = [-4, 3, 0];
    const g = refGrad(w, OVERLAPPING);
    const norm2 = g.reduce((s, v) => s + v * v, 0);
    const ratio = (eta: number) => (refCost(w.map((v, k) => v - eta * g[k]!), OVERLAPPING) - refCost(w, OVERLAPPING)) / (-eta * norm2);
    expect(Math.abs(ratio(1e-4) - 1)).toBeLessThan(1e-3);
    expect(Math.abs(ratio(1e-3) - 1)).toBeLessThan(1e-2);
  });

  claim('each step of the path leaves the contour through its starting point at a right angle', () => {
    // the step in (w₁, w₂) is parallel to the slope of the slice at fixed b, from central differences of the cost
    let state = lab();
    for (let k = 0; k < 30; k++) {
      const w = currentWeights(state);
      const h = 1e-6;
      const slope = [0, 1].map((i) => {
        const up = [...w];
        const down = [...w];
        up[i]! += h;
        down[i]! -= h;
        return (refCost(up, OVERLAPPING) - refCost(down, OVERLAPPING)) / (2 * h);
      });
      state = descentReducer(state, { type: 'step', steps: 1 });
      const next = currentWeights(state);
      const step = [next[0] - w[0], next[1] - w[1]];
      // the step is −η × the slope, so its cross product with the slope (its component along the contour) vanishes
      const along = (step[0]! * slope[1]! - step[1]! * slope[0]!) / (Math.hypot(step[0]!, step[1]!) * Math.hypot(slope[0]!, slope[1]!));
      expect(Math.abs(along)).toBeLessThan(1e-6);
      expect(step[0]! * slope[0]! + step[1]! * slope[1]!).toBeLessThan(0);
    }
  });

  claim('Untick "learn the bias" to hold $b$ at 0: then the map is the whole landscape, and the path runs on it exactly.', () => {
    const state = lab({ bias: false, steps: 300 });
    for (const w of state.path) expect(w[2]).toBe(0);
  });

  claim('each outline joins weights of equal cost, and the bluer the map, the lower the cost', () => {
    // the map paints one translucent layer of the accent blue for each level at or above the cost there:
    // over the grid, the layers a sample gets never increase with its cost, and they differ between samples
    const state = lab({ steps: 300 });
    const map = mapOf(state);
    const layers = (c: number) => map.levels.filter((l) => c <= l.level).length;
    const order = Array.from(map.grid).sort((a, b) => a - b);
    for (let i = 1; i < order.length; i++) expect(layers(order[i]!)).toBeLessThanOrEqual(layers(order[i - 1]!));
    expect(layers(order[0]!)).toBe(map.levels.length);
    expect(layers(order.at(-1)!)).toBe(0);
    // and every ring is a level set: the reference cost at its vertices inside the map is its level (to interpolation)
    const b = currentWeights(state)[2];
    for (const { level, rings } of map.levels)
      for (const [a, c] of rings[0]!.filter(([a, c]) => Math.abs(a) < WEIGHT_LIMIT && Math.abs(c) < WEIGHT_LIMIT))
        expect(Math.abs(refCost([a, c, b], OVERLAPPING) - level) / level, `level ${level}`).toBeLessThan(0.05);
  });

  claim('The slice itself shifts as $b$ learns, by less than 0.04 a step at $\\eta = 0.5$, and the map follows it (while the path plays, five times a second).', () => {
    // the lab as it opens, η = 0.5: b's step, in the lab and in the reference descent
    const state = lab({ steps: 5000 });
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 0.5, 5000, true);
    const shifts = state.path.slice(1).map((w, k) => Math.abs(w[2] - state.path[k]![2]));
    const refShifts = ref.slice(1).map((w, k) => Math.abs(w[2]! - ref[k]![2]!));
    expect(Math.max(...shifts)).toBeLessThan(0.04);
    expect(Math.abs(Math.max(...shifts) - Math.max(...refShifts))).toBeLessThan(1e-9);
    // a real shift, not a bound on nothing: b travels from 0 to the bottom's 1.158, over 0.03 in its largest step
    expect(Math.max(...refShifts)).toBeGreaterThan(0.03);
    expect(shown(ref[5000]![2]!, 3)).toBe(shown(W_STAR[2]!, 3));
    // five times a second: the map's slice is refreshed at most every 200 ms while playing
    expect(1000 / MAP_FOLLOW_MS).toBe(5);
  });

  claim('The outlined contour is the one through the current point (when the path is paused, at the cost the status line shows)', () => {
    // Paused, the slice is at the current b: the outline's level is the status line's cost, and its ring
    // passes through the current point, to the contour's linear interpolation on the 0.22 grid: closely
    // where the cost has some slope on the grid, within a cell where the point sits in the slice's
    // lowest cells (there the outline is a small ring about the point, or none at all when the point's
    // cost is below every sample of the grid).
    let state = lab();
    for (let k = 0; k <= 300; k++) {
      const w = currentWeights(state);
      const map = mapOf(state);
      const level = outlineLevel(map.X, map.t, w, w[2]);
      expect(level).toBe(descentReadout(state).cost);
      expect(level).toBeCloseTo(refCost([...w], OVERLAPPING), 14);
      if (Math.abs(w[0]) < WEIGHT_LIMIT - SPACING && Math.abs(w[1]) < WEIGHT_LIMIT - SPACING) {
        const rings = sublevelRings(map.grid, MAP_SPEC, level);
        if (rings.length === 0) expect(level, `step ${k}`).toBeLessThan(map.minimum.cost);
        else {
          const d = Math.min(...rings.map((r) => distanceToRing([w[0], w[1]], r)));
          expect(d, `step ${k}`).toBeLessThan(SPACING);
          if (level > map.minimum.cost + 0.05) expect(d, `step ${k}`).toBeLessThan(0.05 * SPACING);
        }
      }
      state = descentReducer(state, step(1));
    }
    // While playing, the slice may be a few steps behind b. In the η = 28 bounce b jumps 1.61 ↔ 0.76 every
    // step: with the slice one step behind, the outline at the point's cost on that slice passes through the
    // point, where one at the status line's cost would pass far from it.
    const bouncing = lab({ rate: 28, steps: 5000 });
    for (const [now, before] of [[5000, 4999], [4999, 5000]] as const) {
      const w = bouncing.path[now]!;
      const staleB = bouncing.path[before]![2];
      const map = mapOf(bouncing, staleB);
      const near = (level: number) => Math.min(...sublevelRings(map.grid, MAP_SPEC, level).map((r) => distanceToRing([w[0], w[1]], r)));
      const drawn = near(outlineLevel(map.X, map.t, w, staleB));
      const statusLevel = near(bouncing.costs[now]!);
      expect(drawn).toBeLessThan(SPACING);
      expect(statusLevel).toBeGreaterThan(3 * drawn);
      expect(statusLevel).toBeGreaterThan(0.1);
    }
  });

  claim('where the line points the wrong way (only 35% of the points are on their own side)', () => {
    expect(refAccuracy([-4, 3, 0], OVERLAPPING)).toBe(7 / 20);
    expect(descentReadout(initialDescent()).accuracy).toBe(0.35);
    // the wrong way: (−4, 3) is more than 90° from the best line's (w₁, w₂)
    expect(-4 * W_STAR[0]! + 3 * W_STAR[1]!).toBeLessThan(0);
  });

  claim('the short segment ahead of it is where the next step will land', () => {
    let state = lab({ rate: 2 });
    for (let k = 0; k < 20; k++) {
      const drawn = nextOnMap(state.rate, descentReadout(state));
      state = descentReducer(state, { type: 'step', steps: 1 });
      expect([...drawn]).toEqual(currentWeights(state).slice(0, 2));
    }
  });

  claim('With the overlapping points and $\\eta = 0.5$, the cost after 300 steps has settled near 0.177 with 90% of the points right', () => {
    const state = lab({ steps: 300 });
    const readout = descentReadout(state);
    expect(Math.abs(readout.cost - 0.177)).toBeLessThan(0.0005);
    expect(readout.accuracy).toBe(0.9);
    // settled near 0.177: from step 300 on, however long it runs, the cost stays within ±0.0005 of it
    const longer = lab({ steps: 5000 });
    for (const c of longer.costs.slice(300)) expect(Math.abs(c - 0.177)).toBeLessThan(0.0005);
    // and well away from where it began, 3.46
    expect(longer.costs[0]).toBeGreaterThan(3);
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 0.5, 300, true);
    expect(Math.abs(refCost(ref[300]!, OVERLAPPING) - readout.cost)).toBeLessThan(1e-12);
    // and it is near the bottom's 0.1766, not at some other level
    expect(Math.abs(refCost(W_STAR, OVERLAPPING) - 0.1766)).toBeLessThan(0.00005);
  });

  claim('two of the twenty points sit on the wrong side of the best line', () => {
    expect(OVERLAPPING.X).toHaveLength(20);
    expect(Math.round(20 * (1 - refAccuracy(W_STAR, OVERLAPPING)))).toBe(2);
    // the gradient vanishes there: it is the best line
    expect(Math.hypot(...refGrad(W_STAR, OVERLAPPING))).toBeLessThan(1e-12);
  });

  claim('the path starts again from the current weights, on the new landscape', () => {
    const stepped = lab({ steps: 5 });
    const moved = run(stepped, { type: 'move', id: 3, x1: 1, x2: 1 });
    expect(moved.path).toHaveLength(1);
    expect(distance(moved.path[0]!, currentWeights(stepped))).toBeLessThan(1e-6);
    expect(moved.costs[0]).toBeCloseTo(refCost([...moved.path[0]!], refData(moved.points)), 13);
  });


  claim('load and when to press Restore defaults, which puts back the start $(-4, 3)$, $\\eta = 0.5$ and the learning of $b$ (the points stay)', () => {
    for (const [why, s] of LEFT_OVER) {
      const after = run(s, DEFAULTS);
      expect(after.start, why).toEqual([-4, 3, 0]);
      expect([after.rate, after.learnBias], why).toEqual([0.5, true]);
      // the path starts again there, and the points are the ones the learner had
      expect(after.path, why).toEqual([[-4, 3, 0]]);
      expect(after.points, why).toEqual(s.points);
      expect(after.costs[0], why).toBeCloseTo(refCost([-4, 3, 0], refData(s.points)), 13);
    }
  });

  // ---- One bowl: the cost is convex ----

  claim('so it is positive semidefinite everywhere', () => {
    let seed = 3;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 20 - 10;
    for (let k = 0; k < 200; k++) {
      const H = refHessian([next(), next(), next()], OVERLAPPING);
      // every principal minor ≥ 0 (to rounding), the test for semidefiniteness
      const det2 = (a: number, b: number) => H[a]![a]! * H[b]![b]! - H[a]![b]! ** 2;
      for (let i = 0; i < 3; i++) expect(H[i]![i]!).toBeGreaterThanOrEqual(0);
      for (const [a, b] of [[0, 1], [0, 2], [1, 2]]) expect(det2(a!, b!)).toBeGreaterThanOrEqual(-1e-15);
    }
  });

  // the section's instructions, replayed from whatever the lab section left
  const BOWL = () => pressPresetAndDefaults('overlapping');

  claim('So the outlines on the map are nested one inside the next, never around two separate basins.', () => {
    // each drawn level is one region (a sublevel set of a convex function is convex, so connected), and a
    // lower level's region lies inside a higher one's: every vertex of the lower ring on the map has a cost
    // below the higher level. However the points lie: the overlapping points and the separable ones.
    for (const state of [run(BOWL(), step(5000)), run(pressPresetAndDefaults('separable'), step(5000))]) {
      const data = refData(state.points);
      for (const k of MAP_STEPS.filter((k) => k % 5 === 0)) {
        const b = state.path[k]![2];
        const map = mapOf(state, b);
        for (const { level, rings } of map.levels) expect(rings, `step ${k}, level ${level}`).toHaveLength(1);
        for (let i = 1; i < map.levels.length; i++)
          for (const [a, c] of map.levels[i - 1]!.rings[0]!.filter(([a, c]) => Math.abs(a) <= WEIGHT_LIMIT && Math.abs(c) <= WEIGHT_LIMIT))
            expect(refCost([a, c, b], data), `step ${k}`).toBeLessThan(map.levels[i]!.level);
      }
    }
  });

  claim('Press Overlapping classes and Restore defaults, then Play, and the map shows this at every step: the innermost outline closes around the lowest region, and the outer ones close too, if not on the map then beyond its edge.', () => {
    const state = run(BOWL(), step(5000));
    let openOnes = 0;
    for (const k of MAP_STEPS) {
      const b = state.path[k]![2];
      const map = mapOf(state, b);
      // the innermost outline closes on the map, around the map's lowest sample
      const inner = map.levels[0]!.rings;
      expect(inner, `step ${k}`).toHaveLength(1);
      expect(closesOnMap(inner[0]!), `step ${k}`).toBe(true);
      expect(map.minimum.onEdge, `step ${k}`).toBe(false);
      openOnes += map.levels.slice(1).filter((l) => !closesOnMap(l.rings[0]!)).length;
      // every level drawn (8 at most) closes within a circle of radius 400 about the origin: on that circle the
      // cost is above 8 everywhere, and a convex region that holds the lowest point and no point of the circle
      // lies inside it. 7200 samples 0.35 apart, and the cost changes by at most max‖x̃_n‖ ≈ 3.3 per unit
      // of w, so between samples it stays above the sampled minimum less 1.2.
      if (k % 50 === 0) {
        let least = Infinity;
        for (let a = 0; a < 7200; a++) {
          const angle = (a * Math.PI) / 3600;
          least = Math.min(least, refCost([400 * Math.cos(angle), 400 * Math.sin(angle), b], OVERLAPPING));
        }
        expect(least - 1.2, `step ${k}`).toBeGreaterThan(COST_LEVELS.at(-1)!);
      }
    }
    // and most of the outer ones do run into the map's edge: they close beyond it
    expect(openOnes).toBeGreaterThan(MAP_STEPS.length * 8);
  });

  claim('It is also why every start you choose ends in the same place: set the "starting $w$" sliders to each corner of the map, $(\\pm 6, \\pm 6)$, in turn, and press Play. At $\\eta = 0.5$ the slowest corner, $(6, 6)$, takes about 1300 steps to get there; at $\\eta = 10$ each takes fewer than 70.', () => {
    const corners = [[-6, -6], [-6, 6], [6, -6], [6, 6]] as const;
    // "there": the status line's weights (three decimals) are the bottom's, and stay so
    const bottom = W_STAR.map((v) => shown(v, 3)).join();
    const arrival = (path: readonly (readonly number[])[]) => {
      const labels = path.map((w) => w.map((v) => shown(v, 3)).join());
      expect(labels.at(-1)).toBe(bottom);
      let k = labels.length - 1;
      while (k > 0 && labels[k - 1] === bottom) k--;
      return k;
    };
    const steps = (eta: number) =>
      corners.map((corner) => {
        // the learner sets η and drags the two sliders, in either order, then plays
        const viaSliders = run(slide(slide(run(BOWL(), rate(eta)), 0, corner[0]), 1, corner[1]), step(5000));
        const rateLast = run(slide(slide(BOWL(), 0, corner[0]), 1, corner[1]), rate(eta), step(5000));
        expectSameLab(rateLast, viaSliders, `η ${eta} from ${corner}`);
        const k = arrival(viaSliders.path);
        // the reference descent from the corner arrives at the same step
        expect(arrival(refDescent(OVERLAPPING, [corner[0], corner[1], 0], eta, 5000, true)), `η ${eta} from ${corner}`).toBe(k);
        return k;
      });
    const slow = steps(0.5);
    const fast = steps(10);
    // the slowest at η = 0.5 is (6, 6), though it is the nearest corner to the bottom
    const slowest = slow.indexOf(Math.max(...slow));
    expect(corners[slowest]).toEqual([6, 6]);
    expect(slow[slowest]).toBeGreaterThanOrEqual(1250);
    expect(slow[slowest]).toBeLessThanOrEqual(1350);
    // and not by a hair: every other corner is there at least 150 steps sooner
    for (const [i, k] of slow.entries()) if (i !== slowest) expect(k).toBeLessThan(slow[slowest]! - 150);
    const dist = corners.map((c) => distance([c[0], c[1], 0], W_STAR));
    expect(dist.indexOf(Math.min(...dist))).toBe(slowest);
    for (const k of fast) expect(k).toBeLessThan(70);
  });

  claim('it is largest, ¼, for a point on the line, and fades fast as the point\'s $|z_n|$ grows', () => {
    expect(sigma(0) * (1 - sigma(0))).toBe(0.25);
    const weights = [0, 1, 2, 4, 8].map((z) => sigma(z) * sigma(-z));
    for (let k = 1; k < weights.length; k++) expect(weights[k]).toBeLessThan(weights[k - 1]!);
    expect(weights.at(-1)).toBeLessThan(0.0004);
  });

  // ---- Separable classes ----

  const SEPARATED = () => pressPresetAndDefaults('separable');

  claim('Press Separable classes and Restore defaults. Now some line puts every point on its own side', () => {
    const state = SEPARATED();
    // x₁ + x₂ = 0 is such a line
    SEPARABLE.X.forEach((x, n) => expect((2 * SEPARABLE.t[n]! - 1) * (x[0] + x[1])).toBeGreaterThan(0));
    expect(state.points).toHaveLength(16);
  });

  claim('No outline closes now, however far the map might reach: each opens out towards the top right, where the cost falls towards 0 along the direction $(1, 1)$, and the caption says the lowest cost on the map is on its edge, at $(6.0, 6.0)$.', () => {
    const state = run(SEPARATED(), step(5000));
    for (const k of MAP_STEPS) {
      const b = state.path[k]![2];
      const map = mapOf(state, b);
      for (const { level, rings } of map.levels)
        for (const ring of rings) {
          expect(closesOnMap(ring), `step ${k}, level ${level}`).toBe(false);
          // it runs out through the top or the right edge
          expect(Math.max(...ring.map(([a, c]) => Math.max(a, c))), `step ${k}, level ${level}`).toBeGreaterThanOrEqual(WEIGHT_LIMIT);
        }
      // the caption, and where the lowest sample really is: the reference cost over the same grid
      expect(lowestOnMapText(map.minimum), `step ${k}`).toBe('the lowest cost on the map is on its edge, at (6.0, 6.0)');
      let lowest = { cost: Infinity, at: [0, 0] };
      for (let i = 0; i < MAP_SPEC.nx; i++)
        for (let j = 0; j < MAP_SPEC.ny; j++) {
          const w = [-6 + (12 * i) / 55, -6 + (12 * j) / 55, b];
          const c = refCost(w, SEPARABLE);
          if (c < lowest.cost) lowest = { cost: c, at: [w[0]!, w[1]!] };
        }
      expect(lowest.at, `step ${k}`).toEqual([6, 6]);
      // however far: from any point, along (1, 1) every margin grows (s_n (x₁ + x₂) > 0), so the cost falls
      // towards 0 below every level, and no region {cost ≤ level} is bounded
      let previous = Infinity;
      for (const s of [0, 10, 100, 1000]) {
        const c = refCost([-6 + s, 6 + s, b], SEPARABLE);
        expect(c).toBeLessThan(previous);
        previous = c;
      }
      expect(previous).toBeLessThan(1e-100);
    }
  });

  claim('accuracy reaches 100% at step 10 and stays there', () => {
    const state = run(SEPARATED(), step(5000));
    const accuracies = state.path.map((w) => refAccuracy([...w], SEPARABLE));
    expect(accuracies.findIndex((a) => a === 1)).toBe(10);
    expect(accuracies.slice(10).every((a) => a === 1)).toBe(true);
    // the status line's accuracy, at step 9 and step 10
    expect(descentReadout(run(SEPARATED(), step(9))).accuracy).toBeLessThan(1);
    expect(descentReadout(run(SEPARATED(), step(10))).accuracy).toBe(1);
  });

  claim('The cost falls at every step, the weights keep growing, and $\\hat y$ creeps towards exactly 0 or 1 on every point.', () => {
    const state = run(SEPARATED(), step(5000));
    for (let k = 1; k <= 5000; k++) expect(state.costs[k]! < state.costs[k - 1]!, `step ${k}`).toBe(true);
    const norm = (k: number) => Math.hypot(...state.path[k]!);
    for (let k = 11; k <= 5000; k++) expect(norm(k) > norm(k - 1), `step ${k}`).toBe(true);
    const worst = (k: number) => Math.max(...SEPARABLE.X.map((x, n) => Math.abs(sigma(zOf([...state.path[k]!], x)) - SEPARABLE.t[n]!)));
    expect(worst(100)).toBeLessThan(worst(10));
    expect(worst(1000)).toBeLessThan(worst(100));
    expect(worst(5000)).toBeLessThan(0.001);
  });

  /*
   * Gradient descent on the logistic cost of separable points turns, in direction, towards the hard-margin
   * support vector machine of its weights, min ‖w‖² subject to s_n w·x̃_n ≥ 1 (Soudry, Hoffer, Nacson,
   * Gunasekar and Srebro, "The implicit bias of gradient descent on separable data", JMLR 2018). Here x̃
   * includes the 1 of b, so b counts in ‖w‖. The solution is checked below by its optimality conditions;
   * the turning itself is far too slow (like 1/ln t) to watch the path arrive.
   */
  const SVM = [4 / 9, 4 / 9, 1 / 15];
  const angleOf = (w: readonly number[]) => (Math.atan2(w[1]!, w[0]!) * 180) / Math.PI;

  claim('The line keeps turning too, more slowly as it goes, towards the line of maximum margin: the one whose smallest margin $s_n z_n$ is the largest that weights of a given length $\\lVert \\mathbf w \\rVert$ can give, $b$ counted in that length. Here it is the line $x_1 + x_2 = -0.15$.', () => {
    // (4/9, 4/9, 1/15) is the SVM: every margin ≥ 1, four equal to 1, and w = Σ α_n s_n x̃_n over those four
    // with every α_n ≥ 0 (the Karush–Kuhn–Tucker conditions, sufficient for this convex problem)
    const margins = SEPARABLE.X.map((x, n) => (2 * SEPARABLE.t[n]! - 1) * zOf(SVM, x));
    const support = margins.flatMap((u, n) => (Math.abs(u - 1) < 1e-12 ? [n] : []));
    expect(support).toHaveLength(4);
    for (const u of margins) expect(u).toBeGreaterThan(1 - 1e-12);
    const columns = support.map((n) => tilde(SEPARABLE.X[n]!).map((v) => (2 * SEPARABLE.t[n]! - 1) * v));
    // four vectors in 3-d: one α may be set to 0; some choice gives all α ≥ 0
    const solutions = support.map((_, drop) => {
      const kept = columns.filter((__, i) => i !== drop);
      return solve([0, 1, 2].map((r) => kept.map((c) => c[r]!)), SVM);
    });
    expect(solutions.some((alpha) => alpha.every((a) => a >= -1e-12))).toBe(true);
    // by brute force over directions on the sphere, no unit w has a larger smallest margin (to 0.1°)
    const best = { margin: -Infinity, w: [0, 0, 0] };
    for (let i = 0; i < 720; i++)
      for (let j = -180; j <= 180; j++) {
        const [th, ph] = [(i * Math.PI) / 360, (j * Math.PI) / 360];
        const u = [Math.cos(ph) * Math.cos(th), Math.cos(ph) * Math.sin(th), Math.sin(ph)];
        const m = Math.min(...SEPARABLE.X.map((x, n) => (2 * SEPARABLE.t[n]! - 1) * zOf(u, x)));
        if (m > best.margin) Object.assign(best, { margin: m, w: u });
      }
    const svmNorm = Math.hypot(...SVM);
    expect(best.margin).toBeLessThanOrEqual(1 / svmNorm + 1e-12);
    expect(best.margin).toBeGreaterThan(0.999 / svmNorm);
    // the line: (4/9) x₁ + (4/9) x₂ + 1/15 = 0, that is x₁ + x₂ = −0.15, its (w₁, w₂) at 45°
    expect(shown(-SVM[2]! / SVM[0]!, 2)).toBe('−0.15');
    expect(angleOf(SVM)).toBeCloseTo(45, 12);
    // the lab's line turns towards it: the angle of (w₁, w₂) falls at every step from step 10, always above
    // 45°, and the angle between w and the SVM's direction in (w₁, w₂, b) shrinks too
    const state = run(SEPARATED(), step(5000));
    const ref = refDescent(SEPARABLE, [-4, 3, 0], 0.5, 5000, true);
    const to = (w: readonly number[]) => Math.acos(w.reduce((s, v, k) => s + v * SVM[k]!, 0) / (Math.hypot(...w) * svmNorm));
    for (let k = 11; k <= 5000; k++) {
      expect(angleOf(state.path[k]!) < angleOf(state.path[k - 1]!), `step ${k}`).toBe(true);
      expect(angleOf(state.path[k]!)).toBeGreaterThan(45);
      expect(to(state.path[k]!) < to(state.path[k - 1]!), `step ${k}`).toBe(true);
      expect(Math.abs(angleOf(state.path[k]!) - angleOf(ref[k]!))).toBeLessThan(1e-9);
    }
    // more slowly as it goes: degrees per step over 10–100, 100–1000, 1000–5000
    const turned = [10, 100, 1000, 5000].map((k) => angleOf(state.path[k]!));
    const perStep = [0, 1, 2].map((i) => (turned[i]! - turned[i + 1]!) / ([90, 900, 4000][i] as number));
    expect(perStep[1]).toBeLessThan(perStep[0]! / 5);
    expect(perStep[2]).toBeLessThan(perStep[1]! / 5);
    // still far from 45° at the lab's last step: the slow turn the chapter describes, not an arrival
    expect(shown(turned[3]!, 1)).toBe('77.4');
  });

  claim('(Leave $b$ out of the length and you get the line that leaves the widest gap between the two classes, turned 1.3° from this one.)', () => {
    // the widest gap, by brute force over directions u of (w₁, w₂): the gap between the classes' projections
    let widest = { gap: -Infinity, angle: 0 };
    for (let k = 0; k < 360 * 200; k++) {
      const angle = k / 200;
      const u = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
      const proj = SEPARABLE.X.map((x) => u[0]! * x[0] + u[1]! * x[1]);
      const gap = Math.min(...proj.filter((_, n) => SEPARABLE.t[n] === 1)) - Math.max(...proj.filter((_, n) => SEPARABLE.t[n] === 0));
      if (gap > widest.gap) widest = { gap, angle };
    }
    // the SVM with b free (min w₁² + w₂²) is the widest gap's line: 46.27°, 1.3° from the 45° above
    expect(widest.angle).toBeCloseTo(46.27, 1);
    expect(shown(widest.angle - angleOf(SVM), 1)).toBe('1.3');
    // its gap is wider than the 45° line's (by far more than rounding), so the two lines really differ
    const gapAt = (deg: number) => {
      const u = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
      const proj = SEPARABLE.X.map((x) => u[0]! * x[0] + u[1]! * x[1]);
      return Math.min(...proj.filter((_, n) => SEPARABLE.t[n] === 1)) - Math.max(...proj.filter((_, n) => SEPARABLE.t[n] === 0));
    };
    expect(widest.gap - gapAt(45)).toBeGreaterThan(5e-4);
  });

  claim('$2/\\lambda_{\\max}$ is 8.52 at step 10, 94.3 at step 100 and 5045 at step 5000', () => {
    const state = run(SEPARATED(), step(5000));
    const ref = refDescent(SEPARABLE, [-4, 3, 0], 0.5, 5000, true);
    for (const [k, text] of [[10, '8.52'], [100, '94.3'], [5000, '5045']] as const) {
      const labThreshold = curvatureAt(state.points, state.path[k]!, true)!.threshold;
      const refThreshold = 2 / refLambda(ref[k]!, SEPARABLE, true);
      expect(Math.abs(labThreshold - refThreshold) / refThreshold).toBeLessThan(1e-9);
      expect(formatNumber(refThreshold, k === 10 ? 2 : k === 100 ? 1 : 0)).toBe(text);
      expect(readoutText(run(SEPARATED(), step(k)))).toContain(`2/λmax = ${text}.`);
    }
  });

  // ---- A learning rate too large: the quadratic model ----

  claim('every step multiplies the error by the same factor $1 - \\eta\\lambda$', () => {
    // on the real cost, close to the bottom: start a tiny ε along H's top eigenvector, take one lab step
    const H = refHessian(W_STAR, OVERLAPPING);
    const lambda = refLambdaMax(H);
    // the top eigenvector: a null vector of H − λI, by power iteration on H
    let v = [1, 1, 1];
    for (let k = 0; k < 500; k++) {
      const Hv = H.map((row) => row.reduce((s, a, j) => s + a * v[j]!, 0));
      const n = Math.hypot(...Hv);
      v = Hv.map((x) => x / n);
    }
    for (const eta of [5, 15, 24, 27]) {
      const eps = 1e-5;
      const w = W_STAR.map((x, k) => x + eps * v[k]!);
      const next = refDescent(OVERLAPPING, w, eta, 1, true)[1]!;
      const factor = next.reduce((s, x, k) => s + (x - W_STAR[k]!) * v[k]!, 0) / eps;
      expect(Math.abs(factor - (1 - eta * lambda))).toBeLessThan(1e-4);
    }
  });

  claim('gradient descent can settle at the bottom only if $\\eta < 2/\\lambda_{\\max}$', () => {
    const threshold = 2 / refLambda(W_STAR, OVERLAPPING, true);
    // from the bottom (to the link's six decimals), one slider position below the threshold stays, one above leaves
    const below = settleThen(300, 25, 2000);
    const above = settleThen(300, 28, 2000);
    expect(25).toBeLessThan(threshold);
    expect(28).toBeGreaterThan(threshold);
    expect(distance(currentWeights(below), W_STAR)).toBeLessThan(1e-6);
    expect(distance(currentWeights(above), W_STAR)).toBeGreaterThan(0.1);
  });

  // ---- A learning rate too large: the lab ----

  claim('and the slider is shaded beyond each', () => {
    // The gauge under the slider, at the bottom (1/λmax = 12.6, 2/λmax = 25.1) and at the start (2.36, 4.73):
    // where the slider's thumb sits for each rate it offers, computed here from the range input's own
    // geometry (its centre runs 8 px inside each end of the track, linear in log₁₀ η), falls in the
    // zigzag band exactly when 1/λmax < η < 2/λmax and in the other band exactly when η > 2/λmax.
    for (const w of [W_STAR, [-4, 3, 0]]) {
      const curvature = curvatureAt(presetPoints('overlapping'), w as unknown as Weights, true)!;
      const lambda = refLambda(w, OVERLAPPING, true);
      for (const width of [300, 520, 800]) {
        const gauge = gaugeGeometry(RATE_LIMITS.min, RATE_LIMITS.max, curvature, width);
        const thumb = (eta: number) => 8 + ((Math.log10(eta) + 2) / 4) * (width - 16);
        const inBand = (x: number, band: { x: number; width: number } | null) => band !== null && x > band.x + 1e-9 && x < band.x + band.width - 1e-9;
        for (const eta of SLIDER_RATES) {
          if (Math.abs(eta * lambda - 1) < 1e-3 || Math.abs(eta * lambda - 2) < 1e-3) continue;
          expect(inBand(thumb(eta), gauge.zigzag), `η ${eta}`).toBe(eta > 1 / lambda && eta < 2 / lambda);
          expect(inBand(thumb(eta), gauge.over) || (eta === RATE_LIMITS.max && eta > 2 / lambda), `η ${eta}`).toBe(eta > 2 / lambda);
        }
        // and the bands end where the thumb stands at 1/λmax and 2/λmax
        expect(gauge.zigzag!.x).toBeCloseTo(thumb(1 / lambda), 9);
        expect(gauge.over!.x).toBeCloseTo(thumb(2 / lambda), 9);
        expect(gauge.over!.x + gauge.over!.width).toBeCloseTo(thumb(RATE_LIMITS.max), 9);
      }
    }
  });

  // the section's instructions, replayed from whatever the separable section left
  const TOO_LARGE = () => pressPresetAndDefaults('overlapping');

  claim('Press Overlapping classes and Restore defaults: at the start $(-4, 3)$ the readout shows $\\lambda_{\\max} = 0.4230$', () => {
    expect(shown(refLambda([-4, 3, 0], OVERLAPPING, true), 4)).toBe('0.4230');
    expect(readoutText(TOO_LARGE())).toContain('λmax = 0.4230 ');
    // not what the separable points (which the learner has just left) give at (−4, 3)
    expect(shown(refLambda([-4, 3, 0], SEPARABLE, true), 4)).not.toBe('0.4230');
  });

  /** Set η = 10 and play `n0` steps: where the next paragraph begins. */
  const settled = (n0: number) => run(slideRate(TOO_LARGE(), 10), step(n0));

  claim('Set $\\eta = 10$ and press Play: by step 80 the path has settled, and the readout shows $\\lambda_{\\max} = 0.0795$, so $2/\\lambda_{\\max} = 25.1$.', () => {
    const lambda = refLambda(W_STAR, OVERLAPPING, true);
    expect(shown(lambda, 4)).toBe('0.0795');
    expect(shown(2 / lambda, 1)).toBe('25.1');
    // the slider dragged from 0.5 to 10, or set straight to 10: the same run
    const state = settled(5000);
    expectSameLab(state, run(TOO_LARGE(), rate(10), step(5000)), 'η set at once');
    const texts = state.path.map((w) => curvatureText(10, curvatureAt(state.points, w, true)!, true));
    expect(texts[80]).toContain('λmax = 0.0795 ');
    expect(texts[80]).toContain('2/λmax = 25.1.');
    // settled: from step 80 on neither the readout nor the status line's cost changes
    expect(texts.slice(80).every((t) => t === texts[80])).toBe(true);
    expect(new Set(state.costs.slice(80).map((c) => shown(c, 4)))).toEqual(new Set([shown(refCost(W_STAR, OVERLAPPING), 4)]));
  });

  /**
   * The ways a learner moves the slider up from the settled path: paused or playing, straight on or
   * lingering at 25, after any number of steps at η = 10. Each is the lab just before the change to 28
   * (its step count is where "the change" happens).
   */
  type Route = readonly [string, LogisticDescentState];
  let routes: readonly Route[] | null = null;
  const ROUTES = (): readonly Route[] => (routes ??= [80, 100, 300, 1000].flatMap((n0): Route[] => [
    [`${n0} steps at 10, paused, dragged to 25`, slideRate(settled(n0), 25)] as const,
    [`${n0} steps at 10, dragged to 25 while playing (3 steps a position)`, slideRate(settled(n0), 25, 3)] as const,
    [`${n0} steps at 10, then 200 steps at 25`, run(slideRate(settled(n0), 25), step(200))] as const,
    [`${n0} steps at 10, then 1500 steps at 25`, run(slideRate(settled(n0), 25), step(1500))] as const,
  ]).concat([81, 84].flatMap((n0): Route[] => [
    // a pause just after step 80 and a few steps at 25: the slowest routes to the first counted rise (36 steps)
    [`${n0} steps at 10, paused, dragged to 25`, slideRate(settled(n0), 25)] as const,
    [`${n0} steps at 10, then 2 steps at 25`, run(slideRate(settled(n0), 25), step(2))] as const,
    [`${n0} steps at 10, then 3 steps at 25`, run(slideRate(settled(n0), 25), step(3))] as const,
  ])));

  claim('At $\\eta = 25$, just below 25.1, it stays at the bottom.', () => {
    for (const [why, before] of ROUTES()) {
      const n0 = stepCount(before);
      const state = run(before, step(MAX_STEPS - n0));
      const since = state.path.slice(n0);
      expect(riseSteps(state, n0 + 1), why).toEqual([]);
      const found = distance(since[0]!, W_STAR);
      for (const w of since) expect(distance(w, W_STAR), why).toBeLessThanOrEqual(found + 1e-9);
      expect(distance(currentWeights(state), W_STAR), why).toBeLessThan(1e-9);
    }
  });

  claim('At $\\eta = 28$, one position further, it leaves: within about 40 steps the status line starts counting steps that raised the cost (it counts rises of more than $10^{-12}$, its allowance for rounding; at first they are far too small for the cost\'s four decimals, which read 0.1766 until more than 50 steps after the change), the path zigzags out of the bottom in ever wider swings, and about 100 steps after the change it is bouncing between two points, $(2.63, 1.48)$ and $(2.08, 1.04)$ on the map, with costs 0.1911 and 0.1848 where the bottom\'s is 0.1766.', () => {
    // one position further: the slider's next rate after 25
    expect(SLIDER_RATES[SLIDER_RATES.indexOf(25) + 1]).toBe(28);
    // the bounce itself, from the reference descent from the start: two points that map onto each other
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 28, 5000, true);
    const [a, b] = [ref[4999]!, ref[5000]!];
    expect(distance(refDescent(OVERLAPPING, b, 28, 2, true)[2]!, b)).toBeLessThan(1e-12);
    const ends = [a, b].map((w) => `(${shown(w[0]!, 2)}, ${shown(w[1]!, 2)})`).sort();
    expect(ends).toEqual(['(2.08, 1.04)', '(2.63, 1.48)']);
    // each point with its own cost, in the order the sentence names them
    const costOf = new Map([a, b].map((w) => [`(${shown(w[0]!, 2)}, ${shown(w[1]!, 2)})`, shown(refCost(w, OVERLAPPING), 4)]));
    expect([costOf.get('(2.63, 1.48)'), costOf.get('(2.08, 1.04)')]).toEqual(['0.1911', '0.1848']);
    expect(shown(refCost(W_STAR, OVERLAPPING), 4)).toBe('0.1766');
    // what the status line counts, at these costs (below 1): a rise of more than 10⁻¹², not 10⁻¹³ more
    expect(RISE_TOLERANCE).toBe(1e-12);
    expect([costRose(0.1766, 0.1766 + 1.01e-12), costRose(0.1766, 0.1766 + 0.99e-12)]).toEqual([true, false]);
    const label = (w: readonly number[]) => w.map((v) => shown(v, 3)).join();
    for (const [why, before] of ROUTES()) {
      const n0 = stepCount(before);
      const state = run(before, rate(28), step(1000));
      // the cost rises before the count starts (rounding first, then a real rise growing step by step), by less than 10⁻¹²
      const firstReal = state.costs.slice(n0).findIndex((c, i, cs) => i > 0 && c > cs[i - 1]!);
      expect(state.costs[n0 + firstReal]! - state.costs[n0 + firstReal - 1]!, why).toBeLessThan(1e-12);
      const rises = riseSteps(state, n0 + 1).map((i) => i - n0);
      expect(rises[0], why).toBeLessThanOrEqual(40);
      // the counted rises start while the cost still reads 0.1766, and it reads so past step 50 after the change
      const firstShown = state.costs.slice(n0).findIndex((c) => shown(c, 4) !== '0.1766');
      expect(firstShown, why).toBeGreaterThan(50);
      expect(firstShown - rises[0]!, why).toBeGreaterThan(10);
      // … though they are real: the first counted one is a rise in the reference cost of the same weights too
      const k = n0 + rises[0]!;
      expect(refCost([...state.path[k]!], OVERLAPPING) - refCost([...state.path[k - 1]!], OVERLAPPING), why).toBeGreaterThan(5e-13);
      // bouncing: from about 100 steps after the change on, the status line's weights are a's or b's
      const bouncing = (j: number) => [label(a), label(b)].includes(label(state.path[n0 + j]!));
      let from = 1000;
      while (from > 0 && bouncing(from - 1)) from--;
      expect(from, why).toBeGreaterThanOrEqual(80);
      expect(from, why).toBeLessThanOrEqual(120);
      // zigzags out in ever wider swings: each step in (w₁, w₂) turns back on the one before, and they lengthen
      const swing = (j: number) => distance(state.path[n0 + j]!.slice(0, 2), state.path[n0 + j - 1]!.slice(0, 2));
      for (let j = rises[0]! + 1; j < from - 30; j++) {
        const p = state.path;
        const d1 = [p[n0 + j]![0] - p[n0 + j - 1]![0], p[n0 + j]![1] - p[n0 + j - 1]![1]];
        const d0 = [p[n0 + j - 1]![0] - p[n0 + j - 2]![0], p[n0 + j - 1]![1] - p[n0 + j - 2]![1]];
        expect(d1[0]! * d0[0]! + d1[1]! * d0[1]!, `${why}, step ${j}`).toBeLessThan(0);
        expect(swing(j + 2)).toBeGreaterThan(swing(j));
      }
    }
  });

  claim('The bias jumps too, between 0.76 and 1.61, so the map shows a different slice at each.', () => {
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 28, 5000, true);
    // the end at (2.63, 1.48) has b = 0.76, the one at (2.08, 1.04) b = 1.61
    const ends = [ref[4999]!, ref[5000]!].map((w) => `${shown(w[0]!, 2)},${shown(w[1]!, 2)}: ${shown(w[2]!, 2)}`).sort();
    expect(ends).toEqual(['2.08,1.04: 1.61', '2.63,1.48: 0.76']);
    // in the lab, by each route, and what the map's caption says when paused at each end
    for (const [why, before] of ROUTES().slice(0, 4)) {
      const state = run(before, rate(28), step(1000));
      const n = stepCount(state);
      const caps = [n - 1, n].map((k) => shown(state.path[k]![2], 2)).sort();
      expect(caps, why).toEqual(['0.76', '1.61']);
      // two different slices: the map at one end is not the map at the other
      const [m1, m2] = [n - 1, n].map((k) => mapOf(state, state.path[k]![2]).grid);
      expect(Math.max(...m1!.map((v, i) => Math.abs(v - m2![i]!)))).toBeGreaterThan(0.1);
    }
  });

  claim('Every second step raises the cost, for as long as you let it run. But the path does not diverge.', () => {
    for (const [why, before] of ROUTES()) {
      const n0 = stepCount(before);
      const state = run(before, rate(28), step(MAX_STEPS - n0));
      const rises = new Set(riseSteps(state, n0 + 150));
      for (let i = n0 + 151; i < state.costs.length; i++) expect(rises.has(i), `${why}, step ${i}`).toBe(!rises.has(i - 1));
      for (const w of state.path.slice(n0)) expect(distance(w, W_STAR)).toBeLessThan(1);
    }
  });

  claim('the cost\'s average curvature along the segment from $\\mathbf a$ to $\\mathbf b$, in its direction, is exactly $2/\\eta$, here $2/28 = 0.0714$, below the bottom\'s 0.0795', () => {
    const state = lab({ rate: 28, steps: 5000 });
    const a = [...state.path[4999]!];
    const b = [...state.path[5000]!];
    const d = b.map((v, k) => v - a[k]!);
    // ∫₀¹ H(a + s·d) ds by 20-point Gauss–Legendre (nodes and weights by Newton on P₂₀)
    const nodes: [number, number][] = [];
    const N = 20;
    for (let i = 1; i <= N; i++) {
      let x = Math.cos((Math.PI * (i - 0.25)) / (N + 0.5));
      let dp = 0;
      for (let it = 0; it < 100; it++) {
        let p0 = 1;
        let p1 = x;
        for (let k = 2; k <= N; k++) [p0, p1] = [p1, ((2 * k - 1) * x * p1 - (k - 1) * p0) / k];
        dp = (N * (x * p1 - p0)) / (x * x - 1);
        x -= p1 / dp;
      }
      nodes.push([(x + 1) / 2, 1 / ((1 - x * x) * dp * dp)]);
    }
    const mean = [0, 1, 2].map(() => [0, 0, 0]);
    for (const [s, weight] of nodes) {
      const H = refHessian(a.map((v, k) => v + s * d[k]!), OVERLAPPING);
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) mean[r]![c]! += weight * H[r]![c]!;
    }
    const Hd = mean.map((row) => row.reduce((acc, v, j) => acc + v * d[j]!, 0));
    // H̄·d = (2/η)·d: d is an eigenvector of the average Hessian, with eigenvalue 2/η
    Hd.forEach((v, k) => expect(v / d[k]!).toBeCloseTo(2 / 28, 10));
    expect(shown(2 / 28, 4)).toBe('0.0714');
    expect(2 / 28).toBeLessThan(refLambda(W_STAR, OVERLAPPING, true));
  });

  claim('While the path bounces, the readout shows the curvature at each end in turn, $\\lambda_{\\max} = 0.1133$ and $0.0493$', () => {
    const refs = [4999, 5000].map((k) => shown(refLambda([...refDescent(OVERLAPPING, [-4, 3, 0], 28, 5000, true)[k]!], OVERLAPPING, true), 4)).sort();
    expect(refs).toEqual(['0.0493', '0.1133']);
    for (const [why, before] of ROUTES().slice(0, 4)) {
      const state = run(before, rate(28), step(1000));
      const n = stepCount(state);
      const texts = [n - 1, n].map((k) => curvatureText(28, curvatureAt(state.points, state.path[k]!, true)!, true));
      expect(texts.map((t) => /λmax = (\S+) /.exec(t)?.[1]).sort(), why).toEqual(refs);
    }
  });

  /** Where the bounce leaves the learner, by the first route; "Press Reset" follows. */
  const BOUNCING = () => run(ROUTES()[0]![1], rate(28), step(1000));

  claim('Press Reset: from the start $(-4, 3)$ the same threshold holds: at every rate on the slider up to $\\eta = 25$ no step raises the cost (press Reset after each change of $\\eta$), and at 28 it ends in the same bounce, its first rise at step 53', () => {
    const reset = run(BOUNCING(), RESET);
    expect(reset.path).toEqual([[-4, 3, 0]]);
    for (const r of SLIDER_RATES.filter((v) => v <= 25)) {
      // η set after Reset or before it: the same run
      const state = run(reset, rate(r), step(5000));
      expectSameLab(state, run(BOUNCING(), rate(r), RESET, step(5000)), `η ${r}`);
      expect(riseSteps(state), `η ${r}`).toEqual([]);
    }
    const state = run(reset, step(5000));
    expect(state.rate).toBe(28);
    expect(riseSteps(state)[0]).toBe(53);
    // the reference descent agrees: its first rise beyond rounding is at step 53 too
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 28, 60, true).map((w) => refCost(w, OVERLAPPING));
    expect(ref.findIndex((c, i) => i > 0 && c - ref[i - 1]! > 1e-12)).toBe(53);
    const ends = [4999, 5000].map((k) => `(${shown(state.path[k]![0], 2)}, ${shown(state.path[k]![1], 2)})`).sort();
    expect(ends).toEqual(['(2.08, 1.04)', '(2.63, 1.48)']);
  });

  claim('(From $\\eta = 7.1$ up, the first step carries the path off the map, for the cost is steep at the start; it walks back in.)', () => {
    for (const r of SLIDER_RATES) {
      const state = run(BOUNCING(), rate(r), RESET, step(2000));
      expect(offMap(state.path[1]!), `η ${r}`).toBe(r >= 7.1);
      if (r >= 7.1) expect(state.path.slice(2).some((w) => !offMap(w)), `η ${r}`).toBe(true);
    }
  });

  /** "Untick learn the bias": from the bounce the learner has just reset, at η = 28. */
  const UNTICKED = () => run(BOUNCING(), RESET, step(5000), bias(false));

  claim('Untick "learn the bias": the path starts again from $(-4, 3)$ with $b$ held at 0, on a different bowl. At $\\eta = 28$ it now settles at the bottom, where the readout shows $\\lambda_{\\max} = 0.0626$, so $2/\\lambda_{\\max} = 32.0$.', () => {
    const unticked = UNTICKED();
    expect(unticked.path).toEqual([[-4, 3, 0]]);
    expect([unticked.rate, unticked.learnBias]).toEqual([28, false]);
    const lambda = refLambda(W_STAR_NO_BIAS, OVERLAPPING, false);
    expect(shown(lambda, 4)).toBe('0.0626');
    expect(shown(2 / lambda, 1)).toBe('32.0');
    // a different bowl: its bottom is not the one with b learned
    expect(distance(W_STAR_NO_BIAS, W_STAR)).toBeGreaterThan(1);
    const state = run(unticked, step(5000));
    expect(readoutText(state)).toContain('λmax = 0.0626 ');
    expect(readoutText(state)).toContain('2/λmax = 32.0.');
    expect(riseSteps(state)).toEqual([]);
    expect(distance(currentWeights(state), W_STAR_NO_BIAS)).toBeLessThan(1e-9);
  });

  claim('Press Reset and Play at $\\eta = 32$, and it ends in a small bounce, 0.08 wide, that the cost barely shows: both ends cost 0.2061 to four decimals, the bottom 0.2060. The count of rises gives it away.', () => {
    const settledNoBias = run(UNTICKED(), step(5000));
    // Reset then η = 32, or η = 32 (the path going on from the bottom for a while) then Reset: one run
    const state = run(settledNoBias, RESET, rate(32), step(5000));
    expectSameLab(state, run(settledNoBias, rate(32), step(300), RESET, step(5000)), 'η first');
    expect(periodAtEnd(state.path, 10)).toBe(2);
    const [a, b] = [state.path[4999]!, state.path[5000]!];
    expect(shown(distance(a, b), 2)).toBe('0.08');
    expect([a, b].map((w) => shown(refCost([...w], OVERLAPPING), 4))).toEqual(['0.2061', '0.2061']);
    expect(shown(refCost(W_STAR_NO_BIAS, OVERLAPPING), 4)).toBe('0.2060');
    // … whose difference from the bottom is real, not rounding: half a unit of the fourth decimal
    expect(refCost([...a], OVERLAPPING) - refCost(W_STAR_NO_BIAS, OVERLAPPING)).toBeGreaterThan(4e-5);
    // the count of rises: every second step, and the status line says so
    const late = new Set(riseSteps(state, 4000));
    for (let i = 4001; i <= 5000; i++) expect(late.has(i)).toBe(!late.has(i - 1));
    expect(descentReadout(state).rises).toBeGreaterThan(2000);
    expect(distance(currentWeights(state), W_STAR_NO_BIAS)).toBeGreaterThan(0.03);
  });

  /** "Tick learn the bias again", from the small bounce, and η set, then Reset, then Play. */
  const larger = (r: number) => {
    const before = run(UNTICKED(), RESET, rate(32), step(5000), bias(true));
    expect(before.path).toEqual([[-4, 3, 0]]);
    return run(before, rate(r), RESET, step(5000));
  };

  claim('Tick "learn the bias" again (the path starts again from $(-4, 3)$) and try them, pressing Reset after each change of $\\eta$. Up to $\\eta = 45$ the path ends bouncing between two points, further apart the larger $\\eta$; at $\\eta = 50$ it repeats only every 32 steps', () => {
    const rates = SLIDER_RATES.filter((r) => r >= 28 && r <= 45);
    expect(rates).toEqual([28, 32, 35, 40, 45]);
    const widths = rates.map((r) => {
      const state = larger(r);
      expect(periodAtEnd(state.path, 400), `η ${r}`).toBe(2);
      // the reference descent ends in the same two points
      const ref = refDescent(OVERLAPPING, [-4, 3, 0], r, 5000, true);
      expect(distance(ref[5000]!, state.path[5000]!), `η ${r}`).toBeLessThan(1e-6);
      return distance(state.path[4999]!, state.path[5000]!);
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1]!);
    // the one slider position between 45 and 56
    expect(SLIDER_RATES.filter((r) => r > 45 && r < 56)).toEqual([50]);
    const fifty = larger(50);
    expect(periodAtEnd(fifty.path, 1000)).toBe(32);
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 50, 5000, true);
    expect(distance(ref[5000]!, ref[5000 - 32]!)).toBeLessThan(1e-9);
    for (let p = 1; p < 32; p++) expect(distance(ref[5000]!, ref[5000 - p]!)).toBeGreaterThan(1e-3);
  });

  claim('from $\\eta = 56$ up it never settles into a repeating pattern, wandering about the valley and off the map while the cost rises and falls', () => {
    for (const r of SLIDER_RATES.filter((v) => v >= 56)) {
      const state = larger(r);
      // no period up to 1000 steps in the last 3000 (of the lab's 5000)
      expect(periodAtEnd(state.path, 1000), `η ${r}`).toBe(0);
      const late = state.path.slice(2000);
      expect(late.filter(offMap).length / late.length, `η ${r}`).toBeGreaterThan(0.2);
      expect(late.some((w) => !offMap(w)), `η ${r}`).toBe(true);
      expect(riseSteps(state, 2000).length, `η ${r}`).toBeGreaterThan(500);
    }
  });

  claim('so the path stays within a distance of it that grows with $\\eta$', () => {
    // a step is at most η·max‖∇L‖, and ‖∇L‖ ≤ max ‖x̃_n‖ (|σ − t| ≤ 1)
    const longest = Math.max(...OVERLAPPING.X.map((x) => Math.hypot(...tilde(x))));
    const farthest = SLIDER_RATES.map((r) => {
      const state = lab({ rate: r, steps: 5000 });
      for (let k = 1; k < state.path.length; k++) expect(distance(state.path[k]!, state.path[k - 1]!)).toBeLessThanOrEqual(r * longest);
      return Math.max(...state.path.map((w) => distance(w, W_STAR)));
    });
    SLIDER_RATES.forEach((r, i) => expect(farthest[i], `η ${r}`).toBeLessThanOrEqual(1.5 * r + 7));
    expect(farthest.at(-1)).toBeGreaterThan(farthest[SLIDER_RATES.indexOf(28)]!);
  });

  claim('Too small a rate is the opposite trouble: after 100 steps from $(-4, 3)$ at $\\eta = 0.02$ the cost is still above 1, where $\\eta = 0.5$ has brought it below 0.3 in as many', () => {
    // from where the larger rates left the learner (η = 100, b learned), η set, then Reset
    const from = larger(100);
    const slow = descentReadout(run(from, rate(0.02), RESET, step(100))).cost;
    const fast = descentReadout(run(from, rate(0.5), RESET, step(100))).cost;
    expect(slow).toBeGreaterThan(1.1);
    expect(fast).toBeLessThan(0.25);
    expect(Math.abs(slow - refCost(refDescent(OVERLAPPING, [-4, 3, 0], 0.02, 100, true)[100]!, OVERLAPPING))).toBeLessThan(1e-12);
    expect(Math.abs(fast - refCost(refDescent(OVERLAPPING, [-4, 3, 0], 0.5, 100, true)[100]!, OVERLAPPING))).toBeLessThan(1e-12);
  });

  // ---- What to take away ----

  claim('the path zigzags once $\\eta > 1/\\lambda_{\\max}$ and cannot settle once $\\eta > 2/\\lambda_{\\max}$', () => {
    const lambda = refLambda(W_STAR, OVERLAPPING, true);
    // a small error along the top eigenvector flips sign each step just above 1/λmax, and not just below
    const H = refHessian(W_STAR, OVERLAPPING);
    let v = [1, 1, 1];
    for (let k = 0; k < 500; k++) {
      const Hv = H.map((row) => row.reduce((s, a, j) => s + a * v[j]!, 0));
      const n = Math.hypot(...Hv);
      v = Hv.map((x) => x / n);
    }
    const along = (eta: number) => {
      const w = W_STAR.map((x, k) => x + 1e-5 * v[k]!);
      return refDescent(OVERLAPPING, w, eta, 1, true)[1]!.reduce((s, x, k) => s + (x - W_STAR[k]!) * v[k]!, 0);
    };
    expect(along(0.95 / lambda)).toBeGreaterThan(0);
    expect(along(1.05 / lambda)).toBeLessThan(0);
    expect(distance(currentWeights(settleThen(300, 28, 2000)), W_STAR)).toBeGreaterThan(0.1);
  });

  claim('On this cost it then bounces or wanders, but does not diverge, because away from the bottom its walls curve less.', () => {
    // every slider rate above the bottom's 2/λmax, from the start: none settles, none runs off
    const threshold = 2 / refLambda(W_STAR, OVERLAPPING, true);
    for (const r of SLIDER_RATES.filter((v) => v > threshold)) {
      const state = lab({ rate: r, steps: 5000 });
      const period = periodAtEnd(state.path, 1000);
      expect(period === 0 || period >= 2, `η ${r}`).toBe(true);
      expect(distance(currentWeights(state), W_STAR), `η ${r}`).toBeGreaterThan(0.01);
      // no divergence: the second half of the run goes no farther out than the first half did
      const far = (from: number, to: number) => Math.max(...state.path.slice(from, to).map((w) => distance(w, W_STAR)));
      expect(far(2500, 5001), `η ${r}`).toBeLessThanOrEqual(far(0, 2500) + 1e-9);
      expect(Number.isFinite(descentReadout(state).cost)).toBe(true);
    }
    // the walls curve less away from the bottom: out along the bottom's own direction λmax fades to nothing …
    const bottom = refLambda(W_STAR, OVERLAPPING, true);
    const out = [1, 2, 5, 10, 20].map((R) => refLambda(W_STAR.map((v) => R * v), OVERLAPPING, true));
    for (let i = 1; i < out.length; i++) expect(out[i]).toBeLessThan(out[i - 1]!);
    expect(out[3]).toBeLessThan(1e-3 * bottom);
    // … and where the path wanders (η ≥ 45), the curvature it meets is on average below the bottom's
    for (const r of SLIDER_RATES.filter((v) => v >= 45)) {
      const late = lab({ rate: r, steps: 5000 }).path.slice(2000);
      const mean = late.reduce((s, w) => s + refLambda([...w], OVERLAPPING, true), 0) / late.length;
      expect(mean, `η ${r}`).toBeLessThan(bottom);
    }
  });
});
