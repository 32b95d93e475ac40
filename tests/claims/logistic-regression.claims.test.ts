import { expect } from 'vitest';
import { logisticCostGrid } from '../../src/core/logisticCostGrid';
import { formatNumber } from '../../src/format/formatNumber';
import { gridMinimum, MAP_SPEC } from '../../src/widgets/logistic/costMap';
import { curvatureAt, curvatureText } from '../../src/widgets/logistic/logisticCurvature';
import { twoForms } from '../../src/widgets/logistic/logisticFormula';
import {
  costRose,
  currentWeights,
  initialLab,
  labData,
  labReadout,
  labReducer,
  nextOnMap,
  presetPoints,
  RATE_LIMITS,
  RATE_SLIDER_STEP,
  rateFromSlider,
  WEIGHT_LIMIT,
  type LabAction,
  type LabPoint,
  type LogisticLabState,
  type PresetName,
  type Weights,
} from '../../src/widgets/logistic/logisticLab';
import { add, big, div, exp, log, mul, neg, ONE, sub, toNumber } from '../core/reference/bigFloat';
import { describeClaims } from './chapterClaims';

/*
 * Chapter 6, "Logistic regression". Every claim about the lab replays the lab's own pure logic
 * (labReducer, labReadout, curvatureAt, twoForms, nextOnMap) from the state the chapter describes, and
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
const refData = (points: readonly LabPoint[]): RefData => ({ X: points.map((p) => [p.x1, p.x2]), t: points.map((p) => p.t) });
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

const run = (state: LogisticLabState, ...actions: LabAction[]) => actions.reduce(labReducer, state);
const lab = (options: { preset?: PresetName; bias?: boolean; rate?: number; steps?: number } = {}) =>
  run(
    initialLab(options.preset ?? 'overlapping'),
    { type: 'learnBias', on: options.bias ?? true },
    { type: 'rate', rate: options.rate ?? RATE_LIMITS.start },
    { type: 'step', steps: options.steps ?? 0 },
  );
/** Every rate the slider offers, in order. */
const SLIDER_RATES = Array.from({ length: Math.round((Math.log10(RATE_LIMITS.max) - Math.log10(RATE_LIMITS.min)) / RATE_SLIDER_STEP) + 1 }, (_, k) =>
  rateFromSlider(Math.log10(RATE_LIMITS.min) + k * RATE_SLIDER_STEP),
);
/** The indices i ≥ 1 (in the costs of `state`, from `from`) of steps that the status line counts as rises. */
const riseSteps = (state: LogisticLabState, from = 1) => {
  const steps: number[] = [];
  for (let i = Math.max(1, from); i < state.costs.length; i++) if (costRose(state.costs[i - 1]!, state.costs[i]!)) steps.push(i);
  return steps;
};
/** The curvature readout's text at the lab's current weights. */
const readoutText = (state: LogisticLabState) => curvatureText(state.rate, curvatureAt(state.points, currentWeights(state), state.learnBias)!, state.learnBias);
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
            state = labReducer(state, { type: 'step', steps: 1 });
          }
        }
    // … and on point sets placed anywhere on the plot
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 6 - 3;
    for (let trial = 0; trial < 50; trial++) {
      let state = initialLab();
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
      state = labReducer(state, { type: 'step', steps: 1 });
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

  claim('where the line points the wrong way (only 35% of the points are on their own side)', () => {
    expect(refAccuracy([-4, 3, 0], OVERLAPPING)).toBe(7 / 20);
    expect(labReadout(initialLab()).accuracy).toBe(0.35);
    // the wrong way: (−4, 3) is more than 90° from the best line's (w₁, w₂)
    expect(-4 * W_STAR[0]! + 3 * W_STAR[1]!).toBeLessThan(0);
  });

  claim('the short segment ahead of it is where the next step will land', () => {
    let state = lab({ rate: 2 });
    for (let k = 0; k < 20; k++) {
      const drawn = nextOnMap(state.rate, labReadout(state));
      state = labReducer(state, { type: 'step', steps: 1 });
      expect([...drawn]).toEqual(currentWeights(state).slice(0, 2));
    }
  });

  claim('With the overlapping points and $\\eta = 0.5$, the cost after 300 steps has settled near 0.177 with 90% of the points right', () => {
    const state = lab({ steps: 300 });
    const readout = labReadout(state);
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

  claim('every start you choose ends in the same place: try starting from each corner of the map (at $\\eta = 0.5$ the farthest corner takes about 1300 steps to get there, at $\\eta = 10$ fewer than 70)', () => {
    const corners = [[-6, -6], [-6, 6], [6, -6], [6, 6]] as const;
    // "there": the status line's weights (three decimals) are the bottom's, and stay so
    const bottom = W_STAR.map((v) => shown(v, 3)).join();
    const arrival = (rate: number, corner: readonly [number, number]) => {
      const state = run(initialLab(), { type: 'start', w1: corner[0], w2: corner[1] }, { type: 'rate', rate }, { type: 'step', steps: 5000 });
      const labels = state.path.map((w) => w.map((v) => shown(v, 3)).join());
      expect(labels.at(-1), `η ${rate} from ${corner}`).toBe(bottom);
      let k = labels.length - 1;
      while (k > 0 && labels[k - 1] === bottom) k--;
      return k;
    };
    const slow = corners.map((c) => arrival(0.5, c));
    const fast = corners.map((c) => arrival(10, c));
    expect(Math.max(...slow)).toBeGreaterThanOrEqual(1250);
    expect(Math.max(...slow)).toBeLessThanOrEqual(1350);
    expect(Math.max(...fast)).toBeLessThan(70);
  });

  claim('it is largest, ¼, for a point on the line, and fades fast as the point\'s $|z_n|$ grows', () => {
    expect(sigma(0) * (1 - sigma(0))).toBe(0.25);
    const weights = [0, 1, 2, 4, 8].map((z) => sigma(z) * sigma(-z));
    for (let k = 1; k < weights.length; k++) expect(weights[k]).toBeLessThan(weights[k - 1]!);
    expect(weights.at(-1)).toBeLessThan(0.0004);
  });

  // ---- Separable classes ----

  claim('the map\'s description reports its lowest cost on the edge of the map', () => {
    const state = lab({ preset: 'separable', steps: 300 });
    const { X, t } = labData(state.points);
    for (const k of [0, 10, 100, 300]) {
      const b = state.path[k]![2];
      expect(gridMinimum(logisticCostGrid(X, t, b, MAP_SPEC), MAP_SPEC)?.onEdge, `step ${k}`).toBe(true);
    }
  });

  claim('accuracy reaches 100% at step 10 and stays there', () => {
    const state = lab({ preset: 'separable', steps: 5000 });
    const accuracies = state.path.map((w) => refAccuracy([...w], SEPARABLE));
    expect(accuracies.findIndex((a) => a === 1)).toBe(10);
    expect(accuracies.slice(10).every((a) => a === 1)).toBe(true);
  });

  claim('The cost falls at every step, the weights keep growing, and $\\hat y$ creeps towards exactly 0 or 1 on every point.', () => {
    const state = lab({ preset: 'separable', steps: 5000 });
    for (let k = 1; k <= 5000; k++) expect(state.costs[k]! < state.costs[k - 1]!, `step ${k}`).toBe(true);
    const norm = (k: number) => Math.hypot(...state.path[k]!);
    for (let k = 11; k <= 5000; k++) expect(norm(k) > norm(k - 1), `step ${k}`).toBe(true);
    const worst = (k: number) => Math.max(...SEPARABLE.X.map((x, n) => Math.abs(sigma(zOf([...state.path[k]!], x)) - SEPARABLE.t[n]!)));
    expect(worst(100)).toBeLessThan(worst(10));
    expect(worst(1000)).toBeLessThan(worst(100));
    expect(worst(5000)).toBeLessThan(0.001);
  });

  claim('The line keeps turning too, more slowly as it goes, towards the line that leaves the widest gap between the two classes.', () => {
    // the widest gap, by brute force over directions u: half the gap between the classes' projections
    let widest = { gap: -Infinity, angle: 0 };
    for (let k = 0; k < 360 * 200; k++) {
      const angle = k / 200;
      const u = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
      const proj = SEPARABLE.X.map((x) => u[0]! * x[0] + u[1]! * x[1]);
      const gap = Math.min(...proj.filter((_, n) => SEPARABLE.t[n] === 1)) - Math.max(...proj.filter((_, n) => SEPARABLE.t[n] === 0));
      if (gap > widest.gap) widest = { gap, angle };
    }
    expect(widest.angle).toBeCloseTo(46.27, 1);
    const state = lab({ preset: 'separable', steps: 5000 });
    const angle = (k: number) => (Math.atan2(state.path[k]![1], state.path[k]![0]) * 180) / Math.PI;
    for (let k = 11; k <= 5000; k++) {
      expect(angle(k) < angle(k - 1), `step ${k}`).toBe(true);
      expect(angle(k)).toBeGreaterThan(widest.angle);
    }
    const turned = [10, 100, 1000, 2000, 3000, 4000, 5000].map((k) => angle(k));
    // per step, the turning slows: degrees per step over successive stretches
    const rates = [turned[0]! - turned[1]!, turned[1]! - turned[2]!].map((d, i) => d / [90, 900][i]!);
    expect(rates[1]).toBeLessThan(rates[0]!);
    for (let i = 3; i < turned.length; i++) expect(turned[i - 1]! - turned[i]!).toBeLessThan(turned[i - 2]! - turned[i - 1]!);
  });

  claim('$2/\\lambda_{\\max}$ is 8.52 at step 10, 94.3 at step 100 and 5045 at step 5000', () => {
    const state = lab({ preset: 'separable', steps: 5000 });
    const ref = refDescent(SEPARABLE, [-4, 3, 0], 0.5, 5000, true);
    for (const [k, text] of [[10, '8.52'], [100, '94.3'], [5000, '5045']] as const) {
      const labThreshold = curvatureAt(state.points, state.path[k]!, true)!.threshold;
      const refThreshold = 2 / refLambda(ref[k]!, SEPARABLE, true);
      expect(Math.abs(labThreshold - refThreshold) / refThreshold).toBeLessThan(1e-9);
      expect(formatNumber(refThreshold, k === 10 ? 2 : k === 100 ? 1 : 0)).toBe(text);
      const at = lab({ preset: 'separable', steps: k });
      expect(readoutText(at)).toContain(`2/λmax = ${text}.`);
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

  claim('at the start $(-4, 3)$ the readout shows $\\lambda_{\\max} = 0.4230$', () => {
    expect(shown(refLambda([-4, 3, 0], OVERLAPPING, true), 4)).toBe('0.4230');
    expect(readoutText(initialLab())).toContain('λmax = 0.4230 ');
  });

  claim('Set $\\eta = 10$ and press Play: by step 80 the path has settled, and the readout shows $\\lambda_{\\max} = 0.0795$, so $2/\\lambda_{\\max} = 25.1$.', () => {
    const lambda = refLambda(W_STAR, OVERLAPPING, true);
    expect(shown(lambda, 4)).toBe('0.0795');
    expect(shown(2 / lambda, 1)).toBe('25.1');
    const state = lab({ rate: 10, steps: 5000 });
    const texts = state.path.map((w) => curvatureText(10, curvatureAt(state.points, w, true)!, true));
    expect(texts[80]).toContain('λmax = 0.0795 ');
    expect(texts[80]).toContain('2/λmax = 25.1.');
    // settled: from step 80 on neither the readout nor the status line's cost changes
    expect(texts.slice(80).every((t) => t === texts[80])).toBe(true);
    expect(new Set(state.costs.slice(80).map((c) => shown(c, 4)))).toEqual(new Set([shown(refCost(W_STAR, OVERLAPPING), 4)]));
  });

  claim('At $\\eta = 25$, just below 25.1, it stays at the bottom.', () => {
    for (const n0 of [80, 150, 300]) {
      const state = settleThen(n0, 25, 3000);
      expect(riseSteps(state, n0 + 1)).toEqual([]);
      // never farther from the bottom than where the change found it, and at it in the end
      const found = distance(state.path[n0]!, W_STAR);
      for (const w of state.path.slice(n0)) expect(distance(w, W_STAR)).toBeLessThanOrEqual(found + 1e-9);
      expect(distance(currentWeights(state), W_STAR)).toBeLessThan(1e-9);
    }
  });

  claim('At $\\eta = 28$, one position further, it leaves: within 25 steps the status line starts counting steps that raised the cost, the path zigzags out of the bottom in ever wider swings, and about 100 steps after the change it is bouncing between two points, $(2.63, 1.48)$ and $(2.08, 1.04)$ on the map, with costs 0.1848 and 0.1911 where the bottom\'s is 0.1766.', () => {
    // one position further: the slider's next rate after 25
    expect(SLIDER_RATES[SLIDER_RATES.indexOf(25) + 1]).toBe(28);
    // the bounce itself, from the reference descent from the start: two points that map onto each other
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 28, 5000, true);
    const [a, b] = [ref[4999]!, ref[5000]!];
    expect(distance(refDescent(OVERLAPPING, b, 28, 2, true)[2]!, b)).toBeLessThan(1e-12);
    const ends = [a, b].map((w) => `(${shown(w[0]!, 2)}, ${shown(w[1]!, 2)})`).sort();
    expect(ends).toEqual(['(2.08, 1.04)', '(2.63, 1.48)']);
    expect([a, b].map((w) => shown(refCost(w, OVERLAPPING), 4)).sort()).toEqual(['0.1848', '0.1911']);
    expect(shown(refCost(W_STAR, OVERLAPPING), 4)).toBe('0.1766');
    // the lab, settled at η = 10 for as long as the learner likes, then switched to 28
    const label = (w: readonly number[]) => w.map((v) => shown(v, 3)).join();
    for (const n0 of [80, 90, 100, 150, 200, 300, 500, 1000]) {
      const state = settleThen(n0, 28, 1000);
      const rises = riseSteps(state, n0 + 1).map((i) => i - n0);
      expect(rises[0], `settled ${n0} steps`).toBeLessThanOrEqual(25);
      // bouncing: from about 100 steps after the change on, the status line's weights are a's or b's
      const bouncing = (k: number) => [label(a), label(b)].includes(label(state.path[n0 + k]!));
      let from = 1000;
      while (from > 0 && bouncing(from - 1)) from--;
      expect(from, `settled ${n0} steps`).toBeGreaterThanOrEqual(80);
      expect(from, `settled ${n0} steps`).toBeLessThanOrEqual(120);
      // zigzags out in ever wider swings: each step in (w₁, w₂) turns back on the one before, and they lengthen
      const first = rises[0]!;
      const swing = (k: number) => distance(state.path[n0 + k]!.slice(0, 2), state.path[n0 + k - 1]!.slice(0, 2));
      for (let k = first + 1; k < from - 30; k++) {
        const p = state.path;
        const d1 = [p[n0 + k]![0] - p[n0 + k - 1]![0], p[n0 + k]![1] - p[n0 + k - 1]![1]];
        const d0 = [p[n0 + k - 1]![0] - p[n0 + k - 2]![0], p[n0 + k - 1]![1] - p[n0 + k - 2]![1]];
        expect(d1[0]! * d0[0]! + d1[1]! * d0[1]!, `settled ${n0}, step ${k}`).toBeLessThan(0);
        expect(swing(k + 2)).toBeGreaterThan(swing(k));
      }
    }
  });

  claim('Every second step raises the cost, for as long as you let it run. But the path does not diverge.', () => {
    const state = settleThen(300, 28, 4700);
    const rises = new Set(riseSteps(state, 300 + 150));
    for (let i = 451; i < state.costs.length; i++) expect(rises.has(i), `step ${i}`).toBe(!rises.has(i - 1));
    expect(rises.size).toBeGreaterThan(2000);
    for (const w of state.path.slice(300)) expect(distance(w, W_STAR)).toBeLessThan(1);
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
    const state = lab({ rate: 28, steps: 5000 });
    const texts = [4999, 5000].map((k) => curvatureText(28, curvatureAt(state.points, state.path[k]!, true)!, true));
    const refs = [4999, 5000].map((k) => shown(refLambda([...state.path[k]!], OVERLAPPING, true), 4)).sort();
    expect(refs).toEqual(['0.0493', '0.1133']);
    expect(texts.map((t) => /λmax = (\S+) /.exec(t)?.[1]).sort()).toEqual(refs);
  });

  claim('at every rate on the slider up to $\\eta = 25$ no step raises the cost, and at 28 it ends in the same bounce, its first rise at step 53', () => {
    for (const rate of SLIDER_RATES.filter((r) => r <= 25)) expect(riseSteps(lab({ rate, steps: 5000 })), `η ${rate}`).toEqual([]);
    const state = lab({ rate: 28, steps: 5000 });
    expect(riseSteps(state)[0]).toBe(53);
    // the reference descent agrees: its first rise beyond rounding is at step 53 too
    const ref = refDescent(OVERLAPPING, [-4, 3, 0], 28, 60, true).map((w) => refCost(w, OVERLAPPING));
    expect(ref.findIndex((c, i) => i > 0 && c - ref[i - 1]! > 1e-12)).toBe(53);
    const ends = [4999, 5000].map((k) => `(${shown(state.path[k]![0], 2)}, ${shown(state.path[k]![1], 2)})`).sort();
    expect(ends).toEqual(['(2.08, 1.04)', '(2.63, 1.48)']);
  });

  claim('(From $\\eta = 7.1$ up, the first step carries the path off the map, for the cost is steep at the start; it walks back in.)', () => {
    for (const rate of SLIDER_RATES) {
      const state = lab({ rate, steps: 2000 });
      expect(offMap(state.path[1]!), `η ${rate}`).toBe(rate >= 7.1);
      if (rate >= 7.1) expect(state.path.slice(2).some((w) => !offMap(w)), `η ${rate}`).toBe(true);
    }
  });

  claim('Up to $\\eta = 45$ the path ends bouncing between two points, further apart the larger $\\eta$', () => {
    const rates = SLIDER_RATES.filter((r) => r >= 28 && r <= 45);
    expect(rates).toEqual([28, 32, 35, 40, 45]);
    const widths = rates.map((rate) => {
      const state = lab({ rate, steps: 5000 });
      expect(periodAtEnd(state.path, 400), `η ${rate}`).toBe(2);
      return distance(state.path[4999]!, state.path[5000]!);
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1]!);
  });

  claim('from $\\eta = 56$ up it never settles into a repeating pattern, jumping about the valley and off the map while the cost rises and falls', () => {
    for (const rate of SLIDER_RATES.filter((r) => r >= 56)) {
      const state = lab({ rate, steps: 5000 });
      // no period up to 1000 steps in the last 3000 (of the lab's 5000)
      expect(periodAtEnd(state.path, 1000), `η ${rate}`).toBe(0);
      const late = state.path.slice(2000);
      expect(late.some(offMap), `η ${rate}`).toBe(true);
      expect(late.some((w) => !offMap(w)), `η ${rate}`).toBe(true);
      expect(riseSteps(state, 2000).length, `η ${rate}`).toBeGreaterThan(500);
    }
  });

  claim('so the path stays within a distance of it that grows with $\\eta$', () => {
    // a step is at most η·max‖∇L‖, and ‖∇L‖ ≤ max ‖x̃_n‖ (|σ − t| ≤ 1)
    const longest = Math.max(...OVERLAPPING.X.map((x) => Math.hypot(...tilde(x))));
    const farthest = SLIDER_RATES.map((rate) => {
      const state = lab({ rate, steps: 5000 });
      for (let k = 1; k < state.path.length; k++) expect(distance(state.path[k]!, state.path[k - 1]!)).toBeLessThanOrEqual(rate * longest);
      return Math.max(...state.path.map((w) => distance(w, W_STAR)));
    });
    SLIDER_RATES.forEach((rate, i) => expect(farthest[i], `η ${rate}`).toBeLessThanOrEqual(1.5 * rate + 7));
    expect(farthest.at(-1)).toBeGreaterThan(farthest[SLIDER_RATES.indexOf(28)]!);
  });

  claim('With the bias held at 0 the bowl is a different one: the readout at its bottom shows $\\lambda_{\\max} = 0.0626$, so $2/\\lambda_{\\max} = 32.0$, and from $(-4, 3)$, $\\eta = 28$ now settles at the bottom while $\\eta = 32$ ends in a bounce.', () => {
    const lambda = refLambda(W_STAR_NO_BIAS, OVERLAPPING, false);
    expect(shown(lambda, 4)).toBe('0.0626');
    expect(shown(2 / lambda, 1)).toBe('32.0');
    const settled = lab({ bias: false, rate: 28, steps: 5000 });
    expect(readoutText(settled)).toContain('λmax = 0.0626 ');
    expect(readoutText(settled)).toContain('2/λmax = 32.0.');
    expect(riseSteps(settled)).toEqual([]);
    expect(distance(currentWeights(settled), W_STAR_NO_BIAS)).toBeLessThan(1e-9);
    const bouncing = lab({ bias: false, rate: 32, steps: 5000 });
    expect(periodAtEnd(bouncing.path, 10)).toBe(2);
    const late = new Set(riseSteps(bouncing, 4000));
    for (let i = 4001; i <= 5000; i++) expect(late.has(i)).toBe(!late.has(i - 1));
    expect(distance(currentWeights(bouncing), W_STAR_NO_BIAS)).toBeGreaterThan(0.01);
  });

  claim('after 100 steps at $\\eta = 0.02$ the cost is still above 1, where $\\eta = 0.5$ has brought it below 0.3 in as many', () => {
    const slow = labReadout(lab({ rate: 0.02, steps: 100 })).cost;
    const fast = labReadout(lab({ rate: 0.5, steps: 100 })).cost;
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
});
